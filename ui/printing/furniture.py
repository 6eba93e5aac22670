"""The page around the map: header, side panel (inset, legend, delta table, notes) and footer.

Every size is in millimetres or points (:class:`~ui.printing.units.PageUnits`); text is drawn
with ``drawText`` so it stays text (selectable, fonts embedded) in a PDF or an SVG.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter

from geo.page import BODY_PT, SMALL_PT, STAMP_PT, SUBTITLE_PT, TITLE_PT, line_mm
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
    """Draw ``(text, points, bold, colour)`` lines down ``box``, wrapped; returns the mm used."""
    y = box.y
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
    return y - box.y


def paint_header(painter: QPainter, page: Page, units: PageUnits, box: Box) -> None:
    """Title, subtitle and the date stamp."""
    draw_lines(
        painter,
        units,
        box,
        [
            (page.title, TITLE_PT, True, INK),
            (page.subtitle, SUBTITLE_PT, False, INK),
            (page.date_stamp, STAMP_PT, False, GREY),
        ],
    )


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


def paint_side(painter: QPainter, page: Page, units: PageUnits, side: Box, frame: Frame) -> None:
    """Locator inset, legend, delta table and notes, top-down (a wide page's right column) or
    left to right (the band under the map of a tall page)."""
    from geo.page_layout import Box

    f = page.furniture
    notes_h = _notes_height(painter, page, units, side.w)
    if f.locator:
        width = side.w if side.h > side.w else min(side.h / LOCATOR_ASPECT, side.w / 3)
        height = min(width * LOCATOR_ASPECT, side.h)
        paint_locator(painter, units, Box(side.x, side.y, width, height), frame)
        if side.h <= side.w:
            side = Box(
                side.x + width + SECTION_GAP_MM, side.y, side.w - width - SECTION_GAP_MM, side.h
            )
        else:
            side = Box(
                side.x, side.y + height + SECTION_GAP_MM, side.w, side.h - height - SECTION_GAP_MM
            )
    y = side.y
    if f.legend:
        y += paint_legend(painter, page, units, Box(side.x, y, side.w, side.bottom - y))
        y += SECTION_GAP_MM
    if f.delta_table and page.content.compare is not None:
        y += paint_delta_table(
            painter, page.content.compare, units, Box(side.x, y, side.w, side.bottom - y)
        )
        y += SECTION_GAP_MM
    if notes_h:
        top = max(y, side.bottom - notes_h)
        draw_lines(
            painter,
            units,
            Box(side.x, top, side.w, side.bottom - top),
            [(page.notes, BODY_PT, False, INK)],
        )


def paint_furniture(
    painter: QPainter, page: Page, units: PageUnits, boxes: PageLayout, frame: Frame
) -> None:
    """Everything of the page but the map frame."""
    paint_header(painter, page, units, boxes.header)
    if boxes.side is not None:
        paint_side(painter, page, units, boxes.side, frame)
    paint_footer(painter, page, units, boxes.footer)
