"""Canvas frame times on the DeepState corpus (offscreen, 1200x800 widget).

Measures, at full extent and zoomed on Kurakhove (37.28E 47.98N):
- date change: ``MapViewModel.set_shown`` of a not-yet-seen day + a synchronous viewport repaint
  (so it includes projecting and simplifying the new geometry), over 100 random dates;
- pan frame: ``translateBy`` 3 % + repaint; zoom frame: ``scaleBy`` 0.97/1.03 + repaint
  (while the view moves the canvas shows its cached pixmaps moved);
- settle: after a pan, the view keeps still until the exact picture is drawn once (labels laid
  out again); timed from the settle timer's expiry to the end of that repaint.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_canvas.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import shapely  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.paths import DEEPSTATE  # noqa: E402
from ui.map import MapView  # noqa: E402
from ui.map.map_view import SETTLE_MS  # noqa: E402
from viewmodels.basemap_viewmodel import BasemapViewModel  # noqa: E402
from viewmodels.layers_viewmodel import LayersViewModel  # noqa: E402
from viewmodels.map_viewmodel import MapViewModel  # noqa: E402
from viewmodels.tasks import TaskRunner  # noqa: E402

SERIES = "DeepState"

KURAKHOVE = (37.28 - 0.35, 47.98 - 0.22, 37.28 + 0.35, 47.98 + 0.22)


def load_corpus() -> list[shapely.Geometry]:
    """Every DeepState day, via geo.loader when it exists, else read directly."""
    paths = sorted(DEEPSTATE.glob("*.geojson"))
    try:
        from geo.loader import load_paths
    except ImportError:
        return [shapely.get_geometry(shapely.from_geojson(p.read_text()), 0) for p in paths]
    catalog = load_paths(paths)
    return [s.geometry for items in catalog.series.values() for s in items]


def _stats(name: str, samples: list[float]) -> None:
    ms = sorted(s * 1e3 for s in samples)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(f"{name:<28} median {statistics.median(ms):6.2f} ms   p95 {p95:6.2f} ms   n={len(ms)}")


def _timed(action, view: MapView) -> float:
    start = time.perf_counter()
    action()
    view.canvas.viewport().repaint()
    return time.perf_counter() - start


def bench(view: MapView, map_vm: MapViewModel, days: list, label: str) -> None:
    """Date changes, pans and zooms at the view's current extent."""
    rng = random.Random(7)
    picks = rng.sample(range(len(days)), min(100, len(days)))
    _stats(
        f"date change ({label})",
        [_timed(lambda i=i: map_vm.set_shown({SERIES: days[i]}), view) for i in picks],
    )
    _stats(
        f"date change warm ({label})",
        [_timed(lambda i=i: map_vm.set_shown({SERIES: days[i]}), view) for i in picks],
    )
    box = view.view_box
    pans = [_timed(lambda k=k: box.pan_by(0.03 * (-1) ** (k // 10), 0.0), view) for k in range(60)]
    _stats(f"pan frame ({label})", pans)
    zooms = [
        _timed(lambda k=k: box.zoom_by(1.03 if (k // 10) % 2 else 1 / 1.03), view)
        for k in range(60)
    ]
    _stats(f"zoom frame ({label})", zooms)
    _stats(f"settle after pan ({label})", [_settled(view, k) for k in range(10)])


def _settled(view: MapView, k: int) -> float:
    """Pan, repaint, wait out the settle delay, then time the exact redraw."""
    view.view_box.pan_by(0.03 * (-1) ** k, 0.0)
    view.canvas.viewport().repaint()
    time.sleep(SETTLE_MS / 1000 + 0.03)
    start = time.perf_counter()
    QApplication.processEvents()
    view.canvas.viewport().repaint()
    return time.perf_counter() - start


def main() -> None:
    """Print the numbers."""
    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    days = load_corpus()
    print(f"loaded {len(days)} days in {time.perf_counter() - start:.1f} s")
    map_vm, layers_vm = MapViewModel(), LayersViewModel()
    layers_vm.set_series_layers([SERIES])
    basemap = BasemapViewModel(TaskRunner(synchronous=True))
    basemap.load()
    view = MapView(map_vm, layers_vm, basemap=basemap)
    view.resize(1200, 800)
    view.show()
    map_vm.set_shown({SERIES: days[0]})
    view.fit_to_data()
    app.processEvents()
    bench(view, map_vm, days, "full")
    view.zoom_to_lonlat(KURAKHOVE)
    app.processEvents()
    bench(view, map_vm, days[::-1], "Kurakhove")


if __name__ == "__main__":
    main()
