"""BasemapViewModel: the basemap read in the worker, and a failure as a one-line problem."""

from __future__ import annotations

import threading

import shapely
from PySide6.QtCore import QSettings

from geo.basemap_data import BasemapData
from geo.errors import ReadError
from tests.shell.deepstate import deepstate_files, engine
from viewmodels.app_viewmodel import AppViewModel
from viewmodels.basemap_viewmodel import BasemapViewModel
from viewmodels.tasks import TaskRunner

LAND = BasemapData(layers={"land": {"lo": shapely.box(30, 45, 40, 52)}})


def test_load_reads_once_and_announces_the_data(qtbot) -> None:
    calls: list[int] = []

    def loader() -> BasemapData:
        calls.append(1)
        return LAND

    vm = BasemapViewModel(TaskRunner(synchronous=True), loader)
    assert vm.basemap().layers == {}
    with qtbot.waitSignal(vm.sig_basemap_changed):
        vm.load()
    vm.load()
    assert vm.basemap() is LAND
    assert vm.problem() is None
    assert calls == [1]


def test_a_failed_read_is_a_problem_naming_the_file(qtbot) -> None:
    def broken() -> BasemapData:
        raise ReadError("/data/basemap.gpkg", "not a GeoPackage (file is not a database)")

    vm = BasemapViewModel(TaskRunner(synchronous=True), broken)
    with qtbot.waitSignal(vm.sig_problem_changed), qtbot.assertNotEmitted(vm.sig_basemap_changed):
        vm.load()
    assert vm.problem() == ("/data/basemap.gpkg", "not a GeoPackage (file is not a database)")
    assert vm.basemap().layers == {}


def test_an_error_without_a_file_is_named_after_the_source(qtbot) -> None:
    def broken() -> BasemapData:
        raise MemoryError("\nout of memory\nmore")

    vm = BasemapViewModel(TaskRunner(synchronous=True), broken, source=lambda: "/r/basemap.gpkg")
    vm.load()
    assert vm.problem() == ("/r/basemap.gpkg", "out of memory")


def test_the_slow_read_does_not_hold_up_other_work(qtbot) -> None:
    runner = TaskRunner()
    gate = threading.Event()

    def slow() -> BasemapData:
        gate.wait(10)
        return LAND

    vm = BasemapViewModel(runner, slow)
    vm.load()
    done: list[int] = []
    with qtbot.waitSignal(runner.sig_task_done, timeout=5000):
        runner.submit(lambda: 7, done.append)
    assert done == [7]
    assert vm.loading()
    gate.set()
    qtbot.waitUntil(lambda: vm.basemap() is LAND, timeout=5000)
    runner.shutdown()


def test_the_app_lists_a_basemap_failure_with_the_load_problems(qtbot, tmp_path) -> None:
    def broken() -> BasemapData:
        raise ReadError(str(tmp_path / "basemap.gpkg"), "basemap not found")

    loader, delta, changes, _ = engine()
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    vm = AppViewModel(
        settings, synchronous=True, loader=loader, delta=delta, changes=changes, basemap=broken
    )
    with qtbot.waitSignal(vm.dataset.sig_problems_changed):
        vm.basemap.load()
    row = vm.dataset.problems()[0]
    assert (row.kind, row.path) == ("refused", str(tmp_path / "basemap.gpkg"))
    assert row.detail == "basemap not loaded: basemap not found"
    assert "\n" not in vm.dataset.message()
    assert str(tmp_path / "basemap.gpkg") in vm.dataset.message()
    vm.open_paths([str(f) for f in deepstate_files("20241101", 3)])
    assert vm.dataset.catalog() is not None
    assert vm.dataset.problems()[0] == row  # still listed after the data loaded
