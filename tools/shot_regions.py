"""Screenshot of the real main window with two regions drawn by mouse events and their figures.

DeepState 2024-11-01 compared with 2024-11-20, zoomed on Kurakhove and Pokrovsk; a rectangle
around Kurakhove and a polygon around Pokrovsk are drawn with the panel's tools on the map's
viewport, as a user would. Settings, caches and the autosave go to a temporary directory, so
the user's own regions are neither read nor overwritten::

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/shot_regions.py [OUT.png]

Writes ``out/regions_app.png`` by default and prints each region's figures.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DAILY = ROOT.parent / "shared" / "data" / "deepstate" / "daily"
FILES = [DAILY / f"deepstatemap_data_{day}.geojson" for day in ("20241101", "20241120")]
VIEW_BBOX = (36.80, 47.80, 37.75, 48.42)
KURAKHOVE = (37.28, 47.98)
POKROVSK_RING = [(37.05, 48.24), (37.28, 48.22), (37.33, 48.33), (37.17, 48.38), (37.02, 48.32)]

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QPoint

    from ui.main_window import MainWindow


def wait_until(condition: Callable[[], object], timeout_s: float = 120.0) -> None:
    """Run the event loop until ``condition()`` holds."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready in time")
        QTest.qWait(20)


def pixel(window: MainWindow, lon: float, lat: float) -> QPoint:
    """The map viewport pixel of a lon/lat point (through the view box)."""
    import numpy as np
    from PySide6.QtCore import QPointF

    from geo.projection import to_display

    x, y = to_display(np.array([lon]), np.array([lat]))
    scene = window.map_view.view_box.mapViewToScene(QPointF(float(x[0]), float(y[0])))
    return window.map_view.canvas.mapFromScene(scene)


def draw(window: MainWindow) -> None:
    """A rectangle ~20 km × 15 km around Kurakhove, then a polygon around Pokrovsk."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    left, no_mod = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    port, panel = window.map_view.canvas.viewport(), window.regions.panel
    QTest.mouseClick(panel.tool_buttons["rectangle"], left)
    start = pixel(window, KURAKHOVE[0] - 0.134, KURAKHOVE[1] - 0.0675)
    end = pixel(window, KURAKHOVE[0] + 0.134, KURAKHOVE[1] + 0.0675)
    QTest.mousePress(port, left, no_mod, start)
    for t in (0.3, 0.6, 1.0):
        QTest.mouseMove(port, start + (end - start) * t)
    QTest.mouseRelease(port, left, no_mod, end)
    QTest.mouseClick(panel.tool_buttons["polygon"], left)
    points = [pixel(window, lon, lat) for lon, lat in POKROVSK_RING]
    for point in points:
        QTest.mouseMove(port, point)
        QTest.mouseClick(port, left, no_mod, point)
    QTest.mouseDClick(port, left, no_mod, points[-1])
    for row, name in enumerate(("Kurakhove", "Pokrovsk")):
        panel.table.item(row, 2).setText(name)
    rect = panel.table.visualItemRect(panel.table.item(0, 2))
    QTest.mouseClick(panel.table.viewport(), left, no_mod, rect.center())


def main(out: Path) -> int:
    """Build the window, draw, wait for the figures, save the grab."""
    home = Path(tempfile.mkdtemp(prefix="atlas-shot-"))
    for name in ("DATA", "CONFIG", "CACHE"):
        os.environ[f"XDG_{name}_HOME"] = str(home / name.lower())
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import create_app, create_window

    create_app()
    window = create_window([str(f) for f in FILES])
    window.resize(1600, 1000)
    window.show()
    app_vm = window.app_vm
    wait_until(lambda: app_vm.dataset.catalog() is not None and not app_vm.dataset.loading())
    wait_until(lambda: window.map_view.basemap().layers)
    app_vm.timeline.set_compare(True)
    wait_until(lambda: app_vm.map.compare() is not None)
    window.map_view.zoom_to_lonlat(VIEW_BBOX)
    wait_until(lambda: True)
    draw(window)
    vm = window.regions.vm
    wait_until(lambda: all(vm.stats(s.id) is not None for s in vm.regions()))
    wait_until(lambda: vm.time_series(vm.selected()) is not None)
    time.sleep(0.3)
    wait_until(lambda: True)
    out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out))
    for state in vm.regions():
        stats = vm.stats(state.id)
        print(f"{state.name}: A {stats.area_from_km2:.2f}  B {stats.area_to_km2:.2f}  "
              f"gained {stats.gained_km2:.2f}  lost {stats.lost_km2:.2f}  "
              f"net {stats.net_km2:+.2f} km²")  # fmt: skip
    print(out)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "regions_app.png"))
