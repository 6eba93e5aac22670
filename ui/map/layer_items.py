"""Canvas items that paint cached projected paths: one item per layer, never one per feature."""

from __future__ import annotations

import math
from contextlib import contextmanager
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter, QTransform

from ui.map.styles import Style, draw_styled_path, is_vector

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from PySide6.QtGui import QPainterPath
    from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget
    from shapely.geometry.base import BaseGeometry

    from ui.map.frame import Frame
    from ui.map.geometry_paths import PathCache


def visible_rect(painter: QPainter) -> QRectF | None:
    """The painter's device rectangle in the coordinates of its world transform (or None),
    within the painter's clip if it has one (a page's map frame, a time-lapse frame)."""
    device = painter.device()
    inverse, ok = painter.worldTransform().inverted()
    if device is None or not ok:
        return None
    rect = inverse.mapRect(QRectF(0.0, 0.0, device.width(), device.height()))
    if painter.hasClipping():
        rect = rect.intersected(painter.clipBoundingRect())
    return rect


def metres_per_device_pixel(painter: QPainter) -> float:
    """Display metres per device pixel under the painter's current world transform."""
    t = painter.worldTransform()
    scale = math.hypot(t.m11(), t.m12())
    return 1.0 / scale if scale > 0 else 1.0


@contextmanager
def cached_paths(
    painter: QPainter, cache: PathCache, metres_per_pixel: float, view: QRectF | None
) -> Iterator[Callable[[BaseGeometry], QPainterPath]]:
    """Where one paint takes its geometries' paths from.

    On screen and images: the cache's display-metre paths under the painter's transform. On a
    vector file: whole-device-pixel paths (:meth:`PathCache.device_path`) with the painter's
    transform reset meanwhile, so the file spells every vertex as a short whole number. Pens
    are cosmetic (device pixels), so both ways draw the same picture.
    """
    if not is_vector(painter):
        yield lambda geometry: cache.path(geometry, metres_per_pixel, view)
        return
    world = painter.worldTransform()
    painter.setWorldTransform(QTransform())
    try:
        yield lambda geometry: cache.device_path(geometry, world, metres_per_pixel, view)
    finally:
        painter.setWorldTransform(world)


class GeometryLayerItem(pg.GraphicsObject):
    """Paints a list of lon/lat geometries, each with a :class:`Style`, from a shared path cache.

    Parameters
    ----------
    cache : PathCache
        Where projected, simplified paths come from.
    antialias : bool
        Whether to antialias (fills and outlines).
    """

    def __init__(self, cache: PathCache, antialias: bool = True) -> None:
        super().__init__()
        self._cache = cache
        self._antialias = antialias
        self._entries: list[tuple[BaseGeometry, Style]] = []
        self._bounds = QRectF()
        self.revision = 0
        """Bumped whenever what the item paints changes (for :class:`CachedGroupItem`)."""
        self._painted_at: tuple[float, QRectF | None] | None = None

    def entries(self) -> list[tuple[BaseGeometry, Style]]:
        """What the item paints, bottom first."""
        return list(self._entries)

    def set_entries(self, entries: Sequence[tuple[BaseGeometry, Style]]) -> None:
        """Replace what the item paints."""
        self.prepareGeometryChange()
        self._entries = [(g, s) for g, s in entries if g is not None and not g.is_empty]
        bounds = QRectF()
        for geometry, _style in self._entries:
            bounds = bounds.united(self._cache.bounds(geometry))
        self._bounds = bounds
        self.revision += 1
        self.update()

    def painted_at(self) -> tuple[float, QRectF | None] | None:
        """Metres per device pixel and visible rectangle of the last paint (None before one)."""
        return self._painted_at

    def has_content(self) -> bool:
        """Whether the item is visible and has something to paint."""
        return self.isVisible() and bool(self._entries)

    def data_bounds(self) -> QRectF:
        """Union of the entries' display-metre bounds (empty when there are none)."""
        return QRectF(self._bounds)

    def boundingRect(self) -> QRectF:
        if self._bounds.isNull():
            return QRectF()
        pad = max(self._bounds.width(), self._bounds.height()) * 0.01
        return self._bounds.adjusted(-pad, -pad, pad, pad)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem | None = None,
        widget: QWidget | None = None,
    ) -> None:
        self.paint_content(painter, 1.0)

    def paint_content(self, painter: QPainter, scale: float) -> None:
        """Paint the entries under the painter's display-metre transform."""
        if not self.isVisible() or not self._entries:
            return
        mpp, view = metres_per_device_pixel(painter), visible_rect(painter)
        self._painted_at = (mpp, view)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self._antialias)
        painter.setOpacity(self.opacity())
        with cached_paths(painter, self._cache, mpp, view) as path_of:
            for geometry, style in self._entries:
                draw_styled_path(painter, path_of(geometry), style, scale)
        painter.setOpacity(1.0)

    def render_frame(self, painter: QPainter, frame: Frame) -> None:
        """Paint into ``painter`` through ``frame`` (for :meth:`MapView.render_into`)."""
        painter.save()
        painter.setTransform(frame.transform())
        self.paint_content(painter, frame.scale)
        painter.restore()
