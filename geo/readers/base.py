"""What every reader returns, the reader registry, and the shared reprojection step.

A reader is a pure function ``(path, context) -> list[RawLayer]`` registered with a predicate on
the path, a label and a priority (the glue ``data_factory`` pattern). It raises a
:class:`~geo.errors.ReadError` subclass naming the file; it never guesses a CRS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from geo.errors import CrsError, UnsupportedFormatError, one_line
from geo.formats import has_suffix
from geo.limits import check_lonlat, first_bad_coordinate
from geo.model import Repair

if TYPE_CHECKING:
    from collections.abc import Callable

LONLAT = "EPSG:4326"


@dataclass(frozen=True)
class Context:
    """Where a file sits: its display name and the names around it, innermost first.

    Attributes
    ----------
    display : str
        The name shown to the user and recorded as the source (``a.zip!b.shp`` for a member).
    outer : tuple of str
        Names outside the file itself: archive member folders, archives, folders on disk.
    """

    display: str
    outer: tuple[str, ...] = ()

    @classmethod
    def for_file(cls, path: str) -> Context:
        """The context of a file on disk: its folders are the outer names."""
        parts = PurePath(path).parts[:-1]
        return cls(display=path, outer=tuple(reversed(parts)))


@dataclass
class RawLayer:
    """One layer as read: lon/lat geometries (maybe invalid, None or 3-D) and their attributes.

    Attributes
    ----------
    source : str
        The display name of the file it came from.
    layer : str
        Layer name (file stem for single-layer formats, folder name in KML).
    names : tuple of str
        Names to take a date and series from, innermost first (layer, file, outer names).
    crs : str
        The CRS the file was stored in.
    geometries : numpy.ndarray
        Object array of shapely geometries in lon/lat, or None for a null geometry.
    properties : list of dict
        The attributes of each feature, aligned with ``geometries``.
    repairs : list of Repair
        Repairs already made while reading (reprojection, skipped non-polygons).
    problem : str or None
        Set when this part of a file could not be read; the rest of the file still loads.
    """

    source: str
    layer: str
    names: tuple[str, ...]
    crs: str = LONLAT
    geometries: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=object))
    properties: list[dict[str, Any]] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    problem: str | None = None


Reader = "Callable[[str, Context], list[RawLayer]]"


@dataclass(frozen=True)
class ReaderEntry:
    """A registered reader: ``identifier(path)`` says whether it can read ``path``."""

    label: str
    identifier: Callable[[str], bool]
    function: Callable[[str, Context], list[RawLayer]]
    priority: int


_REGISTRY: list[ReaderEntry] = []


def reader(
    label: str, identifier: Callable[[str], bool], priority: int = 0
) -> Callable[[Callable[[str, Context], list[RawLayer]]], Callable[[str, Context], list[RawLayer]]]:
    """Register the decorated function as a reader for the paths ``identifier`` accepts."""

    def register(
        function: Callable[[str, Context], list[RawLayer]],
    ) -> Callable[[str, Context], list[RawLayer]]:
        _REGISTRY.append(ReaderEntry(label, identifier, function, priority))
        _REGISTRY.sort(key=lambda entry: -entry.priority)
        return function

    return register


def registered() -> list[ReaderEntry]:
    """Every reader, highest priority first."""
    return list(_REGISTRY)


def find_reader(path: str, display: str | None = None) -> ReaderEntry:
    """The highest-priority reader accepting ``path``; UnsupportedFormatError if none does."""
    for entry in _REGISTRY:
        if entry.identifier(path):
            return entry
    raise UnsupportedFormatError(display or path, "not a format Frontline Atlas reads")


def read_any(path: str, context: Context) -> list[RawLayer]:
    """Read ``path`` with whichever registered reader accepts it."""
    return find_reader(path, context.display).function(path, context)


def suffix_is(*suffixes: str) -> Callable[[str], bool]:
    """A predicate: the path's name ends with one of ``suffixes`` (case-insensitive)."""
    lowered = tuple(s.lower() for s in suffixes)
    return lambda path: has_suffix(path, lowered)


#: Names of WGS84 lon/lat met in GeoJSON ``crs`` members, recognised without asking PROJ.
LONLAT_NAMES = frozenset(
    {
        "urn:ogc:def:crs:ogc:1.3:crs84",
        "urn:ogc:def:crs:ogc::crs84",
        "urn:ogc:def:crs:epsg::4326",
        "urn:ogc:def:crs:epsg:6.6:4326",
        "epsg:4326",
        "ogc:crs84",
        "crs84",
        "wgs84",
    }
)


def is_lonlat(crs: Any) -> bool:
    """True for WGS84 geographic CRSs (EPSG:4326, OGC:CRS84), whatever the axis order."""
    if isinstance(crs, str):
        if crs.strip().lower() in LONLAT_NAMES:
            return True
        return _is_lonlat_text(crs)
    from pyproj import CRS

    return CRS.from_user_input(crs).equals(CRS.from_epsg(4326), ignore_axis_order=True)


@lru_cache(maxsize=64)
def _is_lonlat_text(crs: str) -> bool:
    from pyproj import CRS

    return CRS.from_user_input(crs).equals(CRS.from_epsg(4326), ignore_axis_order=True)


def crs_label(crs: Any) -> str:
    """A short name for a CRS: ``EPSG:3857`` when it has an authority code, else its name."""
    from pyproj import CRS

    parsed = CRS.from_user_input(crs)
    if is_lonlat(parsed):
        return LONLAT
    authority = parsed.to_authority(min_confidence=70)
    return f"{authority[0]}:{authority[1]}" if authority else parsed.name


def to_lonlat(
    geometries: np.ndarray, crs: Any | None, display: str
) -> tuple[np.ndarray, str, list[Repair]]:
    """Reproject ``geometries`` from ``crs`` to WGS84 lon/lat.

    ``crs`` None means the file states none: its coordinates must then look like lon/lat, or a
    :class:`~geo.errors.CrsError` is raised rather than a guess.

    Returns
    -------
    (geometries, stored_crs, repairs)
    """
    repairs: list[Repair] = []
    has_z = shapely.has_z(geometries)
    if has_z.any():
        geometries = geometries.copy()
        geometries[has_z] = shapely.force_2d(geometries[has_z])
        repairs.append(Repair("dropped_z", int(has_z.sum()), display, "Z coordinates"))
    if crs is None or crs == "":
        bad = first_bad_coordinate(geometries)
        if bad is not None:
            raise CrsError(
                display,
                f"no CRS stated and feature {bad[0] + 1} has coordinate ({bad[1]:.6g}, "
                f"{bad[2]:.6g}), not longitude/latitude",
            )
        return geometries, LONLAT, repairs
    try:
        lonlat = is_lonlat(crs)
    except Exception as error:
        raise CrsError(display, f"unusable CRS {str(crs)[:60]!r}: {one_line(error)}") from None
    if lonlat:
        check_lonlat(geometries, display, "in a file that says it is lon/lat")
        return geometries, LONLAT, repairs
    try:
        label = crs_label(crs)
        from pyproj import Transformer

        transformer = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    except Exception as error:
        raise CrsError(display, f"unusable CRS {str(crs)[:60]!r}: {one_line(error)}") from None

    def project(xy: np.ndarray) -> np.ndarray:
        lon, lat = transformer.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat])

    present = ~shapely.is_missing(geometries)
    out = geometries.copy()
    with np.errstate(all="ignore"):
        out[present] = shapely.transform(geometries[present], project)
    check_lonlat(out, display, f"after reprojection from {label}")
    _check_round_trip(geometries[present], out[present], crs, display, label)
    repairs.append(Repair("reprojected", int(present.sum()), display, f"{label} -> WGS84 lon/lat"))
    return out, label, repairs


#: Coordinates compared after a round trip back to the file's CRS (the extremes always).
_ROUND_TRIP_SAMPLE = 1_000


def _check_round_trip(
    before: np.ndarray, after: np.ndarray, crs: Any, display: str, label: str
) -> None:
    """CrsError unless reprojected coordinates come back to where they were.

    A coordinate outside what the CRS can express (1e308 metres in Web Mercator clamps to the
    pole) still gives a valid lon/lat; projecting a sample (the extremes always) back shows it.
    """
    from pyproj import Transformer

    source = shapely.get_coordinates(before)
    if len(source) == 0:
        return
    step = max(1, len(source) // _ROUND_TRIP_SAMPLE)
    extremes = [
        source[:, 0].argmin(),
        source[:, 0].argmax(),
        source[:, 1].argmin(),
        source[:, 1].argmax(),
    ]
    picked = np.unique(np.concatenate([np.arange(0, len(source), step), extremes]))
    lonlat = shapely.get_coordinates(after)[picked]
    back = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    with np.errstate(all="ignore"):
        x, y = back.transform(lonlat[:, 0], lonlat[:, 1])
        error = np.abs(np.column_stack([x, y]) - source[picked])
        tolerance = np.maximum(1.0, 1e-6 * np.abs(source[picked]))
        bad = ~(error <= tolerance).all(axis=1)
    if bad.any():
        first = source[picked][np.flatnonzero(bad)[0]]
        raise CrsError(
            display,
            f"coordinate ({first[0]:.6g}, {first[1]:.6g}) lies outside what {label} can express",
        )
