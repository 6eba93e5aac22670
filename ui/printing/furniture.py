"""The page around the map: header, side panel (inset, legend, delta table, notes) and footer.

Every size is in millimetres or points (:class:`~ui.printing.units.PageUnits`); text is drawn
with ``drawText`` so it stays text (selectable, fonts embedded) in a PDF or an SVG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption

from geo.page import BODY_PT, SMALL_PT, line_mm
from ui.printing.legend import paint_legend
from ui.printing.locator import paint_locator
from ui.printing.table import paint_delta_table

if TYPE_CHECKING:
    from geo.page import Page
    from geo.page_layout import Box, PageLayout
    from ui.map.frame import Frame
    from ui.printing.units import PageUnits

INK = QColor("#1a1a1a")
GREY = QColor("#555555")
SECTION_GAP_MM = 3.5
LOCATOR_ASPECT = 0.8
"""Height of the locator inset as a share of its width."""
_LEFT_WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


def draw_lines(
    painter: QPainter,
    units: PageUnits,
    box: Box,
    lines: list[tuple[str, float, bool, QColor]],
) -> float:
    """Draw ``(text, points, bold, colour)`` lines down ``box``, wrapped and cut at its edges
    (a text longer than its room never runs into the map); returns the mm used."""
    y = box.y
    painter.save()
    painter.setClipRect(units.rect(box.x, box.y, box.w, box.h))
    for text, points, bold, color in lines:
        if not text:
            continue
        font = units.font(points, bold)
        painter.setFont(font)
        painter.setPen(color)
        rect = units.rect(box.x, y, box.w, max(box.bottom - y, 0.1))
        used = painter.boundingRect(rect, _LEFT_WRAP, text)
        painter.drawText(rect, _LEFT_WRAP, text)
        y += max(used.height() / units.px_per_mm, line_mm(points) * 0.9)
    painter.restore()
    return y - box.y


def fit_lines(text: str, font: QFont, width_px: float, max_lines: int) -> str:
    """``text`` cut to the ``max_lines`` lines it wraps to in ``width_px``, the last one ending
    in "…" when something was cut (a pasted paragraph, or one endless word, as a title stays a
    title)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    starts: list[int] = []
    while len(starts) <= max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width_px)
        starts.append(line.textStart())
    layout.endLayout()
    if not starts:
        return text
    last = starts[min(len(starts), max_lines) - 1]  # also a last line of one overlong word
    rest = QFontMetricsF(font).elidedText(text[last:], Qt.TextElideMode.ElideRight, width_px)
    return text[:last] + rest


def paint_header(painter: QPainter, page: Page, units: PageUnits, box: Box) -> None:
    """Title, subtitle and the date stamp, each in the lines the layout gave it (a title too
    long for them is cut; the dates below it always show)."""
    from geo.page_layout import Box, header_rows

    y = box.y
    looks = ((True, INK), (False, INK), (False, GREY))
    for (text, points, lines), (bold, color) in zip(header_rows(page, box.w), looks, strict=True):
        height = lines * line_mm(points)
        fitted = fit_lines(text, units.font(points, bold), units.mm(box.w), lines)
        room = Box(box.x, y, box.w, height)
        y += min(draw_lines(painter, units, room, [(fitted, points, bold, color)]), height)


def paint_footer(painter: QPainter, page: Page, units: PageUnits, box: Box) -> None:
    """Source line and method line, small and grey."""
    f = page.furniture
    draw_lines(
        painter,
        units,
        box,
        [
            (page.source if f.source else "", SMALL_PT, False, GREY),
            (page.method if f.method else "", SMALL_PT, False, GREY),
        ],
    )


def _notes_height(painter: QPainter, page: Page, units: PageUnits, width_mm: float) -> float:
    if not (page.furniture.notes and page.notes):
        return 0.0
    metrics = QFontMetricsF(units.font(BODY_PT), painter.device())
    rect = metrics.boundingRect(QRectF(0, 0, units.mm(width_mm), 1e6), _LEFT_WRAP, page.notes)
    return rect.height() / units.px_per_mm


def _place_locator(painter: QPainter, units: PageUnits, side: Box, frame: Frame) -> Box:
    """Draw the inset at the start of ``side``; returns what is left of ``side``."""
    from geo.page_layout import Box

    band = side.h <= side.w
    width = min(side.h / LOCATOR_ASPECT, side.w / 3) if band else side.w
    height = min(width * LOCATOR_ASPECT, side.h)
    paint_locator(painter, units, Box(side.x, side.y, width, height), frame)
    gap = SECTION_GAP_MM
    if band:
        return Box(side.x + width + gap, side.y, side.w - width - gap, side.h)
    return Box(side.x, side.y + height + gap, side.w, side.h - height - gap)


def _columns(side: Box, band: bool, table: bool) -> tuple[Box, Box]:
    """(legend and notes, table): one column top-down, or side by side in a band."""
    from geo.page_layout import Box

    if not (band and table):
        return side, side
    half = (side.w - SECTION_GAP_MM) / 2
    return Box(side.x, side.y, half, side.h), Box(
        side.x + half + SECTION_GAP_MM, side.y, half, side.h
    )


def paint_side(painter: QPainter, page: Page, units: PageUnits, side: Box, frame: Frame) -> None:
    """Locator inset, legend, delta table and notes: top-down in a wide page's right column, in
    columns side by side in the band under the map of a tall or square page."""
    from geo.page_layout import Box

    f = page.furniture
    band = side.h <= side.w
    if f.locator:
        side = _place_locator(painter, units, side, frame)
    compare = page.content.compare if f.delta_table else None
    left, right = _columns(side, band, compare is not None)
    y = left.y
    if f.legend:
        y += paint_legend(painter, page, units, Box(left.x, y, left.w, left.bottom - y))
        y += SECTION_GAP_MM
    if compare is not None:
        top = right.y if right is not left else y
        used = paint_delta_table(
            painter, compare, units, Box(right.x, top, right.w, right.bottom - top)
        )
        y = y if right is not left else y + used + SECTION_GAP_MM
    notes_h = _notes_height(painter, page, units, left.w)
    if notes_h:
        top = max(y, left.bottom - notes_h)
        notes = [(page.notes, BODY_PT, False, INK)]
        draw_lines(painter, units, Box(left.x, top, left.w, left.bottom - top), notes)


def paint_furniture(
    painter: QPainter, page: Page, units: PageUnits, boxes: PageLayout, frame: Frame
) -> None:
    """Everything of the page but the map frame."""
    paint_header(painter, page, units, boxes.header)
    if boxes.side is not None:
        paint_side(painter, page, units, boxes.side, frame)
    paint_footer(painter, page, units, boxes.footer)
