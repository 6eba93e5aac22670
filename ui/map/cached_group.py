"""Layers painted through a device-pixel pixmap that is cached per view transform.

A day of front line costs a few milliseconds to draw, the basemap at a close zoom several tens;
neither changes while the user pans, zooms or steps through dates. So each run of layers (the
basemap below the data, the series, the comparison) paints into one viewport-sized pixmap that
is redrawn only when the view transform, the viewport or the layers' content changes.

While the view is moving (the owner's ``allow_stale`` returns True), a pixmap drawn for an
earlier transform is blitted translated and scaled instead, as long as it still covers most of
the viewport; the owner repaints once the interaction settles, and the exact picture returns.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap, QTransform

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

    from ui.map.layer_items import GeometryLayerItem

WORLD = QRectF(-1.0e8, -1.0e8, 2.0e8, 2.0e8)
"""The group's bounds: it always paints the whole viewport (display metres)."""
MIN_STALE_SCALE = 0.5
MAX_STALE_SCALE = 2.0
MIN_STALE_COVER = 0.5
"""A stale pixmap is reused only if it still covers this share of the viewport."""


def stale_transform(
    old: QTransform, new: QTransform, size: tuple[float, float]
) -> QTransform | None:
    """Device-to-device transform from a pixmap drawn under ``old`` to the view under ``new``.

    Returns None when the change is not a plain scale and shift, the scale leaves
    [0.5, 2], or the moved pixmap would cover less than half of the ``size`` viewport.
    """
    inverse, ok = old.inverted()
    if not ok:
        return None
    relative = inverse * new
    if abs(relative.m12()) > 1e-9 or abs(relative.m21()) > 1e-9:
        return None
    if not MIN_STALE_SCALE <= relative.m11() <= MAX_STALE_SCALE:
        return None
    width, height = size
    viewport = QRectF(0.0, 0.0, width, height)
    moved = relative.mapRect(viewport).intersected(viewport)
    if moved.width() * moved.height() < MIN_STALE_COVER * width * height:
        return None
    return relative


class PixmapCache:
    """One device-pixel pixmap, the transform it was drawn with and a content signature."""

    def __init__(self) -> None:
        self.pixmap: QPixmap | None = None
        self.transform = QTransform()
        self.signature: object = None

    def clear(self) -> None:
        """Forget the pixmap (the next paint draws afresh)."""
        self.pixmap = None

    def blit(
        self,
        painter: QPainter,
        transform: QTransform,
        signature: object,
        allow_stale: bool,
        draw: Callable[[QPainter], None],
    ) -> None:
        """Paint the cached picture into ``painter`` (viewport device coordinates).

        ``transform`` maps the content's coordinates to the device; ``draw`` paints the content
        under that transform into a fresh pixmap when the cached one cannot be used.
        """
        device = painter.device()
        size = (float(device.width()), float(device.height()))
        relative = self._reusable(transform, signature, size, allow_stale)
        if relative is None:
            self._redraw(device.devicePixelRatioF(), size, transform, signature, draw)
            relative = QTransform()
        painter.save()
        painter.setTransform(relative)
        if not relative.isIdentity():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        if self.pixmap is not None:
            painter.drawPixmap(QPointF(0.0, 0.0), self.pixmap)
        painter.restore()

    def _reusable(
        self, transform: QTransform, signature: object, size: tuple[float, float], stale: bool
    ) -> QTransform | None:
        pixmap = self.pixmap
        if pixmap is None or signature != self.signature:
            return None
        dpr = pixmap.devicePixelRatioF()
        same_size = (pixmap.width() / dpr, pixmap.height() / dpr) == size
        if same_size and transform == self.transform:
            return QTransform()
        return stale_transform(self.transform, transform, size) if stale else None

    def _redraw(
        self,
        dpr: float,
        size: tuple[float, float],
        transform: QTransform,
        signature: object,
        draw: Callable[[QPainter], None],
    ) -> None:
        pixmap = QPixmap(max(1, round(size[0] * dpr)), max(1, round(size[1] * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setTransform(transform)
        draw(painter)
        painter.end()
        self.pixmap, self.transform, self.signature = pixmap, QTransform(transform), signature


class CachedGroupItem(pg.GraphicsObject):
    """Paints member layers (bottom first) through a :class:`PixmapCache`.

    Members are :class:`~ui.map.layer_items.GeometryLayerItem` s that are not in the scene; the
    group notices their changes through ``revision`` and ``isVisible()``.

    Parameters
    ----------
    allow_stale : callable
        True while the view is moving: a pixmap of an earlier transform may then be reused.
    """

    def __init__(self, allow_stale: Callable[[], bool]) -> None:
        super().__init__()
        self._allow_stale = allow_stale
        self._members: list[GeometryLayerItem] = []
        self._cache = PixmapCache()

    def members(self) -> list[GeometryLayerItem]:
        """The layers painted, bottom first."""
        return list(self._members)

    def set_members(self, members: Sequence[GeometryLayerItem]) -> None:
        """Paint these layers, bottom first."""
        self._members = list(members)
        self.update()

    def invalidate(self) -> None:
        """Drop the cached pixmap and repaint."""
        self._cache.clear()
        self.update()

    def signature(self) -> tuple:
        """Changes whenever what the members paint changes."""
        return tuple((id(m), m.revision, m.isVisible()) for m in self._members)

    def boundingRect(self) -> QRectF:
        return QRectF(WORLD)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem | None = None,
        widget: QWidget | None = None,
    ) -> None:
        if not any(m.has_content() for m in self._members):
            return  # an empty group (e.g. compare switched off) costs no viewport blit
        transform = painter.worldTransform()
        painter.resetTransform()
        self._cache.blit(painter, transform, self.signature(), self._allow_stale(), self._draw)
        painter.setTransform(transform)

    def _draw(self, painter: QPainter) -> None:
        for member in self._members:
            member.paint_content(painter, 1.0)
