"""The canvas's own items, built from a page's :class:`~geo.page.MapContent` without any widget.

:class:`MapScene` turns the description into the items the canvas uses (basemap layers, one item
per series, the comparison, the regions with their labels) and hands them to
:func:`ui.map.picture.paint_map` as a :class:`~ui.map.picture.MapPicture`. Items and their path
caches are kept between pages, so a time-lapse that paints the same layers on many dates projects
each geometry once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTransform

from ui.map.basemap_items import LAYER_KEYS, make_basemap_item, places_in_frame
from ui.map.compare_style import compare_entries
from ui.map.geometry_paths import PathCache
from ui.map.layer_items import GeometryLayerItem
from ui.map.layer_kinds import PLACE_LAYER
from ui.map.picture import MapPicture
from ui.map.region_items import RegionsOverlay
from ui.map.styles import series_style
from viewmodels.map_viewmodel import CompareGeometries
from viewmodels.regions_viewmodel import RegionsViewModel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QGraphicsItem

    from geo.basemap_data import BasemapData
    from geo.page import CompareSpec, MapContent, RegionSpec
    from ui.map.basemap_items import BasemapLayerItem
    from ui.map.frame import Frame
    from ui.map.labels import PlaceLike



class MapScene:
    """Canvas items for page descriptions; no view, no widget, no display needed."""

    def __init__(self) -> None:
        self._cache = PathCache(tight=True)
        self._basemap_cache = PathCache(max_geometries=64, tight=True)
        self._series: dict[str, GeometryLayerItem] = {}
        self._basemap: BasemapData | None = None
        self._basemap_items: dict[tuple[str, str, float], BasemapLayerItem | None] = {}
        self._compare = GeometryLayerItem(self._cache)

    def picture(self, content: MapContent, basemap: BasemapData, labels: bool = True) -> MapPicture:
        """What the map frame of a page with ``content`` paints (basemap from ``basemap``)."""
        if basemap is not self._basemap:
            self._basemap, self._basemap_items = basemap, {}
        shown = dict(content.shown)
        layers: list[GeometryLayerItem] = []
        for layer in content.layers:
            item: GeometryLayerItem | None = None
            if layer.kind == "series":
                item = self._series_item(
                    layer.name, shown.get(layer.name), layer.color, layer.opacity
                )
            elif layer.name in LAYER_KEYS:
                item = self._basemap_item(basemap, layer.name, layer.color, layer.opacity)
            if item is not None and layer.visible:
                layers.append(item)
        self._compare.set_entries(compare_entries(_geometries(content.compare)))
        layers.append(self._compare)
        place_layer = content.layer(PLACE_LAYER)
        show_places = labels and place_layer is not None and place_layer.visible

        def _places(frame: Frame) -> list[PlaceLike]:
            return places_in_frame(basemap, frame) if show_places else []

        return MapPicture(
            layers=layers,
            overlays=_region_items(content.regions, content.compare),
            places=_places,
            label_color=place_layer.color if place_layer is not None else "#202020",
        )

    def _series_item(
        self, name: str, geometry: object, color: str, opacity: float
    ) -> GeometryLayerItem:
        item = self._series.get(name)
        if item is None:
            item = self._series[name] = GeometryLayerItem(self._cache)
        entries = [] if geometry is None else [(geometry, series_style(color, opacity))]
        if item.entries() != entries:
            item.set_entries(entries)  # type: ignore[arg-type]
        return item

    def _basemap_item(
        self, data: BasemapData, name: str, color: str, opacity: float
    ) -> BasemapLayerItem | None:
        key = (name, color, opacity)
        if key not in self._basemap_items:
            item = make_basemap_item(self._basemap_cache, data, name, color, opacity)
            self._basemap_items[key] = item
        return self._basemap_items[key]


def _geometries(spec: CompareSpec | None) -> CompareGeometries | None:
    if spec is None:
        return None
    return CompareGeometries(spec.series, spec.gained, spec.lost, spec.outline_a, spec.outline_b)


def _region_items(
    regions: tuple[RegionSpec, ...], compare: CompareSpec | None
) -> list[tuple[QGraphicsItem, QTransform]]:
    """The canvas's region items (outline, fill, name and net label) for ``regions``."""
    visible = [r for r in regions if r.visible]
    if not visible:
        return []
    vm = RegionsViewModel()
    loaded = [(r.name, r.color, r.geometry) for r in visible]
    ids = vm.add_loaded(loaded, "page")
    rows = {row.region: row for row in compare.rows[1:]} if compare is not None else {}
    stats = {i: rows[r.name] for i, r in zip(ids, visible, strict=True) if r.name in rows}
    vm.set_stats(stats)
    items: list[QGraphicsItem] = []
    RegionsOverlay(vm, items.append, items.remove)
    keep = [i for i in items if i.isVisible()]
    return [(item, QTransform()) for item in keep]
