"""Screenshots of the real main window: the DeepState corpus, 2024-11-01 compared with 2024-11-20.

Run under Xvfb (or ``QT_QPA_PLATFORM=offscreen``)::

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshots.py

Writes ``out/atlas_full.png`` (whole extent) and ``out/atlas_kurakhove.png`` (zoomed on
Kurakhove, 37.28E 47.98N) and prints the comparison's numbers.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "out"
DAILY = ROOT.parent / "shared" / "data" / "deepstate" / "daily"
KURAKHOVE_BBOX = (36.95, 47.80, 37.65, 48.18)


def wait_until(app, condition, timeout_s: float = 300.0) -> None:
    """Run the event loop until ``condition()`` holds."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("timed out waiting for the app")
        app.processEvents()
        time.sleep(0.01)


def settle(app, seconds: float = 1.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> None:
    from PySide6.QtCore import QSettings

    from ui.app import create_app
    from ui.main_window import MainWindow
    from viewmodels.app_viewmodel import AppViewModel

    app = create_app()
    OUT.mkdir(exist_ok=True)
    settings = QSettings(str(OUT / "screenshots.ini"), QSettings.Format.IniFormat)
    settings.clear()
    from tests.shell.deepstate import engine

    loader, delta, changes, _ = engine()  # the geo engine's, or the shell tests' stand-ins
    vm = AppViewModel(settings, loader=loader, delta=delta, changes=changes)
    window = MainWindow(vm)
    window.resize(1600, 1000)
    window.show()
    start = time.perf_counter()
    vm.open_paths([str(DAILY)])
    wait_until(app, lambda: vm.dataset.catalog() is not None and not vm.dataset.loading())
    print(f"loaded {len(vm.timeline.dates())} dates in {time.perf_counter() - start:.1f} s")
    vm.timeline.set_dates(dt.date(2024, 11, 1), dt.date(2024, 11, 20))
    vm.timeline.set_shown_date(dt.date(2024, 11, 20))
    vm.timeline.set_compare(True)
    wait_until(app, lambda: vm.compare.result() is not None and not vm.compare.computing())
    for row in vm.compare.rows():
        print(f"{row.label:>22}: {row.km2:12,.1f} km²  {row.percent:8.4f} %")
    vm.fit()
    settle(app, 2.0)
    window.grab().save(str(OUT / "atlas_full.png"))
    vm.map.request_fit(KURAKHOVE_BBOX)
    settle(app, 2.0)
    window.grab().save(str(OUT / "atlas_kurakhove.png"))
    print(f"wrote {OUT / 'atlas_full.png'} and {OUT / 'atlas_kurakhove.png'}")
    window.close()
    vm.runner.shutdown()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 + pyqtgraph can crash while finalising


if __name__ == "__main__":
    main()
