"""Regions drawn on the screen: from drawn display-metre vertices to lon/lat and back.

A region is what the user saw: its vertices are kept in display metres, where its edges are
straight, and its lon/lat polygon is derived from them by densifying every edge (≤ 500 m steps,
:func:`geo.projection.display_ring_to_lonlat`) so that geodesic clipping describes the drawn
shape. A polygon read from a file goes the other way with :func:`drawn_vertices`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.projection import display_ring_to_lonlat, to_display

if TYPE_CHECKING:
    from collections.abc import Sequence

    from shapely.geometry.base import BaseGeometry

XY = tuple[tuple[float, float], ...]
"""An open ring of drawn vertices in display metres (first vertex not repeated)."""


def lonlat_polygon(xy: Sequence[tuple[float, float]]) -> BaseGeometry:
    """The lon/lat polygon of a drawn display-metre ring, edges densified, valid, CCW exterior."""
    ring = np.asarray([*xy, xy[0]], dtype=float)
    polygon = shapely.Polygon(display_ring_to_lonlat(ring))
    if not polygon.is_valid:
        polygon = shapely.make_valid(polygon)
        parts = [p for p in shapely.get_parts(polygon) if p.geom_type == "Polygon"]
        polygon = shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
    return shapely.orient_polygons(polygon)


def drawn_vertices(geometry: BaseGeometry, tolerance_m: float = 1.0) -> XY:
    """Recover drawn vertices from a lon/lat polygon read from a file.

    The largest part's exterior is projected to display metres and the collinear vertices that
    densifying added are dropped again (``simplify`` with a 1 m tolerance).
    """
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type == "Polygon"]
    largest = max(parts, key=lambda p: p.area)
    coords = shapely.get_coordinates(largest.exterior)
    x, y = to_display(coords[:, 0], coords[:, 1])
    simple = shapely.Polygon(np.column_stack([x, y])).simplify(tolerance_m)
    ring = _drop_collinear(shapely.get_coordinates(simple.exterior)[:-1], tolerance_m)
    return tuple((float(a), float(b)) for a, b in ring)


def _drop_collinear(ring: np.ndarray, tolerance_m: float) -> np.ndarray:
    """Remove vertices lying within ``tolerance_m`` of the line through their neighbours.

    ``simplify`` keeps a closed ring's start vertex even where it is collinear; this also
    looks across the wrap-around.
    """
    while len(ring) > 3:
        before, after = np.roll(ring, 1, axis=0), np.roll(ring, -1, axis=0)
        chord = after - before
        rel = ring - before
        cross = np.abs(chord[:, 0] * rel[:, 1] - chord[:, 1] * rel[:, 0])
        offsets = cross / np.maximum(np.hypot(*chord.T), 1e-12)
        worst = int(np.argmin(offsets))
        if offsets[worst] > tolerance_m:
            break
        ring = np.delete(ring, worst, axis=0)
    return ring
