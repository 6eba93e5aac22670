"""CompareViewModel: the delta's numbers, percentages, and the geometries pushed to the map."""

from __future__ import annotations

import datetime as dt

import pytest
import shapely

from geo.areas import geodesic_area_km2
from geo.units import UKRAINE_KM2
from tests.shell.deepstate import SERIES, engine, read_catalog
from viewmodels.compare_viewmodel import CompareViewModel
from viewmodels.map_viewmodel import MapViewModel
from viewmodels.tasks import TaskRunner


def test_delta_numbers_match_independent_shapely_reference(qtbot) -> None:
    catalog = read_catalog("20241101", 20)
    series = catalog.series_names()[0]
    map_vm = MapViewModel()
    vm = CompareViewModel(TaskRunner(synchronous=True), engine()[1])
    vm.sig_geometries_changed.connect(map_vm.set_compare)
    a_date, b_date = dt.date(2024, 11, 1), dt.date(2024, 11, 20)
    with qtbot.waitSignal(map_vm.sig_compare_changed):
        vm.request(catalog, series, a_date, b_date)
    a, b = catalog.at(series, a_date).geometry, catalog.at(series, b_date).geometry
    gained = geodesic_area_km2(shapely.difference(b, a))
    lost = geodesic_area_km2(shapely.difference(a, b))
    rows = {r.label: r for r in vm.rows()}
    assert rows["Gained"].km2 == pytest.approx(gained, rel=1e-6)
    assert rows["Lost"].km2 == pytest.approx(lost, rel=1e-6)
    assert rows["Net"].km2 == pytest.approx(gained - lost, rel=1e-6)
    assert rows["Net"].percent == pytest.approx(100 * (gained - lost) / UKRAINE_KM2)
    assert 300 < rows["Net"].km2 < 450  # DeepState: Russia took ~384 km² in these 19 days
    assert map_vm.compare().series == series
    assert not vm.computing()


def test_same_request_twice_computes_once_and_clear_resets_map(qtbot) -> None:
    catalog = read_catalog("20241101", 3)
    calls = []

    def counting(*args):
        calls.append(args)
        return engine()[1](*args)

    map_vm = MapViewModel()
    vm = CompareViewModel(TaskRunner(synchronous=True), counting)
    vm.sig_geometries_changed.connect(map_vm.set_compare)
    args = (catalog, SERIES if SERIES in catalog.series else catalog.series_names()[0])
    vm.request(*args, dt.date(2024, 11, 1), dt.date(2024, 11, 3))
    with qtbot.assertNotEmitted(vm.sig_result_changed):
        vm.request(*args, dt.date(2024, 11, 1), dt.date(2024, 11, 3))
    assert len(calls) == 1
    with qtbot.waitSignal(vm.sig_result_changed):
        vm.clear()
    assert map_vm.compare() is None
    assert vm.rows() == []


def test_error_is_a_message(qtbot) -> None:
    catalog = read_catalog("20241101", 3)
    vm = CompareViewModel(TaskRunner(synchronous=True), engine()[1])
    with qtbot.waitSignal(vm.sig_error_changed):
        vm.request(catalog, catalog.series_names()[0], dt.date(2020, 1, 1), dt.date(2024, 11, 3))
    assert "2020-01-01" in vm.error()
    assert vm.result() is None
