"""Series laid on a daily grid, for charts: areas held until the next snapshot, changes per day.

The grid runs from the first to the last snapshot, one point per day at midnight UTC in POSIX
seconds (what pyqtgraph's ``DateAxisItem`` expects). In a daily series (:mod:`geo.gaps`) a
missing day is a gap: NaN, so a curve drawn with ``connect='finite'`` breaks there instead of
inventing a straight line across it. A series of irregular change points (ISW's exports) has no
gaps: each snapshot holds until the next one, as it does everywhere else in the product, and its
change is spread over the days it spans as a rate per day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

EPOCH = dt.date(1970, 1, 1)
SECONDS_PER_DAY = 86_400.0


def to_seconds(date: dt.date) -> float:
    """POSIX seconds of midnight UTC on ``date``."""
    return (date - EPOCH).days * SECONDS_PER_DAY


def from_seconds(seconds: float) -> dt.date:
    """The date nearest to POSIX ``seconds``."""
    return EPOCH + dt.timedelta(days=round(seconds / SECONDS_PER_DAY))


def seconds_of(dates: Sequence[dt.date]) -> np.ndarray:
    """:func:`to_seconds` of each date, as an array."""
    return np.array([to_seconds(d) for d in dates], dtype=float)


def hold_on_grid(
    dates: Sequence[dt.date], values: Sequence[float]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Values on a daily grid: each held until the next date, NaN on a daily series' gaps.

    Parameters
    ----------
    dates : sequence of datetime.date
        Sorted snapshot dates (at least one).
    values : sequence of float
        One value per date.

    Returns
    -------
    x, held, missing : numpy.ndarray
        The grid in POSIX seconds, the held values and the mask of missing days.
    """
    from geo.gaps import find_gaps

    first = dates[0]
    days = (dates[-1] - first).days + 1
    x = (np.arange(days) + (first - EPOCH).days) * SECONDS_PER_DAY
    missing = np.zeros(days, dtype=bool)
    for start, end in find_gaps(dates):
        missing[(start - first).days : (end - first).days + 1] = True
    held = np.full(days, np.nan)
    for day, value, after in zip(dates, values, [*dates[1:], None], strict=True):
        stop = days if after is None else (after - first).days
        held[(day - first).days : stop] = value
    held[missing] = np.nan
    return x, held, missing


def change_fields(change: Any) -> tuple[Any, ...]:
    """``(date_before, date, gained, lost, net)`` of a ``geo.changes.DailyChange`` or a tuple."""
    if hasattr(change, "date_before"):
        c = change
        return c.date_before, c.date, c.gained_km2, c.lost_km2, c.net_km2
    return tuple(change)


def rates_on_grid(
    first: dt.date, missing: np.ndarray, changes: Sequence[Any]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gained, lost and net km² per day on the grid that starts on ``first``.

    Each change between two snapshots is spread evenly over the days it spans; a change that
    spans a gap (``missing`` days) stays NaN, since nobody knows when it happened.
    """
    gained, lost, net = (np.full(len(missing), np.nan) for _ in range(3))
    for change in changes:
        before, after, g, lo, n = change_fields(change)
        span = slice((before - first).days + 1, (after - first).days + 1)
        if not missing[span].any():
            width = (after - before).days
            gained[span], lost[span], net[span] = g / width, lo / width, n / width
    return gained, lost, net
