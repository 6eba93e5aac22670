"""The basemap a page needs, read headless: one level of detail, only around the page's extent.

The canvas reads every level of the whole basemap once (``geo.basemap_data.load_basemap``,
about 2 s, most of it tidying the oblast outlines along the country borders). A page shows one
zoom, so the command line reads only the level that zoom uses, around the extent, and takes the
tidied oblast outlines of that level from the user's cache (:mod:`geo.border_cache`; computed on
the first page of each level).
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

import shapely

from geo.basemap_data import BasemapData, basemap_extent
from ui.map.basemap_items import LAYER_KEYS

if TYPE_CHECKING:
    from geo.page import BBox
    from geo.places import Place

CLIP_MARGIN = 0.1
"""The box read around a frame, as a share of its size on every side."""


def clip_box(extent: BBox) -> BBox:
    """A frame's lon/lat box widened by :data:`CLIP_MARGIN` and rounded outward to whole degrees.

    Rounding makes neighbouring extents share a box, so their basemap is read once.
    """
    x0, y0, x1, y1 = extent
    dx, dy = (x1 - x0) * CLIP_MARGIN + 0.2, (y1 - y0) * CLIP_MARGIN + 0.2
    return (
        float(math.floor(x0 - dx)),
        float(math.floor(y0 - dy)),
        float(math.ceil(x1 + dx)),
        float(math.ceil(y1 + dy)),
    )


@lru_cache(maxsize=16)
def _places_in(bbox: tuple[float, float, float, float], population: int) -> tuple[Place, ...]:
    from geo.places import default_index

    return tuple(default_index().places_in_file(bbox, population, 400))


def _place_provider(bbox: tuple[float, float, float, float], population: int) -> list[Place]:
    """The labels' places, read from the file (a page needs a few dozen, not the whole layer),
    kept for the frames of a time-lapse and repeated pages."""
    return list(_places_in(bbox, population))


@lru_cache(maxsize=4)
def page_basemap(lod: str, box: BBox) -> BasemapData:
    """Every basemap layer at level ``lod`` inside the lon/lat ``box`` (see :func:`clip_box`).

    The oblast outlines are the whole level's, tidied along the country borders once per user
    (:func:`geo.border_cache.oblast_lines`) and clipped to the box.
    """
    from geo.basemap import default_basemap
    from geo.border_cache import oblast_lines

    basemap = default_basemap()
    data = BasemapData()
    for key in LAYER_KEYS.values():
        if key == "oblasts":
            parts = oblast_lines(basemap, lod)
        else:
            parts = shapely.GeometryCollection(list(basemap.features(key, box, lod).geometries))
        data.layers[key] = {lod: shapely.clip_by_rect(parts, *box)}
    data.extent = basemap_extent(basemap.features("land", None, "lo").geometries)
    data.places = _place_provider
    return data
