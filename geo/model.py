"""Model objects shared by the readers, the area engine, the viewmodels and the command line.

A *snapshot* is one dated polygon of one *series* (for example ISW's assessed Russian control on
2022-08-23), already in WGS84 lon/lat, valid, 2-D and dissolved. A *catalog* holds every snapshot
that was loaded, grouped by series and sorted by date, plus the problems met while loading.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from geo.errors import QueryError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class Repair:
    """One repair applied while loading a file, e.g. ``made_valid`` x1 in ``X.shp``.

    Attributes
    ----------
    kind : str
        One of ``made_valid``, ``dropped_z``, ``skipped_null``, ``dissolved``, ``reprojected``,
        ``merged_duplicate_date``, ``skipped_non_polygon``.
    count : int
        How many features the repair touched.
    path : str
        The file (and member inside an archive, ``a.zip!b.shp``) it was applied to.
    detail : str
        Free text, e.g. the source CRS of a reprojection.
    """

    kind: str
    count: int
    path: str
    detail: str = ""

    def __str__(self) -> str:
        extra = f" ({self.detail})" if self.detail else ""
        return f"{self.path}: {self.kind} x{self.count}{extra}"


@dataclass(frozen=True)
class Problem:
    """A file, or part of one, that could not be used. ``message`` is a single line."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Snapshot:
    """One series on one date.

    Attributes
    ----------
    series : str
        Canonical series name, e.g. ``Assessed Russian control`` (see ``geo.series``).
    date : datetime.date
        The date the snapshot describes.
    geometry : BaseGeometry
        Valid, 2-D, dissolved (Multi)Polygon in WGS84 longitude/latitude.
    source : str
        The file it came from (``a.zip!b.shp`` for a member of an archive).
    layer : str
        The layer or file name the series was classified from.
    area_km2 : float
        Geodesic area on the WGS84 ellipsoid.
    repairs : tuple of Repair
        What had to be repaired to get here.
    crs : str
        The coordinate reference system the file was stored in (``EPSG:3857`` for ISW's
        shapefiles); the geometry itself is always lon/lat.
    """

    series: str
    date: dt.date
    geometry: BaseGeometry
    source: str
    layer: str
    area_km2: float
    repairs: tuple[Repair, ...] = ()
    crs: str = "EPSG:4326"

    @classmethod
    def from_wkb(
        cls,
        wkb: bytes,
        *,
        series: str,
        date: dt.date,
        source: str,
        layer: str,
        area_km2: float,
        repairs: tuple[Repair, ...] = (),
        crs: str = "EPSG:4326",
    ) -> Snapshot:
        """A snapshot whose geometry is decoded from ``wkb`` on first use.

        A warm load of the DeepState corpus spent most of its time decoding 769 geometries that
        ``areas`` (which reads the stored :attr:`area_km2`) and the app (which draws one date at
        a time) mostly never touch; decoding on first access of :attr:`geometry` saves that.
        """
        geometry = cast("BaseGeometry", _WKB(wkb))
        return cls(series, date, geometry, source, layer, area_km2, repairs, crs)

    def in_series(self, series: str) -> Snapshot:
        """The same snapshot in another series; a geometry not decoded yet stays so."""
        geometry = self.__dict__["_geometry"]
        fields = (self.source, self.layer, self.area_km2, self.repairs, self.crs)
        return Snapshot(series, self.date, geometry, *fields)


class _WKB(bytes):
    """A geometry not decoded yet (what :meth:`Snapshot.from_wkb` stores)."""


def _get_geometry(snapshot: Snapshot) -> BaseGeometry:
    value = snapshot.__dict__["_geometry"]
    if isinstance(value, _WKB):
        import shapely

        value = shapely.from_wkb(bytes(value))
        snapshot.__dict__["_geometry"] = value
    return cast("BaseGeometry", value)


def _set_geometry(snapshot: Snapshot, value: BaseGeometry) -> None:
    snapshot.__dict__["_geometry"] = value


Snapshot.geometry = property(_get_geometry, _set_geometry)  # type: ignore[assignment]
"""The geometry field, decoded on first read when the snapshot was made from WKB (the frozen
dataclass still refuses assignment: its ``__setattr__`` raises before this setter is reached;
only ``__init__`` reaches it)."""


@dataclass
class Catalog:
    """Every snapshot loaded, by series and date, with the problems met on the way."""

    series: dict[str, list[Snapshot]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add(self, snapshot: Snapshot) -> None:
        """Insert ``snapshot`` keeping its series sorted by date."""
        items = self.series.setdefault(snapshot.series, [])
        dates = [s.date for s in items]
        items.insert(bisect.bisect_right(dates, snapshot.date), snapshot)

    def series_names(self) -> list[str]:
        return sorted(self.series)

    def snapshots(self, series: str) -> list[Snapshot]:
        """The snapshots of ``series`` sorted by date; ``QueryError`` if there is no such series."""
        try:
            return self.series[series]
        except KeyError:
            known = ", ".join(self.series_names()) or "none"
            raise QueryError(f"no series {series!r} (loaded: {known})") from None

    def dates(self, series: str) -> list[dt.date]:
        return [s.date for s in self.snapshots(series)]

    def at(self, series: str, date: dt.date) -> Snapshot:
        """The latest snapshot of ``series`` on or before ``date``.

        Raises
        ------
        QueryError
            If ``date`` is before the series' first snapshot.
        """
        items = self.snapshots(series)
        found = latest_on_or_before(items, date)
        if found is None:
            raise QueryError(
                f"{date.isoformat()} is before the first snapshot of {series!r} "
                f"({items[0].date.isoformat()})"
            )
        return found

    def repairs(self) -> list[Repair]:
        return [r for items in self.series.values() for s in items for r in s.repairs]


def latest_on_or_before(snapshots: Sequence[Snapshot], date: dt.date) -> Snapshot | None:
    """The snapshot in force on ``date``: the latest on or before it (``snapshots`` sorted).

    Returns
    -------
    Snapshot or None
        None when ``date`` is before the first snapshot (or there is none).
    """
    index = bisect.bisect_right([s.date for s in snapshots], date) - 1
    return snapshots[index] if index >= 0 else None
