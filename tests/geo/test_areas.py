"""geo.areas: the fast geodesic area against pyproj (Karney) and the published DeepState series."""

from __future__ import annotations

import csv
import datetime as dt

import numpy as np
import pytest
import shapely

from geo.areas import (
    area_series,
    geodesic_area_km2,
    geodesic_areas_km2,
    reference_area_km2,
)
from tests.geo.engine_data import (
    SERIES,
    corpus,
    isw_catalog,
    snapshots_with_holes,
)
from tests.paths import PUBLISHED


@pytest.mark.slow
def test_every_deepstate_day_matches_pyproj() -> None:
    snapshots = corpus().snapshots(SERIES)
    assert len(snapshots) == 769
    fast = geodesic_areas_km2([s.geometry for s in snapshots])
    reference = np.array([reference_area_km2(s.geometry) for s in snapshots])
    relative = np.abs(fast - reference) / reference
    print(
        f"DeepState: max relative error vs pyproj {relative.max():.2e} over {len(snapshots)} days"
    )
    assert relative.max() < 1e-7  # the accuracy geo.areas states


def test_isw_polygons_with_holes_match_pyproj() -> None:
    holed = snapshots_with_holes(isw_catalog())
    assert len(holed) >= 5
    fast = geodesic_areas_km2([s.geometry for s in holed])
    reference = np.array([reference_area_km2(s.geometry) for s in holed])
    relative = np.abs(fast - reference) / reference
    print(
        f"ISW with holes: max relative error vs pyproj {relative.max():.2e} ({len(holed)} layers)"
    )
    assert relative.max() < 1e-7  # the accuracy geo.areas states


@pytest.mark.slow
def test_deepstate_areas_reproduce_published_ihorbach_series() -> None:
    with (PUBLISHED / "deepstate_ihorbach_territory.csv").open() as stream:
        published = {
            dt.date.fromisoformat(r["date"]): float(r["occupied_km2"])
            for r in csv.DictReader(stream)
        }
    series = area_series(corpus().snapshots(SERIES))
    assert len(series) == 769
    worst = max(abs(km2 - published[day]) / published[day] for day, km2 in series)
    print(f"ihorbach CSV: max relative difference {worst:.2e}")
    assert worst < 1e-4


def test_orientation_and_holes_do_not_change_the_sign() -> None:
    shell = [(30, 48), (31, 48), (31, 49), (30, 49), (30, 48)]
    hole = [(30.2, 48.2), (30.4, 48.2), (30.4, 48.4), (30.2, 48.4), (30.2, 48.2)]
    ccw = shapely.Polygon(shell, [hole])
    cw = shapely.Polygon(shell[::-1], [hole[::-1]])
    assert geodesic_area_km2(ccw) == pytest.approx(geodesic_area_km2(cw), rel=1e-12)
    assert geodesic_area_km2(ccw) == pytest.approx(reference_area_km2(ccw), rel=1e-7)
    hole_only = shapely.Polygon(hole)
    assert geodesic_area_km2(ccw) == pytest.approx(
        geodesic_area_km2(shapely.Polygon(shell)) - geodesic_area_km2(hole_only), rel=1e-12
    )


@pytest.mark.parametrize("size_deg", [0.01, 0.3, 2.0, 8.0])
def test_long_edges_follow_the_geodesic(size_deg: float) -> None:
    box = shapely.box(33.0, 47.0, 33.0 + size_deg, 47.0 + size_deg)
    assert geodesic_area_km2(box) == pytest.approx(reference_area_km2(box), rel=1e-7)


def test_empty_and_non_polygonal_inputs_count_zero() -> None:
    assert geodesic_area_km2(shapely.Polygon()) == 0.0
    assert geodesic_area_km2(shapely.LineString([(30, 48), (31, 49)])) == 0.0
    assert list(geodesic_areas_km2([])) == []
    mixed = shapely.GeometryCollection([shapely.box(30, 48, 30.1, 48.1), shapely.Point(30, 48)])
    assert geodesic_area_km2(mixed) == pytest.approx(
        reference_area_km2(shapely.box(30, 48, 30.1, 48.1))
    )


def test_area_series_matches_each_snapshot() -> None:
    snapshots = isw_catalog().snapshots("Assessed Russian control")
    series = area_series(snapshots)
    assert [d for d, _ in series] == [s.date for s in snapshots]
    for (_, km2), snapshot in zip(series, snapshots, strict=True):
        assert km2 == pytest.approx(reference_area_km2(snapshot.geometry), rel=1e-7)

