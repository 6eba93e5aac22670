"""Basemap speed: cold open + overview layers, detailed layers, place search, oblast breakdown.

Usage: ``python benchmarks/bench_basemap.py``. The cold numbers come from fresh interpreters
(median of 5), so they include importing shapely and numpy the way the app's first frame does.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COLD = """
import time
start = time.perf_counter()
from geo.basemap import Basemap
basemap = Basemap()
for layer in ("land", "lakes", "rivers", "countries", "borders", "oblasts"):
    basemap.features(layer, lod="lo")
print(time.perf_counter() - start)
"""


def cold_overview_ms(runs: int = 5) -> float:
    """Median wall time of import + open + all ``lo`` layers in a fresh interpreter."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", COLD], capture_output=True, text=True, cwd=ROOT, check=True
        )
        times.append(float(out.stdout) * 1000)
    return statistics.median(times)


def timed(label: str, function: object) -> object:
    """Run ``function()`` once, print its wall time, return its result."""
    start = time.perf_counter()
    result = function()
    print(f"{label:45s} {1000 * (time.perf_counter() - start):8.1f} ms")
    return result


def main() -> None:
    """Print every measurement."""
    import shapely
    from shapely.geometry import shape

    from geo.basemap import Basemap, default_path
    from geo.oblasts import OblastSet, oblast_breakdown
    from geo.places import PlaceIndex
    from tests.paths import DEEPSTATE

    print(f"{'file size':45s} {default_path().stat().st_size / 1e6:8.2f} MB")
    print(f"{'cold: import + open + 6 overview layers':45s} {cold_overview_ms():8.1f} ms")
    basemap = Basemap()
    layers = ("land", "lakes", "rivers", "countries", "borders", "oblasts")
    for lod, label in (
        ("lo", "warm process: open + 6 overview layers"),
        ("mid", "6 layers at mid"),
        ("hi", "6 layers at hi"),
    ):
        timed(label, lambda lod=lod: [basemap.features(n, lod=lod) for n in layers])
    timed(
        "cached fetch, rivers hi in a Kupiansk bbox",
        lambda: basemap.features("rivers", (37, 49, 38.5, 50.5), "hi"),
    )
    timed("places layer (12k points)", lambda: basemap.features("places"))
    index = PlaceIndex(basemap)
    timed("first search (builds the key index)", lambda: index.search("Kupiansk"))
    timed("search 'Куп'янськ'", lambda: index.search("Куп'янськ"))
    timed("places_in(Ukraine, 50k)", lambda: index.places_in((22, 44, 40.5, 52.5), 50_000))

    def load(day: str) -> shapely.Geometry:
        path = DEEPSTATE / f"deepstatemap_data_{day}.geojson"
        return shape(json.loads(path.read_text())["features"][0]["geometry"])

    a, b = load("20241101"), load("20241120")
    gained, lost = shapely.difference(b, a), shapely.difference(a, b)
    oblasts = OblastSet(basemap)
    timed(
        "oblast breakdown 2024-11-01 -> 2024-11-20 (cold)",
        lambda: oblast_breakdown(gained, lost, oblasts),
    )
    timed("oblast breakdown (warm)", lambda: oblast_breakdown(gained, lost, oblasts))
    timed(
        "breakdown of the whole occupied area",
        lambda: oblast_breakdown(a, shapely.Polygon(), oblasts),
    )


if __name__ == "__main__":
    main()
