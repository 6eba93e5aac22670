"""The basemap a page needs, read headless: one level of detail, only around the page's extent.

The canvas reads every level of the whole basemap once (``geo.basemap_data.load_basemap``,
about 2 s, most of it tidying the oblast outlines along the country borders). A page shows one
zoom, so the command line reads only the level that zoom uses, and tidies the oblast outlines
only inside a box around the extent: a close-up of one town is ready in a fraction of a second.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import shapely

from geo.basemap_data import BasemapData, basemap_extent, outlines
from geo.border_lines import oblast_lines_off_border
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


@cache
def _places() -> object:
    from geo.places import default_index

    return default_index()


def _place_provider(bbox: tuple[float, float, float, float], population: int) -> list[Place]:
    index = _places()
    return list(index.places_in(bbox, population, 400))  # type: ignore[attr-defined]


@lru_cache(maxsize=4)
def page_basemap(lod: str, box: BBox) -> BasemapData:
    """Every basemap layer at level ``lod`` inside the lon/lat ``box`` (see :func:`clip_box`)."""
    from geo.basemap import default_basemap

    basemap = default_basemap()
    data = BasemapData()
    for key in LAYER_KEYS.values():
        parts = shapely.GeometryCollection(list(basemap.features(key, box, lod).geometries))
        if key == "oblasts":
            parts = outlines(parts)
        data.layers[key] = {lod: shapely.clip_by_rect(parts, *box)}
    data.extent = basemap_extent(basemap.features("land", None, "lo").geometries)
    obl = oblast_lines_off_border(data.layers["oblasts"][lod], data.layers["borders"][lod])
    data.layers["oblasts"] = {lod: obl}
    data.places = _place_provider
    return data
