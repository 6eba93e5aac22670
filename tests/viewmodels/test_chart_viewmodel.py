"""ChartViewModel: daily grid with NaN gaps, markers, click requests a date."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from geo.timegrid import to_seconds
from tests.shell.deepstate import engine, read_catalog
from viewmodels.chart_viewmodel import ChartViewModel
from viewmodels.tasks import TaskRunner


def test_gap_days_are_nan_and_areas_match_snapshots(qtbot) -> None:
    catalog = read_catalog("20240815", 8)  # 2024-08-18 and -19 are missing
    series = catalog.series_names()[0]
    vm = ChartViewModel(TaskRunner(synchronous=True), engine()[2])
    with qtbot.waitSignal(vm.sig_data_changed):
        vm.set_source(catalog, series)
    data = vm.data()
    snaps = catalog.snapshots(series)
    assert len(data.x) == (snaps[-1].date - snaps[0].date).days + 1 == 10
    assert np.isnan(data.area_km2[3:5]).all()
    assert np.isfinite(data.area_km2).sum() == 8
    assert data.area_km2[0] == snaps[0].area_km2
    assert np.isnan(data.net_km2[5])  # the change from 08-17 to 08-20 spans the gap
    assert np.isfinite(data.net_km2[1])
    with qtbot.assertNotEmitted(vm.sig_data_changed):
        vm.set_source(catalog, series)


def test_markers_and_click(qtbot) -> None:
    vm = ChartViewModel(TaskRunner(synchronous=True), engine()[2])
    a = dt.date(2024, 11, 1)
    with qtbot.waitSignal(vm.sig_markers_changed):
        vm.set_markers(a, None, a)
    with qtbot.assertNotEmitted(vm.sig_markers_changed):
        vm.set_markers(a, None, a)
    with qtbot.waitSignal(vm.sig_date_requested) as blocker:
        vm.request_date(to_seconds(dt.date(2024, 11, 7)) + 3600)
    assert blocker.args == [dt.date(2024, 11, 7)]


def test_failure_is_reported_then_cleared(qtbot) -> None:
    catalog = read_catalog("20241101", 4)
    series = catalog.series_names()[0]
    fail = [True]

    def changes(snapshots):
        if fail[0]:
            raise ValueError("no edges\nsecond line")
        return engine()[2](snapshots)

    vm = ChartViewModel(TaskRunner(synchronous=True), changes)
    with qtbot.waitSignal(vm.sig_error_changed) as blocker:
        vm.set_source(catalog, series)
    assert blocker.args == ["chart failed: no edges"]
    assert vm.error() == "chart failed: no edges"
    assert len(vm.data().x) == 0
    assert not vm.computing()
    fail[0] = False
    with qtbot.waitSignal(vm.sig_error_changed) as blocker:
        vm.set_source(read_catalog("20241101", 4), series)
    assert blocker.args == [""]
    assert np.isfinite(vm.data().net_km2[1:]).all()


def test_irregular_change_points_hold_until_the_next_and_spread_their_change(qtbot) -> None:
    from geo.changes import daily_changes
    from geo.loader import load_paths
    from tests.paths import ISW

    folder = ISW / "sdspieg_derived" / "kursk_geojson"
    catalog = load_paths(sorted(folder.glob("*.geojson"))[:4], use_cache=False, workers=1)
    (series,) = catalog.series_names()
    snaps = catalog.snapshots(series)
    vm = ChartViewModel(TaskRunner(synchronous=True), daily_changes)
    with qtbot.waitSignal(vm.sig_data_changed):
        vm.set_source(catalog, series)
    data = vm.data()
    assert np.isfinite(data.area_km2).all()  # no gaps: change points are not missing days
    for snap, after in zip(snaps, [*snaps[1:], None], strict=True):
        i = (snap.date - snaps[0].date).days
        stop = len(data.x) if after is None else (after.date - snaps[0].date).days
        assert (data.area_km2[i:stop] == snap.area_km2).all()
    spread = np.nansum(data.net_km2)
    assert spread == pytest.approx(snaps[-1].area_km2 - snaps[0].area_km2, abs=0.01)


def test_region_series_signals_once_per_real_change_and_none_clears(qtbot) -> None:
    vm = ChartViewModel(TaskRunner(synchronous=True), engine()[2])
    assert vm.region_series() is None
    days = [dt.date(2024, 11, 1), dt.date(2024, 11, 20)]
    with qtbot.waitSignal(vm.sig_region_series_changed) as blocker:
        vm.set_region_series("Kurakhove", "#e6194b", days, np.array([25.35, 107.06]))
    (series,) = blocker.args
    assert series == vm.region_series()
    assert (series.name, series.color, series.dates, series.km2) == (
        "Kurakhove",
        "#e6194b",
        tuple(days),
        (25.35, 107.06),
    )
    with qtbot.assertNotEmitted(vm.sig_region_series_changed):
        vm.set_region_series("Kurakhove", "#e6194b", list(days), [25.35, 107.06])
    for change in (
        ("Kurakhove", "#3cb44b", days, [25.35, 107.06]),  # recoloured
        ("Kurakhove east", "#3cb44b", days, [25.35, 107.06]),  # renamed
        ("Kurakhove east", "#3cb44b", days, [25.35, 107.5]),  # edited: new areas
    ):
        with qtbot.waitSignal(vm.sig_region_series_changed):
            vm.set_region_series(*change)
    with qtbot.waitSignal(vm.sig_region_series_changed) as blocker:
        vm.set_region_series(None)
    assert blocker.args == [None]
    assert vm.region_series() is None
    with qtbot.assertNotEmitted(vm.sig_region_series_changed):
        vm.set_region_series(None)
    with pytest.raises(ValueError, match="2 dates but 1 values"):
        vm.set_region_series("Bad", "#000000", days, [1.0])


def test_region_series_is_held_and_gapped_like_the_series_area(qtbot) -> None:
    catalog = read_catalog("20240815", 8)  # 2024-08-18 and -19 are missing
    series = catalog.series_names()[0]
    snaps = catalog.snapshots(series)
    vm = ChartViewModel(TaskRunner(synchronous=True), engine()[2])
    with qtbot.waitSignal(vm.sig_data_changed):
        vm.set_source(catalog, series)
    held = [s.area_km2 / 1000 for s in snaps]
    vm.set_region_series("tenth", "#000000", [s.date for s in snaps], held)
    x, km2 = vm.region_series().grid()
    data = vm.data()
    assert np.array_equal(x, data.x)
    assert np.array_equal(np.isnan(km2), np.isnan(data.area_km2))
    assert np.allclose(km2[np.isfinite(km2)], data.area_km2[np.isfinite(km2)] / 1000)
