"""The launch probe that benchmarks and the bundle's smoke test rely on, from the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ui.startup_probe import PROBE_ENV

ROOT = Path(__file__).resolve().parents[2]


def test_the_probe_reports_the_maps_first_paint_and_the_app_quits(tmp_path: Path) -> None:
    env = {
        **os.environ,
        PROBE_ENV: "1",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("first-paint ")]
    assert len(lines) == 1
    assert float(lines[0].split()[1]) > 0
