"""A real process draws a region, is killed with SIGKILL after the autosave, and a relaunch
restores the region."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.paths import ROOT

pytest.importorskip("geo.regions")

DRIVER = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtWidgets import QApplication
    from viewmodels.autosave import RegionsAutosave
    from viewmodels.regions_viewmodel import RegionsViewModel

    app = QApplication([])
    vm = RegionsViewModel()
    autosave = RegionsAutosave(vm)
    restored = autosave.restore()
    if sys.argv[1] == "draw":
        def saved(path):
            print("SAVED", path, flush=True)
        autosave.sig_saved.connect(saved)
        vm.add_region([(380e3, -110e3), (400e3, -110e3), (390e3, -95e3)], name="Kurakhove")
        app.exec()
    else:
        print(json.dumps([[s.name, s.lonlat.wkt] for s in vm.regions()]), flush=True)
    """
)


def run_driver(script: Path, mode: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(script), mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_region_survives_sigkill(tmp_path: Path) -> None:
    script = tmp_path / "driver.py"
    script.write_text(DRIVER)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"))
    env["PYTHONPATH"] = str(ROOT)
    drawing = run_driver(script, "draw", env)
    try:
        line = drawing.stdout.readline()
        assert line.startswith("SAVED"), line
        drawing.send_signal(signal.SIGKILL)
        drawing.wait(timeout=10)
    finally:
        drawing.kill()
    assert drawing.returncode == -signal.SIGKILL
    checking = run_driver(script, "check", env)
    out, _ = checking.communicate(timeout=60)
    (name_wkt,) = json.loads(out)
    assert name_wkt[0] == "Kurakhove"
    assert name_wkt[1].startswith("POLYGON ((37.")
