"""The page's legend: each visible series, gained and lost, the outlines of A and B, regions.

Swatches are painted with the canvas's own styles (:func:`ui.map.styles.apply_style`), so the
legend matches the map at any resolution.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

from geo.page import BODY_PT, format_date, series_label
from ui.map.compare_style import GAINED_STYLES, LOST_STYLES
from ui.map.hatch import draw_hatched_path, hatches_as_lines
from ui.map.region_items import FILL_ALPHA
from ui.map.styles import OUTLINE_A, OUTLINE_B, Style, apply_style, series_style, with_alpha

if TYPE_CHECKING:
    from geo.page import Page
    from geo.page_layout import Box
    from ui.printing.units import PageUnits

SWATCH_W_MM, SWATCH_H_MM = 6.0, 3.6
ROW_MM = 5.0
TEXT_TOP_MM = 0.8
INK = QColor("#1a1a1a")


def legend_rows(page: Page) -> list[tuple[str, tuple[Style, ...]]]:
    """``(label, styles bottom first)`` for every legend row of ``page``."""
    content = page.content
    rows: list[tuple[str, tuple[Style, ...]]] = []
    for name in content.visible_series():
        layer = content.layer(name)
        if layer is not None:
            rows.append((series_label(content, name), (series_style(layer.color, layer.opacity),)))
    compare = content.compare
    if compare is not None:
        a, b = format_date(compare.date_a), format_date(compare.date_b)
        rows += [
            (f"Gained {a} → {b}", GAINED_STYLES),
            (f"Lost {a} → {b}", LOST_STYLES),
            (f"Line on {a} (A)", (Style(None, OUTLINE_A, 1.2, dash=True),)),
            (f"Line on {b} (B)", (Style(None, OUTLINE_B, 1.3),)),
        ]
    for region in content.regions:
        if region.visible:
            fill = with_alpha(region.color, FILL_ALPHA / 255)
            rows.append((region.name, (Style(fill, QColor(region.color), 2.0),)))
    return rows


def _swatch(painter: QPainter, rect: QRectF, styles: tuple[Style, ...], scale: float) -> None:
    for style in styles:
        if hatches_as_lines(painter, style, scale):
            outline = QPainterPath()
            outline.addRect(rect)
            draw_hatched_path(painter, outline, style, scale)
            continue
        apply_style(painter, style, scale)
        if style.fill is None:
            y = rect.center().y()
            painter.drawLine(QLineF(rect.left(), y, rect.right(), y))
        else:
            painter.drawRect(rect)


def paint_legend(painter: QPainter, page: Page, units: PageUnits, box: Box) -> float:
    """Draw the legend at the top of ``box``; returns the height used in millimetres."""
    rows = legend_rows(page)
    painter.save()
    painter.setFont(units.font(BODY_PT))
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
    text_x = box.x + SWATCH_W_MM + 2.0
    text_w = max(box.w - SWATCH_W_MM - 2.0, 1.0)
    y = box.y
    for label, styles in rows:
        room = units.rect(text_x, y + TEXT_TOP_MM, text_w, 100.0)
        height = painter.boundingRect(room, flags, label).height() / units.px_per_mm
        row_mm = max(ROW_MM, height + 2 * TEXT_TOP_MM)
        if y + row_mm > box.bottom + 0.01:
            break
        swatch = units.rect(box.x, y + (ROW_MM - SWATCH_H_MM) / 2, SWATCH_W_MM, SWATCH_H_MM)
        _swatch(painter, swatch, styles, units.scale)
        painter.setPen(INK)
        painter.drawText(units.rect(text_x, y + TEXT_TOP_MM, text_w, row_mm), flags, label)
        y += row_mm
    painter.restore()
    return max(y - box.y, 0.0) if rows else 0.0
