"""The real app draws a region with the mouse, is killed with SIGKILL once the autosave is on
disk, and a relaunch of the real app shows the region again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import numpy as np
import shapely
from pyproj import Geod

from tests.paths import DEEPSTATE, ROOT

if TYPE_CHECKING:
    from pathlib import Path

FILES = [DEEPSTATE / f"deepstatemap_data_{day}.geojson" for day in ("20241101", "20241120")]
KURAKHOVE_BBOX = (36.95, 47.80, 37.60, 48.15)
"""What the driver frames before drawing (lon/lat)."""

DRIVER = textwrap.dedent(
    """
    import json, os, sys, threading
    import numpy as np
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from geo.projection import to_display, to_lonlat
    from ui.app import create_app, create_window

    threading.Timer(20.0, lambda: os._exit(3)).start()  # never hang the test
    mode, bbox, files = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
    app = create_app()
    window = create_window(files)
    window.show()
    QTest.qWaitForWindowExposed(window)
    feature = window.regions
    if mode == "check":
        rows = feature.panel.table.rowCount()
        print(json.dumps({
            "regions": [[s.name, s.lonlat.wkt, s.xy] for s in feature.vm.regions()],
            "panel": [feature.panel.table.item(r, 2).text() for r in range(rows)],
            "on_map": [feature.overlay.shape_item(s.id).isVisible()
                       for s in feature.vm.regions()],
        }), flush=True)
        os._exit(0)
    while window.app_vm.dataset.catalog() is None or window.app_vm.dataset.loading():
        QTest.qWait(20)
    QTest.qWait(50)
    map_view = window.map_view
    map_view.zoom_to_lonlat(tuple(bbox))
    QTest.qWait(50)
    QTest.mouseClick(feature.panel.tool_buttons["rectangle"], Qt.MouseButton.LeftButton)
    canvas = map_view.canvas
    port = canvas.viewport()

    def pixel(lon, lat):
        x, y = to_display(np.array([lon]), np.array([lat]))
        scene = map_view.view_box.mapViewToScene(QPointF(float(x[0]), float(y[0])))
        return canvas.mapFromScene(scene)

    def landed(p):
        point = map_view.view_box.mapSceneToView(canvas.mapToScene(p))
        return (point.x(), point.y())

    start, end = pixel(37.17, 47.92), pixel(37.39, 48.04)
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), start)
    for t in (0.25, 0.5, 0.75, 1.0):
        step = start + (end - start) * t
        QTest.mouseMove(port, step)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), end)
    (x0, y0), (x1, y1) = landed(start), landed(end)
    lon, lat = to_lonlat(np.array([x0, x1, x1, x0]), np.array([y0, y0, y1, y1]))
    while not feature.autosave.path.exists():
        QTest.qWait(20)
    drawn = {"lonlat": np.column_stack([lon, lat]).tolist(), "xy": [[x0, y0], [x1, y1]]}
    print("SAVED", feature.autosave.path, json.dumps(drawn), flush=True)
    app.exec()
    """
)


def launch(script: Path, mode: str, env: dict[str, str]) -> subprocess.Popen:
    args = [sys.executable, str(script), mode, json.dumps(KURAKHOVE_BBOX), *map(str, FILES)]
    return subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def draw_and_kill(script: Path, env: dict[str, str]) -> tuple[str, dict]:
    """Run the drawing app until it reports the autosave, then SIGKILL it."""
    with launch(script, "draw", env) as proc:
        try:
            lines = []
            for line in proc.stdout:
                lines.append(line)
                if line.startswith("SAVED"):
                    break
            assert "".join(lines[-1:]).startswith("SAVED"), "".join(lines)
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            proc.kill()
            proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    _, path, drawn = lines[-1].split(" ", 2)
    return path, json.loads(drawn)


def test_region_drawn_in_the_app_survives_sigkill(tmp_path: Path) -> None:
    script = tmp_path / "driver.py"
    script.write_text(DRIVER)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    for name in ("DATA", "CONFIG", "CACHE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    path, drawn = draw_and_kill(script, env)
    assert path == str(tmp_path / "data" / "frontline-atlas" / "regions.autosave.geojson")

    with launch(script, "check", env) as proc:
        try:
            out, _ = proc.communicate(timeout=30)
        finally:
            proc.kill()
    assert proc.returncode == 0, out
    shown = json.loads(out.splitlines()[-1])
    ((name, wkt, xy),) = shown["regions"]
    assert name == "Region 1"
    assert shown["panel"] == ["Region 1"]
    assert shown["on_map"] == [True]
    restored = shapely.from_wkt(wkt)
    corners = np.asarray(drawn["lonlat"])
    vertices = shapely.get_coordinates(restored.exterior)
    geod = Geod(ellps="WGS84")
    for lon, lat in corners:
        _, _, metres = geod.inv(np.full(len(vertices), lon), np.full(len(vertices), lat),
                                vertices[:, 0], vertices[:, 1])  # fmt: skip
        assert metres.min() < 1.0
    (x0, y0), (x1, y1) = drawn["xy"]
    expected = {(x0, y0), (x1, y0), (x1, y1), (x0, y1)}
    assert len(xy) == 4
    for x, y in xy:
        assert min(np.hypot(x - ex, y - ey) for ex, ey in expected) < 1.0
