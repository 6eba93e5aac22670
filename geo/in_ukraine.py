"""Whether "% of Ukraine" means something for a series: is its land inside Ukraine?

A percentage of Ukraine's 603,628 km² describes territory inside Ukraine (Crimea included). It
is meaningless for a series that lies elsewhere, such as ISW's Kursk layers (land inside
Russia). Each polygon of the geometries is placed by a point on its surface in the basemap's
admin-1 polygons, and weighted by its geodesic area; front-line polygons never straddle far
across a border, so this is both cheap (no overlay) and decisive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.areas import geodesic_areas_km2

if TYPE_CHECKING:
    from collections.abc import Iterable

    from shapely.geometry.base import BaseGeometry

    from geo.oblasts import OblastSet

MEANINGFUL_SHARE = 0.9
"""At least this share of the area must lie in Ukraine for "% of Ukraine" to be shown."""
_TREES: dict[int, shapely.STRtree] = {}


def _tree(oblasts: OblastSet, country: str) -> shapely.STRtree:
    key = id(oblasts)
    if key not in _TREES:
        _TREES[key] = shapely.STRtree([o.geometry for o in oblasts.oblasts(country)])
    return _TREES[key]


def share_in_ukraine(geometries: Iterable[BaseGeometry], oblasts: OblastSet | None = None) -> float:
    """The share (0..1) of the geometries' total area that lies in Ukraine (1 when empty)."""
    from geo.oblasts import default_oblasts

    parts = np.concatenate([shapely.get_parts(g) for g in geometries if g is not None] or [[]])
    parts = parts[~shapely.is_empty(parts)] if len(parts) else parts
    if not len(parts):
        return 1.0
    areas = geodesic_areas_km2(parts)
    if areas.sum() <= 0:
        return 1.0
    tree = _tree(oblasts or default_oblasts(), "UA")
    inside, _ = tree.query(shapely.point_on_surface(parts), predicate="within")
    return float(areas[np.unique(inside)].sum() / areas.sum())


def percent_of_ukraine_meaningful(geometries: Iterable[BaseGeometry]) -> bool:
    """Whether "% of Ukraine" describes these geometries (see :data:`MEANINGFUL_SHARE`)."""
    return share_in_ukraine(geometries) >= MEANINGFUL_SHARE
