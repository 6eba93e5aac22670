"""Time loading the DeepState corpus: cold (no cache, serial and 2 workers), then warm (cache).

Run as ``python benchmarks/bench_load.py [FOLDER] [--processes] [--runs N]`` (``--processes``:
only the whole-process comparisons). The cache goes to a temporary folder, so the user's own
cache is neither used nor touched. Also prints how much of a cold load is area, and, as whole
processes (interpreter start, imports and all), medians of N runs (default 5) with the best and
the CPU seconds (process and children, user + system: less at the mercy of other load on the
machine than the wall time):

- the warm ``areas`` command (aim <= 0.22 s);
- a cold load with an empty cache (which it fills), the same load without a cache, and a plain
  hand-written loader, interleaved so that all three see the same machine load (aim: ours
  faster than the plain one).

What the plain loader does: lists ``*.geojson``, reads each file with GEOS's GeoJSON reader
(``shapely.from_geojson``) in a pool of two processes, sends WKB back and decodes every geometry
in the main process. What it does not do, and ours does: validity check and repair, dissolving,
dates and series from names and attributes, coordinate range checks, the hostile-input limits
of ``geo/limits.py``, the geodesic area of every snapshot, and (in the first line) writing the
cache. Ours decodes a geometry only when it is first used.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT = ROOT.parent / "shared" / "data" / "deepstate" / "daily"


def timed(label: str, function, repeat: int = 3) -> float:
    best = min(_once(function) for _ in range(repeat))
    print(f"{label:<44} {best:8.3f} s (best of {repeat})")
    return best


def _once(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


PLAIN_LOADER = """
import sys
from multiprocessing import Pool
from pathlib import Path

import shapely


def read(path):
    return shapely.to_wkb(shapely.from_geojson(Path(path).read_bytes()))


if __name__ == "__main__":
    files = sorted(str(p) for p in Path(sys.argv[1]).glob("*.geojson"))
    with Pool(2) as pool:
        geometries = shapely.from_wkb(pool.map(read, files, chunksize=16))
    print(len(geometries))
"""

LOAD_IN_PROCESS = """
import sys
sys.path.insert(0, sys.argv[2])
from geo.loader import load_paths
catalog = load_paths([sys.argv[1]], use_cache=sys.argv[3] == "cache")
print(sum(len(v) for v in catalog.series.values()))
"""


def process_seconds(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU seconds of one whole process and its children (start to exit)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def report(label: str, runs: list[tuple[float, float]], aim: str = "") -> None:
    """One line: median and best wall time, median CPU seconds, of ``runs``."""
    walls = sorted(w for w, _ in runs)
    cpus = sorted(c for _, c in runs)
    median, cpu = walls[len(walls) // 2], cpus[len(cpus) // 2]
    note = f"median of {len(runs)}, best {walls[0]:.3f} s, cpu {cpu:.2f} s{aim}"
    print(f"{label:<44} {median:8.3f} s ({note})")


def whole_processes(folder: str, count: int) -> None:
    """The warm ``areas`` command and cold loads as whole processes, medians of ``count`` runs."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    areas = [sys.executable, str(ROOT / "main.py"), "areas", folder]
    with tempfile.TemporaryDirectory() as cache:
        env["XDG_CACHE_HOME"] = cache
        process_seconds(areas, env)  # fills the cache (and writes the .pyc files)
        warm = [process_seconds(areas, env) for _ in range(max(count, 5))]
        report("warm `areas`, whole process", warm, "; aim <= 0.22 s")
    commands = {
        "cold load, empty cache, whole process": ["cache"],
        "  the same without any cache": ["none"],
        "plain from_geojson loader, 2 processes": None,
    }
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
    for _ in range(count):  # interleaved, so all see the same machine load
        for label, mode in commands.items():
            with tempfile.TemporaryDirectory() as cache:
                env["XDG_CACHE_HOME"] = cache
                argv = [sys.executable, "-c", PLAIN_LOADER, folder]
                if mode is not None:
                    argv = [sys.executable, "-c", LOAD_IN_PROCESS, folder, str(ROOT), *mode]
                runs[label].append(process_seconds(argv, env))
    for label, found in runs.items():
        report(label, found)


def main() -> None:
    count = 5
    if "--runs" in sys.argv:
        at = sys.argv.index("--runs")
        count = int(sys.argv.pop(at + 1))
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = args[0] if args else str(DEFAULT)
    if "--processes" in sys.argv:  # only the whole-process comparisons
        whole_processes(folder, count)
        return
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache
        import shapely

        from geo import areas
        from geo.cache import LoadCache
        from geo.loader import discover, load_paths

        files = discover([folder])
        print(f"{len(files)} files in {folder}, {os.cpu_count()} cores")
        timed(
            "cold, serial (workers=1, no cache)",
            lambda: load_paths([folder], use_cache=False, workers=1),
        )
        timed(
            "cold, 2 workers (no cache)", lambda: load_paths([folder], use_cache=False, workers=2)
        )
        store = LoadCache(Path(cache))
        first = _once(lambda: load_paths([folder], cache=store))
        print(f"{'cold, default, filling the cache':<44} {first:8.3f} s (once)")
        catalog = load_paths([folder], cache=store)
        timed("warm (cache)", lambda: load_paths([folder], cache=store), repeat=5)
        geometries = [s.geometry for items in catalog.series.values() for s in items]
        timed(
            "  of which: area of every snapshot",
            lambda: [areas.geodesic_area_km2(g) for g in geometries],
        )
        timed("  of which: is_valid of every snapshot", lambda: shapely.is_valid(geometries))
    whole_processes(folder, count)


if __name__ == "__main__":
    main()
