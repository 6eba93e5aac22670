"""The frame plan of a time-lapse: which snapshot each frame shows, for how long, and its numbers.

A time-lapse steps over a date range ``date_from … date_to`` once per snapshot, day, week or month.
Each step shows the latest snapshot on or before it (``Catalog.at``, the rule of ``delta``).
Consecutive steps that land on the same snapshot make one *frame* shown for several video frames,
so it is rendered and encoded once; the first and last frames are held for a few extra seconds.

Every frame carries the km² gained and lost since the previous frame and since the first one,
from :func:`geo.delta.compute_delta` (the numbers of ``frontline-atlas delta``), and
:func:`numbers_csv` writes them as the CSV behind the animation.

Steps are regular and never go past ``date_to``: ``month`` from 2024-01-01 to 2024-12-31 gives the
first of each month (12 frames); a month step keeps the day of ``date_from`` (clamped to the
month's length). ``snapshot`` starts at ``date_from`` and adds every snapshot date after it.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.delta import JSON_DIGITS, compute_delta
from geo.errors import QueryError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from geo.delta import Delta
    from geo.model import Catalog, Snapshot
    from geo.regions import Region

STEPS = ("snapshot", "day", "week", "month")
"""The step choices of ``animate --step``."""
MAX_FPS = 60
CSV_DIGITS = JSON_DIGITS
"""km² in the CSV are rounded like ``delta``'s JSON (0.001 km²)."""


@dataclass(frozen=True)
class PlannedFrame:
    """One distinct picture of the time-lapse.

    Attributes
    ----------
    index : int
        Position among the distinct frames (0 is the first).
    steps : tuple of datetime.date
        The step dates that show this snapshot (one, or several in a row).
    snapshot : Snapshot
        The snapshot shown (the latest on or before each step).
    previous : Snapshot or None
        The snapshot of the frame before, None for the first frame.
    start : int
        Index of its first video frame.
    count : int
        How many video frames show it (its steps, plus the hold of the first and last frames).
    """

    index: int
    steps: tuple[dt.date, ...]
    snapshot: Snapshot
    previous: Snapshot | None
    start: int
    count: int


@dataclass(frozen=True)
class TimelapsePlan:
    """Every frame of a time-lapse of one series (see the module docstring)."""

    series: str
    date_from: dt.date
    date_to: dt.date
    step: str
    fps: float
    frames: tuple[PlannedFrame, ...]

    @property
    def first(self) -> Snapshot:
        """The snapshot of the first frame (the base of every "since the first frame" figure)."""
        return self.frames[0].snapshot

    @property
    def video_frames(self) -> int:
        """How many frames the video has (holds and repeated steps included)."""
        last = self.frames[-1]
        return last.start + last.count

    @property
    def duration_s(self) -> float:
        return self.video_frames / self.fps

    def preview_indices(self) -> list[int]:
        """The first, middle and last frame (fewer when there are fewer frames)."""
        n = len(self.frames)
        return sorted({0, n // 2, n - 1})


@dataclass(frozen=True)
class FrameNumbers:
    """The km² behind one frame, for the whole series (``region`` None) or inside one region.

    ``gained_km2``, ``lost_km2`` and ``net_km2`` are since the previous frame (0 on the first);
    the ``…_since_first_km2`` figures are since the first frame.
    """

    region: str | None
    area_km2: float
    gained_km2: float
    lost_km2: float
    net_km2: float
    gained_since_first_km2: float
    lost_since_first_km2: float
    net_since_first_km2: float

    @classmethod
    def from_deltas(cls, since_previous: Delta, since_first: Delta) -> FrameNumbers:
        """Numbers from the two deltas of :func:`frame_deltas`."""
        return cls(
            region=since_first.region,
            area_km2=since_first.area_to_km2,
            gained_km2=since_previous.gained_km2,
            lost_km2=since_previous.lost_km2,
            net_km2=since_previous.net_km2,
            gained_since_first_km2=since_first.gained_km2,
            lost_since_first_km2=since_first.lost_km2,
            net_since_first_km2=since_first.net_km2,
        )


def _add_months(start: dt.date, months: int) -> dt.date:
    year, month = divmod(start.month - 1 + months, 12)
    year += start.year
    day = min(start.day, calendar.monthrange(year, month + 1)[1])
    return dt.date(year, month + 1, day)


def step_dates(
    step: str, date_from: dt.date, date_to: dt.date, snapshot_dates: Sequence[dt.date]
) -> list[dt.date]:
    """The step dates from ``date_from`` to ``date_to`` (inclusive, never past it).

    Raises
    ------
    QueryError
        An unknown step, or ``date_to`` before ``date_from``.
    """
    if step not in STEPS:
        raise QueryError(f"unknown step {step!r} (use {', '.join(STEPS)})")
    if date_to < date_from:
        raise QueryError(f"--to {date_to.isoformat()} is before --from {date_from.isoformat()}")
    if step == "snapshot":
        return [date_from, *(d for d in snapshot_dates if date_from < d <= date_to)]
    dates: list[dt.date] = []
    k = 0
    while True:
        if step == "month":
            date = _add_months(date_from, k)
        else:
            date = date_from + dt.timedelta(days=k * (7 if step == "week" else 1))
        if date > date_to:
            return dates
        dates.append(date)
        k += 1


def plan_timelapse(
    catalog: Catalog,
    series: str,
    date_from: dt.date,
    date_to: dt.date,
    step: str = "snapshot",
    fps: float = 4.0,
    hold_first_s: float = 1.0,
    hold_last_s: float = 2.0,
) -> TimelapsePlan:
    """Plan a time-lapse of ``series`` (fast: no geometry is touched).

    Parameters
    ----------
    catalog : Catalog
        The loaded snapshots.
    series : str
        A canonical series name in ``catalog``.
    date_from, date_to : datetime.date
        The range; ``date_from`` must not be before the series' first snapshot.
    step : str
        One of :data:`STEPS`.
    fps : float
        Video frames per second (one step is one video frame).
    hold_first_s, hold_last_s : float
        Extra seconds the first and the last frame stay on screen.

    Returns
    -------
    TimelapsePlan

    Raises
    ------
    QueryError
        Unknown series or step, a bad range or frame rate, a date before the first snapshot.
    """
    if not 0 < fps <= MAX_FPS:
        raise QueryError(f"frames per second must be above 0 and at most {MAX_FPS}, not {fps:g}")
    if hold_first_s < 0 or hold_last_s < 0:
        raise QueryError("hold times cannot be negative")
    steps = step_dates(step, date_from, date_to, catalog.dates(series))
    groups: list[tuple[Snapshot, list[dt.date]]] = []
    for date in steps:
        snapshot = catalog.at(series, date)
        if groups and groups[-1][0] is snapshot:
            groups[-1][1].append(date)
        else:
            groups.append((snapshot, [date]))
    counts = [len(dates) for _, dates in groups]
    counts[0] += round(hold_first_s * fps)
    counts[-1] += round(hold_last_s * fps)
    frames, start = [], 0
    for index, ((snapshot, dates), count) in enumerate(zip(groups, counts, strict=True)):
        previous = groups[index - 1][0] if index else None
        frames.append(PlannedFrame(index, tuple(dates), snapshot, previous, start, count))
        start += count
    return TimelapsePlan(series, date_from, date_to, step, fps, tuple(frames))


def frame_deltas(
    catalog: Catalog, plan: TimelapsePlan, index: int, region: Region | None = None
) -> tuple[Delta, Delta]:
    """The change shown by frame ``index``: since the previous frame and since the first.

    On the first frame both are the zero change from the first snapshot to itself.
    """
    frame = plan.frames[index]
    shown = frame.snapshot.date
    before = frame.previous.date if frame.previous is not None else shown
    since_previous = compute_delta(catalog, plan.series, before, shown, region)
    if before == plan.first.date:
        return since_previous, since_previous
    return since_previous, compute_delta(catalog, plan.series, plan.first.date, shown, region)


CSV_HEADER = (
    "frame",
    "time_s",
    "video_frames",
    "step_first",
    "step_last",
    "snapshot",
    "previous_snapshot",
    "first_snapshot",
    "series",
    "region",
    "area_km2",
    "gained_km2",
    "lost_km2",
    "net_km2",
    "gained_since_first_km2",
    "lost_since_first_km2",
    "net_since_first_km2",
)


def numbers_csv(plan: TimelapsePlan, numbers: Sequence[Sequence[FrameNumbers]]) -> str:
    """The CSV behind every frame: one row per frame and per region (whole series first).

    Parameters
    ----------
    plan : TimelapsePlan
    numbers : sequence of sequences of FrameNumbers
        ``numbers[k]`` are frame ``k``'s numbers, as the export computed them.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for frame, rows in zip(plan.frames, numbers, strict=True):
        previous = frame.previous.date.isoformat() if frame.previous is not None else ""
        head = [
            frame.index,
            f"{frame.start / plan.fps:.3f}",
            frame.count,
            frame.steps[0].isoformat(),
            frame.steps[-1].isoformat(),
            frame.snapshot.date.isoformat(),
            previous,
            plan.first.date.isoformat(),
            plan.series,
        ]
        for row in rows:
            figures = (
                row.area_km2,
                row.gained_km2,
                row.lost_km2,
                row.net_km2,
                row.gained_since_first_km2,
                row.lost_since_first_km2,
                row.net_since_first_km2,
            )
            writer.writerow([*head, row.region or "", *(f"{v:.{CSV_DIGITS}f}" for v in figures)])
    return out.getvalue()
