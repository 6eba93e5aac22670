"""Oblast polygons for analysis, and the per-oblast breakdown of a change between two dates.

The polygons are the basemap's ``oblasts_hi`` layer: Ukraine's 27 admin-1 units (24 oblasts,
Crimea, Kyiv and Sevastopol; Natural Earth 1:10m, land only) and the neighbouring Russian and
Belarusian regions, cut so that no two overlap. Anything outside all of them (sea, a sliver
between sources) is reported in an explicit "outside oblasts" row, so the rows always add up to
the whole.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely

from geo.areas import geodesic_areas_km2
from geo.basemap import Basemap, default_basemap

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

BBox = tuple[float, float, float, float]
OUTSIDE = "outside oblasts"
OUTSIDE_UK = "поза областями"


@dataclass(frozen=True)
class Oblast:
    """One admin-1 region: ISO 3166-2 code, names, ISO country code and lon/lat polygon."""

    code: str
    name_en: str
    name_uk: str
    name_local: str
    country: str
    geometry: BaseGeometry


@dataclass(frozen=True)
class OblastChange:
    """Territory gained and lost inside one oblast (or outside all of them), in km²."""

    name_en: str
    name_uk: str
    country: str
    gained_km2: float
    lost_km2: float
    net_km2: float
    bounds: BBox | None = None
    """lon/lat bounds of the change inside the region (None for the "outside" row)."""


class OblastSet:
    """The oblast polygons of a basemap with a spatial index, built on first use."""

    def __init__(self, basemap: Basemap | None = None) -> None:
        self._basemap = basemap or default_basemap()
        self._lock = threading.Lock()
        self._oblasts: list[Oblast] | None = None
        self._tree: shapely.STRtree | None = None

    def oblasts(self, country: str | None = None) -> list[Oblast]:
        """All regions, or those of one country (``"UA"``, ``"RU"``, ``"BY"``), by code."""
        items = self._load()
        return [o for o in items if country is None or o.country == country]

    def split(self, geometry: BaseGeometry) -> tuple[dict[int, float], dict[int, BBox], float]:
        """Area (km²) and lon/lat bounds of ``geometry`` inside each region, and km² outside.

        A part of ``geometry`` within one region (a prepared-geometry test) is its own piece;
        only parts crossing a border are overlaid, with the region cut to the part's bounding
        box. Areas are computed in one vectorised call.
        """
        items = self._load()
        assert self._tree is not None
        parts = shapely.get_parts(geometry)
        part_index, oblast_index = self._tree.query(parts, predicate="intersects")
        regions = np.array([items[o].geometry for o in oblast_index.tolist()], dtype=object)
        touching = parts[part_index]
        within = shapely.within(touching, regions)
        pieces = touching.copy()
        cross = np.flatnonzero(~within)
        pieces[cross] = shapely.intersection(
            touching[cross], _clipped(regions[cross], touching[cross])
        )
        polygons, owner = _polygons(pieces)
        areas = geodesic_areas_km2(polygons)
        owners = oblast_index[owner]
        inside: dict[int, float] = defaultdict(float)
        for o, area in zip(owners.tolist(), areas.tolist(), strict=True):
            inside[o] += area
        bounds = _bounds_by(owners, shapely.bounds(polygons))
        in_one = np.zeros(len(parts), dtype=bool)
        in_one[part_index[within]] = True
        crossing = [(parts[p], regions[part_index == p]) for p in np.flatnonzero(~in_one).tolist()]
        return dict(inside), bounds, _outside_km2(crossing)

    def _load(self) -> list[Oblast]:
        with self._lock:
            if self._oblasts is None:
                features = self._basemap.features("oblasts", lod="hi")
                self._oblasts = [
                    Oblast(**{k: str(v) for k, v in features.record(i).items()}, geometry=g)
                    for i, g in enumerate(features.geometries)
                ]
                shapely.prepare(features.geometries)
                self._tree = shapely.STRtree(features.geometries)
            return self._oblasts


def _clipped(regions: np.ndarray, parts: np.ndarray) -> np.ndarray:
    """Each region cut to the bounding box of its part (valid: repaired if the cut was not)."""
    boxes = shapely.bounds(parts).tolist()
    cut = np.array(
        [shapely.clip_by_rect(r, *box) for r, box in zip(regions, boxes, strict=True)],
        dtype=object,
    )
    bad = ~shapely.is_valid(cut)
    cut[bad] = shapely.make_valid(cut[bad])
    return cut


def _outside_km2(crossing: list[tuple[BaseGeometry, np.ndarray]]) -> float:
    """km² of parts outside every region, given each part not within one region and the
    regions it touches (none for a part wholly outside)."""
    outside = []
    for part, touched in crossing:
        cover = _clipped(touched, np.full(len(touched), part, dtype=object))
        outside.append(shapely.difference(part, shapely.union_all(cover)))
    if not outside:
        return 0.0
    return float(geodesic_areas_km2(_polygons(np.array(outside, dtype=object))[0]).sum())


def _polygons(pieces: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The non-empty polygons in an array of overlay results, and the index of each one's piece.

    An intersection may return lines, points or collections where outlines touch; those have
    no area and are dropped.
    """
    parts, owner = shapely.get_parts(pieces, return_index=True)
    parts, inner = shapely.get_parts(parts, return_index=True)
    owner = owner[inner]
    keep = (shapely.get_type_id(parts) == shapely.GeometryType.POLYGON) & ~shapely.is_empty(parts)
    return parts[keep], owner[keep]


def _bounds_by(owners: np.ndarray, bounds: np.ndarray) -> dict[int, BBox]:
    """The union of the ``bounds`` rows of each owner."""
    out: dict[int, BBox] = {}
    for o in np.unique(owners).tolist():
        rows = bounds[owners == o]
        out[o] = (
            float(rows[:, 0].min()),
            float(rows[:, 1].min()),
            float(rows[:, 2].max()),
            float(rows[:, 3].max()),
        )
    return out


_DEFAULT: list[OblastSet] = []


def default_oblasts() -> OblastSet:
    """The shared oblast set of the default basemap."""
    if not _DEFAULT:
        _DEFAULT.append(OblastSet())
    return _DEFAULT[0]


def oblast_breakdown(
    gained: BaseGeometry, lost: BaseGeometry, oblasts: OblastSet | None = None
) -> list[OblastChange]:
    """Split gained and lost territory by oblast.

    Parameters
    ----------
    gained, lost : shapely (Multi)Polygon
        lon/lat geometries, e.g. ``B - A`` and ``A - B`` of two dates' dissolved areas.
    oblasts : OblastSet, optional
        The regions to split by; the default basemap's when omitted.

    Returns
    -------
    list of OblastChange
        One row per region touched, largest change first, then one "outside oblasts" row.
        The rows add up to the geodesic areas of ``gained`` and ``lost``.
    """
    oblasts = oblasts or default_oblasts()
    items = oblasts.oblasts()
    gained_in, gained_box, gained_out = oblasts.split(gained)
    lost_in, lost_box, lost_out = oblasts.split(lost)
    rows = []
    for index in sorted(set(gained_in) | set(lost_in)):
        g, lo = gained_in.get(index, 0.0), lost_in.get(index, 0.0)
        o = items[index]
        box = _union_box(gained_box.get(index), lost_box.get(index))
        rows.append(OblastChange(o.name_en, o.name_uk, o.country, g, lo, g - lo, box))
    rows.sort(key=lambda r: (-(r.gained_km2 + r.lost_km2), r.name_en))
    rows.append(OblastChange(OUTSIDE, OUTSIDE_UK, "", gained_out, lost_out, gained_out - lost_out))
    return rows


def _union_box(a: BBox | None, b: BBox | None) -> BBox | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])
