"""Region figures: accuracy against an independent geodesic reference, debounce, time series."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from functools import cache

import numpy as np
import pytest
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import shape

from geo.model import Snapshot
from geo.projection import DISPLAY_CRS
from tests.paths import DEEPSTATE
from viewmodels.region_stats import RegionStatsController
from viewmodels.regions_viewmodel import RegionsViewModel
from viewmodels.tasks import TaskRunner

KURAKHOVE = (37.28, 47.98)
A, B = dt.date(2024, 11, 1), dt.date(2024, 11, 20)


@cache
def deepstate(day: dt.date) -> Snapshot:
    """One real DeepState snapshot read with shapely (not through the app's loader)."""
    path = DEEPSTATE / f"deepstatemap_data_{day:%Y%m%d}.geojson"
    features = json.loads(path.read_text())["features"]
    geometry = shapely.union_all([shape(f["geometry"]) for f in features])
    return Snapshot("DeepState", day, geometry, str(path), path.stem, 0.0)


def kurakhove_rectangle() -> list[tuple[float, float]]:
    """A 20 km × 15 km rectangle in display metres centred on Kurakhove."""
    forward = Transformer.from_crs("EPSG:4326", DISPLAY_CRS, always_xy=True)
    cx, cy = forward.transform(*KURAKHOVE)
    return [(cx - 10e3, cy - 7.5e3), (cx + 10e3, cy - 7.5e3), (cx + 10e3, cy + 7.5e3),
            (cx - 10e3, cy + 7.5e3)]  # fmt: skip


def reference_figures(xy: list[tuple[float, float]], a: Snapshot, b: Snapshot) -> dict:
    """Independent reference: own 500 m densification, pyproj inverse, plain shapely, Geod."""
    inverse = Transformer.from_crs(DISPLAY_CRS, "EPSG:4326", always_xy=True)
    ring = np.asarray([*xy, xy[0]])
    dense = []
    for start, end in itertools.pairwise(ring):
        n = int(np.ceil(np.hypot(*(end - start)) / 500.0))
        dense += [start + (end - start) * k / n for k in range(n)]
    lon, lat = inverse.transform(*np.asarray(dense).T)
    region = shapely.Polygon(np.column_stack([lon, lat]))
    geod = Geod(ellps="WGS84")

    def km2(geometry) -> float:
        return abs(geod.geometry_area_perimeter(shapely.orient_polygons(geometry))[0]) / 1e6

    in_a, in_b = a.geometry.intersection(region), b.geometry.intersection(region)
    return {
        "area_from_km2": km2(in_a),
        "area_to_km2": km2(in_b),
        "gained_km2": km2(in_b.difference(in_a)),
        "lost_km2": km2(in_a.difference(in_b)),
    }


def controller(vm: RegionsViewModel, **kwargs) -> RegionStatsController:
    stats = RegionStatsController(vm, TaskRunner(vm, synchronous=True), **kwargs)
    stats.set_snapshots([deepstate(A), deepstate(B)])
    stats.set_dates(A, B)
    return stats


def test_kurakhove_figures_match_independent_reference(qtbot) -> None:
    vm = RegionsViewModel()
    stats = controller(vm)
    region_id = vm.add_region(kurakhove_rectangle())
    with qtbot.waitSignal(vm.sig_stats_changed):
        stats.refresh_now()
    got = vm.stats(region_id)
    expected = reference_figures(kurakhove_rectangle(), deepstate(A), deepstate(B))
    assert got is not None
    for name, value in expected.items():
        assert getattr(got, name) == pytest.approx(value, abs=0.1), name
    assert got.gained_km2 > 50  # Kurakhove fell in November 2024: the test can tell
    assert got.net_km2 == pytest.approx(got.area_to_km2 - got.area_from_km2, abs=0.1)


def test_edits_are_debounced_into_one_refresh(qtbot) -> None:
    vm = RegionsViewModel()
    controller(vm, debounce_ms=150)
    region_id = vm.add_region(kurakhove_rectangle())
    calls: list[int] = []
    vm.sig_stats_changed.connect(lambda: calls.append(1))
    for step in range(5):
        vm.move_region(region_id, 1_000.0, 0.0, drag=7 + step)
    qtbot.waitUntil(lambda: bool(calls), timeout=2000)
    qtbot.wait(200)
    assert len(calls) == 1
    moved = vm.region(region_id).xy
    expected = reference_figures(list(moved), deepstate(A), deepstate(B))
    assert vm.stats(region_id).gained_km2 == pytest.approx(expected["gained_km2"], abs=0.1)


def test_real_worker_applies_latest_result(qtbot) -> None:
    vm = RegionsViewModel()
    runner = TaskRunner(vm)
    stats = RegionStatsController(vm, runner, debounce_ms=0)
    stats.set_snapshots([deepstate(A), deepstate(B)])
    stats.set_dates(A, B)
    region_id = vm.add_region(kurakhove_rectangle())
    vm.move_region(region_id, 50_000.0, 50_000.0)  # far into held territory
    qtbot.waitUntil(lambda: not runner.busy and vm.stats(region_id) is not None, timeout=5000)
    runner.shutdown()
    got = vm.stats(region_id)
    expected = reference_figures(list(vm.region(region_id).xy), deepstate(A), deepstate(B))
    assert got.area_from_km2 == pytest.approx(expected["area_from_km2"], abs=0.1)


def test_no_figures_before_the_first_snapshot(qtbot) -> None:
    vm = RegionsViewModel()
    stats = controller(vm)
    region_id = vm.add_region(kurakhove_rectangle())
    stats.set_dates(dt.date(2020, 1, 1), B)
    stats.refresh_now()
    assert vm.stats(region_id) is None


def test_time_series_of_selected_region(qtbot) -> None:
    vm = RegionsViewModel()
    stats = controller(vm)
    region_id = vm.add_region(kurakhove_rectangle())
    with qtbot.waitSignal(vm.sig_time_series_changed):
        stats.refresh_now()
    dates, km2 = vm.time_series(region_id)
    assert dates == [A, B]
    expected = reference_figures(kurakhove_rectangle(), deepstate(A), deepstate(B))
    assert km2 == pytest.approx([expected["area_from_km2"], expected["area_to_km2"]], abs=0.1)

