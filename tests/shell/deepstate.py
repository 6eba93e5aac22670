"""Real DeepState snapshots for the app-shell tests, read directly with shapely.

The geo engine's loader, delta and daily changes are used when they exist; until they land,
this module's small independent versions (plain shapely + the WGS84 reference area) stand in.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from pathlib import Path

import orjson
import shapely
from shapely.geometry import shape

from geo.areas import geodesic_area_km2
from geo.model import Catalog, Problem, Snapshot
from tests.paths import DEEPSTATE

SERIES = "DeepState occupied"


def deepstate_files(start: str = "20241101", count: int = 20) -> list[Path]:
    """``count`` consecutive DeepState files from the one dated ``start`` (YYYYMMDD)."""
    files = sorted(DEEPSTATE.glob("deepstatemap_data_*.geojson"))
    names = [f.stem.rsplit("_", 1)[-1] for f in files]
    first = names.index(start)
    return files[first : first + count]


class LoadCancelled(Exception):
    """Raised by :func:`helper_loader` when asked to cancel."""


def _snapshot(path: Path) -> Snapshot:
    data = orjson.loads(path.read_bytes())
    geometry = shapely.union_all([shape(f["geometry"]) for f in data["features"]])
    date = dt.datetime.strptime(path.stem.rsplit("_", 1)[-1], "%Y%m%d").date()
    return Snapshot(SERIES, date, geometry, str(path), path.stem, geodesic_area_km2(geometry))


def helper_loader(paths, *, progress=None, cancelled=None, use_cache=True) -> Catalog:
    """Read DeepState GeoJSON files (or folders of them) into a catalog."""
    files: list[Path] = []
    for p in map(Path, paths):
        files += sorted(p.glob("*.geojson")) if p.is_dir() else [p]
    catalog = Catalog()
    for i, path in enumerate(files):
        if cancelled is not None and cancelled():
            raise LoadCancelled(str(path))
        try:
            catalog.add(_snapshot(path))
        except (OSError, ValueError, KeyError, orjson.JSONDecodeError) as exc:
            catalog.problems.append(Problem(str(path), f"unreadable: {exc}"))
        if progress is not None:
            progress(i + 1, len(files), str(path))
    return catalog


def read_catalog(start: str = "20241101", count: int = 20) -> Catalog:
    return helper_loader(deepstate_files(start, count))


@dataclass(frozen=True)
class HelperDelta:
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
    gained: object
    lost: object
    region: object = None


def helper_delta(catalog: Catalog, series: str, date_from: dt.date, date_to: dt.date):
    a, b = catalog.at(series, date_from), catalog.at(series, date_to)
    gained = shapely.difference(b.geometry, a.geometry)
    lost = shapely.difference(a.geometry, b.geometry)
    g, lo = geodesic_area_km2(gained), geodesic_area_km2(lost)
    return HelperDelta(
        series,
        date_from,
        date_to,
        a.date,
        b.date,
        a.area_km2,
        b.area_km2,
        g,
        lo,
        g - lo,
        gained,
        lost,
    )


def helper_changes(snapshots):
    out = []
    for before, after in itertools.pairwise(snapshots):
        d = helper_delta_pair(before, after)
        out.append((before.date, after.date, *d))
    return out


def helper_delta_pair(a: Snapshot, b: Snapshot) -> tuple[float, float, float]:
    g = geodesic_area_km2(shapely.difference(b.geometry, a.geometry))
    lo = geodesic_area_km2(shapely.difference(a.geometry, b.geometry))
    return g, lo, g - lo


def engine():
    """(loader, delta, changes, cancelled exception type): the geo engine's, or the helpers."""
    try:
        from geo.changes import daily_changes
        from geo.delta import compute_delta
        from geo.loader import LoadCancelled as EngineCancelled
        from geo.loader import load_paths
    except ImportError:
        return helper_loader, helper_delta, helper_changes, LoadCancelled
    return load_paths, compute_delta, daily_changes, EngineCancelled
