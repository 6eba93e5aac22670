"""Region figures: edit → numbers applied, and the area-over-time series over all dates.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/bench_regions.py``. Reads the 769-file
DeepState corpus in place (``tests.paths.DEEPSTATE``) with orjson + shapely.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

import orjson
import shapely
from shapely.geometry import shape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication

from geo.delta import held_in_region
from geo.model import Snapshot
from geo.projection import to_display
from tests.paths import DEEPSTATE
from viewmodels.region_stats import RegionStatsController
from viewmodels.regions_viewmodel import RegionsViewModel
from viewmodels.tasks import TaskRunner

ROUNDS = 60


def load_corpus() -> list[Snapshot]:
    snapshots = []
    for path in sorted(DEEPSTATE.glob("deepstatemap_data_*.geojson")):
        features = orjson.loads(path.read_bytes())["features"]
        geometry = shapely.union_all([shape(f["geometry"]) for f in features])
        day = dt.datetime.strptime(path.stem[-8:], "%Y%m%d").date()
        snapshots.append(Snapshot("DeepState", day, geometry, str(path), path.stem, 0.0))
    return snapshots


def kurakhove() -> list[tuple[float, float]]:
    x, y = to_display([37.28], [47.98])
    cx, cy = float(x[0]), float(y[0])
    return [(cx - 10e3, cy - 7.5e3), (cx + 10e3, cy - 7.5e3), (cx + 10e3, cy + 7.5e3),
            (cx - 10e3, cy + 7.5e3)]  # fmt: skip


def edit_to_applied_ms(snapshots: list[Snapshot], synchronous: bool) -> list[float]:
    """Milliseconds from an edit (a vertex move) to the new figures applied on the UI thread.

    The 150 ms debounce is bypassed with ``refresh_now`` so the time is the work itself.
    """
    app = QCoreApplication.instance()
    vm = RegionsViewModel()
    runner = TaskRunner(vm, synchronous=synchronous)
    stats = RegionStatsController(vm, runner)
    stats.set_snapshots(snapshots)
    stats.set_dates(dt.date(2024, 11, 1), dt.date(2024, 11, 20))
    region_id = vm.add_region(kurakhove())
    vm.select(None)  # A/B figures only, not the time series
    applied: list[float] = []
    vm.sig_stats_changed.connect(lambda: applied.append(time.perf_counter()))
    times = []
    for k in range(ROUNDS):
        applied.clear()
        start = time.perf_counter()
        vm.move_vertex(region_id, 0, (kurakhove()[0][0] - 10.0 * (k + 1), kurakhove()[0][1]))
        stats.refresh_now()
        while not applied:
            # Poll sparingly: PySide6 6.12 on Python 3.11 drops a reference to None on every
            # processEvents() call, so a busy loop would crash the interpreter.
            time.sleep(0.0002)
            app.processEvents()
        times.append((applied[-1] - start) * 1e3)
    runner.shutdown()
    return times


def main() -> None:
    app = QCoreApplication.instance() or QCoreApplication([])
    start = time.perf_counter()
    snapshots = load_corpus()
    print(f"loaded {len(snapshots)} DeepState snapshots in {time.perf_counter() - start:.1f} s")
    for synchronous in (True, False):
        times = edit_to_applied_ms(snapshots, synchronous)
        label = "synchronous worker" if synchronous else "real worker thread"
        print(
            f"edit → figures applied ({label}): median {statistics.median(times):.2f} ms, "
            f"max {max(times):.2f} ms over {ROUNDS} edits (target ≤ 10 ms)"
        )
    vm = RegionsViewModel()
    region = vm.region(vm.add_region(kurakhove())).lonlat
    geometries = [s.geometry for s in snapshots]
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        km2 = held_in_region(geometries, region)
        runs.append(time.perf_counter() - start)
    print(
        f"time series over {len(geometries)} dates: median {statistics.median(runs):.3f} s, "
        f"max {max(runs):.3f} s (target ≤ 0.5 s); held {km2[0]:.1f} → {km2[-1]:.1f} km²"
    )
    del app


if __name__ == "__main__":
    main()
