"""Outlier warnings, tuned on every real series in ../shared/data (see each folder's SOURCE.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.loader import load_paths
from geo.model import Catalog
from geo.outliers import END_JUMP, SPIKE, catalog_outliers, find_outliers, flagged_among
from geo.series import ASSESSED_CONTROL, DEEPSTATE
from tests.geo.engine_data import corpus
from tests.paths import ISW

D = dt.date


def _load(*parts: str) -> Catalog:
    return load_paths([ISW.joinpath(*parts)], use_cache=False)


def _prefix_hits(catalog: Catalog) -> set[tuple[str, dt.date]]:
    """What the rule flags on every prefix of every series (each day as if it were the last)."""
    hits = set()
    for name in catalog.series_names():
        items = catalog.snapshots(name)
        dates, areas = [s.date for s in items], [s.area_km2 for s in items]
        for n in range(2, len(items) + 1):
            hits |= {(o.series, o.date) for o in find_outliers(name, dates[:n], areas[:n])}
    return hits


def test_nikkei_29_september_2022_is_a_spike_with_its_dates_and_jump() -> None:
    found = catalog_outliers(_load("arcgis_geojson_nikkei"))
    assert [(o.series, o.date, o.kind) for o in found] == [
        (ASSESSED_CONTROL, D(2022, 9, 29), SPIKE)
    ]
    spike = found[0]
    assert spike.before[0] == D(2022, 9, 28)
    assert spike.after is not None
    assert spike.after[0] == D(2022, 9, 30)
    assert round(spike.before[1]) == 111_721
    assert round(spike.area_km2) == 84_791
    assert round(spike.after[1]) == 111_658
    assert spike.jump_km2 == pytest.approx(-26_931, abs=1)
    text = spike.message()
    for part in ("2022-09-28", "2022-09-30", "-26,931 km²", "-24.1%"):
        assert part in text


def test_sdspieg_territory_ends_with_a_jump_far_beyond_its_history() -> None:
    found = catalog_outliers(_load("sdspieg_derived", "territory_geojson"))
    assert [(o.date, o.kind) for o in found] == [(D(2026, 1, 25), END_JUMP)]
    jump = found[0]
    assert jump.before[0] == D(2025, 12, 28)
    assert jump.jump_km2 == pytest.approx(-4_770, abs=1)
    assert "-4,770 km² (-4.2%)" in jump.message()


def test_no_day_of_the_769_deepstate_files_is_ever_flagged() -> None:
    catalog = corpus()
    assert len(catalog.snapshots(DEEPSTATE)) == 769
    assert catalog_outliers(catalog) == []
    assert _prefix_hits(catalog) == set()


@pytest.mark.parametrize(
    "parts",
    [
        ("sdspieg_derived", "kursk_geojson"),
        ("shapefiles_2022",),
        ("shapefiles_2022_wellsrc",),
    ],
)
def test_the_other_real_series_are_never_flagged(parts: tuple[str, ...]) -> None:
    """Kursk advances (+107 % in a step), the 2022 downloads (−46 % in a step): real changes."""
    catalog = _load(*parts)
    assert catalog.series
    assert _prefix_hits(catalog) == set()


def test_only_the_two_known_defects_are_flagged_on_their_own_prefixes() -> None:
    nikkei = _prefix_hits(_load("arcgis_geojson_nikkei"))
    assert nikkei == {(ASSESSED_CONTROL, D(2022, 9, 29))}
    sdspieg = _prefix_hits(_load("sdspieg_derived", "territory_geojson"))
    assert sdspieg == {(ASSESSED_CONTROL, D(2026, 1, 25))}


def test_a_spike_needs_a_return_and_a_large_jump() -> None:
    days = [D(2024, 1, d) for d in range(1, 5)]
    assert find_outliers("s", days, [100.0, 100.0, 70.0, 72.0]) == []  # no return: a real loss
    assert find_outliers("s", days, [1000.0, 1000.0, 980.0, 1000.0]) == []  # 2 %: too small
    found = find_outliers("s", days, [1000.0, 1000.0, 900.0, 1001.0])
    assert [(o.date, o.kind) for o in found] == [(D(2024, 1, 3), SPIKE)]


def test_an_end_jump_needs_history_and_a_change_beyond_it() -> None:
    days = [D(2024, 1, d) for d in range(1, 9)]
    slow = [1000.0, 1001.0, 1003.0, 1002.0, 1004.0, 1006.0, 1007.0]
    assert find_outliers("s", days[-4:], [*slow[-3:], 900.0]) == []  # too short a history
    assert find_outliers("s", days, [*slow, 1015.0]) == []  # 0.8 %: under 1 %
    found = find_outliers("s", days, [*slow, 950.0])
    assert [(o.date, o.kind, o.after) for o in found] == [(D(2024, 1, 8), END_JUMP, None)]


def test_flagged_among_picks_the_snapshots_a_comparison_used() -> None:
    found = catalog_outliers(_load("arcgis_geojson_nikkei"))
    assert flagged_among(found, ASSESSED_CONTROL, [D(2022, 8, 23), D(2022, 9, 29)]) == found
    assert flagged_among(found, ASSESSED_CONTROL, [D(2022, 9, 28), D(2022, 9, 30)]) == []
    assert flagged_among(found, "other", [D(2022, 9, 29)]) == []
