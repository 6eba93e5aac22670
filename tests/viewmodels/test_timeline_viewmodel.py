"""TimelineViewModel: dates follow the series, signals fire once per real change."""

from __future__ import annotations

import datetime as dt

from tests.shell.deepstate import SERIES, read_catalog
from viewmodels.timeline_viewmodel import TimelineViewModel

D = dt.date


def test_catalog_sets_series_dates_and_defaults(qtbot) -> None:
    catalog = read_catalog("20241101", 5)
    vm = TimelineViewModel()
    with qtbot.waitSignals([vm.sig_series_changed, vm.sig_dates_changed, vm.sig_date_b_changed]):
        vm.set_catalog(catalog)
    assert vm.series() == SERIES
    assert vm.dates() == [D(2024, 11, d) for d in range(1, 6)]
    assert (vm.date_a(), vm.date_b(), vm.shown_date()) == (
        D(2024, 11, 1),
        D(2024, 11, 5),
        D(2024, 11, 5),
    )


def test_same_value_emits_nothing(qtbot) -> None:
    vm = TimelineViewModel()
    vm.set_catalog(read_catalog("20241101", 5))
    with (
        qtbot.assertNotEmitted(vm.sig_shown_date_changed),
        qtbot.assertNotEmitted(vm.sig_dates_changed),
    ):
        vm.set_shown_date(D(2024, 11, 5))
        vm.set_catalog(vm._catalog)
    with qtbot.assertNotEmitted(vm.sig_compare_changed):
        vm.set_compare(False)


def test_step_snaps_and_clamps(qtbot) -> None:
    vm = TimelineViewModel()
    vm.set_catalog(read_catalog("20241101", 5))
    with qtbot.waitSignal(vm.sig_shown_date_changed) as blocker:
        vm.step(-2)
    assert blocker.args == [D(2024, 11, 3)]
    vm.step(-10)
    assert vm.shown_date() == D(2024, 11, 1)
    vm.set_shown_date(D(2030, 1, 1))
    assert vm.shown_date() == D(2024, 11, 5)
    vm.set_date_a(D(2020, 1, 1))
    assert vm.date_a() == D(2024, 11, 1)


def test_set_dates_is_one_batch(qtbot) -> None:
    vm = TimelineViewModel()
    vm.set_catalog(read_catalog("20241101", 5))
    calls = []
    vm.sig_date_a_changed.connect(lambda d: calls.append(("a", d)))
    vm.sig_date_b_changed.connect(lambda d: calls.append(("b", d)))
    vm.set_dates(D(2024, 11, 2), D(2024, 11, 4))
    assert calls == [("a", D(2024, 11, 2)), ("b", D(2024, 11, 4))]


def test_play_runs_to_the_end_and_stops(qtbot) -> None:
    vm = TimelineViewModel()
    vm.set_catalog(read_catalog("20241101", 4))
    vm.set_speed(50)
    with qtbot.waitSignal(vm.sig_playing_changed) as started:
        vm.toggle_playing()
    assert started.args == [True]
    assert vm.shown_date() == D(2024, 11, 1)
    with qtbot.waitSignal(vm.sig_playing_changed, timeout=3000) as stopped:
        pass
    assert stopped.args == [False]
    assert vm.shown_date() == D(2024, 11, 4)
