"""Geodesic measurement of a drawn line or polygon (the map's measure tool).

Distances follow the geodesic between consecutive vertices on the WGS84 ellipsoid (pyproj's
``Geod``, Karney's algorithm); a polygon's area is :func:`geo.areas.geodesic_area_km2` of the
same vertices, so the tool and every other area in the product agree. Vertices arrive in display
metres (:mod:`geo.projection`), as the user clicked them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.areas import geodesic_area_km2, wgs84
from geo.projection import to_lonlat

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

M_PER_KM = 1000.0


@dataclass(frozen=True)
class Measurement:
    """What the measure tool shows.

    Attributes
    ----------
    segments_km : tuple of float
        Geodesic length of each edge, in order (a closed polygon's last edge returns to the
        first vertex).
    length_km : float
        Their sum: the length of the line, or the perimeter of the polygon.
    area_km2 : float or None
        Geodesic area of the polygon; None for a line or fewer than three vertices.
    """

    segments_km: tuple[float, ...]
    length_km: float
    area_km2: float | None


def segment_lengths_km(lon: ArrayLike, lat: ArrayLike) -> np.ndarray:
    """Geodesic length of each edge of a lon/lat path, in km (one fewer than the vertices)."""
    x, y = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    if len(x) < 2:
        return np.zeros(0)
    _fwd, _back, metres = wgs84().inv(x[:-1], y[:-1], x[1:], y[1:])
    return np.asarray(metres, dtype=float) / M_PER_KM


def measure_lonlat(lonlat: ArrayLike, closed: bool) -> Measurement:
    """Measure a path of lon/lat vertices (shape (n, 2)); ``closed`` makes it a polygon.

    Parameters
    ----------
    lonlat : ndarray, shape (n, 2)
        Vertices in degrees, without repeating the first at the end.
    closed : bool
        Measure a polygon: perimeter (with the closing edge) and area.

    Returns
    -------
    Measurement
    """
    points = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    polygon = closed and len(points) >= 3
    ring = np.vstack([points, points[:1]]) if polygon else points
    segments = segment_lengths_km(ring[:, 0], ring[:, 1])
    area = geodesic_area_km2(shapely.Polygon(ring)) if polygon else None
    return Measurement(tuple(segments.tolist()), float(segments.sum()), area)


def measure_display(xy: ArrayLike, closed: bool) -> Measurement:
    """:func:`measure_lonlat` of vertices given in display metres (as clicked on the map)."""
    points = np.asarray(xy, dtype=float).reshape(-1, 2)
    lon, lat = to_lonlat(points[:, 0], points[:, 1])
    return measure_lonlat(np.column_stack([lon, lat]), closed)
