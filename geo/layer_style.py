"""One description of a map layer's style, shared by the app, printed pages and project files.

The layer panel and the canvas (``viewmodels.layers_viewmodel.LayerState``), a printed page
(``geo.page.LayerSpec``) and a ``.frontline`` project file (``geo.session_file``) all describe a
layer with this one type; a project file stores it as the JSON object of :meth:`to_json`::

    {"name": "DeepState occupied", "kind": "series", "visible": true,
     "color": "#d62728", "opacity": 0.45}
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

LAYER_KINDS = ("series", "basemap")
"""What a layer shows: a loaded series, or a layer of the basemap."""


@dataclass(frozen=True)
class LayerStyle:
    """One layer of the map and its style; lists of them are bottom first.

    Attributes
    ----------
    name : str
        Unique name: the series name, or the basemap layer's name in the layer panel ("Land",
        "Lakes", "Rivers", "Oblast borders", "Country borders", "Place names").
    kind : str
        One of :data:`LAYER_KINDS`.
    visible : bool
        Whether the layer is drawn.
    color : str
        ``#rrggbb``.
    opacity : float
        0 (invisible) to 1 (opaque).
    """

    name: str
    kind: str
    visible: bool
    color: str
    opacity: float

    def to_json(self) -> dict[str, Any]:
        """The layer as a JSON object (the form project files store)."""
        return asdict(self)

    @classmethod
    def from_json(cls, item: Any) -> LayerStyle:
        """A layer from :meth:`to_json`'s object; ``ValueError`` saying what is wrong otherwise.

        A missing ``visible`` means hidden, and an integer opacity is accepted (as project files
        of version 1 have always been read).
        """
        fields = item if isinstance(item, dict) else {}
        for key, expected in _TYPES.items():
            value = fields.get(key)
            if value is not None and not isinstance(value, expected):
                raise ValueError(f"{key!r} has the wrong type ({type(value).__name__})")
        name, kind, color = fields.get("name"), fields.get("kind"), fields.get("color")
        opacity = fields.get("opacity")
        if not name or kind not in LAYER_KINDS or not color or opacity is None:
            raise ValueError(f"layer {item!r} needs name, kind, visible, color and opacity")
        return cls(name, kind, bool(fields.get("visible")), color, float(opacity))


_TYPES: dict[str, type | tuple[type, ...]] = {
    "name": str,
    "kind": str,
    "visible": bool,
    "color": str,
    "opacity": (int, float),
}
"""The JSON type of each field of a layer in a project file."""
