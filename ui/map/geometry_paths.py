"""Shapely lon/lat geometries → projected ``QPainterPath`` s, built once and cached.

Painting a day of DeepState data costs a few milliseconds, but projecting it costs more and
building the path from Python per frame would cost far more; so each geometry is projected once
(vectorised, ``geo.projection.project_geometry``), and its path is cached per *level of detail*: a
simplification tolerance of about half a device pixel, rounded down to a power of two metres, so
a zoom changes the path only when it crosses a bucket. Entries go away with the geometry (weak
references) and the cache is bounded (least recently used first).

When the view shows only part of a geometry, the simplified geometry is clipped
(``shapely.clip_by_rect``) to a box around the view, aligned to a grid of view-sized cells so a
pan reuses it. Besides saving vertices, this keeps device coordinates small: Qt's raster engine
drops fills whose coordinates reach millions of pixels (the land vanished at street zoom). A page
never pans, so a *tight* cache (the printed page's) clips to the view itself plus a few pixels.

Simplified paths have their vertices on a grid of a quarter of the tolerance (whole metres at
least): far below what the simplification already moves, and PDF and SVG writers spell a whole
number without the nine decimals they give any other. Qt's PDF writer, though, writes a fill
without a pen, or a stroke under opacity, in *device* coordinates, where metres land between
pixels; so vector pages ask for :meth:`PathCache.device_path`: the same simplified geometry
mapped to the device and rounded to whole device pixels (a twelfth of a millimetre at 300 dpi).
Every number of the page's map is then a short whole number: the content stream Qt compresses
is half as long, and compressing it was half the time of a page.
"""

from __future__ import annotations

import math
import weakref
from collections import OrderedDict
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
import shapely
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath, QTransform

from geo.projection import project_geometry

if TYPE_CHECKING:
    from collections.abc import Callable

    from shapely.geometry.base import BaseGeometry

CLIPS_PER_GEOMETRY = 6
"""Clipped paths kept per geometry (views recently shown)."""
TIGHT_MARGIN_PX = 8.0
"""A tight cache clips this many device pixels beyond the view (wider than any stroke)."""
_POLYGONAL = {"Polygon", "MultiPolygon"}
_LINEAR = {"LineString", "MultiLineString", "LinearRing"}


def lines_of(geometry: BaseGeometry) -> np.ndarray:
    """Rings of polygons and line strings of lines, as an array of shapely geometries."""
    parts = shapely.get_parts(geometry)
    kinds = shapely.get_type_id(parts)
    polygons = parts[kinds == 3]
    lines = parts[(kinds == 1) | (kinds == 2)]
    nested = parts[(kinds >= 4) & (kinds <= 7)]  # multi-parts inside a collection
    pieces = [shapely.get_rings(polygons), lines]
    pieces += [lines_of(c) for c in nested]
    return np.concatenate([np.asarray(p, dtype=object) for p in pieces])


def path_from_geometry(
    geometry: BaseGeometry, grid: float | None = None, transform: QTransform | None = None
) -> QPainterPath:
    """A path with one closed subpath per ring (odd-even fill keeps holes empty).

    With ``transform``, vertices are mapped through it first (an affine map, e.g. display
    metres to device pixels); with ``grid``, they are then rounded to its multiples (see the
    module docstring).
    """
    rings = lines_of(geometry)
    if len(rings) == 0:
        return QPainterPath()
    coords, index = shapely.get_coordinates(rings, return_index=True)
    if len(coords) == 0:
        return QPainterPath()
    if transform is not None:
        linear = np.array([[transform.m11(), transform.m12()], [transform.m21(), transform.m22()]])
        coords = coords @ linear + np.array([transform.dx(), transform.dy()])
    if grid is not None:
        coords = np.rint(coords / grid) * grid
    connect = np.empty(len(coords), dtype=bool)
    connect[:-1] = index[1:] == index[:-1]
    connect[-1] = False
    path = pg.arrayToQPath(coords[:, 0], coords[:, 1], connect=connect)
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


def vertex_grid(bucket: int) -> float:
    """The grid simplified vertices of ``bucket`` are rounded to: a quarter of the tolerance,
    a power of two metres and never under one (so every coordinate is a whole number)."""
    return 2.0 ** max(bucket - 2, 0)


def lod_bucket(metres_per_pixel: float) -> int:
    """The level-of-detail bucket for a zoom: log2 of a half-pixel tolerance, in metres."""
    tolerance = max(0.5 * metres_per_pixel, 1e-3)
    return math.floor(math.log2(tolerance))


def clip_box(view: QRectF) -> tuple[float, float, float, float]:
    """A grid-aligned box around ``view`` with at least one view size of margin on every side."""
    cell = 2.0 ** math.ceil(math.log2(max(view.width(), view.height(), 1.0)))
    x0, y0 = math.floor(view.left() / cell) - 1, math.floor(view.top() / cell) - 1
    x1, y1 = math.floor(view.right() / cell) + 2, math.floor(view.bottom() / cell) + 2
    return x0 * cell, y0 * cell, x1 * cell, y1 * cell


def _affine_key(transform: QTransform) -> tuple[float, ...]:
    t = transform
    return (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy())


class _Entry:
    __slots__ = ("bounds", "clipped", "display", "paths", "ref", "simple")

    def __init__(self, display: BaseGeometry, ref: weakref.ref) -> None:
        self.display = display
        self.ref = ref
        self.paths: dict[int, QPainterPath] = {}
        self.simple: dict[int, BaseGeometry] = {}
        self.clipped: OrderedDict[tuple, QPainterPath] = OrderedDict()
        self.bounds = _bounds_of(display)


def _bounds_of(display: BaseGeometry) -> QRectF:
    x0, y0, x1, y1 = display.bounds if not display.is_empty else (0.0, 0.0, 0.0, 0.0)
    return QRectF(x0, y0, x1 - x0, y1 - y0)


class PathCache:
    """Projected paths per lon/lat geometry and level of detail.

    Parameters
    ----------
    max_geometries : int
        How many geometries to keep (least recently used are dropped first).
    min_tolerance_m : float
        Below this simplification tolerance the full-resolution path is used.
    tight : bool
        Clip to the view plus :data:`TIGHT_MARGIN_PX` instead of a grid-aligned box around it
        (for pages, which never pan).
    """

    def __init__(
        self, max_geometries: int = 256, min_tolerance_m: float = 4.0, tight: bool = False
    ) -> None:
        self._entries: OrderedDict[int, _Entry] = OrderedDict()
        self._max = max_geometries
        self._min_bucket = math.floor(math.log2(min_tolerance_m))
        self._tight = tight

    def __len__(self) -> int:
        return len(self._entries)

    def bounds(self, geometry: BaseGeometry) -> QRectF:
        """The geometry's bounding box in display metres."""
        return QRectF(self._entry(geometry).bounds)

    def path(
        self,
        geometry: BaseGeometry,
        metres_per_pixel: float | None = None,
        view: QRectF | None = None,
    ) -> QPainterPath:
        """The display-metre path, simplified to about half a pixel at ``metres_per_pixel``.

        With ``view`` (display metres), a geometry reaching well beyond it comes clipped to a
        box around it (see :func:`clip_box`).
        """
        entry = self._entry(geometry)
        bucket, box = self._level(entry.bounds, metres_per_pixel, view)
        if box is not None:
            return self._clipped(entry, bucket, box)
        path = entry.paths.get(bucket)
        if path is None:
            path = path_from_geometry(self._simple(entry, bucket), self._grid(bucket))
            entry.paths[bucket] = path
        return path

    def device_path(
        self,
        geometry: BaseGeometry,
        transform: QTransform,
        metres_per_pixel: float,
        view: QRectF | None = None,
    ) -> QPainterPath:
        """The path :meth:`path` gives, mapped through ``transform`` (display metres → device
        pixels) and with its vertices on whole device pixels (vector pages)."""
        entry = self._entry(geometry)
        bucket, box = self._level(entry.bounds, metres_per_pixel, view)
        return self._clipped(entry, bucket, box, transform)

    def has_path(
        self, geometry: BaseGeometry, metres_per_pixel: float | None, view: QRectF | None
    ) -> bool:
        """Whether :meth:`path` would answer from the cache (nothing to project or simplify)."""
        entry = self._entries.get(id(geometry))
        if entry is None or entry.ref() is not geometry:
            return False
        bucket, box = self._level(entry.bounds, metres_per_pixel, view)
        return (bucket, box) in entry.clipped if box is not None else bucket in entry.paths

    def _level(
        self, bounds: QRectF, metres_per_pixel: float | None, view: QRectF | None
    ) -> tuple[int, tuple[float, float, float, float] | None]:
        """The detail bucket, and the clip box when the geometry reaches well beyond ``view``."""
        bucket = self._min_bucket if metres_per_pixel is None else lod_bucket(metres_per_pixel)
        bucket = max(bucket, self._min_bucket)
        if view is None:
            return bucket, None
        box = self._clip_box(view, metres_per_pixel)
        inside = QRectF(box[0], box[1], box[2] - box[0], box[3] - box[1]).contains(bounds)
        return bucket, None if inside else box

    def _clip_box(self, view: QRectF, metres_per_pixel: float | None) -> tuple:
        if not self._tight or metres_per_pixel is None:
            return clip_box(view)
        pad = TIGHT_MARGIN_PX * metres_per_pixel
        return view.left() - pad, view.top() - pad, view.right() + pad, view.bottom() + pad

    def _grid(self, bucket: int) -> float | None:
        return None if bucket <= self._min_bucket else vertex_grid(bucket)

    def _simplified(self, display: BaseGeometry, bucket: int) -> BaseGeometry:
        if bucket <= self._min_bucket:
            return display
        return shapely.simplify(display, 2.0**bucket, preserve_topology=False)

    def _simple(self, entry: _Entry, bucket: int) -> BaseGeometry:
        simple = entry.simple.get(bucket)
        if simple is None:
            simple = self._simplified(entry.display, bucket)
            if bucket > self._min_bucket:
                entry.simple[bucket] = simple
        return simple

    def _clipped(
        self, entry: _Entry, bucket: int, box: tuple | None, transform: QTransform | None = None
    ) -> QPainterPath:
        """The simplified geometry clipped to ``box`` (if any) as a display-metre path, or
        with ``transform`` as a whole-device-pixel one; the last few kept per geometry."""
        key = (bucket, box) if transform is None else (bucket, box, _affine_key(transform))
        path = entry.clipped.get(key)
        if path is None:
            simple = self._simple(entry, bucket)
            if box is not None:
                simple = shapely.clip_by_rect(simple, *box)
            if transform is None:
                path = path_from_geometry(simple, self._grid(bucket))
            else:
                path = path_from_geometry(simple, 1.0, transform)
            self._keep_clip(entry, key, path)
        entry.clipped.move_to_end(key)
        return path

    @staticmethod
    def _keep_clip(entry: _Entry, key: tuple, path: QPainterPath) -> None:
        entry.clipped[key] = path
        while len(entry.clipped) > CLIPS_PER_GEOMETRY:
            entry.clipped.popitem(last=False)

    def _entry(self, geometry: BaseGeometry) -> _Entry:
        key = id(geometry)
        entry = self._entries.get(key)
        if entry is not None and entry.ref() is geometry:
            self._entries.move_to_end(key)
            return entry
        return self._insert(geometry, project_geometry(geometry))

    def _insert(self, geometry: BaseGeometry, display: BaseGeometry) -> _Entry:
        key = id(geometry)
        entry = _Entry(display, weakref.ref(geometry, self._forget(key)))
        self._entries[key] = entry
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)
        return entry

    def _forget(self, key: int) -> Callable[[weakref.ref], None]:
        """A weakref callback that drops ``key`` once its geometry is garbage."""
        entries = weakref.ref(self._entries)

        def _drop(ref: weakref.ref) -> None:
            table = entries()
            if table is not None and key in table and table[key].ref is ref:
                del table[key]

        return _drop
