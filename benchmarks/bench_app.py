"""App-shell benchmarks (offscreen): launch to first painted frame, RSS with the DeepState
corpus loaded, and date change → repaint through the timeline.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_app.py

Targets: first frame ≤ 1.0 s from process start; RSS ≤ 400 MB with 769 files loaded.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DAILY = ROOT.parent / "shared" / "data" / "deepstate" / "daily"

FIRST_FRAME = """
import time, sys, os
sys.path.insert(0, {root!r})
from PySide6.QtCore import QObject, QEvent
from ui.app import create_app, create_window
app = create_app()
window = create_window([])
class Spy(QObject):
    def eventFilter(self, obj, event):
        if obj is window and event.type() == QEvent.Type.Paint:
            print(f"{{time.time():.6f}}", flush=True)
            os._exit(0)
        return False
spy = Spy()
window.installEventFilter(spy)
window.show()
app.exec()
"""


def first_frame_s() -> float:
    """Seconds from spawning the interpreter to the main window's first paint event."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    return float(out.strip().splitlines()[-1]) - start


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def wait_until(app, condition, timeout_s: float = 300.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.005)


def loaded_app() -> None:
    """Load the corpus into the real window; print RSS and timeline → repaint times."""
    from PySide6.QtCore import QSettings

    from tests.shell.deepstate import engine
    from ui.app import create_app
    from ui.main_window import MainWindow
    from viewmodels.app_viewmodel import AppViewModel

    app = create_app()
    loader, delta, changes, _ = engine()
    settings = QSettings(str(ROOT / "out" / "bench.ini"), QSettings.Format.IniFormat)
    vm = AppViewModel(settings, loader=loader, delta=delta, changes=changes)
    window = MainWindow(vm)
    window.resize(1600, 1000)
    window.show()
    start = time.perf_counter()
    vm.open_paths([str(DAILY)])
    wait_until(app, lambda: vm.dataset.catalog() is not None and not vm.dataset.loading())
    load_s = time.perf_counter() - start
    wait_until(app, lambda: not vm.runner.busy)
    print(f"load 769 files through the shell: {load_s:.1f} s; RSS loaded: {rss_mb():.0f} MB")
    times = []
    canvas = window.map_view
    for _ in range(60):
        t0 = time.perf_counter()
        vm.step(-1)
        canvas.repaint()
        app.processEvents()
        times.append(time.perf_counter() - t0)
    print(
        f"date change → repaint (60 steps): median {1000 * statistics.median(times):.1f} ms,"
        f" max {1000 * max(times):.1f} ms"
    )
    vm.runner.shutdown()


if __name__ == "__main__":
    runs = [first_frame_s() for _ in range(3)]
    print(f"launch → first paint: {', '.join(f'{r:.2f}' for r in runs)} s (target ≤ 1.0)")
    loaded_app()
    sys.stdout.flush()
    os._exit(0)
