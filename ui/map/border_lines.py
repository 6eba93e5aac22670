"""Oblast outlines without the stretches that double the country border.

The oblast polygons and the country borders come from different sources, so along the Russian
and Belarusian borders the oblast outline runs 1-2 km beside the country border and the map
shows two lines where one is meant. Here the oblast outlines lose every stretch that runs inside
a band of ``distance`` around a country border for at least ``min_run`` (both in display metres);
short pieces, where an inner oblast boundary meets the border, stay so that it still reaches it.
Outlines shared by two oblasts are drawn once (the lines are merged first).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.projection import to_lonlat
from ui.map.geometry_paths import project_geometry

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

BAND_M = 3000.0
"""Oblast outline within this distance of a country border is hidden..."""
MIN_RUN_M = 6000.0
"""...if the stretch inside the band is at least this long."""
_LINE_TYPES = (1, 5)


def _unproject(geometry: BaseGeometry) -> BaseGeometry:
    def _back(xy: np.ndarray) -> np.ndarray:
        lon, lat = to_lonlat(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat])

    return shapely.transform(geometry, _back)


def _lines(geometry: BaseGeometry) -> np.ndarray:
    parts = shapely.get_parts(geometry)
    return parts[np.isin(shapely.get_type_id(parts), _LINE_TYPES)]


def oblast_lines_off_border(
    oblast_lines: BaseGeometry,
    borders: BaseGeometry,
    distance: float = BAND_M,
    min_run: float = MIN_RUN_M,
) -> BaseGeometry:
    """Lon/lat oblast outlines without their long runs beside ``borders`` (see module doc).

    Parameters
    ----------
    oblast_lines, borders : BaseGeometry
        Lon/lat line geometries (any collection of lines).
    distance, min_run : float
        Band half-width and shortest hidden run, in display metres.

    Returns
    -------
    BaseGeometry
        A lon/lat ``GeometryCollection`` of line strings, merged where they meet end to end.
    """
    lines = shapely.union_all(_lines(project_geometry(oblast_lines)))
    band = shapely.buffer(project_geometry(borders), distance, quad_segs=4)
    far = _lines(shapely.difference(lines, band))
    inside = shapely.MultiLineString(list(_lines(shapely.intersection(lines, band))))
    near = _lines(shapely.line_merge(inside))
    short = near[shapely.length(near) < min_run]
    kept = shapely.line_merge(shapely.MultiLineString([*far, *short]))
    return _unproject(shapely.GeometryCollection(list(_lines(kept))))
