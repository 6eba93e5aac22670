"""Offline by construction: launch, load real DeepState files and compare with no network."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QSettings

from tests.shell.deepstate import deepstate_files, engine
from ui.main_window import MainWindow
from viewmodels.app_viewmodel import AppViewModel


class NetworkUsed(AssertionError):
    pass


def _refuse(*_args, **_kwargs):
    raise NetworkUsed("the app tried to use the network")


@pytest.fixture
def no_network(monkeypatch):
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)


def test_refusal_works(no_network) -> None:
    with pytest.raises(NetworkUsed):
        socket.create_connection(("example.org", 80))


def test_launch_load_compare_offline(qtbot, tmp_path, no_network) -> None:
    loader, delta, changes, _ = engine()
    errors: list[str] = []
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    vm = AppViewModel(settings, loader=loader, delta=delta, changes=changes)
    window = MainWindow(vm, error=lambda _w, m: errors.append(m))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(vm.dataset.sig_catalog_changed, timeout=30000):
        vm.open_demo()
    with qtbot.waitSignal(vm.dataset.sig_catalog_changed, timeout=60000):
        vm.open_paths([str(f) for f in deepstate_files("20241101", 30)])
    assert len(vm.timeline.dates()) == 30
    with qtbot.waitSignal(vm.compare.sig_result_changed, timeout=30000):
        vm.toggle_compare()
    assert vm.compare.result() is not None
    assert vm.map.compare() is not None
    window.grab()
    vm.runner.shutdown()
    assert errors == []
