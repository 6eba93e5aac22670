"""Series names from the layer, file and attribute names found in the real data, typos included."""

from __future__ import annotations

import pytest

from geo import gaps, series

CASES = {
    series.ASSESSED_CONTROL: [
        "RussianAssessedCoTinUkraine",
        "Assessed_Russian-controlled_Ukrainian_Territory",
        "Assessed Russian-controlled Ukrainian Territory",
        "UkaineControlMa",
        "UkraineCOntrolMapAO13APR2022",
        "UkraineControlMapAAO22May2022",
        "VIEW_RussiaCoTinUkraine_V3",
        "ukraine_control_map",
    ],
    series.ASSESSED_ADVANCES: [
        "AssessedRussianAdvanceInUkraine",
        "AssessedRussianAdvancesinUkraine",
        "RussianAssessedAdvanceinUkraine",
        "MDS_AssessedRussianAdvanceInUkraine_view",
        "russian_advances",
    ],
    series.CLAIMED_CONTROL: [
        "MDS_ClaimedRussianTerritoryinUkraine",
        "ClaimedRusianTerritory",
        "Claimed Russian Control over Ukrainian Territory",
        "RussianClaimedCoTinUkraine",
        "VIEW_ClaimedRussianTerritoryinUkraine_V2",
        "russian_claimed",
    ],
    series.CLAIMED_COUNTEROFFENSIVES: [
        "ClaimedUkrainianControl",
        "ClaimedUkrainianCounterOffensives13APR",
        "Claimed Ukrainian Counteroffensives",
        "VIEW_ClaimedUkrainianCounteroffensives_V2",
        "UkrainianClaimedCounterOffensives",
        "ukrainian_counteroffensives",
    ],
    series.PARTISAN: ["UkrainianReportedPartisanWarfare", "partisan_warfare"],
    series.KURSK_ADVANCES: ["kursk_russian_advances"],
    series.INFILTRATION: ["russian_infiltration"],
    series.HELD_BEFORE_2022: ["DonbasBeforeFeb24_2022"],
    series.DEEPSTATE: ["deepstatemap_data_20241101"],
}


@pytest.mark.parametrize(("name", "expected"), [(n, s) for s, ns in CASES.items() for n in ns])
def test_known_names(name: str, expected: str) -> None:
    assert series.classify([name]) == (expected, name)


def test_first_matching_name_wins_and_unknown_names_fall_back_to_a_clean_name() -> None:
    assert series.classify(["my_layer_20240101.geojson"]) == (
        "my layer",
        "my_layer_20240101.geojson",
    )
    assert series.classify(["ukraine_other", "x.geojson"]) == ("ukraine other", "ukraine_other")
    assert (
        series.classify(["layer", "UkraineControlMapAO23AUG2022.zip"])[0] == series.ASSESSED_CONTROL
    )


def test_rules_are_a_table() -> None:
    assert all(isinstance(p, str) and isinstance(s, str) for p, s in series.RULES)


def test_irregular_series_has_no_gaps_and_daily_series_does() -> None:
    import datetime as dt

    day = dt.date(2024, 1, 1)
    daily = [day + dt.timedelta(days=i) for i in range(30) if i not in (5, 6, 20)]
    assert gaps.find_gaps(daily) == [
        (dt.date(2024, 1, 6), dt.date(2024, 1, 7)),
        (dt.date(2024, 1, 21), dt.date(2024, 1, 21)),
    ]
    change_points = [day + dt.timedelta(days=i) for i in (0, 13, 14, 40, 77, 78, 120)]
    assert gaps.find_gaps(change_points) == []
    assert gaps.find_gaps([day]) == []
    assert gaps.dates_after_gaps(daily) == [5, 18]
    assert gaps.dates_after_gaps(change_points) == []
