"""Shared test set-up: real data lives in ../shared/data beside the checkout."""

from __future__ import annotations

import gc
import importlib.util
import os
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
USER_DIR_VARIABLES = ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "FRONTLINE_ATLAS_HOME")
for _name in USER_DIR_VARIABLES:
    # Present from the start, before any thread runs: each test then only replaces their
    # values. Adding and removing variables reallocates the C environment, which a worker
    # thread of an earlier test may be reading (GDAL and PROJ call getenv) -- the Qt suite
    # once aborted inside setenv with worker threads alive.
    os.environ.setdefault(_name, os.path.join(tempfile.gettempdir(), "frontline-atlas-test-home"))


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
