"""Shared test set-up: real data lives in ../shared/data beside the checkout."""

from __future__ import annotations

import gc
import importlib.util
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep caches, settings and autosaves of every test out of the real home directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("FRONTLINE_ATLAS_HOME", str(home))
    return


@pytest.fixture(scope="session", autouse=True)
def _collect_garbage_on_the_main_thread():
    """As the app does (``ui.app.collect_garbage_on_the_gui_thread``): no automatic collection,
    which could free Qt objects from a worker thread and deadlock with the GUI thread. The Qt-free
    environment of ``tests/geo`` keeps Python's automatic collection."""
    if importlib.util.find_spec("PySide6") is None:
        yield
        return
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test():
    """Free each test's cycles (windows, connections) on the main thread, before the next test."""
    yield
    if not gc.isenabled():
        gc.collect()
