"""pyqtgraph imported after ``ui``: Qt classes are created when used, and every name still works."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
sys.path.insert(0, {root!r})
import ui
import pyqtgraph as pg
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
made = set(PySide6.QtWidgets.__dict__) | set(PySide6.QtGui.__dict__)
created = [n for n in ("QWizard", "QPdfWriter", "QCalendarWidget") if n in made]
print("created:", ",".join(created))
assert pg.QtWidgets.QWizard is PySide6.QtWidgets.QWizard
assert pg.QtGui.QPdfWriter is PySide6.QtGui.QPdfWriter
assert pg.QtCore.Signal is PySide6.QtCore.Signal
assert pg.QtGui.QFileSystemModel is PySide6.QtWidgets.QFileSystemModel
assert "QWizard" in dir(PySide6.QtWidgets), "the PySide6 module lists its names again"
app = pg.mkQApp()
plot = pg.PlotWidget()
plot.plot([0, 1, 2], [2, 0, 1])
plot.grab()
print("ok")
"""


def test_pyqtgraph_import_creates_only_the_qt_classes_it_uses() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "created: ", "pyqtgraph's import created classes nothing used"
    assert lines[-1] == "ok"
