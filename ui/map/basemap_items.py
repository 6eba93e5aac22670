"""Basemap layers on the canvas: land, lakes, rivers, oblast and country borders.

The data (``geo.basemap_data.BasemapData``, read by ``viewmodels.basemap_viewmodel`` off the UI
thread) hold three levels of detail; each layer becomes one item holding one geometry per level,
and the item picks the level from the zoom at paint time (``geo.basemap.choose_lod``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.map.layer_items import (
    GeometryLayerItem,
    cached_paths,
    metres_per_device_pixel,
    visible_rect,
)
from ui.map.styles import SEA, Style, apply_style, draw_styled_path, with_alpha

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter
    from shapely.geometry.base import BaseGeometry

    from geo.basemap_data import BasemapData
    from ui.map.frame import Frame
    from ui.map.geometry_paths import PathCache
    from ui.map.labels import PlaceLike

LAYER_KEYS = {
    "Land": "land",
    "Lakes": "lakes",
    "Rivers": "rivers",
    "Oblast borders": "oblasts",
    "Country borders": "borders",
}
"""Layer-panel name → ``geo.basemap`` layer."""

_WIDTHS = {"Lakes": 0.6, "Rivers": 0.8, "Oblast borders": 0.7, "Country borders": 1.4}
METRES_PER_DEGREE = 111_320.0


def basemap_style(name: str, color: str, opacity: float) -> Style:
    """How a basemap layer looks: land and lakes filled, the rest stroked."""
    if name == "Land":
        return Style(with_alpha(color, opacity), None)
    if name == "Lakes":
        return Style(with_alpha(color, opacity), with_alpha(color, opacity).darker(115), 0.6)
    return Style(None, with_alpha(color, opacity), _WIDTHS.get(name, 1.0))


class BasemapLayerItem(GeometryLayerItem):
    """One basemap layer: picks the level of detail by zoom, then paints its cached path."""

    def __init__(self, cache: PathCache, name: str) -> None:
        super().__init__(cache)
        self.name = name
        self._levels: dict[str, BaseGeometry] = {}
        self._style = Style(None, None)
        self._backdrop: BaseGeometry | None = None

    def set_backdrop(self, extent: BaseGeometry | None) -> None:
        """Fill ``extent`` with sea colour beneath this layer (the land layer carries the sea)."""
        self._backdrop = extent
        self.revision += 1
        self.update()

    def set_levels(self, levels: dict[str, BaseGeometry], style: Style) -> None:
        """Geometries per level of detail (``lo``, ``mid``, ``hi``) and the style."""
        self._levels = dict(levels)
        self._style = style
        coarse = levels.get("lo", next(iter(levels.values()), None))
        self.set_entries([] if coarse is None else [(coarse, style)])

    def _style_opacity(self) -> float:
        fill = self._style.fill
        return 1.0 if fill is None else fill.alphaF()

    def set_style(self, style: Style) -> None:
        """Restyle without touching geometry."""
        self._style = style
        self.revision += 1
        self.update()

    def paint_content(self, painter: QPainter, scale: float) -> None:
        """Paint the level of detail that suits the current zoom."""
        from geo.basemap import choose_lod

        if not self.isVisible() or not self._levels:
            return
        mpp = metres_per_device_pixel(painter)
        lod = choose_lod(mpp / METRES_PER_DEGREE)
        geometry = self._levels.get(lod, next(iter(self._levels.values())))
        painter.setRenderHint(painter.RenderHint.Antialiasing, True)
        with cached_paths(painter, self._cache, mpp, visible_rect(painter)) as path_of:
            if self._backdrop is not None:
                sea = Style(with_alpha(SEA.name(), self._style_opacity()), None)
                apply_style(painter, sea, scale)
                painter.drawPath(path_of(self._backdrop))
            draw_styled_path(painter, path_of(geometry), self._style, scale)


def make_basemap_item(
    cache: PathCache, data: BasemapData, name: str, color: str, opacity: float
) -> BasemapLayerItem | None:
    """The item of basemap layer ``name`` (a layer-panel name), or None if ``data`` lacks it.

    The land layer also carries the sea: it fills the basemap's extent beneath the land.
    """
    levels = data.layers.get(LAYER_KEYS[name])
    if not levels:
        return None
    item = BasemapLayerItem(cache, name)
    item.set_levels(levels, basemap_style(name, color, opacity))
    if name == "Land":
        item.set_backdrop(data.extent)
    return item


def places_in_frame(data: BasemapData, frame: Frame) -> list[PlaceLike]:
    """The places of ``data`` to label in ``frame``: more of them the closer the zoom."""
    from ui.map.labels import frame_bbox_lonlat, min_population

    if data.places is None:
        return []
    population = min_population(frame.metres_per_pixel * frame.scale)
    return list(data.places(frame_bbox_lonlat(frame), population))
