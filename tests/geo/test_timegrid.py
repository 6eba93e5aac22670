"""geo.timegrid: the chart's daily grid (held areas, per-day changes, gaps)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from geo.timegrid import from_seconds, hold_on_grid, rates_on_grid, seconds_of, to_seconds

D = dt.date


def test_seconds_round_trip() -> None:
    assert to_seconds(D(1970, 1, 2)) == 86_400.0
    assert from_seconds(to_seconds(D(2024, 11, 7)) + 3600) == D(2024, 11, 7)
    assert list(seconds_of([D(1970, 1, 1), D(1970, 1, 3)])) == [0.0, 172_800.0]


def test_irregular_points_hold_and_spread_their_change() -> None:
    dates = [D(2024, 1, 1), D(2024, 1, 5)]
    x, held, missing = hold_on_grid(dates, [10.0, 18.0])
    assert len(x) == 5
    assert not missing.any()
    assert list(held) == [10.0, 10.0, 10.0, 10.0, 18.0]
    _gained, lost, net = rates_on_grid(dates[0], missing, [(dates[0], dates[1], 8.0, 0.0, 8.0)])
    assert np.isnan(net[0])
    assert list(net[1:]) == [2.0] * 4
    assert list(lost[1:]) == [0.0] * 4


def test_a_daily_series_gap_is_nan() -> None:
    dates = [D(2024, 1, d) for d in (1, 2, 3, 4, 5, 6, 7, 8, 12)]
    _, held, missing = hold_on_grid(dates, [float(i) for i in range(len(dates))])
    assert missing[8:11].all()
    assert np.isnan(held[8:11]).all()
    change = (D(2024, 1, 8), D(2024, 1, 12), 4.0, 0.0, 4.0)
    _, _, net = rates_on_grid(dates[0], missing, [change])
    assert np.isnan(net[8:12]).all()
