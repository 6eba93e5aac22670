"""The time-lapse's inset chart: the series' area over the range, a marker on the frame's date.

It is painted in a box of the page given in device pixels (a corner of the map frame), with pens
in 96-dpi pixels times the page's ``scale`` and type in points through the page's
:class:`~ui.printing.units.PageUnits`, like every other mark of a page, so it reads the same in
the PNG page, the video frame and the PDF page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

from geo.units import format_number
from ui.map.styles import OVERLAY_INK, make_pen

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from ui.printing.units import PageUnits

BOX_FILL = QColor(255, 255, 255, 225)
GRID = QColor(0, 0, 0, 40)
MARKER = QColor("#111111")
TITLE_PT = 7.0
PAD_PX = 6.0


@dataclass(frozen=True)
class AreaChart:
    """Area over time (km²) and the date of the frame, which the marker points at."""

    dates: Sequence[dt.date]
    km2: Sequence[float]
    marker: dt.date
    color: str
    title: str = "Area held (km²)"


def _to_plot(chart: AreaChart, plot: QRectF) -> tuple[list[QPointF], QPointF]:
    """The curve's points in the plot rectangle, and the marker's point."""
    start, end = chart.dates[0].toordinal(), chart.dates[-1].toordinal()
    low, high = min(chart.km2), max(chart.km2)
    span_x, span_y = max(end - start, 1), max(high - low, 1e-9)

    def point(ordinal: int, km2: float) -> QPointF:
        x = plot.left() + (ordinal - start) / span_x * plot.width()
        return QPointF(x, plot.bottom() - (km2 - low) / span_y * plot.height())

    points = [point(d.toordinal(), a) for d, a in zip(chart.dates, chart.km2, strict=True)]
    held = [a for d, a in zip(chart.dates, chart.km2, strict=True) if d <= chart.marker]
    marker = point(chart.marker.toordinal(), held[-1] if held else chart.km2[0])
    return points, marker


def paint_area_chart(painter: QPainter, units: PageUnits, box: QRectF, chart: AreaChart) -> None:
    """Paint ``chart`` in ``box`` (device pixels): the curve, its range and the moving marker."""
    if len(chart.dates) == 0:
        return
    scale = units.scale
    pad = PAD_PX * scale
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(make_pen(GRID, 1.0, scale))
    painter.setBrush(BOX_FILL)
    painter.drawRect(box)
    painter.setFont(units.font(TITLE_PT, bold=True))
    line = painter.fontMetrics().height()
    painter.setPen(OVERLAY_INK)
    inner = box.adjusted(pad, pad, -pad, -pad)
    painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, chart.title)
    painter.setFont(units.font(TITLE_PT * 0.85))
    low, high = min(chart.km2), max(chart.km2)
    plot = inner.adjusted(0, line * 1.2, 0, -line * 1.1)
    ends = f"{chart.dates[0]:%b %Y} – {chart.dates[-1]:%b %Y}"
    painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, ends)
    right = Qt.AlignmentFlag.AlignRight
    painter.drawText(inner, right | Qt.AlignmentFlag.AlignTop, format_number(high, 0))
    painter.drawText(inner, right | Qt.AlignmentFlag.AlignBottom, format_number(low, 0))
    points, marker = _to_plot(chart, plot.adjusted(0, 0, -line * 3.2, 0))
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(make_pen(QColor(chart.color), 1.6, scale))
    painter.drawPath(path)
    painter.setPen(make_pen(MARKER, 1.0, scale, dash=True))
    painter.drawLine(QPointF(marker.x(), plot.top()), QPointF(marker.x(), plot.bottom()))
    painter.setPen(make_pen(QColor("white"), 1.2, scale))
    painter.setBrush(MARKER)
    painter.drawEllipse(marker, 3.2 * scale, 3.2 * scale)
    painter.restore()
