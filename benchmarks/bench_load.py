"""Time loading the DeepState corpus: cold (no cache, serial and 2 workers), then warm (cache).

Run as ``python benchmarks/bench_load.py [FOLDER] [--processes]`` (``--processes``: only the
whole-process comparisons). The cache goes to a temporary folder, so the user's own cache is
neither used nor touched. Also prints how much of a cold load is area, and, as whole processes
(interpreter start, imports and all): the warm ``areas`` command (aim ≤ 0.22 s), and a cold
load with an empty cache beside a plain hand-written loader (``shapely.from_geojson`` in two
processes, no validation, no dates, no areas) measured in the same run (aim: faster than it).
"""

from __future__ import annotations

import os
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
print(sum(len(v) for v in load_paths([sys.argv[1]]).series.values()))
"""


def process_seconds(argv: list[str], env: dict[str, str]) -> float:
    """Wall time of one whole process (start, imports, work, exit)."""
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def whole_processes(folder: str) -> None:
    """The warm ``areas`` command and cold loads as whole processes, best of several runs."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    areas = [sys.executable, str(ROOT / "main.py"), "areas", folder]
    with tempfile.TemporaryDirectory() as cache:
        env["XDG_CACHE_HOME"] = cache
        process_seconds(areas, env)  # fills the cache (and writes the .pyc files)
        best = min(process_seconds(areas, env) for _ in range(5))
        print(f"{'warm `areas`, whole process':<44} {best:8.3f} s (best of 5; aim <= 0.22 s)")
    ours = [sys.executable, "-c", LOAD_IN_PROCESS, folder, str(ROOT)]
    plain = [sys.executable, "-c", PLAIN_LOADER, folder]
    runs: dict[str, list[float]] = {"ours": [], "plain": []}
    for _ in range(3):  # interleaved, so both see the same machine load
        with tempfile.TemporaryDirectory() as cache:
            env["XDG_CACHE_HOME"] = cache
            runs["ours"].append(process_seconds(ours, env))
        runs["plain"].append(process_seconds(plain, env))
    print(f"{'cold load, empty cache, whole process':<44} {min(runs['ours']):8.3f} s (best of 3)")
    print(f"{'plain from_geojson loader, 2 processes':<44} {min(runs['plain']):8.3f} s (best of 3)")


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    folder = args[0] if args else str(DEFAULT)
    if "--processes" in sys.argv:  # only the whole-process comparisons
        whole_processes(folder)
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
    whole_processes(folder)


if __name__ == "__main__":
    main()
