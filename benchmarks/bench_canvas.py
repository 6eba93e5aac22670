"""Canvas frame times on the DeepState corpus (offscreen, 1200x800 widget).

Measures, at full extent and zoomed on Kurakhove (37.28E 47.98N):
- date change: ``MapViewModel.set_shown`` of a not-yet-seen day + a synchronous viewport repaint
  (so it includes projecting and simplifying the new geometry), over 100 random dates;
- timeline step: 60 steps back through consecutive days as the app makes them (shown geometry
  and ``geo.shown`` notes), back to back, so the canvas never idles to prepare the next days;
- held key: the same at a key's auto-repeat rate (one step every 33 ms, events processed in
  between), so the canvas prepares the next days' paths while idle (``ui.map.prefetch``);
- pan frame: ``translateBy`` 3 % + repaint; zoom frame: ``scaleBy`` 0.97/1.03 + repaint
  (while the view moves the canvas shows its cached pixmaps moved);
- settle: after a pan, the view keeps still until the exact picture is drawn once (labels laid
  out again); timed from the settle timer's expiry to the end of that repaint.

Each line gives the wall-clock median and p95 and the UI thread's CPU median
(``time.thread_time``): on the shared 2-core machine the wall clock doubles or triples under
load, the CPU time much less. Each action is followed by ``processEvents`` (worker results land).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_canvas.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from geo.loader import load_paths  # noqa: E402
from geo.shown import shown_on  # noqa: E402
from tests.paths import DEEPSTATE  # noqa: E402
from ui.map import MapView  # noqa: E402
from ui.map.map_view import SETTLE_MS  # noqa: E402
from viewmodels.basemap_viewmodel import loaded_basemap  # noqa: E402
from viewmodels.layers_viewmodel import LayersViewModel  # noqa: E402
from viewmodels.map_viewmodel import MapViewModel  # noqa: E402

if TYPE_CHECKING:
    import datetime as dt

    from geo.model import Catalog

SERIES = "DeepState"

KURAKHOVE = (37.28 - 0.35, 47.98 - 0.22, 37.28 + 0.35, 47.98 + 0.22)


def load_corpus() -> Catalog:
    """Every DeepState day, through geo.loader."""
    return load_paths(sorted(DEEPSTATE.glob("*.geojson")))


def _steps(
    map_vm: MapViewModel, catalog: Catalog, view: MapView, days: list[dt.date], every_s: float
) -> list[tuple[float, float]]:
    """A step back to each of ``days`` as the app shows a timeline step, ``every_s`` apart."""
    samples = []
    for day in days:
        _idle(every_s)

        def step(day: dt.date = day) -> None:
            shown = shown_on(catalog, day)
            map_vm.set_shown({SERIES: next(iter(shown.values())).geometry})
            map_vm.set_series_shown({SERIES: next(iter(shown.values()))})

        samples.append(_timed(step, view))
    return samples


def _idle(seconds: float) -> None:
    """Let the event loop run for ``seconds`` (a user between two key repeats)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.001)


def _stats(name: str, samples: list[float]) -> None:
    """Wall-clock median and p95, and the UI thread's CPU median (steadier on a shared machine)."""
    ms = sorted(w * 1e3 for w, _cpu in samples)
    cpu = statistics.median(c * 1e3 for _w, c in samples)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    print(
        f"{name:<30} median {statistics.median(ms):6.2f} ms   p95 {p95:6.2f} ms"
        f"   CPU median {cpu:6.2f} ms   n={len(ms)}"
    )


def _timed(action, view: MapView) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.thread_time()
    action()
    view.canvas.viewport().repaint()
    QApplication.processEvents()
    return time.perf_counter() - start, time.thread_time() - cpu


def bench(view: MapView, map_vm: MapViewModel, catalog: Catalog, days: list, label: str) -> None:
    """Timeline steps, date changes, pans and zooms at the view's current extent."""
    dates = catalog.dates(catalog.series_names()[0])
    _stats(f"timeline step ({label})", _steps(map_vm, catalog, view, dates[-2:-62:-1], 0.0))
    _stats(f"held key ({label})", _steps(map_vm, catalog, view, dates[-62:-122:-1], 0.033))
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


def _settled(view: MapView, k: int) -> tuple[float, float]:
    """Pan, repaint, wait out the settle delay, then time the exact redraw."""
    view.view_box.pan_by(0.03 * (-1) ** k, 0.0)
    view.canvas.viewport().repaint()
    time.sleep(SETTLE_MS / 1000 + 0.03)
    start, cpu = time.perf_counter(), time.thread_time()
    QApplication.processEvents()
    view.canvas.viewport().repaint()
    return time.perf_counter() - start, time.thread_time() - cpu


def main() -> None:
    """Print the numbers."""
    app = QApplication.instance() or QApplication([])
    start = time.perf_counter()
    catalog = load_corpus()
    days = [s.geometry for s in catalog.snapshots(catalog.series_names()[0])]
    print(f"loaded {len(days)} days in {time.perf_counter() - start:.1f} s")
    map_vm, layers_vm = MapViewModel(), LayersViewModel()
    layers_vm.set_series_layers([SERIES])
    view = MapView(map_vm, layers_vm, basemap=loaded_basemap())
    view.resize(1200, 800)
    view.show()
    map_vm.set_shown({SERIES: days[0]})
    view.fit_to_data()
    app.processEvents()
    bench(view, map_vm, catalog, days, "full")
    view.zoom_to_lonlat(KURAKHOVE)
    app.processEvents()
    bench(view, map_vm, catalog, days[::-1], "Kurakhove")


if __name__ == "__main__":
    main()
