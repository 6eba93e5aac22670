"""AppViewModel: composition, settings in an isolated ini file, demo labelling."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from geo.projection import fitted_view, restorable_bbox
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


def test_map_view_is_saved_and_restored_instead_of_fit(qtbot, tmp_path) -> None:
    files = [str(f) for f in deepstate_files("20241101", 3)]
    first = make(tmp_path)
    with qtbot.waitSignal(first.map.sig_fit_requested) as fit:
        first.open_paths(files)
    assert fit.args == [None]  # nothing saved yet: fit the data
    kupiansk = (37.3, 49.5, 37.9, 49.9)
    first.map.set_view_bbox(kupiansk)  # what the canvas reports after a pan/zoom
    first.settings.sync()
    second = make(tmp_path)
    second.map.set_view_bbox((22.0, 44.0, 40.0, 52.0))  # the canvas's view before data loads
    with qtbot.waitSignal(second.map.sig_fit_requested) as fit:
        second.open_paths(files)
    assert fit.args == [restorable_bbox(kupiansk)]
    assert fitted_view(fit.args[0]) == pytest.approx(kupiansk, abs=1e-4)
    assert fitted_view(kupiansk)[2] - fitted_view(kupiansk)[0] > 1.05 * (37.9 - 37.3)  # the drift
    with qtbot.waitSignal(second.map.sig_fit_requested) as fit:
        second.open_paths(files[:2])  # later loads of the session fit their data
    assert fit.args == [None]
    second.map.set_view_bbox((36.0, 48.0, 38.0, 49.0))
    assert make(tmp_path).settings.view_bbox() == (36.0, 48.0, 38.0, 49.0)


def test_unreadable_saved_view_is_ignored(tmp_path) -> None:
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    for text in ("", "1,2,3", "a,b,c,d", "10,50,5,40"):
        settings.setValue("map/view", text)
        assert AppViewModel(settings, synchronous=True).settings.view_bbox() is None
