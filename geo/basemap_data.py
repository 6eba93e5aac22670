"""The basemap the map canvas draws: every layer at every level of detail, and the places.

Read once per process from ``resources/basemap.gpkg`` (``geo.basemap``), off the UI thread: the
viewmodel (``viewmodels.basemap_viewmodel``) runs :func:`load_basemap` in a worker and the canvas
only draws the result. A printed page reads less (``ui.printing.basemap``) into the same
:class:`BasemapData`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import shapely

from geo.border_lines import oblast_lines_off_border

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from shapely.geometry.base import BaseGeometry

    from geo.places import Place

    BBox = tuple[float, float, float, float]

CANVAS_LAYERS = ("land", "lakes", "rivers", "oblasts", "borders")
"""The ``geo.basemap`` layers the canvas draws (the oblasts as outlines)."""
_OUTWARD = (math.floor, math.floor, math.ceil, math.ceil)


@dataclass
class BasemapData:
    """Lon/lat basemap geometries per layer key and level of detail, and a place provider."""

    layers: dict[str, dict[str, BaseGeometry]] = field(default_factory=dict)
    extent: BaseGeometry | None = None
    places: Callable[[BBox, int], Sequence[Place]] | None = None


def basemap_extent(land: BaseGeometry) -> BaseGeometry:
    """The lon/lat box the basemap was clipped to, from its land's bounds rounded outward.

    Meridians and parallels are curves in the display projection, so the box is densified.
    """
    bounds = shapely.total_bounds(land)
    box = shapely.box(*(f(v * 2) / 2 for f, v in zip(_OUTWARD, bounds, strict=True)))
    return shapely.segmentize(box, 0.25)


def outlines(polygons: BaseGeometry) -> BaseGeometry:
    """The boundaries of ``polygons``' parts, as one collection of lines."""
    return shapely.GeometryCollection(list(shapely.boundary(shapely.get_parts(polygons))))


@lru_cache(maxsize=1)
def load_basemap() -> BasemapData:
    """Read every layer and level of the default basemap (slow: call it in a worker).

    The result is shared by every canvas (read once per process); oblast outlines lose their
    runs beside the country borders (:func:`~geo.border_lines.oblast_lines_off_border`).
    """
    from geo.basemap import LODS, default_basemap
    from geo.places import default_index

    basemap = default_basemap()
    data = BasemapData()
    for key in CANVAS_LAYERS:
        levels = {}
        for lod in LODS:
            geometries = basemap.features(key, None, lod).geometries
            levels[lod] = shapely.GeometryCollection(list(geometries))
        data.layers[key] = levels
    data.extent = basemap_extent(data.layers["land"]["lo"])
    borders = data.layers["borders"]
    data.layers["oblasts"] = {
        lod: oblast_lines_off_border(outlines(polygons), borders[lod])
        for lod, polygons in data.layers["oblasts"].items()
    }
    index = default_index()
    index.places_in((30.0, 50.0, 30.1, 50.1), 0)

    def _places(bbox: BBox, min_population: int) -> list[Place]:
        return list(index.places_in(bbox, min_population, 400))

    data.places = _places
    return data
