"""Missing days in a daily series.

How a series is judged daily: its most common step between consecutive dates is one day, and at
least half of its steps are one day. DeepState (one file a day, 7 days missing) is daily. ISW's
change-point exports and the 2022 shapefile downloads are not: their steps are irregular by design,
so a long step there is not missing data and no gaps are reported.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

ONE_DAY = dt.timedelta(days=1)


def is_daily(dates: Iterable[dt.date]) -> bool:
    """True if the usual step between the (sorted, unique) dates is one day."""
    ordered = sorted(set(dates))
    steps = Counter(b - a for a, b in itertools.pairwise(ordered))
    if not steps:
        return False
    usual, _ = steps.most_common(1)[0]
    return usual == ONE_DAY and steps[ONE_DAY] * 2 >= sum(steps.values())


def find_gaps(dates: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """The first and last missing day of each gap in a daily series; ``[]`` for irregular ones.

    Parameters
    ----------
    dates : iterable of datetime.date
        The snapshot dates of one series, in any order, duplicates allowed.

    Returns
    -------
    list of (first_missing, last_missing)
        Inclusive ranges, in date order.
    """
    ordered = sorted(set(dates))
    if not is_daily(ordered):
        return []
    return [(a + ONE_DAY, b - ONE_DAY) for a, b in itertools.pairwise(ordered) if b - a > ONE_DAY]


def dates_after_gaps(dates: Sequence[dt.date]) -> list[int]:
    """Indices into sorted, unique ``dates`` of the snapshots that follow a gap (daily series only).

    The timeline marks these; an irregular series has none, as :func:`find_gaps` says.
    """
    firsts_after = {last + ONE_DAY for _first, last in find_gaps(dates)}
    return [i for i, date in enumerate(dates) if date in firsts_after]
