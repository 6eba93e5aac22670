"""How much territory changed hands between two dates: gained, lost and net, in km².

gained = area(B − A), lost = area(A − B), net = gained − lost, where A and B are the snapshots in
force on the two dates (the latest on or before each). Inside a region, A and B are clipped to the
region first. This is the one place a region's figures are computed: the command line
(``delta --region``) and the app's regions panel both call :func:`compute_delta` /
:func:`delta_between`, and the area held inside a region over time is :func:`held_in_region`.
Areas are geodesic on WGS84 (:mod:`geo.areas`); the differences are confined to where the two
dates differ (:mod:`geo.localdiff`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from geo.areas import geodesic_areas_km2
from geo.localdiff import collect, difference_pieces

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from shapely.geometry.base import BaseGeometry

    from geo.model import Catalog, Snapshot
    from geo.regions import Region

JSON_DIGITS = 3
"""km² figures in JSON are rounded to 0.001 km² (1,000 m²)."""


@dataclass(frozen=True)
class Delta:
    """The change of one series between two dates, optionally inside a region.

    Attributes
    ----------
    series : str
        Canonical series name.
    date_from, date_to : datetime.date
        The dates asked for.
    from_actual, to_actual : datetime.date
        The dates of the snapshots used (the latest on or before each date asked for).
    area_from_km2, area_to_km2 : float
        Area held on each date (inside the region, if any).
    gained_km2, lost_km2, net_km2 : float
        area(B − A), area(A − B) and their difference.
    gained, lost : BaseGeometry
        B − A and A − B in lon/lat (clipped to the region, if any).
    region : str or None
        The region's name, or None for the whole series.
    """

    series: str
    date_from: dt.date
    date_to: dt.date
    from_actual: dt.date
    to_actual: dt.date
    area_from_km2: float
    area_to_km2: float
    gained_km2: float
    lost_km2: float
    net_km2: float
    gained: BaseGeometry
    lost: BaseGeometry
    region: str | None = None

    def to_json_dict(self) -> dict[str, Any]:
        """The command line's JSON object (keys fixed by the product's CLI contract)."""
        return {
            "series": self.series,
            "from": self.date_from.isoformat(),
            "to": self.date_to.isoformat(),
            "from_actual": self.from_actual.isoformat(),
            "to_actual": self.to_actual.isoformat(),
            "area_from_km2": round(self.area_from_km2, JSON_DIGITS),
            "area_to_km2": round(self.area_to_km2, JSON_DIGITS),
            "gained_km2": round(self.gained_km2, JSON_DIGITS),
            "lost_km2": round(self.lost_km2, JSON_DIGITS),
            "net_km2": round(self.net_km2, JSON_DIGITS),
            "region": self.region,
        }


def clip_to_region(geometry: BaseGeometry, region: BaseGeometry) -> BaseGeometry:
    """``geometry ∩ region``, cut to the region's bounding box first (cheap rectangle clip).

    Parameters
    ----------
    geometry : BaseGeometry
        A (large) lon/lat (Multi)Polygon, e.g. a snapshot.
    region : BaseGeometry
        A valid lon/lat (Multi)Polygon.

    Returns
    -------
    BaseGeometry
        The part of ``geometry`` inside ``region``.
    """
    return _clip_all(np.array([geometry], dtype=object), region)[0]


def _clip_all(geometries: np.ndarray, region: BaseGeometry) -> np.ndarray:
    """Each of ``geometries`` ∩ ``region``: GEOS's cheap rectangle clip to the region's box first
    (it may return an invalid piece, which is then cut by a true intersection), so the general
    intersection only sees the few vertices near the region."""
    x0, y0, x1, y1 = region.bounds
    pieces = shapely.clip_by_rect(geometries, x0, y0, x1, y1)
    bad = ~shapely.is_valid(pieces)
    if bad.any():
        pieces[bad] = shapely.intersection(geometries[bad], shapely.box(x0, y0, x1, y1))
    shapely.prepare(region)
    return shapely.intersection(pieces, region)


def held_in_region(geometries: Sequence[BaseGeometry], region: BaseGeometry) -> np.ndarray:
    """Area of each geometry inside ``region``, in km² (geodesic), in one vectorised pass.

    Parameters
    ----------
    geometries : sequence of BaseGeometry
        Lon/lat (Multi)Polygons, e.g. every snapshot of a series.
    region : BaseGeometry
        A valid lon/lat (Multi)Polygon, edges already densified.

    Returns
    -------
    ndarray of float
        One area per geometry (0 where it does not reach into the region).
    """
    if len(geometries) == 0:
        return np.zeros(0)
    return geodesic_areas_km2(_clip_all(np.asarray(geometries, dtype=object), region))


def _differences(
    geom_a: BaseGeometry, geom_b: BaseGeometry, clipped: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Gained (B − A) and lost (A − B) as arrays of pieces.

    Whole snapshots differ in a few places only, which :func:`difference_pieces` finds through
    their edges; geometries clipped to a drawn region are small, and a plain overlay is cheaper
    than indexing them.
    """
    if not clipped:
        return difference_pieces(geom_a, geom_b)
    gained = np.array([shapely.difference(geom_b, geom_a)], dtype=object)
    lost = np.array([shapely.difference(geom_a, geom_b)], dtype=object)
    return gained, lost


def compute_delta(
    catalog: Catalog,
    series: str,
    date_from: dt.date,
    date_to: dt.date,
    region: Region | None = None,
) -> Delta:
    """Gained, lost and net area of ``series`` from ``date_from`` to ``date_to``.

    Parameters
    ----------
    catalog : Catalog
        The loaded snapshots.
    series : str
        A canonical series name in ``catalog``.
    date_from, date_to : datetime.date
        A date without a snapshot uses the latest snapshot on or before it.
    region : Region, optional
        Restrict every figure to this region (lon/lat, edges already densified).

    Returns
    -------
    Delta

    Raises
    ------
    QueryError
        Unknown series, or a date before the series' first snapshot.
    """
    a, b = catalog.at(series, date_from), catalog.at(series, date_to)
    if region is None:
        return delta_between(a, b, date_from, date_to)
    return delta_between(a, b, date_from, date_to, region.geometry, region.name)


def delta_between(
    a: Snapshot,
    b: Snapshot,
    date_from: dt.date,
    date_to: dt.date,
    region: BaseGeometry | None = None,
    region_name: str | None = None,
) -> Delta:
    """The :class:`Delta` from snapshot ``a`` (in force on ``date_from``) to ``b`` (``date_to``).

    Parameters
    ----------
    a, b : Snapshot
        The snapshots of one series in force on the two dates.
    date_from, date_to : datetime.date
        The dates asked for.
    region : BaseGeometry, optional
        Restrict every figure to this lon/lat polygon (edges already densified).
    region_name : str, optional
        The region's name, recorded in the result.
    """
    series = a.series
    geom_a, geom_b = a.geometry, b.geometry
    if region is not None:
        geom_a = clip_to_region(geom_a, region)
        geom_b = geom_a if a is b else clip_to_region(geom_b, region)
    gained, lost = _differences(geom_a, geom_b, clipped=region is not None)
    areas = geodesic_areas_km2(
        np.concatenate([np.array([geom_a, geom_b], dtype=object), gained, lost])
    )
    gained_km2, lost_km2 = (
        float(areas[2 : 2 + len(gained)].sum()),
        float(areas[2 + len(gained) :].sum()),
    )
    return Delta(
        series=series,
        date_from=date_from,
        date_to=date_to,
        from_actual=a.date,
        to_actual=b.date,
        area_from_km2=float(areas[0]),
        area_to_km2=float(areas[1]),
        gained_km2=gained_km2,
        lost_km2=lost_km2,
        net_km2=gained_km2 - lost_km2,
        gained=collect(gained),
        lost=collect(lost),
        region=region_name,
    )
