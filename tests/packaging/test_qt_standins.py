"""Stand-ins for the OpenGL bindings pyqtgraph imports (``packaging/qt_standins.py``)."""

from __future__ import annotations

import subprocess
import sys

from tests.packaging.modules import load
from tests.paths import ROOT

qt_standins = load("qt_standins")

_WITH_STANDINS = """
import importlib.util, sys
for name in {modules!r}:
    path = {folder!r} + "/" + name.rsplit(".", 1)[1] + ".py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
import pyqtgraph as pg
from PySide6.QtWidgets import QApplication
app = QApplication([])
plot = pg.PlotWidget()
plot.plot([0, 1, 2, 0], [0, 2, 1, 0], pen="r", fillLevel=0, brush="b")
plot.resize(200, 150)
image = plot.grab().toImage()
assert not image.isNull()
colours = {{image.pixel(x, y) for x in range(0, 200, 5) for y in range(0, 150, 5)}}
assert len(colours) > 2, colours
try:
    pg.Qt.OpenGLHelpers.GraphicsViewGLWidget()
except RuntimeError as error:
    print("refused:", error)
for name in {modules!r}:
    assert sys.modules[name].__file__.startswith({folder!r}), name
print("painted", len(colours))
"""


def test_the_stand_ins_take_the_bindings_places_in_the_archive() -> None:
    pure = [
        ("PySide6.QtOpenGL", "/site/PySide6/QtOpenGL.pyi", "PYMODULE"),
        ("pyqtgraph", "/site/pyqtgraph/__init__.py", "PYMODULE"),
    ]
    out = qt_standins.add_standins(pure)
    assert out[0] == pure[1]
    assert {name for name, _, _ in out[1:]} == set(qt_standins.MODULES)
    assert all(src.startswith(str(qt_standins.STANDINS)) for _, src, _ in out[1:])


def test_pyqtgraph_imports_and_draws_with_the_stand_ins() -> None:
    """Fails if pyqtgraph starts using an OpenGL class at import or on a plain canvas."""
    code = _WITH_STANDINS.format(modules=qt_standins.MODULES, folder=str(qt_standins.STANDINS))
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "refused: QOpenGLWidget: OpenGL is not part of this build" in done.stdout
    assert "painted" in done.stdout
