"""The display projection: how lon/lat is laid out on the screen and on printed maps.

We use a Lambert conformal conic projection on WGS84 with standard parallels 45°N and 53°N,
centred on 49°N 32°E. It is conformal, so shapes (angles) are true everywhere, and over the
front line's extent (about 20–42°E, 43–56°N) its scale error stays under 1 %, where Web
Mercator would stretch Ukraine by 1.5 in each direction. Meridians converge, so maps drawn in it
carry a north arrow.

A region drawn on the screen has straight edges *in this projection*; :func:`densify_xy` adds
vertices along those edges before they go back to lon/lat, so that geodesic clipping describes
what the user drew.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from pyproj import Transformer

DISPLAY_CRS = (
    "+proj=lcc +lat_1=45 +lat_2=53 +lat_0=49 +lon_0=32 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
)


@cache
def _transformers() -> tuple[Transformer, Transformer]:
    from pyproj import Transformer

    forward = Transformer.from_crs("EPSG:4326", DISPLAY_CRS, always_xy=True)
    inverse = Transformer.from_crs(DISPLAY_CRS, "EPSG:4326", always_xy=True)
    return forward, inverse


def to_display(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Project lon/lat degrees to display metres (x east, y north)."""
    forward, _ = _transformers()
    x, y = forward.transform(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return np.asarray(x), np.asarray(y)


def to_lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Inverse of :func:`to_display`."""
    _, inverse = _transformers()
    lon, lat = inverse.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    return np.asarray(lon), np.asarray(lat)


def densify_xy(
    xy: np.ndarray, max_step_m: float = 500.0, max_points: int | None = None
) -> np.ndarray:
    """Insert vertices along each straight edge of a display-plane path.

    Parameters
    ----------
    xy : ndarray, shape (n, 2)
        Vertices in display metres. A closed ring repeats its first vertex at the end.
    max_step_m : float
        Longest allowed distance between consecutive vertices, in display metres.
    max_points : int, optional
        Refuse (``ValueError``) to make more vertices than this, before making any.

    Returns
    -------
    ndarray, shape (m, 2)
        The same path with extra collinear vertices; the original vertices are kept exactly.

    Raises
    ------
    ValueError
        A vertex is not finite (off the projection), or the result would exceed ``max_points``.
    """
    xy = np.asarray(xy, dtype=float)
    if len(xy) < 2:
        return xy.copy()
    if not np.isfinite(xy).all():
        raise ValueError("a vertex lies off the display projection")
    start, end = xy[:-1], xy[1:]
    steps = np.maximum(1, np.ceil(np.hypot(*(end - start).T) / max_step_m)).astype(np.int64)
    total = int(steps.sum()) + 1
    if max_points is not None and total > max_points:
        raise ValueError(f"densifying would make {total} vertices (at most {max_points})")
    edge = np.repeat(np.arange(len(steps)), steps)
    first = np.cumsum(steps) - steps
    t = ((np.arange(total - 1) - np.repeat(first, steps)) / np.repeat(steps, steps))[:, None]
    return np.concatenate([start[edge] + t * (end - start)[edge], xy[-1:]])


def display_ring_to_lonlat(xy: np.ndarray, max_step_m: float = 500.0) -> np.ndarray:
    """Densify a display-plane ring and return it as an (m, 2) lon/lat array."""
    dense = densify_xy(xy, max_step_m)
    lon, lat = to_lonlat(dense[:, 0], dense[:, 1])
    return np.column_stack([lon, lat])


def scale_factor(lon: float, lat: float) -> float:
    """Ratio of display metres to true ground metres at a point (≈1 within the data extent)."""
    from pyproj import Geod

    step = 0.01
    x0, y0 = to_display(np.array([lon]), np.array([lat]))
    x1, y1 = to_display(np.array([lon + step]), np.array([lat]))
    display = float(np.hypot(x1[0] - x0[0], y1[0] - y0[0]))
    ground = Geod(ellps="WGS84").inv(lon, lat, lon + step, lat)[2]
    return display / ground
