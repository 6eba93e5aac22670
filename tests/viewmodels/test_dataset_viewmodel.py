"""DatasetViewModel: async load with progress, cancel, problems; the worker is off the UI thread."""

from __future__ import annotations

import threading

import pytest

from tests.shell.deepstate import SERIES, deepstate_files, engine
from viewmodels.dataset_viewmodel import DatasetViewModel
from viewmodels.tasks import TaskRunner


def test_synchronous_load_lists_refused_file_and_gap(qtbot, tmp_path) -> None:
    loader = engine()[0]
    bad = tmp_path / "deepstatemap_data_20240818.geojson"
    bad.write_text("{not json", encoding="utf-8")
    files = [str(f) for f in deepstate_files("20240815", 6)] + [str(bad)]
    vm = DatasetViewModel(TaskRunner(synchronous=True), loader)
    with qtbot.waitSignals([vm.sig_catalog_changed, vm.sig_problems_changed]):
        vm.open_paths(files)
    catalog = vm.catalog()
    assert len(next(iter(catalog.series.values()))) == 6
    kinds = {(r.kind, r.path.rsplit("/", 1)[-1]) for r in vm.problems()}
    assert ("refused", bad.name) in kinds
    gaps = [r for r in vm.problems() if r.kind == "gap"]
    assert any("2024-08-18 to 2024-08-19" in r.detail for r in gaps)
    assert not vm.loading()
    assert not vm.is_demo()


def test_threaded_load_reports_progress_and_runs_off_main_thread(qtbot) -> None:
    loader = engine()[0]
    threads = []

    def spy(paths, **kw):
        threads.append(threading.current_thread())
        return loader(paths, **kw)

    runner = TaskRunner()
    vm = DatasetViewModel(runner, spy)
    progress = []
    vm.sig_progress_changed.connect(progress.append)
    with qtbot.waitSignal(vm.sig_catalog_changed, timeout=30000):
        vm.open_paths([str(f) for f in deepstate_files("20241101", 12)])
    runner.shutdown()
    assert threads
    assert threads[0] is not threading.main_thread()
    assert progress
    assert all(0.0 <= p.fraction <= 1.0 for p in progress)
    assert sum(len(v) for v in vm.catalog().series.values()) == 12


def test_cancel_keeps_previous_catalog(qtbot) -> None:
    loader = engine()[0]
    files = [str(f) for f in deepstate_files("20241101", 3)]
    vm = DatasetViewModel(TaskRunner(synchronous=True), loader)
    vm.open_paths(files)
    first = vm.catalog()

    def cancelling(paths, *, progress=None, cancelled=None, **kw):
        vm.cancel()
        return loader(paths, progress=progress, cancelled=cancelled, **kw)

    vm._loader = cancelling
    with qtbot.assertNotEmitted(vm.sig_catalog_changed):
        vm.open_paths(files)
    assert vm.catalog() is first
    assert "cancel" in vm.message()


def test_unexpected_worker_exception_becomes_a_message(qtbot) -> None:
    def broken(paths, **kw):
        raise RuntimeError("boom in the worker")

    vm = DatasetViewModel(TaskRunner(synchronous=True), broken)
    with qtbot.waitSignal(vm.sig_error_raised) as blocker:
        vm.open_paths(["x.geojson"])
    assert blocker.args == ["boom in the worker"]
    assert not vm.loading()
    assert vm.catalog() is None
    assert SERIES


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (RuntimeError("\nA process in the pool died\n"), "A process in the pool died"),
        (OSError(), "OSError (no message)"),
    ],
)
def test_a_failure_message_is_never_blank(qtbot, error, expected) -> None:
    def broken(paths, **kw):
        raise error

    vm = DatasetViewModel(TaskRunner(synchronous=True), broken)
    with qtbot.waitSignal(vm.sig_error_raised) as blocker:
        vm.open_paths(["x.geojson"])
    assert blocker.args == [expected]
    assert vm.message() == f"load failed: {expected}"


def test_change_point_series_report_no_gaps_and_paths_are_normalised(qtbot) -> None:
    from tests.paths import ISW

    folder = ISW / "sdspieg_derived" / "kursk_geojson"
    indirect = folder / ".." / "kursk_geojson"
    vm = DatasetViewModel(TaskRunner(synchronous=True), engine()[0])
    with qtbot.waitSignal(vm.sig_catalog_changed):
        vm.open_paths([str(p) for p in sorted(indirect.glob("*.geojson"))[:6]])
    catalog = vm.catalog()
    (series,) = catalog.series_names()
    assert len(catalog.dates(series)) == 6
    assert [r for r in vm.problems() if r.kind == "gap"] == []
    assert all(".." not in s.source for s in catalog.snapshots(series))
