"""geo.shown: which snapshot each real ISW series shows on a date, and the note that says so."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.loader import load_paths
from geo.shown import shown_on
from tests.paths import ISW


@pytest.fixture(scope="module")
def isw():
    return load_paths([ISW / "shapefiles_2022"])


def test_each_series_says_its_own_date(isw) -> None:
    shown = shown_on(isw, dt.date(2022, 8, 23))
    assert shown["Assessed Russian control"].note == "2022-08-23"
    claimed = shown["Claimed Russian control"]
    assert claimed.date == dt.date(2022, 4, 13)
    assert claimed.note == "last snapshot 2022-04-13"
    assert claimed.geometry is isw.at("Claimed Russian control", claimed.date).geometry


def test_a_day_between_snapshots_names_the_one_used(isw) -> None:
    shown = shown_on(isw, dt.date(2022, 8, 10))
    assert shown["Assessed Russian control"].note == "2022-08-07"


def test_before_the_first_snapshot_nothing_is_drawn(isw) -> None:
    shown = shown_on(isw, dt.date(2022, 4, 1))
    assert all(s.geometry is None for s in shown.values())
    assert shown["Assessed Russian advances"].note == "no snapshot yet (first 2022-04-13)"


def test_snapshot_note_for_typed_days(isw) -> None:
    from geo.shown import snapshot_note

    dates = isw.dates("Assessed Russian control")
    assert snapshot_note(dates, dt.date(2022, 8, 23)) == (True, "")
    assert snapshot_note(dates, dt.date(2022, 8, 10)) == (
        True,
        "no snapshot on 2022-08-10: 2022-08-07 is used",
    )
    ok, message = snapshot_note(dates, dt.date(2022, 1, 1))
    assert not ok
    assert message == "2022-01-01 is before the first snapshot (2022-04-13)"


def test_percent_of_ukraine_only_for_land_in_ukraine() -> None:
    from geo.in_ukraine import percent_of_ukraine_meaningful, share_in_ukraine
    from tests.paths import DEEPSTATE

    kursk = load_paths([ISW / "sdspieg_derived" / "kursk_geojson"])
    (name,) = kursk.series_names()
    assert share_in_ukraine([s.geometry for s in kursk.snapshots(name)[-2:]]) < 0.01
    deepstate = load_paths([DEEPSTATE / "deepstatemap_data_20241101.geojson"])
    (series,) = deepstate.series_names()
    assert percent_of_ukraine_meaningful([deepstate.snapshots(series)[0].geometry])
    assert share_in_ukraine([]) == 1.0


def test_nearby_snapshots_are_the_next_steps_nearest_first(isw) -> None:
    items = isw.snapshots("Assessed Russian control")
    index = [s.date for s in items].index(dt.date(2022, 6, 4))
    shown = shown_on(isw, dt.date(2022, 6, 10))["Assessed Russian control"]
    expected = [items[index + 1], items[index - 1], items[index + 2], items[index - 2]]
    assert list(shown.nearby) == expected
    first = shown_on(isw, dt.date(2022, 4, 1))["Assessed Russian control"]
    assert list(first.nearby) == [items[0], items[1]]
