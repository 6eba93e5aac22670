"""The map canvas widget: binds a :class:`MapViewModel` and a :class:`LayersViewModel` to items.

View coordinates are display metres of ``geo.projection`` (Lambert conformal conic centred on
the data). A conformal projection keeps the shapes of towns and front-line salients true, and
over Ukraine its scale error stays under 1 %, so a scale bar and drawn regions mean what they
show; Web Mercator would stretch the map by about 1.5.

Draw order, bottom first: a neutral grey beyond the basemap's extent, sea within it (drawn by the
land layer), the layers of the layer panel in their order
(basemap and series), the comparison (gained, lost, outlines A and B), overlay items (drawn
regions), then screen-space place labels, scale bar and north arrow. :meth:`render_into` paints
the same picture into any painter.

Each run of neighbouring basemap layers, each run of series layers and the comparison paint
through a pixmap cached per view (:class:`~ui.map.cached_group.CachedGroupItem`): a date change
redraws only the series, and a pan or zoom moves the pixmaps until the view has been still for
``SETTLE_MS``, when the exact picture (and the label layout) is drawn once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QRectF, QTimer
from PySide6.QtWidgets import QGraphicsItem, QVBoxLayout, QWidget

from geo.basemap_data import BasemapData
from geo.projection import lonlat_box_to_display, to_lonlat
from ui.map.basemap_items import places_in_frame
from ui.map.cached_group import CachedGroupItem
from ui.map.canvas import MapGraphicsView, MapTool, MapViewBox
from ui.map.compare_style import compare_entries
from ui.map.foreground import LabelLayer
from ui.map.frame import Frame
from ui.map.geometry_paths import PathCache
from ui.map.labels import frame_bbox_lonlat
from ui.map.layer_items import GeometryLayerItem
from ui.map.layer_kinds import LAYER_ITEMS, PLACE_LAYER, item_kind
from ui.map.mark_cache import CachedMark
from ui.map.north_arrow import paint_north_arrow
from ui.map.picture import MapPicture, paint_map
from ui.map.prefetch import PathPrefetcher
from ui.map.scale_bar import paint_scale_bar
from ui.map.styles import NO_BASEMAP, px_scale, series_style

if TYPE_CHECKING:
    from PySide6.QtGui import QPainter

    from viewmodels.basemap_viewmodel import BasemapViewModel
    from viewmodels.layers_viewmodel import LayerState, LayersViewModel
    from viewmodels.map_viewmodel import BBox, MapViewModel

DEFAULT_BBOX: tuple[float, float, float, float] = (22.0, 44.2, 40.3, 52.5)
"""Ukraine, shown before any data arrive."""
COMPARE_Z = 100.0
OVERLAY_Z = 200.0
SETTLE_MS = 120
"""The view counts as settled this long after its last change."""


class MapView(QWidget):
    """The map canvas (see module docstring).

    Parameters
    ----------
    map_vm : MapViewModel
        What is shown; receives the cursor position and the view bbox.
    layers_vm : LayersViewModel
        Layer order and style.
    parent : QWidget, optional
    basemap : BasemapViewModel, optional
        The basemap to draw (it reads the file; the canvas only draws what it holds). None: no
        basemap.
    """

    def __init__(
        self,
        map_vm: MapViewModel,
        layers_vm: LayersViewModel,
        parent: QWidget | None = None,
        *,
        basemap: BasemapViewModel | None = None,
    ) -> None:
        super().__init__(parent)
        self._map_vm = map_vm
        self._layers_vm = layers_vm
        self._basemap_vm = basemap
        self._cache = PathCache()
        self._prefetcher = PathPrefetcher(self._cache, self)
        self._basemap_cache = PathCache(max_geometries=64)
        self._basemap = BasemapData()
        self._labels = LabelLayer(self._places, self._label_color)
        self._marks = (CachedMark(paint_scale_bar), CachedMark(paint_north_arrow))
        self._syncing_view = False
        self.view_box = MapViewBox()
        self._canvas = MapGraphicsView(self.view_box, self)
        self._canvas.setBackground(NO_BASEMAP)
        self._canvas.on_cursor = self._on_canvas_cursor
        self._canvas.on_fit = self.fit_to_data
        self._canvas.on_foreground = self._paint_overlays
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._canvas)
        self._items: dict[str, dict[str, Any]] = {kind: {} for kind in LAYER_ITEMS}
        self._series_items: dict[str, GeometryLayerItem] = self._items["series"]
        self._overlay_items: list[QGraphicsItem] = []
        self._settle_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle_timer.timeout.connect(self._on_settle_timer_timeout)
        self._groups: list[CachedGroupItem] = []
        self._compare_item = GeometryLayerItem(self._cache)
        self._compare_group = self._new_group(COMPARE_Z)
        self._compare_group.set_members([self._compare_item])
        self._connect()
        self._on_layers_vm_layers_changed()
        self.zoom_to_lonlat(map_vm.view_bbox() or DEFAULT_BBOX)
        if basemap is not None:
            basemap.sig_basemap_changed.connect(self._on_basemap_vm_basemap_changed)
            self._on_basemap_vm_basemap_changed()

    def _connect(self) -> None:
        self._map_vm.sig_shown_changed.connect(self._on_map_vm_shown_changed)
        self._map_vm.sig_series_shown_changed.connect(self._on_map_vm_series_shown_changed)
        self._map_vm.sig_compare_changed.connect(self._on_map_vm_compare_changed)
        self._map_vm.sig_fit_requested.connect(self._on_map_vm_fit_requested)
        self._map_vm.sig_view_changed.connect(self._on_map_vm_view_changed)
        self._layers_vm.sig_layers_changed.connect(self._on_layers_vm_layers_changed)
        self._layers_vm.sig_layer_changed.connect(self._on_layers_vm_layer_changed)
        self.view_box.sigRangeChanged.connect(self._on_view_box_range_changed)

    # -- public API ---------------------------------------------------------------------------

    @property
    def canvas(self) -> MapGraphicsView:
        """The QGraphicsView that shows the map."""
        return self._canvas

    def basemap(self) -> BasemapData:
        """The basemap data in use (empty until loaded)."""
        return self._basemap

    def set_tool(self, tool: MapTool | None) -> None:
        """Give the mouse to ``tool`` (left-drag then no longer pans); None restores panning."""
        self._canvas.tool = tool

    def tool(self) -> MapTool | None:
        """The active tool, if any."""
        return self._canvas.tool

    def add_overlay_item(self, item: QGraphicsItem) -> None:
        """Add an item in display metres above the data (e.g. drawn regions).

        It may be taken off again with ``view_box.removeItem``; :meth:`render_into` paints it
        and its children.
        """
        if item.zValue() < OVERLAY_Z:
            item.setZValue(OVERLAY_Z)
        self._overlay_items = [i for i in self._overlay_items if i in self.view_box.addedItems]
        self._overlay_items.append(item)
        self.view_box.addItem(item)

    def data_bounds(self) -> QRectF:
        """Display-metre bounds of the shown series and the comparison."""
        bounds = QRectF()
        for item in [*self._series_items.values(), self._compare_item]:
            if item.isVisible():
                bounds = bounds.united(item.data_bounds())
        return bounds

    def fit_to_data(self) -> None:
        """Fit the shown data (Ukraine when nothing is shown)."""
        bounds = self.data_bounds()
        if bounds.isEmpty():
            self.zoom_to_lonlat(DEFAULT_BBOX)
            return
        self.view_box.setRange(rect=bounds, padding=0.04)

    def zoom_to_lonlat(self, bbox: BBox | tuple[float, float, float, float]) -> None:
        """Fit a (min lon, min lat, max lon, max lat) box; its edges are sampled (LCC bends)."""
        west, south, east, north = bbox
        x0, y0, x1, y1 = lonlat_box_to_display((west, south, east, north))
        rect = QRectF(x0, y0, x1 - x0, y1 - y0)
        self.view_box.setRange(rect=rect, padding=0.0)

    def frame(self) -> Frame:
        """The current view laid onto the canvas viewport."""
        return Frame.fitted(self.view_box.viewRect(), QRectF(self._canvas.viewport().rect()))

    def render_into(self, painter: QPainter, target: QRectF) -> None:
        """Paint the current view into ``target`` of any painter, at the device's resolution.

        The view is widened to the target's aspect ratio; pens and marks scale with the device's
        dpi (``logicalDpiX / 96``) and label fonts are in points, so a 300 dpi page is crisp.
        """
        frame = Frame.fitted(self.view_box.viewRect(), target, px_scale(painter.device()))
        paint_map(painter, frame, self.picture())

    def picture(self) -> MapPicture:
        """What :meth:`render_into` paints: this view's layers, overlays and places."""
        groups = sorted([*self._groups, self._compare_group], key=lambda g: g.zValue())
        scene_to_view, _ok = self.view_box.childGroup.sceneTransform().inverted()
        overlays = [i for i in self._overlay_items if i in self.view_box.addedItems]
        return MapPicture(
            layers=[item for group in groups for item in group.members()],
            overlays=[(item, scene_to_view) for item in overlays],
            places=self._places,
            label_color=self._label_color(),
        )

    # -- overlays -----------------------------------------------------------------------------

    def _places(self, frame: Frame) -> list:
        layer = self._layer_state(PLACE_LAYER)
        if layer is None or not layer.visible:
            return []
        return places_in_frame(self._basemap, frame)

    def _label_color(self) -> str:
        layer = self._layer_state(PLACE_LAYER)
        return "#202020" if layer is None else layer.color

    def _layer_state(self, name: str) -> Any:
        for layer in self._layers_vm.layers():
            if layer.name == name:
                return layer
        return None

    def _paint_overlays(self, painter: QPainter, viewport: QRectF) -> None:
        """Screen-space overlays; labels are laid out again only once the view settles."""
        frame = Frame.fitted(self.view_box.viewRect(), viewport)
        self._labels.paint(painter, frame, self._settle_timer.isActive())
        for mark in self._marks:
            mark.paint(painter, frame)
        self._prefetcher.painted()

    def _invalidate_labels(self) -> None:
        self._labels.invalidate()
        self._canvas.viewport().update()

    def _new_group(self, z: float) -> CachedGroupItem:
        group = CachedGroupItem(self._settle_timer.isActive)
        group.setZValue(z)
        self.view_box.addItem(group)
        return group

    def _set_runs(self, runs: list[list[GeometryLayerItem]]) -> None:
        """One cached group per run of neighbouring layers of one kind, bottom first."""
        while len(self._groups) > len(runs):
            self.view_box.removeItem(self._groups.pop())
        while len(self._groups) < len(runs):
            self._groups.append(self._new_group(float(len(self._groups))))
        for group, members in zip(self._groups, runs, strict=True):
            group.set_members(members)

    # -- slots --------------------------------------------------------------------------------

    def _on_basemap_vm_basemap_changed(self) -> None:
        if self._basemap_vm is None or self._basemap_vm.basemap() is self._basemap:
            return
        self._basemap = self._basemap_vm.basemap()
        self._on_layers_vm_layers_changed()
        self._invalidate_labels()

    def _on_map_vm_shown_changed(self) -> None:
        shown = self._map_vm.shown()
        for name, item in self._series_items.items():
            self._restyle_series(name, item, shown.get(name))

    def _on_map_vm_series_shown_changed(self) -> None:
        self._prefetcher.follow(self._map_vm.series_shown(), self._series_items)

    def _restyle_series(self, name: str, item: GeometryLayerItem, geometry: Any) -> None:
        layer = self._layer_state(name)
        if layer is None:
            return
        item.setVisible(layer.visible)
        item.set_entries(
            [] if geometry is None else [(geometry, series_style(layer.color, layer.opacity))]
        )
        self._canvas.viewport().update()

    def _on_map_vm_compare_changed(self) -> None:
        self._compare_item.set_entries(compare_entries(self._map_vm.compare()))
        self._canvas.viewport().update()

    def _on_map_vm_fit_requested(self, bbox: BBox | None) -> None:
        if bbox is None:
            self.fit_to_data()
        else:
            self.zoom_to_lonlat(bbox)

    def _on_map_vm_view_changed(self, bbox: BBox | None) -> None:
        if not self._syncing_view and bbox is not None:
            self.zoom_to_lonlat(bbox)

    def _on_view_box_range_changed(self, *_args: object) -> None:
        self._settle_timer.start()

    def _on_settle_timer_timeout(self) -> None:
        self._canvas.viewport().update()
        self._syncing_view = True
        try:
            self._map_vm.set_view_bbox(frame_bbox_lonlat(self.frame()))
        finally:
            self._syncing_view = False

    def _on_canvas_cursor(self, xy: tuple[float, float] | None) -> None:
        if xy is None:
            self._map_vm.set_cursor(None, None)
            return
        lon, lat = to_lonlat(np.array([xy[0]]), np.array([xy[1]]))
        self._map_vm.set_cursor(float(lon[0]), float(lat[0]))

    def _on_layers_vm_layers_changed(self) -> None:
        layers = self._layers_vm.layers()
        names = {layer.name for layer in layers}
        for items in self._items.values():
            for name in [n for n in items if n not in names]:
                del items[name]
        runs: list[tuple[str, list[GeometryLayerItem]]] = []
        for layer in layers:
            item = self._item_for(layer)
            if item is None:
                continue
            if runs and runs[-1][0] == layer.kind:
                runs[-1][1].append(item)
            else:
                runs.append((layer.kind, [item]))
        self._set_runs([members for _kind, members in runs])
        for layer in layers:
            self._on_layers_vm_layer_changed(layer.name)

    def _item_for(self, layer: LayerState) -> Any:
        """The canvas item of ``layer``, made through :data:`LAYER_ITEMS` on first use."""
        kind = item_kind(layer)
        items, entry = self._items.setdefault(kind, {}), LAYER_ITEMS.get(kind)
        if layer.name not in items and entry is not None and entry.make is not None:
            made = entry.make(self, layer)
            if made is not None:
                items[layer.name] = made
        return items.get(layer.name)

    def _on_layers_vm_layer_changed(self, name: str) -> None:
        layer = self._layer_state(name)
        entry = None if layer is None else LAYER_ITEMS.get(item_kind(layer))
        if layer is None or entry is None:
            return
        item = self._items.get(item_kind(layer), {}).get(name)
        if item is not None or entry.make is None:
            entry.restyle(self, layer, item)

    # -- for the layer-kind table (ui.map.layer_kinds) ------------------------------------------

    @property
    def path_cache(self) -> PathCache:
        """The projected-path cache of the data layers."""
        return self._cache

    @property
    def basemap_path_cache(self) -> PathCache:
        """The projected-path cache of the basemap layers."""
        return self._basemap_cache

    def restyle_series(self, layer: LayerState, item: GeometryLayerItem) -> None:
        """Draw series ``layer``'s shown snapshot in its style."""
        self._restyle_series(layer.name, item, self._map_vm.shown().get(layer.name))

    def invalidate_labels(self) -> None:
        """Lay the place labels out again on the next paint."""
        self._invalidate_labels()
