"""Dates from attributes and from the names ISW and DeepState actually use."""

from __future__ import annotations

import datetime as dt

import pytest

from geo import dates
from geo.errors import DateError

D = dt.date


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["deepstatemap_data_20241101"], D(2024, 11, 1)),
        (["2024-11-01"], D(2024, 11, 1)),
        (["UkraineControlMapAO23AUG2022"], D(2022, 8, 23)),
        (["UkraineCOntrolMapAO13APR2022"], D(2022, 4, 13)),
        (["UkraineControlMapAAO22May2022"], D(2022, 5, 22)),
        (["UkraineControlMapAO26May2022.zip"], D(2022, 5, 26)),
        (["20220823_RussianAssessedCoTinUkraine"], D(2022, 8, 23)),
        (["APR13 2022"], D(2022, 4, 13)),
        (["Aug 23, 2022"], D(2022, 8, 23)),
        (["23.08.2022"], D(2022, 8, 23)),
        (["DonbasBeforeFeb24_2022"], D(2022, 2, 24)),
        (
            [
                "AssessedRussianAdvancesinUkraine",
                "AssessedRussianAdvancesinUkraineAUG07.zip",
                "zips",
                "shapefiles_2022",
            ],
            D(2022, 8, 7),
        ),
        (
            [
                "ClaimedUkrainianControl",
                "ClaimedUkrainianCounterOffensives13APR.zip",
                "x",
                "isw_2022",
            ],
            D(2022, 4, 13),
        ),
        (["AssessedRussianAdvancesinUkraineJUL25", "shapefiles_2022"], D(2022, 7, 25)),
    ],
)
def test_date_from_names(names: list[str], expected: dt.date) -> None:
    assert dates.date_from_names(names, "f.shp") == expected


@pytest.mark.parametrize(
    "name", ["2202-02-02", "2202-02-03", "1989-12-31", "2022-02-30", "20991231"]
)
def test_impossible_dates_are_refused_naming_the_file(name: str) -> None:
    with pytest.raises(DateError, match=r"^some/file\.geojson: impossible date"):
        dates.date_from_names([name], "some/file.geojson")


def test_future_date_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dates, "today", lambda: D(2024, 1, 1))
    with pytest.raises(DateError, match="impossible date 2024-01-02"):
        dates.date_from_names(["2024-01-02"], "f")


def test_month_and_day_without_any_year_is_a_date_error_naming_the_file() -> None:
    with pytest.raises(
        DateError, match=r"^a/AssessedRussianAdvancesinUkraineAUG07\.shp: .*no year"
    ):
        dates.date_from_names(
            ["AssessedRussianAdvancesinUkraineAUG07", "zips"],
            "a/AssessedRussianAdvancesinUkraineAUG07.shp",
        )


def test_no_date_at_all() -> None:
    with pytest.raises(dates.MissingDateError, match="no date"):
        dates.date_from_names(["AssessedRussianAdvancesinUkraine", "Summary2"], "f.shp")


@pytest.mark.parametrize(
    "value",
    [
        "2024-09-11",
        "2024-09-11T03:00:00Z",
        D(2024, 9, 11),
        dt.datetime(2024, 9, 11, 5),
        1726012800000,
        1726012800,
    ],
)
def test_date_attribute_values(value: object) -> None:
    assert dates.date_from_value(value, "f", "date") == D(2024, 9, 11)


def test_attributes_used_when_names_have_no_date_and_names_win_otherwise() -> None:
    rows = [{"date": 1726012800000}, {"Date": "2024-09-11"}]
    assert dates.snapshot_date(rows, ["kursk"], "f") == D(2024, 9, 11)
    # ISW control maps carry an admin-layer ``date`` (2017-10-02) that is not the snapshot date
    assert dates.snapshot_date([{"date": "2017-10-02"}], ["UkraineControlMapAO23AUG2022"], "f") == (
        D(2022, 8, 23)
    )


def test_disagreeing_attribute_dates_are_an_error() -> None:
    with pytest.raises(DateError, match="several dates"):
        dates.date_from_attributes([{"date": "2024-09-11"}, {"date": "2024-09-12"}], "f")


def test_impossible_attribute_date_refused() -> None:
    with pytest.raises(DateError, match="2202-02-02"):
        dates.snapshot_date([{"date": "2202-02-02"}], ["layer"], "f")


@pytest.mark.parametrize(
    "text",
    ["2024-11-20", " 20241120 ", "20 Nov 2024", "Nov 20, 2024", "20.11.2024", "2024/11/20"],
)
def test_typed_dates_in_the_forms_files_use(text: str) -> None:
    from geo.dates import date_from_text

    assert date_from_text(text) == dt.date(2024, 11, 20)


@pytest.mark.parametrize("text", ["2024-02-30", "2024-11", "yesterday", "", "2024-11-20x"])
def test_typed_non_dates_are_refused_with_one_line(text: str) -> None:
    from geo.dates import date_from_text

    with pytest.raises(ValueError, match="not a") as info:
        date_from_text(text)
    assert "\n" not in str(info.value)
