"""Geometry repairs, each one recorded: nulls skipped, Z dropped, invalid made valid, dissolved.

A date's features are dissolved (``shapely.union_all``) before any area is taken: ISW's control
maps overlap by about 118.5 km², which a sum of feature areas would count twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.errors import ReadError
from geo.limits import (
    MAX_FEATURE_VERTICES,
    MAX_OVERLAPS_PER_FEATURE,
    MAX_REPAIR_VERTICES,
    MIN_OVERLAPS_ALLOWED,
)
from geo.model import Repair

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

_POLYGON, _MULTIPOLYGON, _COLLECTION = 3, 6, 7
#: Pairs one box query may return at most (16 MB of indices).
_QUERY_PAIRS = 1_000_000


def polygonal(geometry: BaseGeometry) -> BaseGeometry | None:
    """Only the polygonal parts of ``geometry`` (lines and points left by make_valid dropped)."""
    kind = shapely.get_type_id(geometry)
    if kind in (_POLYGON, _MULTIPOLYGON):
        return geometry
    if kind != _COLLECTION:
        return None
    parts = shapely.get_parts(geometry)
    polygons = [
        p for part in parts for p in shapely.get_parts(part) if shapely.get_type_id(p) == _POLYGON
    ]
    return shapely.MultiPolygon(polygons) if polygons else None


def made_valid(geometry: BaseGeometry, path: str) -> BaseGeometry | None:
    """The valid polygonal part of ``geometry`` (GEOS ``make_valid``, method "structure").

    A MultiPolygon is repaired part by part and the parts unioned, which is what "structure"
    does, but GEOS does it on the whole MultiPolygon in time that explodes with the number of
    self-intersections (8,000 zigzags: 12 s against 0.4 s).
    """
    parts = shapely.get_parts(geometry)
    broken = ~shapely.is_valid(parts)
    vertices = shapely.get_num_coordinates(parts[broken])
    if vertices.size and vertices.max() > MAX_REPAIR_VERTICES:
        raise ReadError(
            path,
            f"an invalid polygon of {int(vertices.max())} vertices, more than "
            f"{MAX_REPAIR_VERTICES} (repairing it could take minutes), not read",
        )
    if len(parts) == 1:
        return polygonal(shapely.make_valid(parts[0], method="structure", keep_collapsed=False))
    parts[broken] = shapely.make_valid(parts[broken], method="structure", keep_collapsed=False)
    pieces = np.array([p for p in (polygonal(part) for part in parts) if p is not None])
    if len(pieces) > 1:
        _overlapping_pairs(shapely.STRtree(pieces), pieces, path)
    return polygonal(shapely.union_all(pieces)) if len(pieces) else None


def repair(geometries: np.ndarray, path: str) -> tuple[np.ndarray, list[Repair]]:
    """Valid, 2-D, polygonal, non-null geometries and the repairs made to get them.

    Parameters
    ----------
    geometries : numpy.ndarray
        Object array of shapely geometries or None, in lon/lat.
    path : str
        The file they came from, recorded in each :class:`~geo.model.Repair`.
    """
    repairs: list[Repair] = []
    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    if missing.any():
        repairs.append(Repair("skipped_null", int(missing.sum()), path, "null or empty geometry"))
    kept = geometries[~missing]
    vertices = shapely.get_num_coordinates(kept)
    if len(kept) and vertices.max() > MAX_FEATURE_VERTICES:
        raise ReadError(
            path,
            f"a feature has {int(vertices.max())} vertices, more than {MAX_FEATURE_VERTICES} "
            "(checking and repairing it could take minutes), not read",
        )
    has_z = shapely.has_z(kept)
    if has_z.any():
        kept = shapely.force_2d(kept)
        repairs.append(Repair("dropped_z", int(has_z.sum()), path, "Z coordinates"))
    invalid = ~shapely.is_valid(kept)
    if invalid.any():
        kept = kept.copy()
        kept[invalid] = [made_valid(g, path) for g in kept[invalid]]
        reasons = sorted(
            {shapely.is_valid_reason(g).split("[")[0] for g in geometries[~missing][invalid]}
        )
        repairs.append(Repair("made_valid", int(invalid.sum()), path, "; ".join(reasons)))
    kept = kept[~shapely.is_missing(kept)]
    kept = kept[~shapely.is_empty(kept)]
    return kept, repairs


def _overlapping_pairs(tree: shapely.STRtree, geometries: np.ndarray, path: str) -> int:
    """How many pairs of boxes overlap; ReadError past the limit, counted before any is kept.

    Features that all overlap each other make a quadratic number of pairs (and a quadratic
    union): 20,000 of them would need gigabytes before the first union starts.
    """
    allowed = max(MIN_OVERLAPS_ALLOWED, MAX_OVERLAPS_PER_FEATURE * len(geometries))
    chunk = max(1, _QUERY_PAIRS // len(geometries))  # no query can return more than this
    count = 0
    for start in range(0, len(geometries), chunk):
        count += tree.query(geometries[start : start + chunk]).shape[1]
        if count > allowed:
            raise ReadError(
                path, f"{len(geometries)} polygons overlap each other too much to dissolve"
            )
    return count


def _clusters(geometries: np.ndarray, path: str) -> list[list[int]]:
    """Indices of geometries grouped so that no two groups intersect (connected components)."""
    tree = shapely.STRtree(geometries)
    _overlapping_pairs(tree, geometries, path)
    left, right = tree.query(geometries, predicate="intersects")
    parent = list(range(len(geometries)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, j in zip(left.tolist(), right.tolist(), strict=True):
        if i < j:
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for index in range(len(geometries)):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())


def dissolve(geometries: np.ndarray, path: str) -> tuple[BaseGeometry, list[Repair]]:
    """The union of a date's valid polygons; a lone valid (Multi)Polygon is already dissolved.

    Only features that touch or overlap are unioned (GEOS union is the costly step); groups that
    do not intersect each other are simply collected, which gives the same geometry.
    """
    if len(geometries) == 1:
        return geometries[0], []
    pieces = []
    for group in _clusters(geometries, path):
        merged = geometries[group[0]] if len(group) == 1 else shapely.union_all(geometries[group])
        pieces += [p for p in shapely.get_parts(polygonal(merged) or shapely.MultiPolygon())]
    union = shapely.MultiPolygon(pieces)
    return union, [Repair("dissolved", len(geometries), path, "features unioned before area")]
