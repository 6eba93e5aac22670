"""File → Close data at the dataset: the catalog, its paths and problems go; a load is stopped."""

from __future__ import annotations

import threading

from tests.shell.deepstate import deepstate_files, engine
from viewmodels.dataset_viewmodel import DatasetViewModel
from viewmodels.tasks import TaskRunner


def test_close_unloads_the_data(qtbot, tmp_path) -> None:
    bad = tmp_path / "deepstatemap_data_20241104.geojson"
    bad.write_text("{not json", encoding="utf-8")
    vm = DatasetViewModel(TaskRunner(synchronous=True), engine()[0])
    vm.open_paths([str(f) for f in deepstate_files("20241101", 3)] + [str(bad)])
    assert vm.catalog() is not None
    assert vm.problems()
    with qtbot.waitSignals([vm.sig_catalog_changed, vm.sig_problems_changed]):
        vm.close()
    assert vm.catalog() is None
    assert vm.paths() == ()
    assert vm.problems() == ()
    assert vm.message() == "data closed"
    with qtbot.assertNotEmitted(vm.sig_catalog_changed):
        vm.close()  # nothing open: nothing happens


def test_close_stops_a_running_load(qtbot) -> None:
    release = threading.Event()
    loader = engine()[0]

    def slow(paths, **kw):
        release.wait(10)
        return loader(paths, **kw)

    vm = DatasetViewModel(TaskRunner(), slow)
    vm.open_paths([str(f) for f in deepstate_files("20241101", 2)])
    assert vm.loading()
    vm.close()
    assert not vm.loading()
    assert vm.message() == "load cancelled"
    release.set()
    qtbot.wait(500)
    assert vm.catalog() is None
