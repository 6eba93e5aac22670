"""Offline by construction: launch, load real DeepState files and compare with no network."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QSettings

from tests.shell.deepstate import deepstate_files, engine
from ui.main_window import MainWindow
from viewmodels.app_viewmodel import AppViewModel

#: Address families that reach another machine. AF_UNIX stays allowed: the loader's process pool
#: talks to its fork server over an AF_UNIX socket, a file on this machine, not the network.
#: Refusing it made every parallel load (the demo's 60 files included) fail inside the test.
NETWORK_FAMILIES = (socket.AF_INET, socket.AF_INET6)


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def network_attempts(monkeypatch) -> list[str]:
    """Refuse (and record) every network connection, name lookup and datagram."""
    attempts: list[str] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def refuse(what: str) -> None:
        attempts.append(what)
        raise NetworkUsed(f"the app tried to use the network: {what}")

    def guard(real):
        def call(self, address, *args):
            if self.family in NETWORK_FAMILIES:
                refuse(f"{real.__name__} {address!r}")
            return real(self, address, *args)

        return call

    def sendto(self, *args):
        refuse(f"sendto {args[-1]!r}")

    monkeypatch.setattr(socket.socket, "connect", guard(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guard(real_connect_ex))
    monkeypatch.setattr(socket.socket, "sendto", sendto)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse(f"connect {a!r}"))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse(f"lookup {a!r}"))
    return attempts


def test_refusal_works(network_attempts, tmp_path) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))
    for family, address in ((socket.AF_INET, ("127.0.0.1", 9)), (socket.AF_INET6, ("::1", 9))):
        with socket.socket(family) as s, pytest.raises(NetworkUsed):
            s.connect(address)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s, pytest.raises(NetworkUsed):
        s.sendto(b"x", ("127.0.0.1", 9))
    assert len(network_attempts) == 4
    path = str(tmp_path / "local.sock")
    with socket.socket(socket.AF_UNIX) as server, socket.socket(socket.AF_UNIX) as client:
        server.bind(path)
        server.listen(1)
        client.connect(path)  # a local socket is not the network
    assert len(network_attempts) == 4


def test_launch_load_compare_offline(qtbot, tmp_path, network_attempts) -> None:
    loader, delta, changes, _ = engine()
    errors: list[str] = []
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    vm = AppViewModel(settings, loader=loader, delta=delta, changes=changes)
    vm.dataset.sig_error_raised.connect(errors.append)
    window = MainWindow(vm, error=lambda _w, m: errors.append(m))
    qtbot.addWidget(window)
    window.show()
    loads: list[int] = []
    vm.dataset.sig_catalog_changed.connect(lambda: loads.append(1))
    vm.open_demo()  # 60 files: read by the process pool through its fork server
    qtbot.waitUntil(lambda: bool(loads or errors), timeout=60000)
    assert (errors, network_attempts) == ([], [])
    vm.open_paths([str(f) for f in deepstate_files("20241101", 30)])
    qtbot.waitUntil(lambda: len(loads) == 2 or bool(errors), timeout=60000)
    assert (errors, network_attempts) == ([], [])
    assert len(vm.timeline.dates()) == 30
    with qtbot.waitSignal(vm.compare.sig_result_changed, timeout=30000):
        vm.toggle_compare()
    assert vm.compare.result() is not None
    assert vm.map.compare() is not None
    window.grab()
    vm.runner.shutdown()
    assert (errors, network_attempts) == ([], [])
