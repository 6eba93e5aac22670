"""How a comparison is drawn on the map, and its legend swatches (one place for both).

While comparing, the compared series' own layer shows date B's snapshot as its usual flat fill
(the timeline keeps the shown date on B). On top of it: A's outline dashed and B's outline solid,
then gained (B − A) in crimson with a light hatch and lost (A − B) in amber with a dark
cross-hatch, both with outlines at least 2 px wide drawn last, so that a small change still
shows as a mark at full extent instead of vanishing under the front line. Hatches are never
used by series layers, so whatever colour the user gives a series, gained and lost cannot be
taken for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ui.map.styles import (
    GAINED,
    GAINED_INK,
    LOST,
    LOST_INK,
    OUTLINE_A,
    OUTLINE_B,
    Style,
    apply_style,
)

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from viewmodels.map_viewmodel import CompareGeometries

HATCH_LIGHT = QColor(255, 255, 255, 170)
GAINED_STYLES = (
    Style(GAINED, GAINED, 2.0),
    Style(HATCH_LIGHT, GAINED_INK, 1.0, pattern=Qt.BrushStyle.BDiagPattern),
)
LOST_STYLES = (
    Style(LOST, None),
    Style(LOST_INK, LOST_INK, 2.0, pattern=Qt.BrushStyle.DiagCrossPattern),
)
STYLES = {"gained": GAINED_STYLES, "lost": LOST_STYLES}
"""The layered styles of each change kind, bottom first."""


def compare_entries(compare: CompareGeometries | None) -> list[tuple[BaseGeometry, Style]]:
    """What the canvas's compare item paints, bottom first (nothing without a comparison)."""
    if compare is None:
        return []
    return [
        (compare.outline_a, Style(None, OUTLINE_A, 1.2, dash=True)),
        (compare.outline_b, Style(None, OUTLINE_B, 1.3)),
        *((compare.gained, style) for style in GAINED_STYLES),
        *((compare.lost, style) for style in LOST_STYLES),
    ]


def legend_icon(kind: str, size: int = 14) -> QIcon:
    """A swatch painted with the map's own styles for ``kind`` (``gained`` or ``lost``)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    rect = QRectF(1.0, 1.0, size - 2.0, size - 2.0)
    for style in STYLES[kind]:
        apply_style(painter, style, 1.0)
        painter.drawRect(rect)
    painter.end()
    return QIcon(pixmap)
