"""The delta table of a comparison page: area on A and B, gained, lost and net in km².

Rows are those of the Comparison panel, with the panel's labels and number format
(:func:`geo.units.format_number`, one decimal, signed net); the first column is the whole series
and each visible region gets a column of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from geo.page import BODY_PT, line_mm
from geo.units import format_number

if TYPE_CHECKING:
    from geo.delta import Delta
    from geo.page import CompareSpec
    from geo.page_layout import Box
    from ui.printing.units import PageUnits

INK = QColor("#1a1a1a")
RULE = QColor("#999999")
MIN_PT = 5.0
WHOLE = "Whole series"


def table_cells(compare: CompareSpec) -> list[list[str]]:
    """The table as text: a header row, then Area on A, Area on B, Gained, Lost, Net."""
    columns: list[Delta] = list(compare.rows)
    header = ["km²", WHOLE, *(row.region or "" for row in columns[1:])]
    lines = [
        (f"Area on {compare.date_a}", lambda r: r.area_from_km2, False),
        (f"Area on {compare.date_b}", lambda r: r.area_to_km2, False),
        ("Gained", lambda r: r.gained_km2, False),
        ("Lost", lambda r: r.lost_km2, False),
        ("Net", lambda r: r.net_km2, True),
    ]
    body = [
        [label, *(format_number(value(r), 1, signed=net) for r in columns)]
        for label, value, net in lines
    ]
    return [header, *body]


def _fit_points(
    painter: QPainter, units: PageUnits, cells: list[list[str]], width_mm: float
) -> float:
    """The largest type size up to :data:`BODY_PT` at which every column fits ``width_mm``."""
    points = BODY_PT
    while points > MIN_PT:
        metrics = QFontMetricsF(units.font(points, bold=True), painter.device())
        widths = [
            max(metrics.horizontalAdvance(row[c]) for row in cells) for c in range(len(cells[0]))
        ]
        if sum(widths) + units.mm(2.0) * (len(widths) - 1) <= units.mm(width_mm):
            break
        points -= 0.5
    return points


def paint_delta_table(painter: QPainter, compare: CompareSpec, units: PageUnits, box: Box) -> float:
    """Draw the table at the top of ``box``; returns the height used in millimetres."""
    cells = table_cells(compare)
    if not compare.rows:
        return 0.0
    points = _fit_points(painter, units, cells, box.w)
    row_mm = line_mm(points) * 1.15
    painter.save()
    metrics = QFontMetricsF(units.font(points, bold=True), painter.device())
    widths = [
        max(metrics.horizontalAdvance(row[c]) for row in cells) / units.px_per_mm
        for c in range(len(cells[0]))
    ]
    spare = max(box.w - sum(widths), 0.0)
    label_w = widths[0] + spare - 2.0 * (len(widths) - 1) if len(widths) > 1 else box.w
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    y = box.y
    for i, row in enumerate(cells):
        bold = i == 0 or row[0] == "Net"
        painter.setFont(units.font(points, bold=bold))
        painter.setPen(INK)
        x = box.x
        for c, text in enumerate(row):
            w = label_w if c == 0 else widths[c]
            painter.drawText(units.rect(x, y, w, row_mm), left if c == 0 else right, text)
            x += w + 2.0
        y += row_mm
        if i == 0 or row[0] == "Lost":
            painter.setPen(units.pen(RULE, 0.4))
            painter.drawLine(
                units.rect(box.x, y, box.w, 0).topLeft(), units.rect(box.x, y, box.w, 0).topRight()
            )
    painter.restore()
    return y - box.y
