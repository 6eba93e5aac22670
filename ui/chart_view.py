"""The chart: area over time and change per day (pyqtgraph), gaps drawn as gaps.

Both plots share the time axis. NaN marks a day without a snapshot: the area curve is drawn
with ``connect='finite'`` so it breaks there, and a day without a one-day change gets no bar.
Gained area is a bar above zero and lost area a bar below it, in the map's gained/lost colours;
net is a thin line. Vertical lines mark dates A and B (dashed) and the shown date; a click asks
the chart's viewmodel to show that date.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import OrderedDict
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import MONTH_DAY_ZOOM_LEVEL, YEAR_MONTH_ZOOM_LEVEL
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

from geo.timegrid import SECONDS_PER_DAY, to_seconds
from ui.map.styles import GAINED, LOST

if TYPE_CHECKING:
    from viewmodels.chart_viewmodel import ChartData, ChartViewModel, RegionSeries

GAINED_COLOR = GAINED.name()
"""The map's gained colour (opaque), so the chart and the map read the same way."""
LOST_COLOR = LOST.name()
"""The map's lost colour (opaque)."""
NET_COLOR = (20, 20, 20, 170)
"""Net per day: a thin, slightly translucent line so the fills beneath stay readable."""
AREA_COLOR = "#303030"
GAP_BRUSH = (120, 120, 120, 45)
"""Days without a snapshot: a light grey band behind both plots."""
AXIS_WIDTH = 64
"""Both left axes get this width so the two plots' time axes line up exactly."""
PLOT_MIN_HEIGHT = {"area": 120, "change": 110, "region": 90}
PLOT_MIN_HEIGHT_WITH_REGION = {"area": 72, "change": 62, "region": 62}
"""With a region's row the three plots share the dock's default height (about 270 px)."""
"""Below these heights the tick labels and axis titles start to collide. With the region's row
shown, all three are scaled down to fit the two series plots' height: the dock keeps its size
(a dock cannot always grow, and a layout taller than its view is cut off at the bottom)."""
REGION_ROW = 2
"""The grid row of the selected region's plot, under the two series plots (legend below it)."""
MARKERS = {
    "a": ("A", "#7d3c98", Qt.PenStyle.DashLine),
    "b": ("B", "#d35400", Qt.PenStyle.DashLine),
    "shown": ("", "#117a65", Qt.PenStyle.SolidLine),
}
_EPOCH = dt.datetime(1970, 1, 1)


def date_tick_label(seconds: float, spacing: float, month_day_level: bool) -> str:
    """A tick label that reads as a date: ``2025``, ``Mar``, ``Mar 2021``, ``14``.

    Parameters
    ----------
    seconds : float
        POSIX seconds of the tick (midnight UTC).
    spacing : float
        The tick level's spacing in seconds (a year, a month or days).
    month_day_level : bool
        True when a month tick should carry its year (months and days shown, or first tick).
    """
    when = _EPOCH + dt.timedelta(seconds=seconds)
    if spacing >= 360 * SECONDS_PER_DAY:
        return str(when.year)
    if spacing >= 28 * SECONDS_PER_DAY:
        return f"{when:%b} {when.year}" if month_day_level else f"{when:%b}"
    return str(when.day)


class DateAxis(pg.DateAxisItem):
    """Dates at day resolution at most (the data is daily), labelled as dates."""

    def __init__(self, orientation: str = "bottom") -> None:
        super().__init__(orientation)
        self.zoomLevels = OrderedDict(
            [(np.inf, YEAR_MONTH_ZOOM_LEVEL), (5 * SECONDS_PER_DAY, MONTH_DAY_ZOOM_LEVEL)]
        )

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        """The first month tick always names its year, so a short span still reads as dates."""
        month_day = self.zoomLevel is MONTH_DAY_ZOOM_LEVEL
        return [date_tick_label(v, spacing, month_day or i == 0) for i, v in enumerate(values)]


class KmAxis(pg.AxisItem):
    """km² ticks with thousands separators and no SI prefix (never "kkm²")."""

    def __init__(self, orientation: str = "left") -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)
        self.setWidth(AXIS_WIDTH)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = max(0, -math.floor(math.log10(spacing))) if spacing > 0 else 0
        return [f"{v * scale:,.{decimals}f}".replace("-", "−") for v in values]


def day_edges(x: np.ndarray) -> np.ndarray:
    """Edges of the one-day steps centred on ``x`` (``stepMode='center'`` wants n + 1)."""
    if not len(x):
        return np.empty(0)
    return np.append(x, x[-1] + SECONDS_PER_DAY) - SECONDS_PER_DAY / 2


def gap_spans(x: np.ndarray, area: np.ndarray) -> list[tuple[float, float]]:
    """``(start, end)`` in seconds of each run of days without a snapshot (NaN area)."""
    missing = np.isnan(area).astype(np.int8)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], missing, [0]))))
    half = SECONDS_PER_DAY / 2
    return [(x[a] - half, x[b - 1] + half) for a, b in zip(edges[::2], edges[1::2], strict=True)]


class ChartView(QWidget):
    """Two linked plots bound to a :class:`ChartViewModel`, and a third for a selected region.

    The region's plot ("region km²") is a row of its own, in the region's colour, and
    leaves the layout while the viewmodel has no region series.
    """

    def __init__(self, vm: ChartViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.graphics.ci.setContentsMargins(4, 4, 12, 4)
        self.graphics.ci.setSpacing(2)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("background:#f8d7da;color:#721c24;padding:4px")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.error_label)
        layout.addWidget(self.graphics)
        self.area_plot = self._add_plot(0, "area", "area km²")
        self.change_plot = self._add_plot(1, "change", "km²/day")
        self.region_plot = self._add_plot(REGION_ROW, "region", "region km²")
        self.plots = (self.area_plot, self.change_plot, self.region_plot)
        for plot in self.plots[1:]:
            plot.setXLink(self.area_plot)
        self.area_plot.getAxis("bottom").setStyle(showValues=False)
        for row, stretch in enumerate((3, 2, 2)):
            self.graphics.ci.layout.setRowStretchFactor(row, stretch)
        self.setMinimumHeight(PLOT_MIN_HEIGHT["area"] + PLOT_MIN_HEIGHT["change"] + 40)
        self._region_shown = True  # _add_plot put it in the layout
        self._build_items()
        self.graphics.scene().sigMouseClicked.connect(self._on_scene_clicked)
        vm.sig_data_changed.connect(self._on_vm_data_changed)
        vm.sig_markers_changed.connect(self._on_vm_markers_changed)
        vm.sig_error_changed.connect(self._on_vm_error_changed)
        vm.sig_computing_changed.connect(self._on_vm_computing_changed)
        vm.sig_region_series_changed.connect(self._on_vm_region_series_changed)
        self._on_vm_error_changed(vm.error())
        self._on_vm_data_changed(vm.data())
        self._on_vm_markers_changed(vm.markers())
        self._on_vm_region_series_changed(vm.region_series())

    def _add_plot(self, row: int, key: str, label: str) -> pg.PlotItem:
        plot = self.graphics.addPlot(
            row=row, col=0, axisItems={"bottom": DateAxis(), "left": KmAxis()}
        )
        plot.setMinimumHeight(PLOT_MIN_HEIGHT[key])
        plot.setLabel("left", label, **{"font-size": "8pt"})
        plot.showGrid(x=True, y=True, alpha=0.12)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.vb.setAutoVisible(y=True)
        plot.vb.setMouseEnabled(x=True, y=False)
        for side in ("left", "bottom"):  # redrawn on every date step otherwise: ~4 ms each
            plot.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        return plot

    def _build_items(self) -> None:
        self.area_curve = self.area_plot.plot(pen=pg.mkPen(AREA_COLOR, width=1.5))
        zero = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#9a9a9a", width=1))
        self.change_plot.addItem(zero, ignoreBounds=True)
        self.gained_bars = self.change_plot.plot(
            stepMode="center", fillLevel=0, pen=None, brush=GAINED_COLOR
        )
        self.lost_bars = self.change_plot.plot(
            stepMode="center", fillLevel=0, pen=None, brush=LOST_COLOR
        )
        self.net_curve = self.change_plot.plot(pen=pg.mkPen(NET_COLOR, width=1))
        self.gap_regions: list[pg.LinearRegionItem] = []
        self.legend = pg.LegendItem(labelTextColor="#303030", labelTextSize="8pt")
        self.legend.setColumnCount(4)
        self.legend.addItem(self.gained_bars, "gained")
        self.legend.addItem(self.lost_bars, "lost (below 0)")
        self.legend.addItem(self.net_curve, "net")
        gap_sample = pg.BarGraphItem(x=[0], height=[1], width=1, brush=GAP_BRUSH, pen=None)
        self.legend.addItem(gap_sample, "no snapshot")
        self.graphics.addItem(self.legend, row=REGION_ROW + 1, col=0)
        self.legend.setMaximumWidth(self.legend.layout.preferredWidth())
        self.graphics.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignHCenter)
        self.region_curve = self.region_plot.plot()
        self.region_legend = pg.LegendItem(
            offset=(6, 2), labelTextColor="#303030", labelTextSize="8pt", brush=(255, 255, 255, 200)
        )
        self.region_legend.setParentItem(self.region_plot.vb)
        self._build_markers()

    def _build_markers(self) -> None:
        """A, B and shown as vertical lines in every plot; only the top one is labelled."""
        self.markers: dict[str, list[pg.InfiniteLine]] = {}
        for key, (text, color, style) in MARKERS.items():
            pen = pg.mkPen(color, width=1.5, style=style)
            label_opts = {"position": 0.93, "color": color, "fill": (255, 255, 255, 200)}
            top = pg.InfiniteLine(angle=90, pen=pen, label=text or None, labelOpts=label_opts)
            lines = [top, *(pg.InfiniteLine(angle=90, pen=pen) for _ in self.plots[1:])]
            for plot, line in zip(self.plots, lines, strict=True):
                plot.addItem(line, ignoreBounds=True)
            self.markers[key] = lines

    def _on_vm_data_changed(self, data: ChartData) -> None:
        self.area_curve.setData(data.x, data.area_km2, connect="finite")
        edges = day_edges(data.x)
        self.gained_bars.setData(edges, np.nan_to_num(data.gained_km2))
        self.lost_bars.setData(edges, -np.nan_to_num(data.lost_km2))
        self.net_curve.setData(data.x, data.net_km2, connect="finite")
        self._show_gaps(gap_spans(data.x, data.area_km2))
        self._set_title(data.series or "no data")
        if len(data.x):
            pad = 2 * SECONDS_PER_DAY
            self.area_plot.vb.setLimits(
                xMin=data.x[0] - pad, xMax=data.x[-1] + pad, minXRange=5 * SECONDS_PER_DAY
            )
        if len(data.x) and np.isfinite(data.area_km2).any():
            self.area_plot.enableAutoRange()
            self.change_plot.enableAutoRange(axis="y")

    def _show_gaps(self, spans: list[tuple[float, float]]) -> None:
        """Shade the days without a snapshot in both plots (they stay gaps, not zeros)."""
        for region in self.gap_regions:
            region.getViewBox().removeItem(region)
        self.gap_regions = []
        for start, end in spans:
            for plot in self.plots:
                region = pg.LinearRegionItem(
                    (start, end), movable=False, brush=GAP_BRUSH, pen=pg.mkPen(None)
                )
                region.setZValue(-10)
                plot.addItem(region, ignoreBounds=True)
                self.gap_regions.append(region)

    def _on_vm_region_series_changed(self, series: RegionSeries | None) -> None:
        x, km2 = series.grid() if series is not None else (np.empty(0), np.empty(0))
        self.region_curve.setData(x, km2, connect="finite")
        self.region_legend.clear()
        if series is not None:
            self.region_curve.setPen(pg.mkPen(series.color, width=2))
            self.region_legend.addItem(self.region_curve, series.name)
            self.region_plot.enableAutoRange(axis="y")
        self._show_region_row(series is not None)

    def _show_region_row(self, shown: bool) -> None:
        """Put the region's plot in the layout (dates under it) or take it out of the layout."""
        layout = self.graphics.ci.layout
        if shown != self._region_shown:
            self._region_shown = shown
            if shown:
                layout.addItem(self.region_plot, REGION_ROW, 0)
            else:
                layout.removeItem(self.region_plot)
        self.region_plot.setVisible(shown)
        self.change_plot.getAxis("bottom").setStyle(showValues=not shown)
        layout.setRowStretchFactor(REGION_ROW, 2 if shown else 0)
        heights = PLOT_MIN_HEIGHT_WITH_REGION if shown else PLOT_MIN_HEIGHT
        for plot, key in zip(self.plots, ("area", "change", "region"), strict=True):
            plot.setMinimumHeight(heights[key])
        layout.invalidate()
        layout.activate()  # lay the rows out again now, within the view's current height

    def _set_title(self, text: str) -> None:
        self.area_plot.setTitle(text, size="9pt", color="#404040")

    def _on_vm_computing_changed(self, computing: bool) -> None:
        series = self.vm.data().series
        if computing:
            self._set_title("computing…")
        else:
            self._set_title(series or "no data")

    def _on_vm_error_changed(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _on_vm_markers_changed(self, markers: tuple) -> None:
        for key, date in zip(MARKERS, markers, strict=True):
            for line in self.markers[key]:
                line.setVisible(date is not None)
                if date is not None:
                    line.setValue(to_seconds(date))

    def _on_scene_clicked(self, event: object) -> None:
        pos = event.scenePos()  # type: ignore[attr-defined]
        for plot in self.plots:
            if plot.isVisible() and plot.vb.sceneBoundingRect().contains(pos):
                x = plot.vb.mapSceneToView(pos).x()
                if len(self.vm.data().x):
                    self.vm.request_date(float(x))
                return
