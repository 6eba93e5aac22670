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

from typing import TYPE_CHECKING

import numpy as np

from geo.lcc import LambertConic

if TYPE_CHECKING:
    from collections.abc import Callable

    from shapely.geometry.base import BaseGeometry

DISPLAY_CRS = (
    "+proj=lcc +lat_1=45 +lat_2=53 +lat_0=49 +lon_0=32 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
)


_LCC = LambertConic(lat_1=45.0, lat_2=53.0, lat_0=49.0, lon_0=32.0)
""":data:`DISPLAY_CRS` as formulas (:mod:`geo.lcc`): the same numbers as PROJ, no transformer."""


def to_display(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Project lon/lat degrees to display metres (x east, y north)."""
    return _LCC.forward(lon, lat)


def to_lonlat(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Inverse of :func:`to_display`."""
    return _LCC.inverse(x, y)


def _transform_geometry(
    geometry: BaseGeometry, function: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, ...]]
) -> BaseGeometry:
    import shapely

    def _apply(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(function(xy[:, 0], xy[:, 1]))

    return shapely.transform(geometry, _apply)


def project_geometry(geometry: BaseGeometry) -> BaseGeometry:
    """The same lon/lat geometry in display metres (vectorised over all its coordinates)."""
    return _transform_geometry(geometry, to_display)


def unproject_geometry(geometry: BaseGeometry) -> BaseGeometry:
    """Inverse of :func:`project_geometry`."""
    return _transform_geometry(geometry, to_lonlat)


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
    """Ratio of display metres to true ground metres at a point (≈1 within the data extent).

    Closed form (:meth:`geo.lcc.LambertConic.scale_factor`; the conic's scale depends on the
    latitude only): a scale bar needs no geodesic and so no pyproj (about 0.1 s to import).
    """
    del lon
    return _LCC.scale_factor(lat)


BBox = tuple[float, float, float, float]
"""``(x0, y0, x1, y1)``: a lon/lat box (west, south, east, north) or a display-metre box."""


def box_edges(box: BBox, samples: int = 11) -> tuple[np.ndarray, np.ndarray]:
    """``samples`` points along each of the four edges of ``box`` (bottom, top, left, right).

    A straight edge in one plane bends in the other (the conic's meridians converge and its
    parallels curve), so a box's envelope in the other plane needs its edges, not its corners.
    """
    x0, y0, x1, y1 = box
    t = np.linspace(0.0, 1.0, samples)
    xs, ys = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
    return (
        np.concatenate([xs, xs, np.full(samples, x0), np.full(samples, x1)]),
        np.concatenate([np.full(samples, y0), np.full(samples, y1), ys, ys]),
    )


def _envelope(x: np.ndarray, y: np.ndarray) -> BBox:
    return float(x.min()), float(y.min()), float(x.max()), float(y.max())


def lonlat_box_to_display(bbox: BBox, samples: int = 11) -> BBox:
    """Display-metre envelope ``(x0, y0, x1, y1)`` of a lon/lat box, edges sampled."""
    return _envelope(*to_display(*box_edges(bbox, samples)))


def display_box_to_lonlat(box: BBox, samples: int = 11) -> BBox:
    """Lon/lat envelope ``(west, south, east, north)`` of a display-metre box, edges sampled."""
    return _envelope(*to_lonlat(*box_edges(box, samples)))


def fitted_view(bbox: BBox) -> BBox:
    """The lon/lat envelope of the display rectangle that a fit to ``bbox`` shows."""
    return display_box_to_lonlat(lonlat_box_to_display(bbox))


def restorable_bbox(saved: BBox, iterations: int = 6) -> BBox:
    """The lon/lat box to fit so the canvas reports ``saved`` again (no drift between sessions).

    The canvas reports the lon/lat envelope of its (display-projection) view, and fitting a
    lon/lat box shows the display envelope of it; the projection's curved, rotated meridians make
    each envelope larger, so fitting the saved box itself grew the view ~10 % every session.
    A few fixed-point steps shrink and shift the box until its round trip
    (:func:`fitted_view`) matches ``saved``.
    """
    box = np.array(saved, dtype=float)
    target = np.array(saved, dtype=float)
    for _ in range(iterations):
        got = np.array(fitted_view((box[0], box[1], box[2], box[3])))
        centre = (box[:2] + box[2:]) / 2 + ((target[:2] + target[2:]) - (got[:2] + got[2:])) / 2
        half = (box[2:] - box[:2]) / 2 * (target[2:] - target[:2]) / (got[2:] - got[:2])
        box = np.concatenate([centre - half, centre + half])
    west, south, east, north = (float(v) for v in box)
    return west, south, east, north
