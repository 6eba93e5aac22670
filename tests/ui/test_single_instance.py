"""A second launch hands its files to the running window (QLocalServer), end to end."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from tests.launch import private_env, terminate, wait_for_path
from tests.paths import DEEPSTATE, ROOT
from ui.instance_client import NAME_ENV, decode_paths, server_address
from ui.single_instance import SingleInstance, raise_window

DAY_1 = DEEPSTATE / "deepstatemap_data_20240708.geojson"
DAY_2 = DEEPSTATE / "deepstatemap_data_20240709.geojson"


@pytest.fixture
def name() -> str:
    return f"fa-test-{uuid.uuid4().hex[:12]}"


def _env(tmp_path: Path, name: str) -> dict[str, str]:
    return private_env(tmp_path, QT_QPA_PLATFORM="offscreen", **{NAME_ENV: name})


def _launch(tmp_path: Path, name: str, *paths: str, cwd: Path = ROOT) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *paths],
        cwd=cwd,
        env=_env(tmp_path, name),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_second_launch_forwards_absolute_paths_and_exits(qtbot, tmp_path, name) -> None:
    running = SingleInstance(name)
    assert running.listen()
    with qtbot.waitSignal(running.sig_paths_received, timeout=20000) as received:
        second = _launch(tmp_path, name, DAY_1.name, str(DAY_2), cwd=DEEPSTATE)
    _out, err = second.communicate(timeout=20)
    assert second.returncode == 0, err
    forwarded = [Path(p) for p in received.args[0]]
    assert all(p.is_absolute() for p in forwarded)
    assert [p.resolve() for p in forwarded] == [DAY_1.resolve(), DAY_2.resolve()]
    running.close()


def test_without_a_running_instance_forward_fails_fast(name) -> None:
    start = time.monotonic()
    assert not SingleInstance(name).forward(["/x.geojson"])
    assert time.monotonic() - start < 1.0


def test_a_stale_socket_is_taken_over(qtbot, name) -> None:
    path = Path(server_address(name))
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(path))
    stale.close()  # the file stays, as after a crash
    assert path.exists()
    running = SingleInstance(name)
    assert running.listen()
    with qtbot.waitSignal(running.sig_paths_received, timeout=5000) as received:
        sender = SingleInstance(name)
        sender.forward(["/data/a.geojson"])  # answered once the event loop runs
    assert received.args == [["/data/a.geojson"]]
    running.close()


def test_malformed_messages_are_ignored(qtbot, name) -> None:
    running = SingleInstance(name)
    assert running.listen()
    for bad in (b"not json\n", b'{"paths": "x"}\n', b'{"paths": [1]}\n', b"\xff\n"):
        assert decode_paths(bad.rstrip(b"\n")) is None
    with qtbot.assertNotEmitted(running.sig_paths_received, wait=300):
        raw = socket.socket(socket.AF_UNIX)
        raw.connect(str(Path(server_address(name))))
        raw.sendall(b"not json\n")
        qtbot.wait(200)
        raw.close()
    running.close()


def test_raise_window_restores_a_minimised_window(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    raise_window(window)
    assert not window.isMinimized()
    assert window.isVisible()


@pytest.mark.slow
def test_running_app_opens_a_forwarded_file_and_closes_cleanly(tmp_path, name) -> None:
    """Two real launches: the second exits 0, the first opens its file, SIGTERM closes it."""
    first = _launch(tmp_path, name, str(DAY_1))
    sock = Path(server_address(name))
    try:
        wait_for_path(sock, first, 60)
        second = _launch(tmp_path, name, str(DAY_2))
        second.communicate(timeout=30)
        assert second.returncode == 0
        time.sleep(1.0)
    finally:
        err = terminate(first)
    assert first.returncode == 0, err
    assert "Traceback" not in err
    assert not sock.exists()
    conf = tmp_path / "config" / "frontline-atlas" / "Frontline Atlas.conf"
    recent = QSettings(str(conf), QSettings.Format.IniFormat).value("files/recent")
    assert recent[0] == str(DAY_2)
    assert str(DAY_1) in recent
