"""AppViewModel: composition, settings in an isolated ini file, demo labelling."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings

from tests.shell.deepstate import deepstate_files, engine
from viewmodels.app_viewmodel import DEMO_LABEL, AppViewModel


def make(tmp_path) -> AppViewModel:
    loader, delta, changes, _ = engine()
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    return AppViewModel(settings, synchronous=True, loader=loader, delta=delta, changes=changes)


def test_open_compare_and_remember_dates(qtbot, tmp_path) -> None:
    vm = make(tmp_path)
    files = [str(f) for f in deepstate_files("20241101", 5)]
    with qtbot.waitSignal(vm.map.sig_shown_changed):
        vm.open_paths(files)
    assert vm.recent_files() == files
    series = vm.timeline.series()
    assert set(vm.map.shown()) == {series}
    with qtbot.waitSignal(vm.map.sig_compare_changed):
        vm.toggle_compare()
    assert vm.compare.result().to_actual == dt.date(2024, 11, 5)
    vm.timeline.set_date_a(dt.date(2024, 11, 2))
    vm.settings.sync()
    again = make(tmp_path)
    again.open_paths(files)
    assert again.timeline.date_a() == dt.date(2024, 11, 2)
    assert again.recent_files() == files


def test_step_moves_map_and_chart_marker(qtbot, tmp_path) -> None:
    vm = make(tmp_path)
    vm.open_paths([str(f) for f in deepstate_files("20241101", 5)])
    before = vm.map.shown()
    with qtbot.waitSignal(vm.chart.sig_markers_changed):
        vm.step(-1)
    assert vm.chart.markers()[2] == dt.date(2024, 11, 4)
    assert next(iter(vm.map.shown().values())) is not next(iter(before.values()))


def test_demo_is_labelled_synthetic(qtbot, tmp_path) -> None:
    vm = make(tmp_path)
    with qtbot.waitSignal(vm.sig_demo_changed):
        vm.open_demo()
    assert DEMO_LABEL in vm.title()
    assert len(vm.timeline.dates()) == 60
    assert "synthetic" in vm.about_text()
    vm.open_paths([str(f) for f in deepstate_files("20241101", 2)])
    assert not vm.is_demo()
    assert DEMO_LABEL not in vm.title()
    assert "DeepStateMap" in vm.about_text()
