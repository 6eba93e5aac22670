"""Double-click, simulated: ``gio open`` and ``xdg-open`` of real files on an Xvfb display,
with the build's desktop entry installed in a throwaway XDG_DATA_HOME.

``gio open`` of a DeepState GeoJSON starts the built app with it; ``xdg-open`` of a
``.frontline`` project then reaches that same running window (no second app stays), which
restores the project: the session the app writes when it quits holds the project's files.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.launch import instance_socket, private_env, stale_build_reason
from tests.paths import DEEPSTATE, ROOT

EXE = ROOT / "dist" / "frontline-atlas" / "frontline-atlas"
STALE = stale_build_reason(EXE, ROOT)
GEOJSON = DEEPSTATE / "deepstatemap_data_20241101.geojson"
PROJECT_DAYS = [DEEPSTATE / f"deepstatemap_data_2024{d}.geojson" for d in ("0708", "0801")]
TOOLS = ("Xvfb", "gio", "xdg-open", "xdg-mime", "update-mime-database")

pytestmark = [
    pytest.mark.skipif(bool(STALE), reason=STALE),
    pytest.mark.skipif(
        not all(shutil.which(t) for t in TOOLS), reason="Xvfb or freedesktop tools missing"
    ),
]


@pytest.fixture
def display():
    """A private Xvfb display (the server picks a free number and reports it)."""
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def _desktop_env(tmp_path: Path, display: str) -> dict[str, str]:
    env = private_env(
        tmp_path, DISPLAY=display, XDG_DATA_DIRS="/usr/local/share:/usr/share", PATH="/usr/bin:/bin"
    )
    for key in ("QT_QPA_PLATFORM", "XDG_CURRENT_DESKTOP"):
        env.pop(key, None)
    return {k: v for k, v in env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}


def _app_pids() -> list[int]:
    out = subprocess.run(["pgrep", "-f", f"^{EXE}"], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def _wait(condition, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.2)


def test_gio_open_and_xdg_open_reach_the_app(tmp_path: Path, display: str) -> None:
    from geo.session_file import Session, write_session

    env = _desktop_env(tmp_path, display)
    project = tmp_path / "docs" / "two days.frontline"
    project.parent.mkdir()
    write_session(project, Session(paths=tuple(map(str, PROJECT_DAYS))))
    assert subprocess.run([str(EXE), "--install-desktop"], env=env, check=False).returncode == 0
    assert _app_pids() == []
    socket_path = instance_socket(env)
    try:
        subprocess.run(["gio", "open", str(GEOJSON)], env=env, check=True, timeout=30)
        _wait(socket_path.exists, 120, "gio open did not start the app")
        (first,) = _app_pids()
        subprocess.run(["xdg-open", str(project)], env=env, check=True, timeout=60)
        _wait(lambda: _app_pids() == [first], 60, "a second app stayed open")
        time.sleep(5.0)  # the running window loads the project
        os.kill(first, signal.SIGTERM)
        _wait(lambda: not _app_pids(), 60, "the app did not quit on SIGTERM")
    finally:
        for pid in _app_pids():
            os.kill(pid, signal.SIGKILL)
    last = json.loads(
        (tmp_path / "data" / "frontline-atlas" / "last-session.frontline").read_text()
    )
    opened = {Path(p).name for p in last["data"]["paths"]}
    assert opened == {p.name for p in PROJECT_DAYS}
