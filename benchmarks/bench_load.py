"""Time loading the DeepState corpus: cold (no cache, serial and 2 workers), then warm (cache).

Run as ``python benchmarks/bench_load.py [FOLDER]``. The cache goes to a temporary folder, so the
user's own cache is neither used nor touched. Also prints how much of a cold load is area.
"""

from __future__ import annotations

import os
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


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT)
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


if __name__ == "__main__":
    main()
