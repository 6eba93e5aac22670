"""Layer list of the map: which layers exist, their draw order and their style.

Series layers (one per loaded series) and basemap layers live in one list, bottom first. The
canvas draws them in that order, except place names, which are always drawn on top so that no
fill hides them. A user's choice of colour, opacity and visibility for a series is remembered even
while that series is not loaded, so reloading a folder keeps the look.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from geo.layer_style import LayerStyle

SERIES_PALETTE = (
    "#d62728",
    "#1f77b4",
    "#ff7f0e",
    "#9467bd",
    "#2ca02c",
    "#8c564b",
    "#e377c2",
    "#17becf",
)
"""Default series colours, given in the order series first appear."""

SERIES_OPACITY = 0.45
"""Default fill opacity of a series layer."""


LayerState = LayerStyle
"""One layer as the canvas and the layer panel see it (:class:`geo.layer_style.LayerStyle`, the
description printed pages and project files use too)."""


BASEMAP_DEFAULTS = (
    LayerState("Land", "basemap", True, "#f3f0e8", 1.0),
    LayerState("Lakes", "basemap", True, "#b9d3e4", 1.0),
    LayerState("Rivers", "basemap", True, "#7fa9c9", 0.9),
    LayerState("Oblast borders", "basemap", True, "#8c8c8c", 0.9),
    LayerState("Country borders", "basemap", True, "#4d4d4d", 1.0),
    LayerState("Place names", "basemap", True, "#202020", 1.0),
)
"""The basemap layers, bottom first, with their default style."""


def _normal_color(color: str) -> str:
    parsed = QColor(color)
    if not parsed.isValid():
        raise ValueError(f"not a colour: {color!r}")
    return parsed.name()


class LayersViewModel(QObject):
    """Ordered, styled layers; emits once per real change (STYLE.md §2)."""

    sig_layers_changed = Signal()
    """Layers were added, removed or reordered."""
    sig_layer_changed = Signal(str)
    """One layer's style (visibility, colour, opacity) changed; payload: its name."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layers: list[LayerState] = list(BASEMAP_DEFAULTS)
        self._remembered: dict[str, LayerState] = {}
        self._palette_next = 0

    def layers(self) -> list[LayerState]:
        """All layers in draw order, bottom first (a copy)."""
        return list(self._layers)

    def layer(self, name: str) -> LayerState:
        """The layer called ``name``; ``KeyError`` if there is none."""
        return self._layers[self._index(name)]

    def series_layers(self) -> list[LayerState]:
        """Series layers only, bottom first."""
        return [layer for layer in self._layers if layer.kind == "series"]

    def set_series_layers(self, names: list[str]) -> None:
        """Make the series layers exactly ``names``; new ones go on top with default styles."""
        wanted = list(dict.fromkeys(names))
        kept = [s for s in self._layers if s.kind != "series" or s.name in wanted]
        present = {s.name for s in kept}
        added = [self._new_series(n) for n in wanted if n not in present]
        layers = kept + added
        if layers == self._layers:
            return
        for layer in self._layers:
            if layer.kind == "series":
                self._remembered[layer.name] = layer
        self._layers = layers
        self.sig_layers_changed.emit()

    def rename_series_layer(self, old: str, new: str) -> None:
        """Give series layer ``old``'s place and style to ``new`` (the series was renamed).

        Nothing happens when ``old`` is not shown or ``new`` already is (a merge into an existing
        series keeps that series' look).
        """
        names = {layer.name for layer in self._layers}
        if old not in names or new in names:
            return
        index = self._index(old)
        self._remembered[old] = self._layers[index]
        self._layers[index] = replace(self._layers[index], name=new)
        self.sig_layers_changed.emit()

    def set_visible(self, name: str, visible: bool) -> None:
        """Show or hide a layer."""
        self._update(name, visible=bool(visible))

    def set_color(self, name: str, color: str) -> None:
        """Set a layer's colour (any Qt colour string; stored as ``#rrggbb``)."""
        self._update(name, color=_normal_color(color))

    def set_opacity(self, name: str, opacity: float) -> None:
        """Set a layer's opacity, clamped to 0..1."""
        self._update(name, opacity=min(1.0, max(0.0, float(opacity))))

    def move(self, name: str, new_index: int) -> None:
        """Move a layer to ``new_index`` in the draw order (clamped to the list)."""
        index = self._index(name)
        new_index = min(len(self._layers) - 1, max(0, int(new_index)))
        if new_index == index:
            return
        layer = self._layers.pop(index)
        self._layers.insert(new_index, layer)
        self.sig_layers_changed.emit()

    def _new_series(self, name: str) -> LayerState:
        if name in self._remembered:
            return self._remembered[name]
        color = SERIES_PALETTE[self._palette_next % len(SERIES_PALETTE)]
        self._palette_next += 1
        return LayerState(name, "series", True, color, SERIES_OPACITY)

    def _index(self, name: str) -> int:
        for index, layer in enumerate(self._layers):
            if layer.name == name:
                return index
        raise KeyError(f"no layer {name!r}")

    def _update(self, name: str, **changes: object) -> None:
        index = self._index(name)
        old = self._layers[index]
        new = replace(old, **changes)  # type: ignore[arg-type]
        if new == old:
            return
        self._layers[index] = new
        self.sig_layer_changed.emit(name)
