"""The chart: area over time and change per day (pyqtgraph), gaps drawn as gaps.

Both plots share the time axis. NaN marks a day without a snapshot and ``connect='finite'``
breaks the curve there. Vertical lines mark dates A and B (dashed) and the shown date; a click
asks the chart's viewmodel to show that date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from viewmodels.chart_viewmodel import to_seconds

if TYPE_CHECKING:
    from viewmodels.chart_viewmodel import ChartData, ChartViewModel

GAINED_COLOR = "#c0392b"
LOST_COLOR = "#2471a3"


class ChartView(QWidget):
    """Two linked plots bound to a :class:`ChartViewModel`."""

    def __init__(self, vm: ChartViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.error_label = QLabel()
        self.error_label.setStyleSheet("background:#f8d7da;color:#721c24;padding:4px")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.graphics)
        self.area_plot = self.graphics.addPlot(
            row=0, col=0, axisItems={"bottom": pg.DateAxisItem()}
        )
        self.change_plot = self.graphics.addPlot(
            row=1, col=0, axisItems={"bottom": pg.DateAxisItem()}
        )
        self.change_plot.setXLink(self.area_plot)
        self.area_plot.setLabel("left", "area", units="km²")
        self.change_plot.setLabel("left", "change per day", units="km²")
        self.change_plot.addLegend(offset=(5, 5))
        self.area_curve = self.area_plot.plot(pen=pg.mkPen("#333", width=2), connect="finite")
        self.gained_curve = self.change_plot.plot(
            pen=pg.mkPen(GAINED_COLOR), connect="finite", name="gained"
        )
        self.lost_curve = self.change_plot.plot(
            pen=pg.mkPen(LOST_COLOR), connect="finite", name="lost (−)"
        )
        self.net_curve = self.change_plot.plot(
            pen=pg.mkPen("#222", width=2), connect="finite", name="net"
        )
        self.markers: dict[str, list[pg.InfiniteLine]] = {}
        styles = {
            "a": pg.mkPen("#7d3c98", width=1.5, style=Qt.PenStyle.DashLine),
            "b": pg.mkPen("#d35400", width=1.5, style=Qt.PenStyle.DashLine),
            "shown": pg.mkPen("#117a65", width=1.5),
        }
        for key, pen in styles.items():
            self.markers[key] = [pg.InfiniteLine(angle=90, pen=pen) for _ in range(2)]
            self.area_plot.addItem(self.markers[key][0], ignoreBounds=True)
            self.change_plot.addItem(self.markers[key][1], ignoreBounds=True)
        self.graphics.scene().sigMouseClicked.connect(self._on_scene_clicked)
        vm.sig_data_changed.connect(self._on_vm_data_changed)
        vm.sig_markers_changed.connect(self._on_vm_markers_changed)
        vm.sig_error_changed.connect(self._on_vm_error_changed)
        self._on_vm_error_changed(vm.error())
        self._on_vm_data_changed(vm.data())
        self._on_vm_markers_changed(vm.markers())

    def _on_vm_data_changed(self, data: ChartData) -> None:
        self.area_curve.setData(data.x, data.area_km2, connect="finite")
        self.gained_curve.setData(data.x, data.gained_km2, connect="finite")
        self.lost_curve.setData(data.x, -data.lost_km2, connect="finite")
        self.net_curve.setData(data.x, data.net_km2, connect="finite")
        title = f"{data.series}: area over time" if data.series else "no data"
        self.area_plot.setTitle(title)
        if len(data.x) and np.isfinite(data.area_km2).any():
            self.area_plot.enableAutoRange()

    def _on_vm_error_changed(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _on_vm_markers_changed(self, markers: tuple) -> None:
        for key, date in zip(("a", "b", "shown"), markers, strict=True):
            for line in self.markers[key]:
                line.setVisible(date is not None)
                if date is not None:
                    line.setValue(to_seconds(date))

    def _on_scene_clicked(self, event: object) -> None:
        pos = event.scenePos()  # type: ignore[attr-defined]
        for plot in (self.area_plot, self.change_plot):
            if plot.sceneBoundingRect().contains(pos):
                x = plot.vb.mapSceneToView(pos).x()
                if len(self.vm.data().x):
                    self.vm.request_date(float(x))
                return
