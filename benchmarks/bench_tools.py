"""Place search and the per-oblast breakdown: the issue's two speed targets.

- search keystroke → list ≤ 20 ms: a character typed in the real locator field (``SearchBox``
  bound to ``SearchViewModel`` on the real basemap's places) until the popup's list is filled,
  for every prefix of the spellings people type.
- per-oblast breakdown of a comparison ≤ 50 ms: ``geo.oblasts.oblast_breakdown`` of DeepState
  2024-11-01 → 2024-11-20 (what the Oblasts dock and ``delta --by-oblast`` run), warm; the first
  (cold) call, which also prepares the oblast polygons, is printed apart.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_tools.py``. Reads the real
DeepState files in place (``tests.paths.DEEPSTATE``).
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from geo.delta import compute_delta
from geo.loader import load_paths
from geo.oblasts import OblastSet, oblast_breakdown
from tests.paths import DEEPSTATE
from ui.search_box import SearchBox
from viewmodels.search_viewmodel import SearchViewModel, default_index

QUERIES = ("Kupiansk", "Куп'янськ", "Kupyansk", "Chasiv Yar", "Pokrovsk", "Sudzha", "Kurakhove")
ROUNDS = 30


def _stats(label: str, values_ms: list[float], target_ms: float) -> None:
    values = sorted(values_ms)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    verdict = "ok" if p95 <= target_ms else "OVER TARGET"
    print(
        f"{label}: n={len(values)} median {statistics.median(values):.2f} ms, "
        f"p95 {p95:.2f} ms, max {values[-1]:.2f} ms (target ≤ {target_ms:.0f} ms: {verdict})"
    )


def keystroke_ms(app: QApplication) -> list[float]:
    """Milliseconds from one typed character to the popup list filled, every prefix."""
    t0 = time.perf_counter()
    index = default_index()
    print(f"place index built in {1000 * (time.perf_counter() - t0):.0f} ms (once, in a worker)")
    vm = SearchViewModel(lambda _box: None, lambda: index, synchronous=True)
    box = SearchBox(vm)
    box.show()
    box.setFocus()
    vm.prepare()
    times = []
    for query in QUERIES:
        box.clear()
        vm.clear()
        for char in query:
            start = time.perf_counter()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(box, event)
            app.processEvents()
            times.append(1000 * (time.perf_counter() - start))
        assert box.popup_labels(), query
    search = []
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            start = time.perf_counter()
            index.search(query[:end], 12)
            search.append(1000 * (time.perf_counter() - start))
    _stats("  of which the search itself (geo.places)", search, 20.0)
    return times


def breakdown_ms() -> tuple[float, list[float]]:
    days = ("20241101", "20241120")
    catalog = load_paths([DEEPSTATE / f"deepstatemap_data_{d}.geojson" for d in days])
    series = catalog.series_names()[0]
    delta = compute_delta(catalog, series, dt.date(2024, 11, 1), dt.date(2024, 11, 20))
    oblasts = OblastSet()
    start = time.perf_counter()
    oblast_breakdown(delta.gained, delta.lost, oblasts)
    cold = 1000 * (time.perf_counter() - start)
    warm = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        oblast_breakdown(delta.gained, delta.lost, oblasts)
        warm.append(1000 * (time.perf_counter() - start))
    return cold, warm


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    _stats("search keystroke → list", keystroke_ms(app), 20.0)  # type: ignore[arg-type]
    cold, warm = breakdown_ms()
    print(f"per-oblast breakdown, first call (loads oblast polygons): {cold:.1f} ms")
    _stats("per-oblast breakdown DeepState 2024-11-01 → 2024-11-20 (warm)", warm, 50.0)


if __name__ == "__main__":
    main()
