"""geo.delta: gained/lost/net between two dates, against pyproj on plain shapely overlays."""

from __future__ import annotations

import datetime as dt

import pytest
import shapely

from geo.areas import reference_area_km2
from geo.delta import Delta, compute_delta, held_in_region
from geo.errors import QueryError
from geo.regions import Region, densify_geometry
from tests.geo.engine_data import SERIES, corpus, some_days, ten_vertex_region

D = dt.date
DAYS = (
    D(2024, 7, 8),
    D(2024, 8, 17),
    D(2024, 8, 20),
    D(2024, 11, 1),
    D(2024, 11, 20),
    D(2025, 6, 1),
)
JSON_KEYS = {
    "series", "from", "to", "from_actual", "to_actual", "area_from_km2", "area_to_km2",
    "gained_km2", "lost_km2", "net_km2", "region",
}  # fmt: skip


@pytest.fixture(scope="module")
def catalog():
    return some_days(*DAYS)


def _reference(a: shapely.Geometry, b: shapely.Geometry) -> tuple[float, float]:
    return reference_area_km2(shapely.difference(b, a)), reference_area_km2(
        shapely.difference(a, b)
    )


def test_november_2024_delta_matches_pyproj_on_shapely(catalog) -> None:
    delta = compute_delta(catalog, SERIES, D(2024, 11, 1), D(2024, 11, 20))
    a = catalog.at(SERIES, D(2024, 11, 1)).geometry
    b = catalog.at(SERIES, D(2024, 11, 20)).geometry
    gained, lost = _reference(a, b)
    assert delta.gained_km2 == pytest.approx(gained, abs=0.01)
    assert delta.lost_km2 == pytest.approx(lost, abs=0.01)
    assert delta.net_km2 == pytest.approx(gained - lost, abs=0.01)
    assert 370 < delta.net_km2 < 400
    assert delta.area_from_km2 == pytest.approx(reference_area_km2(a), rel=1e-7)
    assert delta.area_to_km2 == pytest.approx(reference_area_km2(b), rel=1e-7)
    assert delta.gained.is_valid
    assert delta.lost.is_valid
    assert reference_area_km2(delta.gained) == pytest.approx(gained, abs=0.01)
    assert shapely.symmetric_difference(delta.gained, shapely.difference(b, a)).area < 1e-9


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2024, 7, 8), D(2025, 6, 1)),
        (D(2024, 11, 20), D(2024, 11, 1)),
        (D(2024, 8, 17), D(2024, 8, 20)),
    ],
)
def test_identity_on_the_whole_series(catalog, start: dt.date, end: dt.date) -> None:
    delta = compute_delta(catalog, SERIES, start, end)
    assert delta.area_to_km2 - delta.area_from_km2 == pytest.approx(delta.net_km2, abs=0.01)
    assert delta.net_km2 == pytest.approx(delta.gained_km2 - delta.lost_km2, abs=1e-9)
    gained, lost = _reference(catalog.at(SERIES, start).geometry, catalog.at(SERIES, end).geometry)
    assert (delta.gained_km2, delta.lost_km2) == pytest.approx((gained, lost), abs=0.01)


@pytest.mark.parametrize(
    "region",
    [
        ten_vertex_region(),
        ten_vertex_region(37.55, 48.25, 0.3, 0.2),
        ten_vertex_region(34.0, 47.3, 0.5, 0.4),
    ],
)
def test_region_delta_equals_direct_clip_and_pyproj(catalog, region: shapely.Polygon) -> None:
    region = densify_geometry(region)
    start, end = D(2024, 8, 20), D(2025, 6, 1)
    delta = compute_delta(catalog, SERIES, start, end, Region("test", region))
    a = shapely.intersection(catalog.at(SERIES, start).geometry, region)
    b = shapely.intersection(catalog.at(SERIES, end).geometry, region)
    gained, lost = _reference(a, b)
    assert delta.region == "test"
    assert delta.area_from_km2 == pytest.approx(reference_area_km2(a), abs=0.1)
    assert delta.area_to_km2 == pytest.approx(reference_area_km2(b), abs=0.1)
    assert delta.gained_km2 == pytest.approx(gained, abs=0.1)
    assert delta.lost_km2 == pytest.approx(lost, abs=0.1)
    assert delta.area_to_km2 - delta.area_from_km2 == pytest.approx(delta.net_km2, abs=0.01)
    assert shapely.difference(delta.gained, region.buffer(1e-9)).is_empty


def test_kurakhove_region_sees_the_front_move(catalog) -> None:
    delta = compute_delta(
        catalog,
        SERIES,
        D(2024, 11, 1),
        D(2024, 11, 20),
        Region("K", densify_geometry(ten_vertex_region())),
    )
    assert delta.gained_km2 > 10
    assert delta.area_to_km2 > delta.area_from_km2


def test_missing_date_uses_the_latest_snapshot_before_it(catalog) -> None:
    delta = compute_delta(catalog, SERIES, D(2024, 8, 19), D(2024, 10, 1))
    assert (delta.date_from, delta.from_actual) == (D(2024, 8, 19), D(2024, 8, 17))
    assert (delta.date_to, delta.to_actual) == (D(2024, 10, 1), D(2024, 8, 20))


def test_same_snapshot_means_no_change(catalog) -> None:
    delta = compute_delta(catalog, SERIES, D(2024, 11, 1), D(2024, 11, 5))
    assert (delta.gained_km2, delta.lost_km2, delta.net_km2) == (0.0, 0.0, 0.0)
    assert delta.gained.is_empty
    assert delta.lost.is_empty
    assert delta.area_from_km2 == delta.area_to_km2 > 100_000


def test_date_before_the_first_snapshot_is_an_error(catalog) -> None:
    with pytest.raises(QueryError, match="2024-07-07 is before the first snapshot"):
        compute_delta(catalog, SERIES, D(2024, 7, 7), D(2024, 11, 1))


def test_unknown_series_is_an_error(catalog) -> None:
    with pytest.raises(QueryError, match="no series"):
        compute_delta(catalog, "Nope", D(2024, 11, 1), D(2024, 11, 20))


def test_json_dict_has_exactly_the_contract_keys(catalog) -> None:
    delta = compute_delta(
        catalog, SERIES, D(2024, 8, 19), D(2024, 11, 20), Region("R", ten_vertex_region())
    )
    out = delta.to_json_dict()
    assert set(out) == JSON_KEYS
    assert out["from"] == "2024-08-19"
    assert out["from_actual"] == "2024-08-17"
    assert out["to"] == out["to_actual"] == "2024-11-20"
    assert out["region"] == "R"
    assert out["net_km2"] == pytest.approx(delta.net_km2, abs=0.001)
    assert isinstance(delta, Delta)
    with pytest.raises(AttributeError):
        delta.net_km2 = 0.0  # type: ignore[misc]


def test_held_in_region_equals_shapely_clip_and_pyproj() -> None:
    snapshots = corpus().snapshots(SERIES)[::40]
    region = ten_vertex_region()
    got = list(held_in_region([s.geometry for s in snapshots], region))
    expected = [reference_area_km2(shapely.intersection(s.geometry, region)) for s in snapshots]
    assert max(expected) > 50  # the front crossed this region during the period
    assert got == pytest.approx(expected, abs=0.01)
    assert list(held_in_region([], region)) == []


def test_held_in_region_is_zero_outside() -> None:
    far = shapely.box(10.0, 10.0, 10.1, 10.1)
    (snapshot,) = some_days(D(2024, 11, 1)).snapshots(SERIES)
    assert list(held_in_region([snapshot.geometry], far)) == [0.0]
