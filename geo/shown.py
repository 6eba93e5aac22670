"""Which snapshot of each series the map shows on a date, and how to say so.

Every series is drawn at its latest snapshot on or before the shown date. The layer panel and
the hover readout must say which date that is, because series are not updated on the same days:
an ISW layer may show 2024-11-19 while DeepState shows 2024-11-20, and a layer whose snapshots
stopped in April 2022 would otherwise sit on an August map without a word.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from shapely.geometry.base import BaseGeometry

    from geo.model import Catalog, Snapshot

NEARBY = 2
"""Snapshots on each side of the drawn one that a step may show next (see ``nearby``)."""


@dataclass(frozen=True)
class SeriesShown:
    """One series on the shown date.

    Attributes
    ----------
    series : str
        The series.
    asked : datetime.date
        The date the map shows.
    date : datetime.date or None
        The snapshot drawn (the latest on or before ``asked``); None when there is none yet.
    first, last : datetime.date
        The series' first and last snapshots.
    geometry : BaseGeometry or None
        The geometry drawn (None when there is no snapshot yet).
    nearby : tuple of Snapshot
        Up to :data:`NEARBY` snapshots on each side of the drawn one, nearest first: what a
        timeline step shows next, so the canvas may prepare their paths while this one is seen.
    """

    series: str
    asked: dt.date
    date: dt.date | None
    first: dt.date
    last: dt.date
    geometry: BaseGeometry | None
    nearby: tuple[Snapshot, ...] = field(default=(), compare=False, repr=False)

    @property
    def note(self) -> str:
        """``2024-11-20``, ``no snapshot yet (first 2022-04-13)``, ``last snapshot 2022-04-13``."""
        if self.date is None:
            return f"no snapshot yet (first {self.first.isoformat()})"
        if self.asked > self.last:
            return f"last snapshot {self.last.isoformat()}"
        return self.date.isoformat()


def shown_on(catalog: Catalog, day: dt.date) -> dict[str, SeriesShown]:
    """Every series of ``catalog`` as the map shows it on ``day``."""
    shown = {}
    for name in catalog.series_names():
        items = catalog.snapshots(name)
        if not items:
            continue
        index = bisect.bisect_right(items, day, key=lambda s: s.date) - 1
        snap = items[index] if index >= 0 else None
        shown[name] = SeriesShown(
            name,
            day,
            None if snap is None else snap.date,
            items[0].date,
            items[-1].date,
            None if snap is None else snap.geometry,
            _nearby(items, index),
        )
    return shown


def _nearby(items: list[Snapshot], index: int) -> tuple[Snapshot, ...]:
    """Snapshots around ``items[index]`` (``index`` -1: before the first), nearest first."""
    out = []
    for step in range(1, NEARBY + 1):
        for at in (index + step, index - step):
            if 0 <= at < len(items):
                out.append(items[at])
    return tuple(out)


def snapshot_note(dates: list[dt.date], day: dt.date) -> tuple[bool, str]:
    """Whether ``day`` can be compared in a series with these (sorted) ``dates``, and what to say.

    A day before the first snapshot cannot (there is nothing to show); any other day uses the
    latest snapshot on or before it, and the note says which when it is another day.
    """
    if not dates:
        return False, "no data loaded"
    if day < dates[0]:
        return False, f"{day.isoformat()} is before the first snapshot ({dates[0].isoformat()})"
    used = dates[bisect.bisect_right(dates, day) - 1]
    if used == day:
        return True, ""
    return True, f"no snapshot on {day.isoformat()}: {used.isoformat()} is used"
