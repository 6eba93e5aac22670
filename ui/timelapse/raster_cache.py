"""Raster frames paint the basemap under the data once and reuse it for every frame.

Every frame of a time-lapse shows the same extent in the same map box, so the basemap layers
below the first series layer (land and sea, lakes, rivers, borders) come out identical on every
frame; painting them costs ~85 % of a 1280×720 frame. :class:`FrozenLayers` stands in for that
run of layers in the picture handed to :func:`ui.map.picture.paint_map`: the first frame paints
the layers, with the canvas's own items, into a transparent image of the device's size, and each
frame after draws that image, as long as the frame's transform, target and the layers are the
same (anything else paints afresh). This is the raster twin of the canvas's per-view pixmap
cache (:mod:`ui.map.cached_group`); PDF pages are never painted through it and stay vector.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from ui.map.basemap_items import BasemapLayerItem
from ui.map.geometry_paths import PathCache
from ui.map.layer_items import GeometryLayerItem
from ui.map.picture import MapPicture
from ui.printing.render import PageRenderer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ui.map.frame import Frame

Key = tuple[object, ...]


class FrozenLayers(GeometryLayerItem):
    """A run of layers painted once into an image and then drawn as that image."""

    def __init__(self) -> None:
        super().__init__(PathCache(max_geometries=1))
        self._layers: list[GeometryLayerItem] = []
        self._key: Key | None = None
        self._image: QImage | None = None

    def set_layers(self, layers: Sequence[GeometryLayerItem]) -> None:
        """The layers this item paints, bottom first."""
        self._layers = list(layers)

    def _key_for(self, painter: QPainter, frame: Frame) -> Key:
        device = painter.device()
        t = frame.transform()
        matrix = (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())
        target = frame.target.getRect()
        layers = tuple((id(item), item.revision, item.isVisible()) for item in self._layers)
        return (device.width(), device.height(), matrix, target, frame.scale, layers)

    def render_frame(self, painter: QPainter, frame: Frame) -> None:
        """Draw the cached image, painting it first when anything it shows has changed."""
        key = self._key_for(painter, frame)
        if key != self._key or self._image is None:
            self._image = self._paint(painter, frame)
            self._key = key
        painter.drawImage(0, 0, self._image)

    def _paint(self, painter: QPainter, frame: Frame) -> QImage:
        device = painter.device()
        image = QImage(device.width(), device.height(), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDotsPerMeterX(round(device.logicalDpiX() / 0.0254))
        image.setDotsPerMeterY(round(device.logicalDpiY() / 0.0254))
        image.fill(Qt.GlobalColor.transparent)
        inner = QPainter(image)
        try:
            inner.setClipRect(frame.target)
            for item in self._layers:
                if item.isVisible():
                    item.render_frame(inner, frame)
        finally:
            inner.end()
        return image


class FrameRenderer(PageRenderer):
    """A :class:`PageRenderer` for raster frames: the basemap below the data is frozen."""

    def __init__(self) -> None:
        super().__init__()
        self._frozen = FrozenLayers()

    def map_picture(self, page: object, frame: Frame) -> MapPicture:
        """The renderer's picture with the basemap run below the first series frozen."""
        picture = super().map_picture(page, frame)  # type: ignore[arg-type]
        layers = list(picture.layers)
        run = 0
        while run < len(layers) and isinstance(layers[run], BasemapLayerItem):
            run += 1
        if run < 2:
            return picture
        self._frozen.set_layers(layers[:run])
        return MapPicture(
            [self._frozen, *layers[run:]], picture.overlays, picture.places, picture.label_color
        )
