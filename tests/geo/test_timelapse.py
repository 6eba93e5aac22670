"""geo.timelapse: steps, the snapshot each frame shows, holds, repeats and the numbers CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from geo.delta import compute_delta
from geo.errors import QueryError
from geo.regions import Region, densify_geometry
from geo.timelapse import (
    CSV_HEADER,
    FrameNumbers,
    frame_deltas,
    numbers_csv,
    plan_timelapse,
    step_dates,
)
from tests.geo.engine_data import SERIES, some_days, ten_vertex_region

D = dt.date
# a gap on purpose: nothing between 11-05 and 11-12
DAYS = (D(2024, 11, 1), D(2024, 11, 2), D(2024, 11, 5), D(2024, 11, 12), D(2024, 11, 13))


@pytest.fixture(scope="module")
def catalog():
    return some_days(*DAYS)


def test_day_week_month_steps_never_pass_the_end():
    days = step_dates("day", D(2024, 1, 30), D(2024, 2, 2), [])
    assert days == [D(2024, 1, 30), D(2024, 1, 31), D(2024, 2, 1), D(2024, 2, 2)]
    weeks = step_dates("week", D(2024, 1, 1), D(2024, 1, 29), [])
    assert weeks == [D(2024, 1, d) for d in (1, 8, 15, 22, 29)]
    months = step_dates("month", D(2024, 1, 1), D(2024, 12, 31), [])
    assert months == [D(2024, m, 1) for m in range(1, 13)]
    clamped = step_dates("month", D(2024, 1, 31), D(2024, 4, 30), [])
    assert clamped == [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30)]


def test_snapshot_steps_start_at_from_and_take_every_snapshot_after_it():
    dates = [D(2024, 1, 1), D(2024, 1, 3), D(2024, 1, 9), D(2024, 1, 20)]
    assert step_dates("snapshot", D(2024, 1, 2), D(2024, 1, 9), dates) == [
        D(2024, 1, 2),
        D(2024, 1, 3),
        D(2024, 1, 9),
    ]


@pytest.mark.parametrize(
    ("step", "start", "end", "message"),
    [
        ("fortnight", D(2024, 1, 1), D(2024, 1, 2), "unknown step"),
        ("day", D(2024, 1, 2), D(2024, 1, 1), "is before --from"),
    ],
)
def test_bad_steps_and_ranges_are_query_errors(step, start, end, message):
    with pytest.raises(QueryError, match=message):
        step_dates(step, start, end, [])


def test_days_without_a_snapshot_repeat_the_latest_one_as_one_frame(catalog):
    plan = plan_timelapse(catalog, SERIES, D(2024, 11, 1), D(2024, 11, 13), "day", 10, 0.5, 1.0)
    shown = [f.snapshot.date for f in plan.frames]
    assert shown == list(DAYS)
    gap = plan.frames[2]
    assert gap.steps == tuple(D(2024, 11, d) for d in range(5, 12))
    assert gap.count == 7
    assert gap.previous is plan.frames[1].snapshot
    assert plan.frames[0].count == 1 + 5  # its step and half a second at 10 fps
    assert plan.frames[-1].count == 1 + 10
    assert plan.video_frames == 13 + 5 + 10
    assert [f.start for f in plan.frames] == [0, 6, 9, 16, 17]  # 11-02 stands for 3 days
    assert plan.duration_s == pytest.approx(2.8)
    assert plan.preview_indices() == [0, 2, 4]


def test_a_date_before_the_first_snapshot_is_an_error(catalog):
    with pytest.raises(QueryError, match="before the first snapshot"):
        plan_timelapse(catalog, SERIES, D(2024, 10, 1), D(2024, 11, 13))
    with pytest.raises(QueryError, match="frames per second"):
        plan_timelapse(catalog, SERIES, D(2024, 11, 1), D(2024, 11, 13), fps=0)


def test_frame_numbers_are_the_deltas_of_delta(catalog):
    plan = plan_timelapse(catalog, SERIES, D(2024, 11, 1), D(2024, 11, 13), "week")
    assert [f.snapshot.date for f in plan.frames] == [D(2024, 11, 1), D(2024, 11, 5)]
    first = FrameNumbers.from_deltas(*frame_deltas(catalog, plan, 0))
    assert (first.gained_km2, first.lost_km2, first.net_since_first_km2) == (0.0, 0.0, 0.0)
    since_previous, since_first = frame_deltas(catalog, plan, 1)
    direct = compute_delta(catalog, SERIES, D(2024, 11, 1), D(2024, 11, 5))
    assert since_previous.gained_km2 == direct.gained_km2 > 0
    assert since_first.net_km2 == direct.net_km2


def test_since_first_differs_from_since_previous_after_the_second_frame(catalog):
    plan = plan_timelapse(catalog, SERIES, D(2024, 11, 1), D(2024, 11, 13))
    since_previous, since_first = frame_deltas(catalog, plan, 3)
    assert (since_previous.from_actual, since_previous.to_actual) == (D(2024, 11, 5), DAYS[3])
    assert (since_first.from_actual, since_first.to_actual) == (D(2024, 11, 1), DAYS[3])
    total = compute_delta(catalog, SERIES, D(2024, 11, 1), DAYS[3])
    assert since_first.gained_km2 == total.gained_km2
    assert since_first.gained_km2 > since_previous.gained_km2


def test_csv_has_a_row_per_frame_and_region(catalog):
    region = Region("Kurakhove", densify_geometry(ten_vertex_region()))
    plan = plan_timelapse(catalog, SERIES, D(2024, 11, 1), D(2024, 11, 5))
    numbers = [
        [FrameNumbers.from_deltas(*frame_deltas(catalog, plan, k, r)) for r in (None, region)]
        for k in range(len(plan.frames))
    ]
    rows = list(csv.DictReader(io.StringIO(numbers_csv(plan, numbers))))
    assert list(rows[0]) == list(CSV_HEADER)
    assert len(rows) == 2 * len(plan.frames)
    assert [r["region"] for r in rows[:2]] == ["", "Kurakhove"]
    last = rows[-2]
    direct = compute_delta(catalog, SERIES, D(2024, 11, 2), D(2024, 11, 5))
    assert last["snapshot"] == "2024-11-05"
    assert last["previous_snapshot"] == "2024-11-02"
    assert float(last["gained_km2"]) == pytest.approx(direct.gained_km2, abs=5e-4)
    assert float(last["area_km2"]) == pytest.approx(direct.area_to_km2, abs=5e-4)
    assert float(rows[-1]["area_km2"]) < float(last["area_km2"])
