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

from geo.areas import geodesic_area_km2
from geo.basemap import Basemap, default_basemap

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

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

    def areas_km2(self, geometry: BaseGeometry) -> tuple[dict[int, float], float]:
        """Geodesic area of ``geometry`` inside each region (by index) and outside all of them."""
        items = self._load()
        assert self._tree is not None
        parts = shapely.get_parts(geometry)
        part_index, oblast_index = self._tree.query(parts, predicate="intersects")
        inside: dict[int, float] = defaultdict(float)
        for p, o in zip(part_index.tolist(), oblast_index.tolist(), strict=True):
            piece = shapely.intersection(parts[p], items[o].geometry)
            inside[o] += _area(piece)
        touched = np.unique(oblast_index)
        cover = shapely.union_all([items[o].geometry for o in touched.tolist()])
        outside = _area(shapely.difference(geometry, cover)) if len(touched) else _area(geometry)
        return dict(inside), outside

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


def _area(geometry: BaseGeometry) -> float:
    """Geodesic km² of the polygons in any geometry (collections included)."""
    parts = shapely.get_parts(shapely.get_parts(geometry))
    polygons = [p for p in parts if p.geom_type == "Polygon" and not p.is_empty]
    return geodesic_area_km2(shapely.MultiPolygon(polygons)) if polygons else 0.0


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
    gained_in, gained_out = oblasts.areas_km2(gained)
    lost_in, lost_out = oblasts.areas_km2(lost)
    rows = []
    for index in sorted(set(gained_in) | set(lost_in)):
        g, lo = gained_in.get(index, 0.0), lost_in.get(index, 0.0)
        o = items[index]
        rows.append(OblastChange(o.name_en, o.name_uk, o.country, g, lo, g - lo))
    rows.sort(key=lambda r: (-(r.gained_km2 + r.lost_km2), r.name_en))
    rows.append(OblastChange(OUTSIDE, OUTSIDE_UK, "", gained_out, lost_out, gained_out - lost_out))
    return rows
