"""One file in, its dated, classified, repaired and dissolved snapshots out, as plain records.

Records carry WKB rather than shapely objects so that worker processes can return them cheaply
and the cache can store them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from geo import areas, dates, series
from geo.errors import ReadError, one_line
from geo.model import Problem, Repair
from geo.readers import Context, RawLayer, read_any
from geo.repair import dissolve, repair

if TYPE_CHECKING:
    import datetime as dt

#: Attributes that tell several layers apart inside one file (Nikkei ``layer``, sdspieg
#: ``layer_type``), compared in lower case.
LAYER_ATTRIBUTES = ("layer", "layer_type")
_ARCHIVE_SUFFIXES = (".zip", ".kmz")


@dataclass(frozen=True)
class Record:
    """A snapshot before it becomes a :class:`~geo.model.Snapshot`: geometry as WKB."""

    series: str
    date: dt.date
    source: str
    layer: str
    wkb: bytes
    area_km2: float
    repairs: tuple[Repair, ...]
    crs: str


@dataclass
class FileResult:
    """What one file on disk gave: its records and the problems met in it."""

    path: str
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def _attribute(row: dict[str, Any], wanted: tuple[str, ...]) -> str:
    for key, item in row.items():
        if key.lower() in wanted and item not in (None, ""):
            return str(item)
    return ""


def _split(
    indices: list[int], rows: list[dict[str, Any]], wanted: tuple[str, ...]
) -> list[list[int]]:
    groups: dict[str, list[int]] = {}
    for index in indices:
        groups.setdefault(_attribute(rows[index], wanted), []).append(index)
    return list(groups.values())


def _series_names(raw: RawLayer, value: str) -> list[str]:
    inner = [raw.layer, *raw.names[:2]]
    archives = [n for n in raw.names[2:] if n.lower().endswith(_ARCHIVE_SUFFIXES)]
    return [n for n in (value, *inner, *archives) if n]


def _dated_groups(raw: RawLayer, indices: list[int], value: str) -> list[tuple[dt.date, list[int]]]:
    """The date of each part of a layer: from the names, else split by the date attribute."""
    names = [n for n in (value, *raw.names) if n]
    try:
        return [(dates.date_from_names(names, raw.source), indices)]
    except dates.MissingDateError:  # no date in the names: one part per date attribute value
        parts = _split(indices, raw.properties, dates.DATE_ATTRIBUTES)
        rows = [[raw.properties[i] for i in part] for part in parts]
        pairs = zip(rows, parts, strict=True)
        return [(dates.snapshot_date(r, names, raw.source), part) for r, part in pairs]


#: The last single-feature geometry (WKB) that needed no repair, and its area. DeepState often
#: publishes the same map two days running (113 of 769 days); the same bytes are then known
#: valid and measured, and neither check nor area is computed again.
_last_clean: tuple[bytes, float] = (b"", 0.0)


def _measured(geometries: np.ndarray, source: str) -> tuple[bytes, float, list[Repair]]:
    """WKB, area and repairs of the dissolved, repaired ``geometries``; empty WKB if none left."""
    global _last_clean
    single = len(geometries) == 1 and geometries[0] is not None
    wkb = shapely.to_wkb(geometries[0]) if single else b""
    last = _last_clean
    if single and wkb == last[0]:
        return wkb, last[1], []
    kept, repairs = repair(geometries, source)
    if len(kept) == 0:
        return b"", 0.0, repairs
    geometry, dissolved = dissolve(kept, source)
    untouched = single and geometry is geometries[0] and not repairs and not dissolved
    if not untouched:
        wkb = shapely.to_wkb(geometry)
    area = areas.geodesic_area_km2(geometry)
    if untouched:
        _last_clean = (wkb, area)
    return wkb, area, [*repairs, *dissolved]


def _record(raw: RawLayer, value: str, when: dt.date, indices: list[int]) -> Record:
    name, layer = series.classify(_series_names(raw, value))
    wkb, area, repairs = _measured(raw.geometries[np.asarray(indices, dtype=np.int64)], raw.source)
    if not wkb:
        raise ReadError(raw.source, f"layer {layer!r} has no polygon geometry")
    return Record(
        series=name,
        date=when,
        source=raw.source,
        layer=layer,
        wkb=wkb,
        area_km2=area,
        repairs=(*raw.repairs, *repairs, *_name_date(raw, when, indices)),
        crs=raw.crs,
    )


def _name_date(raw: RawLayer, when: dt.date, indices: list[int]) -> tuple[Repair, ...]:
    return dates.name_date_repairs([raw.properties[i] for i in indices], when, raw.source)


def problem(path: str, reason: str) -> Problem:
    """A :class:`Problem` whose message is one line, however many the underlying error had."""
    return Problem(path, one_line(reason))


def records_from_layer(raw: RawLayer) -> tuple[list[Record], list[Problem]]:
    """Split a raw layer by its layer attribute and date, and build a record for each part."""
    if raw.problem is not None:
        return [], [problem(raw.source, raw.problem)]
    if len(raw.properties) == 0:
        return [], [problem(raw.source, "no features")]
    records, problems = [], []
    everything = list(range(len(raw.properties)))
    for indices in _split(everything, raw.properties, LAYER_ATTRIBUTES):
        value = _attribute(raw.properties[indices[0]], LAYER_ATTRIBUTES)
        try:
            for when, part in _dated_groups(raw, indices, value):
                records.append(_record(raw, value, when, part))
        except ReadError as error:
            problems.append(problem(error.path, error.reason))
    return records, problems


def read_file(path: str) -> FileResult:
    """Read one discovered entry (a file, or a ``.shp`` with its sidecars) into records.

    Never raises for bad input: every failure becomes a :class:`~geo.model.Problem`.
    """
    result = FileResult(path)
    try:
        for raw in read_any(path, Context.for_file(path)):
            records, problems = records_from_layer(raw)
            result.records += records
            result.problems += problems
    except ReadError as error:
        result.problems.append(problem(error.path, error.reason))
    except Exception as error:  # a bug or a GEOS failure must not stop a whole load
        name = PurePath(path).name
        result.records.clear()
        result.problems.append(
            problem(path, f"unexpected {type(error).__name__} in {name}: {error}")
        )
    return result


def read_files(paths: list[str]) -> list[FileResult]:
    """:func:`read_file` over a chunk of paths (the unit of work of a worker process)."""
    return [read_file(path) for path in paths]
