"""Which canvas item draws which kind of layer: the lookup table :class:`MapView` uses.

One entry per kind of layer (STYLE.md §4, napari's ``layer_to_visual``): how to make its item
and how to restyle it when the layer's state changes. Series are geometry items fed the shown
snapshot, basemap layers are basemap items, and place names are the label layer (no item of
their own). Adding a kind of layer is adding an entry here, never an ``if`` in the view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ui.map.basemap_items import LAYER_KEYS, basemap_style, make_basemap_item
from ui.map.layer_items import GeometryLayerItem

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.map.map_view import MapView
    from viewmodels.layers_viewmodel import LayerState

PLACE_LAYER = "Place names"


@dataclass(frozen=True)
class LayerItemKind:
    """How a kind of layer gets its canvas item (``make``; None: no item) and its style."""

    make: Callable[[MapView, LayerState], Any] | None
    restyle: Callable[[MapView, LayerState, Any], None]


def item_kind(layer: LayerState) -> str:
    """The key of ``layer`` in :data:`LAYER_ITEMS`."""
    return "labels" if layer.name == PLACE_LAYER else layer.kind


def _make_series(view: MapView, _layer: LayerState) -> GeometryLayerItem:
    return GeometryLayerItem(view.path_cache)


def _restyle_series(view: MapView, layer: LayerState, item: Any) -> None:
    view.restyle_series(layer, item)


def _make_basemap(view: MapView, layer: LayerState) -> Any:
    if layer.name not in LAYER_KEYS:
        return None
    return make_basemap_item(
        view.basemap_path_cache, view.basemap(), layer.name, layer.color, layer.opacity
    )


def _restyle_basemap(view: MapView, layer: LayerState, item: Any) -> None:
    item.setVisible(layer.visible)
    item.set_style(basemap_style(layer.name, layer.color, layer.opacity))
    view.canvas.viewport().update()


def _restyle_labels(view: MapView, _layer: LayerState, _item: Any) -> None:
    view.invalidate_labels()


LAYER_ITEMS: dict[str, LayerItemKind] = {
    "series": LayerItemKind(_make_series, _restyle_series),
    "basemap": LayerItemKind(_make_basemap, _restyle_basemap),
    "labels": LayerItemKind(None, _restyle_labels),
}
"""Layer kind → how its canvas item is made and restyled."""
