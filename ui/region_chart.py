"""The Regions panel's chart: the selected region's km² over time.

Its axes are the Chart tab's (:class:`~ui.chart_view.DateAxis`, :class:`~ui.chart_view.KmAxis`):
dates as dates and km² with thousands separators. With no region selected, or no data for it,
the axes are hidden and a line of text says what the chart is for, instead of a meaningless
0-1 range labelled as dates of 1970.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from ui.chart_view import DateAxis, KmAxis

if TYPE_CHECKING:
    import numpy as np
    from PySide6.QtWidgets import QWidget

EMPTY_TEXT = "Select a region to see the km² held inside it over time."
MIN_HEIGHT = 140


class RegionChart(pg.PlotWidget):
    """A plot of one region's km² over time; :meth:`show_nothing` until there is one."""

    empty_note: QLabel | None = None
    """Made after the plot (whose construction already resizes it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": DateAxis(), "left": KmAxis()})
        self.setLabel("left", "held in region, km²")
        self.setMinimumHeight(MIN_HEIGHT)
        self.setBackground("w")
        self.curve = self.plot([], [], pen=pg.mkPen("k", width=2), connect="finite")
        note = self.empty_note = QLabel(EMPTY_TEXT, self)
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setStyleSheet("color: #666; background: transparent;")
        self.show_nothing()

    def show_series(self, seconds: np.ndarray, km2: np.ndarray, color: str) -> None:
        """Plot ``km2`` at ``seconds`` (POSIX, midnight UTC) in the region's ``color``."""
        self.curve.setData(seconds, km2)
        self.curve.setPen(pg.mkPen(color, width=2))
        self._show_values(True)
        self.enableAutoRange()

    def show_nothing(self) -> None:
        """No curve, no axes, and :data:`EMPTY_TEXT` across the plot."""
        self.curve.setData([], [])
        self._show_values(False)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.empty_note is not None:
            self.empty_note.setGeometry(self.rect().adjusted(12, 8, -12, -8))

    def _show_values(self, shown: bool) -> None:
        for name in ("bottom", "left"):
            self.getPlotItem().showAxis(name, shown)
        if self.empty_note is not None:
            self.empty_note.setVisible(not shown)
