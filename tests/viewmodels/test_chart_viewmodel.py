"""ChartViewModel: daily grid with NaN gaps, markers, click requests a date."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from tests.shell.deepstate import engine, read_catalog
from viewmodels.chart_viewmodel import ChartViewModel, to_seconds
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
