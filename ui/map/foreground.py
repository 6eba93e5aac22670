"""What the canvas draws above the map: place labels (cached), scale bar and north arrow, and a
way to paint overlay items (drawn regions) with their children into any painter.

Laying out labels costs several milliseconds and drawing their halos a few more, so labels are
laid out once per settled view and kept as a device-pixel pixmap; while the view moves the
pixmap follows it (see :class:`~ui.map.cached_group.PixmapCache`). The scale bar and north
arrow are always exact (:mod:`ui.map.mark_cache` keeps them only while the frame is unchanged).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QAbstractGraphicsShapeItem,
    QGraphicsItem,
    QStyleOptionGraphicsItem,
)

from ui.map.cached_group import PixmapCache
from ui.map.labels import layout_labels, paint_labels
from ui.map.styles import is_vector, scaled_pen

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtGui import QPainter, QTransform

    from ui.map.frame import Frame
    from ui.map.labels import PlaceLike

_BEHIND = QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent
_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class LabelLayer:
    """Place labels of the canvas, laid out per view and cached as a pixmap.

    Parameters
    ----------
    places : callable
        Places to label in a frame (empty when labels are hidden).
    color : callable
        The label ink as ``#rrggbb``.
    """

    def __init__(
        self, places: Callable[[Frame], Sequence[PlaceLike]], color: Callable[[], str]
    ) -> None:
        self._places, self._color = places, color
        self._cache = PixmapCache()
        self._revision = 0

    def invalidate(self) -> None:
        """The places or their style changed: lay out again at the next paint."""
        self._revision += 1
        self._cache.clear()

    def paint(self, painter: QPainter, frame: Frame, allow_stale: bool) -> None:
        """Blit the labels of ``frame`` (an earlier view's, moved, while ``allow_stale``)."""

        def _draw(target: QPainter) -> None:
            target.resetTransform()
            labels = layout_labels(self._places(frame), frame)
            paint_labels(target, labels, self._color(), frame.scale)

        self._cache.blit(painter, frame.transform(), self._revision, allow_stale, _draw)


def paint_item_tree(
    painter: QPainter, item: QGraphicsItem, scene_to_device: QTransform, text_scale: float = 1.0
) -> None:
    """Paint a visible item and its visible children, stacked as the scene stacks them.

    ``scene_to_device`` maps scene coordinates to the painter's device. Pixel-mode scatter items
    (the selected region's vertex handles) map their points through the screen view, so they are
    left out: they are editing aids, not part of the picture. Text items keep their size on
    screen through a transform fitted to the screen view, so they are drawn here from their
    anchor instead, ``text_scale`` device pixels per screen pixel.
    """
    if not item.isVisible() or isinstance(item, pg.ScatterPlotItem):
        return
    if isinstance(item, pg.TextItem):
        paint_text_item(painter, item, scene_to_device, text_scale)
        return
    children = sorted(item.childItems(), key=lambda c: c.zValue())
    behind = [c for c in children if c.zValue() < 0 or c.flags() & _BEHIND]
    for child in behind:
        paint_item_tree(painter, child, scene_to_device, text_scale)
    if not item.flags() & _NO_CONTENTS:
        option = QStyleOptionGraphicsItem()
        option.exposedRect = item.boundingRect()
        option.rect = option.exposedRect.toAlignedRect()
        painter.save()
        painter.setTransform(item.deviceTransform(scene_to_device))
        painter.setOpacity(item.effectiveOpacity())
        _paint_with_device_pen(painter, item, option)
        painter.restore()
    for child in children:
        if child not in behind:
            paint_item_tree(painter, child, scene_to_device, text_scale)


def _paint_with_device_pen(
    painter: QPainter, item: QGraphicsItem, option: QStyleOptionGraphicsItem
) -> None:
    """``item.paint``; on a vector device a cosmetic outline becomes a plain pen of the same
    width (SVG readers draw cosmetic pens under the map's transform as nothing)."""
    if not (is_vector(painter) and isinstance(item, QAbstractGraphicsShapeItem)):
        item.paint(painter, option, None)
        return
    pen = item.pen()
    item.setPen(scaled_pen(pen, painter))
    try:
        item.paint(painter, option, None)
    finally:
        item.setPen(pen)


def paint_text_item(
    painter: QPainter, item: pg.TextItem, scene_to_device: QTransform, scale: float
) -> None:
    """Draw a pyqtgraph text item's document at its anchor point, ``scale`` times screen size."""
    document = item.textItem.document()
    size = document.size()
    anchor = scene_to_device.map(item.scenePos())
    painter.save()
    painter.resetTransform()
    painter.translate(anchor)
    painter.scale(scale, scale)
    painter.translate(-item.anchor.x() * size.width(), -item.anchor.y() * size.height())
    painter.setOpacity(item.effectiveOpacity())
    _screen_sized(document).drawContents(painter)
    painter.restore()


def _screen_sized(document: QTextDocument) -> QTextDocument:
    """``document`` with its default font in pixels of the screen it was laid out for.

    A point-sized font would be re-sized for each device's resolution (an SVG's text came out
    three times too large) while the layout stays the screen's.
    """
    font = document.defaultFont()
    if font.pixelSize() > 0:
        return document
    copy = document.clone()
    sized = QFont(font)
    sized.setPixelSize(max(1, round(font.pointSizeF() * 96.0 / 72.0)))
    copy.setDefaultFont(sized)
    return copy
