"""The map canvas: a pyqtgraph view in display metres with basemap, series, compare and labels."""

from ui.map.map_view import MapView

__all__ = ["MapView"]
