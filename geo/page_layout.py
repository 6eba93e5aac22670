"""Where the parts of a printed page go, in millimetres from the page's top-left corner (no Qt).

The header (title, subtitle, date stamp) runs across the top and the footer (source and method
lines) across the bottom. Between them the map frame takes the room; the side panel (locator
inset, legend, delta table, notes) stands to the right of the map on a wide page and below it on
a tall or square one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.page import MM_PER_PT, SMALL_PT, STAMP_PT, SUBTITLE_PT, TITLE_PT, line_mm

if TYPE_CHECKING:
    from geo.page import Page

GAP_MM = 4.0
"""Space between the header, the map, the side panel and the footer."""
SIDE_WIDTH_FRACTION = 0.24
"""Share of the page's width the side panel takes on a wide page."""
SIDE_HEIGHT_FRACTION = 0.27
"""Share of the page's height the side panel takes on a tall or square page."""
WIDE_ASPECT = 1.15
"""A page wider than tall by this factor gets its side panel on the right."""


@dataclass(frozen=True)
class Box:
    """A rectangle in millimetres: left, top, width, height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class PageLayout:
    """The boxes of a page; ``side`` is None when nothing goes beside the map."""

    page: Box
    header: Box
    map: Box
    side: Box | None
    footer: Box
    side_on_right: bool


AVERAGE_ADVANCE_EM = 0.62
"""A generous average width of a character of the page's sans-serif typeface, in ems (DejaVu
Sans, the widest common default, averages about 0.55 over English words and spaces)."""


def wrapped_lines(text: str, points: float, width_mm: float) -> int:
    """How many lines ``text`` takes at ``points`` in ``width_mm``, estimated without a font
    (the layout is pure; rather one line too many than a line cut off)."""
    per_line = max(int(width_mm / (points * MM_PER_PT * AVERAGE_ADVANCE_EM)), 1)
    return max(math.ceil(len(text) / per_line), 1)


HEADER_MAX_LINES = 3
"""The most lines the header gives one text: a longer title is cut, never the map."""


def header_rows(page: Page, width_mm: float) -> list[tuple[str, float, int]]:
    """``(text, points, lines)`` of the title, subtitle and date stamp: the lines each takes,
    at most :data:`HEADER_MAX_LINES` (an empty text takes none)."""
    sizes = [(page.title, TITLE_PT), (page.subtitle, SUBTITLE_PT), (page.date_stamp, STAMP_PT)]
    return [
        (t, pt, min(wrapped_lines(t, pt, width_mm), HEADER_MAX_LINES) if t else 0)
        for t, pt in sizes
    ]


def header_height(page: Page, width_mm: float) -> float:
    """Height of the header (:func:`header_rows`)."""
    return sum(lines * line_mm(pt) for _text, pt, lines in header_rows(page, width_mm))


def footer_height(page: Page) -> float:
    """Room for the source line (up to two lines) and the method line."""
    lines = 2 * bool(page.furniture.source and page.source)
    lines += bool(page.furniture.method and page.method)
    return lines * line_mm(SMALL_PT)


def has_side(page: Page) -> bool:
    """Whether any item of the side panel is drawn."""
    f, c = page.furniture, page.content
    return (
        f.locator
        or f.legend
        or (f.delta_table and c.compare is not None)
        or (f.notes and bool(page.notes))
    )


def layout(page: Page) -> PageLayout:
    """The boxes of ``page`` (see module docstring)."""
    width, height = page.size_mm()
    m = page.margin_mm
    inner = Box(m, m, max(width - 2 * m, 1.0), max(height - 2 * m, 1.0))
    head_h = header_height(page, inner.w)
    foot_h = footer_height(page)
    header = Box(inner.x, inner.y, inner.w, head_h)
    footer = Box(inner.x, inner.bottom - foot_h, inner.w, foot_h)
    top = header.bottom + (GAP_MM if head_h else 0.0)
    bottom = footer.y - (GAP_MM if foot_h else 0.0)
    body = Box(inner.x, top, inner.w, max(bottom - top, 1.0))
    wide = width > WIDE_ASPECT * height
    if not has_side(page):
        return PageLayout(Box(0, 0, width, height), header, body, None, footer, wide)
    if wide:
        side_w = max(SIDE_WIDTH_FRACTION * inner.w, 45.0)
        map_box = Box(body.x, body.y, body.w - side_w - GAP_MM, body.h)
        side = Box(map_box.right + GAP_MM, body.y, side_w, body.h)
    else:
        side_h = SIDE_HEIGHT_FRACTION * inner.h
        map_box = Box(body.x, body.y, body.w, body.h - side_h - GAP_MM)
        side = Box(body.x, map_box.bottom + GAP_MM, body.w, side_h)
    return PageLayout(Box(0, 0, width, height), header, map_box, side, footer, wide)
