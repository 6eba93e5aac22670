"""The map canvas: a pyqtgraph view in display metres with basemap, series, compare and labels.

``MapView`` is imported on first use, so headless painting (``ui.printing``) does not load the
canvas widget and its input handling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ui.map.map_view import MapView

__all__ = ["MapView"]


def __getattr__(name: str) -> Any:
    if name == "MapView":
        from ui.map.map_view import MapView

        return MapView
    raise AttributeError(f"module 'ui.map' has no attribute {name!r}")
