"""Geodesic areas on the WGS84 ellipsoid.

Every area the product shows comes from here: never a planar area in degrees or Web Mercator.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import shapely

if TYPE_CHECKING:
    from pyproj import Geod
    from shapely.geometry.base import BaseGeometry

M2_PER_KM2 = 1e6


@cache
def wgs84() -> Geod:
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _ring_area_m2(ring: BaseGeometry) -> float:
    coords = shapely.get_coordinates(ring)
    area, _ = wgs84().polygon_area_perimeter(coords[:, 0], coords[:, 1])
    return abs(area)


def geodesic_area_km2(geometry: BaseGeometry) -> float:
    """Area of a lon/lat (Multi)Polygon in km², exterior rings minus holes, any orientation."""
    total = 0.0
    for polygon in shapely.get_parts(geometry):
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        total += _ring_area_m2(polygon.exterior)
        total -= sum(_ring_area_m2(hole) for hole in polygon.interiors)
    return total / M2_PER_KM2
