"""Oblast outlines without the stretches that double the country border.

The oblast polygons and the country borders come from different sources, so along the Russian
and Belarusian borders the oblast outline runs 1-2 km beside the country border and the map
shows two lines where one is meant. Here the oblast outlines lose everything inside a band of
``distance`` around a country border (display metres), and the short stretches that stray just
outside the band and come back into it; an inner oblast boundary cut at the band's edge is tied
to the border with a straight line, so it still meets it. Outlines shared by two oblasts are
drawn once (the lines are merged first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.projection import project_geometry, unproject_geometry

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

BAND_M = 3000.0
"""Oblast outline within this distance of a country border is hidden."""
MAX_EXCURSION_M = 20_000.0
"""A stretch that leaves the band and comes back within this length is hidden as well."""
_LINE_TYPES = (1, 5)


def _lines(geometry: BaseGeometry) -> np.ndarray:
    parts = shapely.get_parts(geometry)
    return parts[np.isin(shapely.get_type_id(parts), _LINE_TYPES)]


def _excursions(
    lines: np.ndarray, borders: BaseGeometry, distance: float, max_length: float
) -> np.ndarray:
    """Which ``lines`` start and end at the band's edge and are short: the places where the
    doubled outline strays a little further than ``distance`` from the border and comes back."""
    if len(lines) == 0:
        return np.zeros(0, dtype=bool)
    ends = [shapely.get_point(lines, 0), shapely.get_point(lines, -1)]
    at_band = [shapely.distance(e, borders) <= distance * 1.01 for e in ends]
    return at_band[0] & at_band[1] & (shapely.length(lines) < max_length)


def _ties(lines: np.ndarray, borders: BaseGeometry, distance: float) -> np.ndarray:
    """Straight lines from the ends of ``lines`` on the band's edge to the nearest border point,
    so that inner oblast boundaries still meet the country border."""
    ends = np.concatenate([shapely.get_point(lines, 0), shapely.get_point(lines, -1)])
    if len(ends) == 0:
        return ends
    ends = shapely.points(np.unique(shapely.get_coordinates(ends), axis=0))
    gap = shapely.distance(ends, borders)
    at_edge = (gap >= 0.97 * distance) & (gap <= 1.01 * distance)
    return shapely.shortest_line(ends[at_edge], borders)


def oblast_lines_off_border(
    oblast_lines: BaseGeometry,
    borders: BaseGeometry,
    distance: float = BAND_M,
) -> BaseGeometry:
    """Lon/lat oblast outlines without their runs beside ``borders`` (see module doc).

    Parameters
    ----------
    oblast_lines, borders : BaseGeometry
        Lon/lat line geometries (any collection of lines).
    distance : float
        Band half-width in display metres.

    Returns
    -------
    BaseGeometry
        A lon/lat ``GeometryCollection`` of line strings, merged where they meet end to end.
    """
    lines = shapely.union_all(_lines(project_geometry(oblast_lines)))
    border_lines = project_geometry(borders)
    band = shapely.buffer(border_lines, distance, quad_segs=4)
    far = _lines(shapely.line_merge(shapely.difference(lines, band)))
    far = far[~_excursions(far, border_lines, distance, MAX_EXCURSION_M)]
    ties = _ties(far, border_lines, distance)
    kept = shapely.line_merge(shapely.MultiLineString([*far, *ties]))
    return unproject_geometry(shapely.GeometryCollection(list(_lines(kept))))
