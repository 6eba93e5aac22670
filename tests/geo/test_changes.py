"""geo.changes: day-by-day gained/lost/net against the naive shapely overlay + pyproj."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
import shapely

from geo.areas import reference_area_km2
from geo.changes import DailyChange, daily_changes
from geo.model import Snapshot
from tests.geo.engine_data import SERIES, corpus


def _snapshot(day: int, geometry: shapely.Geometry) -> Snapshot:
    return Snapshot(SERIES, dt.date(2024, 1, day), geometry, "synthetic", "synthetic", 0.0)


@pytest.mark.slow
def test_daily_changes_match_the_naive_overlay_on_sampled_pairs() -> None:
    snapshots = corpus().snapshots(SERIES)
    changes = daily_changes(snapshots)
    assert len(changes) == len(snapshots) - 1 == 768
    rng = np.random.default_rng(2024)
    for i in sorted(rng.choice(len(changes), 40, replace=False)):
        a, b = snapshots[i].geometry, snapshots[i + 1].geometry
        change = changes[i]
        assert (change.date_before, change.date) == (snapshots[i].date, snapshots[i + 1].date)
        assert change.gained_km2 == pytest.approx(
            reference_area_km2(shapely.difference(b, a)), abs=1e-3
        )
        assert change.lost_km2 == pytest.approx(
            reference_area_km2(shapely.difference(a, b)), abs=1e-3
        )
        assert change.net_km2 == pytest.approx(change.gained_km2 - change.lost_km2, abs=1e-12)


@pytest.mark.slow
def test_identical_consecutive_days_are_exactly_zero() -> None:
    snapshots = corpus().snapshots(SERIES)
    changes = daily_changes(snapshots)
    same = [
        c
        for c, a, b in zip(changes, snapshots, snapshots[1:], strict=False)
        if a.geometry.equals_exact(b.geometry, 0)
    ]
    assert len(same) == 113  # per the corpus' SOURCE.md
    assert all(c.gained_km2 == c.lost_km2 == 0.0 for c in same)
    total = sum(c.net_km2 for c in changes)
    assert total == pytest.approx(
        reference_area_km2(snapshots[-1].geometry) - reference_area_km2(snapshots[0].geometry),
        abs=0.05,
    )


def test_synthetic_changes_in_several_places() -> None:
    base = shapely.union_all([shapely.box(30, 48, 31, 49), shapely.box(32, 48, 33, 49)])
    grown = shapely.union_all([shapely.box(30, 48, 31.1, 49), shapely.box(32, 48, 33, 48.9)])
    moved = shapely.segmentize(grown, 0.05)
    snapshots = [_snapshot(1, base), _snapshot(2, grown), _snapshot(3, grown), _snapshot(4, moved)]
    changes = daily_changes(snapshots)
    assert [c.date for c in changes] == [dt.date(2024, 1, d) for d in (2, 3, 4)]
    assert changes[0].gained_km2 == pytest.approx(
        reference_area_km2(shapely.box(31, 48, 31.1, 49)), rel=1e-6
    )
    assert changes[0].lost_km2 == pytest.approx(
        reference_area_km2(shapely.box(32, 48.9, 33, 49)), rel=1e-6
    )
    assert changes[1] == DailyChange(dt.date(2024, 1, 2), dt.date(2024, 1, 3), 0.0, 0.0, 0.0)
    assert abs(changes[2].net_km2) < 1e-6


def test_fewer_than_two_snapshots_give_no_changes() -> None:
    assert daily_changes([]) == []
    assert daily_changes([_snapshot(1, shapely.box(30, 48, 31, 49))]) == []
