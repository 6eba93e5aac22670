"""Benchmark the area engine on the 769-file DeepState corpus, each figure against its target.

Run as ``python benchmarks/bench_geo.py [FOLDER]``. The loading cache goes to a temporary
``XDG_CACHE_HOME`` (cleared first), so the user's own cache is neither used nor touched.

Times are the median of several runs (the machine is shared), except the cold load and the
first daily-change pass, which happen once by definition.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "data" / "deepstate" / "daily"
KURAKHOVE = (37.28, 47.98)


def once(function: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def median(function: Any, repeat: int) -> tuple[float, Any]:
    runs = [once(function) for _ in range(repeat)]
    return statistics.median(t for t, _ in runs), runs[-1][1]


def report(label: str, seconds: float, target: float | None = None, note: str = "") -> None:
    value = f"{seconds * 1000:10.2f} ms" if seconds < 1 else f"{seconds:10.3f} s "
    verdict = ""
    if target is not None:
        limit = f"{target * 1000:g} ms" if target < 1 else f"{target:g} s"
        verdict = f"  target ≤ {limit}: {'OK' if seconds <= target else 'MISSED'}"
    print(f"{label:<46}{value}{verdict}{'  ' + note if note else ''}")


def kurakhove_region() -> Any:
    """A 10-vertex hand-drawn-like region (~20 × 18 km) around Kurakhove, densified as drawn."""
    import shapely

    from geo.regions import Region, densify_geometry

    angles = np.linspace(0, 2 * np.pi, 11)[:-1]
    wobble = 1 + 0.15 * np.cos(3 * angles)
    ring = np.column_stack(
        [
            KURAKHOVE[0] + 0.12 * wobble * np.cos(angles),
            KURAKHOVE[1] + 0.08 * wobble * np.sin(angles),
        ]
    )
    return Region("Kurakhove", densify_geometry(shapely.Polygon(ring)))


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        run(folder)


def run(folder: str) -> None:
    from geo import areas
    from geo.changes import daily_changes
    from geo.delta import compute_delta, held_in_region
    from geo.loader import load_paths

    seconds, catalog = once(lambda: load_paths([folder]))
    series = catalog.series_names()[0]
    snapshots = catalog.snapshots(series)
    print(f"{len(snapshots)} snapshots of {series!r} from {folder}")
    report("cold load (empty cache)", seconds)
    seconds, catalog = once(lambda: load_paths([folder]))
    snapshots = catalog.snapshots(series)
    report("warm load (cache)", seconds)

    a, b = dt.date(2024, 11, 1), dt.date(2024, 11, 20)
    seconds, _ = once(lambda: compute_delta(catalog, series, a, b))
    report("delta 2024-11-01 → 2024-11-20 (first call)", seconds, 0.015, "edge keys built")

    seconds, _ = once(lambda: daily_changes(snapshots))
    report("daily changes, 768 pairs (first pass)", seconds, 2.0, "naive: ~12 s")
    seconds, _ = median(lambda: daily_changes(snapshots), 3)
    report("daily changes, 768 pairs (edge keys cached)", seconds, 2.0)

    geometries = [s.geometry for s in snapshots]
    seconds, _ = median(lambda: areas.area_series(snapshots), 5)
    reference, _ = once(lambda: [areas.reference_area_km2(g) for g in geometries[:100]])
    report("area series (769 dates)", seconds, None, f"pyproj: {reference * 7.69:.2f} s")

    region = kurakhove_region()
    seconds, _ = median(lambda: held_in_region(geometries, region.geometry), 5)
    report("area series inside the Kurakhove region", seconds, 0.5)

    seconds, delta = median(lambda: compute_delta(catalog, series, a, b), 21)
    report("delta 2024-11-01 → 2024-11-20, whole series", seconds, 0.015, "geopandas 18 ms")
    gained, lost = delta.gained_km2, delta.lost_km2
    print(f"{'':<46}net {delta.net_km2:+.3f} km² (gained {gained:.3f}, lost {lost:.3f})")
    seconds, delta = median(lambda: compute_delta(catalog, series, a, b, region), 201)
    report("same delta inside a 10-vertex Kurakhove region", seconds, 0.001, "QGIS 1.4 ms")
    print(f"{'':<46}net {delta.net_km2:+.3f} km² in {delta.area_to_km2:.3f} km² held on {b}")


if __name__ == "__main__":
    main()
