"""Hostile input through the app: the autosave, opening bad files, and loads that block.

The window must come up whatever the autosave holds (even when a bad one cannot be moved aside),
opening a file that gives nothing keeps what was open, and Cancel ends a load at once even when
its read never returns, without holding up the next open.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.hostile.common import SQUARE, collection, feature, good_pair, write_json
from viewmodels.dataset_viewmodel import DatasetViewModel
from viewmodels.tasks import TaskRunner

if TYPE_CHECKING:
    from collections.abc import Callable


def _autosave_path() -> Path:
    from viewmodels.autosave import default_autosave_path

    path = default_autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _list_properties(path: Path) -> None:
    write_json(path, collection(feature(SQUARE) | {"properties": ["a", 1]}))


def _string_properties(path: Path) -> None:
    write_json(path, collection(feature(SQUARE) | {"properties": "name"}))


def _whole_world(path: Path) -> None:
    box = [[-180, -90], [180, -90], [180, 90], [-180, 90], [-180, -90]]
    write_json(path, collection(feature(box)))


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(2000))


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    os.symlink("/dev/zero", path)


def _folder(path: Path) -> None:
    path.mkdir()


AUTOSAVES: dict[str, tuple[Callable[[Path], None], int]] = {
    "properties_list": (_list_properties, 1),
    "properties_string": (_string_properties, 1),
    "whole_world_region": (_whole_world, 0),
    "garbage_bytes": (_garbage, 0),
    "fifo": (_fifo, 0),
    "dev_zero": (_dev_zero, 0),
    "folder": (_folder, 0),
}


def _start(qtbot):
    from ui.app import create_window

    window = create_window([])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("name", list(AUTOSAVES))
def test_app_starts_whatever_the_autosave_holds(qtbot, name: str) -> None:
    make, regions = AUTOSAVES[name]
    make(_autosave_path())
    window = _start(qtbot)
    assert window.isVisible()
    assert len(window.regions.vm.regions()) == regions
    problem = window.regions.autosave.last_problem
    assert (problem is None) == (regions == 1)


def test_app_starts_when_a_bad_autosave_cannot_be_moved_aside(qtbot, monkeypatch) -> None:
    path = _autosave_path()
    _garbage(path)

    def refuse(self: Path, target: object) -> Path:
        raise PermissionError(13, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "replace", refuse)  # root ignores chmod: fake a read-only folder
    window = _start(qtbot)
    assert window.isVisible()
    assert window.regions.vm.regions() == []
    assert "ignored" in window.regions.autosave.last_problem
    assert path.exists()


def _good_vm(qtbot, tmp_path: Path) -> DatasetViewModel:
    vm = DatasetViewModel(TaskRunner())
    with qtbot.waitSignal(vm.sig_catalog_changed, timeout=30000):
        vm.open_paths([str(p) for p in good_pair(tmp_path)])
    return vm


def _huge_coordinate(folder: Path) -> Path:
    ring = [[37, 48], [1e308, 48], [37, 49], [37, 48]]
    return write_json(folder / "bad_2024-02-01.geojson", collection(feature(ring), crs="CRS84"))


def _fifo_file(folder: Path) -> Path:
    os.mkfifo(folder / "p_2024-02-01.geojson")
    return folder / "p_2024-02-01.geojson"


def _not_json(folder: Path) -> Path:
    (folder / "x_2024-02-01.geojson").write_text("{")
    return folder / "x_2024-02-01.geojson"


BAD_FILES: dict[str, Callable[[Path], Path]] = {
    "crs84_1e308": _huge_coordinate,
    "fifo": _fifo_file,
    "not_json": _not_json,
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_opening_a_bad_file_keeps_what_was_open(qtbot, tmp_path: Path, name: str) -> None:
    (tmp_path / "good").mkdir()
    vm = _good_vm(qtbot, tmp_path / "good")
    before = vm.catalog()
    bad_folder = tmp_path / "bad"
    bad_folder.mkdir()
    bad = BAD_FILES[name](bad_folder)
    errors: list[str] = []
    vm.sig_error_raised.connect(errors.append)
    with qtbot.waitSignal(vm.sig_loading_changed, timeout=30000):
        vm.open_paths([str(bad)])
    qtbot.waitUntil(lambda: not vm.loading(), timeout=30000)
    assert vm.catalog() is before
    assert bad.name in errors[0]
    assert vm.message() == "nothing loaded, 1 refused (see Problems); data kept"
    assert any(r.kind == "refused" and bad.name in r.path for r in vm.problems())


def test_cancel_ends_a_blocked_load_at_once_and_the_next_open_runs(qtbot, tmp_path: Path) -> None:
    release = threading.Event()
    from viewmodels.dataset_viewmodel import default_loader

    def loader(paths, **kwargs):
        if any("stuck" in p for p in paths):
            release.wait(30)  # a read that never returns (until the test ends)
        return default_loader(paths, **kwargs)

    vm = DatasetViewModel(TaskRunner(), loader)
    try:
        vm.open_paths([str(tmp_path / "stuck.geojson")])
        assert vm.loading()
        vm.cancel()
        assert not vm.loading()
        assert "cancelled" in vm.message()
        with qtbot.waitSignal(vm.sig_catalog_changed, timeout=30000):
            vm.open_paths([str(p) for p in good_pair(tmp_path)])
        assert sorted(vm.catalog().series) == ["front"]
    finally:
        release.set()


def test_a_fifo_in_an_opened_folder_does_not_block(qtbot, tmp_path: Path) -> None:
    good_pair(tmp_path)
    os.mkfifo(tmp_path / "pipe_2024-01-03.geojson")
    vm = DatasetViewModel(TaskRunner())
    with qtbot.waitSignal(vm.sig_catalog_changed, timeout=30000):
        vm.open_paths([str(tmp_path)])
    refused = [r for r in vm.problems() if r.kind == "refused"]
    assert [Path(r.path).name for r in refused] == ["pipe_2024-01-03.geojson"]
    assert "not a regular file" in refused[0].detail
    assert json.dumps(sorted(vm.catalog().series)) == '["front"]'
