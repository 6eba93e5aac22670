"""Warnings about the data itself: snapshots whose area is implausible beside the rest.

Two patterns, both seen in real exports:

* a **spike**: one snapshot leaves both neighbours by the same large amount and the series comes
  back (ISW's 29 Sep 2022 ArcGIS export lost Crimea: 111,721 → 84,791 → 111,658 km²);
* an **end jump**: the last change of a series is far beyond any change it made before (the sdspieg
  export ends with −4,770 km², −4 %, after months of changes under 1,100 km²).

The thresholds were tuned on every series in ``../shared/data``: DeepState's 769 days change by at
most 116 km² (0.10 %) a day and are never flagged, not even as the end of any prefix of the
series; ISW's irregular change points move by up to 9 % between downloads weeks apart, but never
leave and come back. See ``tests/geo/test_outliers.py``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.units import format_km2, format_number

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from geo.model import Catalog

SPIKE_MIN_FRACTION = 0.05
"""A spike's smaller jump is at least this share of its neighbours' mean area (5 %)."""
SPIKE_RETURN_FRACTION = 0.25
"""…and the neighbours differ from each other by at most this share of that jump: it came back."""
END_MIN_FRACTION = 0.01
"""An end jump is at least this share of the area before it (1 %)…"""
END_FACTOR = 3.0
"""…and at least this many times the largest change the series made before."""
END_MIN_HISTORY = 5
"""Changes the series must have made before its last one for "before" to mean something."""
MIN_JUMP_KM2 = 10.0
"""No jump under this many km² is flagged (wobbles of tiny series)."""

SPIKE = "spike"
END_JUMP = "end jump"


@dataclass(frozen=True)
class Outlier:
    """A snapshot whose area is suspect.

    Attributes
    ----------
    series : str
        The series it belongs to.
    date : datetime.date
        The suspect snapshot's date.
    kind : str
        :data:`SPIKE` or :data:`END_JUMP`.
    before : (datetime.date, float)
        The previous snapshot's date and area (km²).
    area_km2 : float
        The suspect snapshot's area.
    after : (datetime.date, float) or None
        The next snapshot's date and area (a spike's return); None for an end jump.
    jump_km2 : float
        Signed change from the previous snapshot.
    """

    series: str
    date: dt.date
    kind: str
    before: tuple[dt.date, float]
    area_km2: float
    after: tuple[dt.date, float] | None
    jump_km2: float

    @property
    def jump_fraction(self) -> float:
        """The jump as a share of the previous area (signed)."""
        return self.jump_km2 / self.before[1] if self.before[1] else 0.0

    def message(self) -> str:
        """One line: what is suspect, the dates and the size of the jump."""
        (day0, area0), jump = self.before, _km2(self.jump_km2, self.jump_fraction)
        if self.after is None:
            return (
                f"{self.date}: last snapshot changes {jump} since {day0} ({_n(area0)} → "
                f"{_n(self.area_km2)} km²), far beyond any earlier change; check the data"
            )
        day2, area2 = self.after
        return (
            f"{self.date}: area jumps {jump} and comes back ({day0} {_n(area0)} → "
            f"{_n(self.area_km2)} → {day2} {_n(area2)} km²); likely a defective export"
        )


def _n(value: float) -> str:
    return format_number(value, 0, minus="-")


def _km2(value: float, fraction: float) -> str:
    return f"{format_km2(value, 0, signed=True, minus='-')} ({fraction:+.1%})"


def _spike(areas: Sequence[float], i: int) -> bool:
    """Whether ``areas[i]`` leaves both neighbours by a large jump and the series comes back."""
    down, up = areas[i] - areas[i - 1], areas[i + 1] - areas[i]
    smaller = min(abs(down), abs(up))
    mean = (areas[i - 1] + areas[i + 1]) / 2
    return (
        down * up < 0
        and smaller >= max(MIN_JUMP_KM2, SPIKE_MIN_FRACTION * abs(mean))
        and abs(areas[i + 1] - areas[i - 1]) <= SPIKE_RETURN_FRACTION * smaller
    )


def _end_jump(areas: Sequence[float], skip: set[int]) -> bool:
    """Whether the last change is far beyond every earlier one (changes touching ``skip`` aside)."""
    steps = [
        abs(b - a)
        for k, (a, b) in enumerate(itertools.pairwise(areas[:-1]))
        if k not in skip and k + 1 not in skip
    ]
    if len(steps) < END_MIN_HISTORY:
        return False
    last = abs(areas[-1] - areas[-2])
    return last >= max(MIN_JUMP_KM2, END_MIN_FRACTION * abs(areas[-2]), END_FACTOR * max(steps))


def find_outliers(series: str, dates: Sequence[dt.date], areas: Sequence[float]) -> list[Outlier]:
    """The suspect snapshots of one series.

    Parameters
    ----------
    series : str
        The series' name (carried into each :class:`Outlier`).
    dates, areas : sequence
        The snapshots' dates (sorted) and areas in km², one each.

    Returns
    -------
    list of Outlier
        Spikes in date order, then the end jump if there is one.
    """
    found = []
    spikes = {i for i in range(1, len(areas) - 1) if _spike(areas, i)}
    for i in sorted(spikes):
        after = (dates[i + 1], areas[i + 1])
        found.append(_outlier(series, dates, areas, i, SPIKE, after))
    last = len(areas) - 1
    if last >= 1 and last - 1 not in spikes and _end_jump(areas, spikes):
        found.append(_outlier(series, dates, areas, last, END_JUMP, None))
    return found


def _outlier(
    series: str,
    dates: Sequence[dt.date],
    areas: Sequence[float],
    i: int,
    kind: str,
    after: tuple[dt.date, float] | None,
) -> Outlier:
    before = (dates[i - 1], areas[i - 1])
    return Outlier(series, dates[i], kind, before, areas[i], after, areas[i] - areas[i - 1])


def catalog_outliers(catalog: Catalog) -> list[Outlier]:
    """Every suspect snapshot of every series of ``catalog``, series in name order."""
    found: list[Outlier] = []
    for name in catalog.series_names():
        items = catalog.snapshots(name)
        found += find_outliers(name, [s.date for s in items], [s.area_km2 for s in items])
    return found


def flagged_among(
    outliers: Sequence[Outlier], series: str, dates: Sequence[dt.date]
) -> list[Outlier]:
    """The outliers of ``series`` on any of ``dates`` (the snapshots a comparison used)."""
    wanted = set(dates)
    return [o for o in outliers if o.series == series and o.date in wanted]
