"""The chart of one series: area over time and change per day, with gaps kept as gaps.

Arrays are built in a worker on the daily grid of :mod:`geo.timegrid` (which says how areas are
held and changes spread per day, and where the gaps are).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QObject, Signal

from geo.errors import one_line
from geo.timegrid import from_seconds, hold_on_grid, rates_on_grid
from viewmodels.batch import ChangeBatch

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from geo.model import Catalog, Snapshot
    from viewmodels.tasks import TaskRunner


@dataclass(frozen=True, eq=False)
class ChartData:
    """Arrays for the two plots, all on one daily grid of ``x`` (POSIX seconds).

    ``area_km2`` is NaN on days without a snapshot; ``gained_km2``, ``lost_km2`` and
    ``net_km2`` are per day and NaN where the change spans a gap (several days).
    """

    series: str = ""
    x: np.ndarray = field(default_factory=lambda: np.empty(0))
    area_km2: np.ndarray = field(default_factory=lambda: np.empty(0))
    gained_km2: np.ndarray = field(default_factory=lambda: np.empty(0))
    lost_km2: np.ndarray = field(default_factory=lambda: np.empty(0))
    net_km2: np.ndarray = field(default_factory=lambda: np.empty(0))


def default_changes(snapshots: Sequence[Snapshot]) -> Sequence[Any]:
    """``geo.changes.daily_changes``, imported on first use."""
    from geo.changes import daily_changes

    return daily_changes(snapshots)


def build_chart_data(
    series: str, snapshots: Sequence[Snapshot], changes: Sequence[tuple[Any, ...]]
) -> ChartData:
    """Lay the areas and the one-day changes on a daily grid (pure; runs in a worker)."""
    if not snapshots:
        return ChartData(series)
    x, area, missing = hold_on_grid([s.date for s in snapshots], [s.area_km2 for s in snapshots])
    gained, lost, net = rates_on_grid(snapshots[0].date, missing, changes)
    return ChartData(series, x, area, gained, lost, net)


@dataclass(frozen=True)
class RegionSeries:
    """The area held inside one hand-drawn region on every snapshot date (km²).

    Compared by value (plain tuples), so setting the same series again is no change.

    Attributes
    ----------
    name, color : str
        The region's name and ``#rrggbb`` colour.
    dates : tuple of datetime.date
        The snapshot dates, sorted.
    km2 : tuple of float
        Area held inside the region on each date.
    """

    name: str
    color: str
    dates: tuple[dt.date, ...]
    km2: tuple[float, ...]

    def grid(self) -> tuple[np.ndarray, np.ndarray]:
        """``(x, km2)`` on the chart's daily grid, held and gapped like the series' area."""
        if not self.dates:
            return np.empty(0), np.empty(0)
        x, held, _ = hold_on_grid(self.dates, self.km2)
        return x, held


def chart_work(
    series: str,
    snapshots: Sequence[Snapshot],
    changes: Callable[[Sequence[Snapshot]], Any],
) -> ChartData:
    """The chart's arrays (in the worker), then the heap's free pages given back.

    The daily changes of a long series allocate and free many temporary geometries (about
    50 MB for the DeepState corpus) that glibc would otherwise keep resident.
    """
    from geo.loader import release_free_memory

    data = build_chart_data(series, snapshots, changes(snapshots))
    release_free_memory()
    return data


class ChartViewModel(QObject):
    """Chart data for the current series plus the dates marked on it (A, B, shown)."""

    sig_data_changed = Signal(object)
    """New :class:`ChartData` is ready."""
    sig_computing_changed = Signal(bool)
    """The arrays started (True) or finished (False) computing."""
    sig_markers_changed = Signal(object)
    """Dates A, B and shown changed: a tuple of three datetime.date or None."""
    sig_date_requested = Signal(object)
    """The user clicked a date on the chart (datetime.date)."""
    sig_error_changed = Signal(str)
    """The last computation failed (a one-line message) or a new one succeeded (empty)."""
    sig_region_series_changed = Signal(object)
    """The selected region's series changed: a :class:`RegionSeries`, or None when cleared."""

    def __init__(
        self, runner: TaskRunner, changes: Callable[[Sequence[Snapshot]], Any] | None = None
    ) -> None:
        super().__init__()
        self._runner = runner
        self._changes = changes or default_changes
        self._data = ChartData()
        self._computing = False
        self._markers: tuple[dt.date | None, ...] = (None, None, None)
        self._source: tuple[int, str] | None = None
        self._error = ""
        self._region_series: RegionSeries | None = None
        self._batch = ChangeBatch(
            self,
            {
                "data": "_data",
                "computing": "_computing",
                "markers": "_markers",
                "error": "_error",
                "region_series": "_region_series",
            },
        )

    def data(self) -> ChartData:
        return self._data

    def computing(self) -> bool:
        return self._computing

    def error(self) -> str:
        """Why the chart is empty when its computation failed; empty otherwise."""
        return self._error

    def markers(self) -> tuple[dt.date | None, ...]:
        """Dates A, B and shown."""
        return self._markers

    def region_series(self) -> RegionSeries | None:
        """The selected region's area over time, or None when no region's series is shown."""
        return self._region_series

    def set_region_series(
        self,
        name: str | None,
        color: str = "",
        dates: Sequence[dt.date] = (),
        km2: Sequence[float] = (),
    ) -> None:
        """Show a region's area held on each date next to the series' own; ``None`` clears.

        Parameters
        ----------
        name : str or None
            The region's name; ``None`` removes the region's series from the chart.
        color : str
            The region's ``#rrggbb`` colour.
        dates : sequence of datetime.date
            Sorted snapshot dates.
        km2 : sequence of float
            Area held inside the region on each date (same length as ``dates``).
        """
        series = None
        if name is not None:
            if len(dates) != len(km2):
                raise ValueError(f"{len(dates)} dates but {len(km2)} values")
            series = RegionSeries(name, color, tuple(dates), tuple(float(v) for v in km2))
        with self._batch:
            self._region_series = series

    def set_source(self, catalog: Catalog | None, series: str) -> None:
        """Chart ``series`` of ``catalog``; the arrays are built in the worker."""
        if catalog is None or series not in catalog.series:
            self._source = None
            with self._batch:
                self._data, self._computing, self._error = ChartData(), False, ""
            return
        key = (id(catalog), series)
        if key == self._source:
            return
        self._source = key
        snapshots = list(catalog.snapshots(series))
        changes_fn = self._changes
        with self._batch:
            self._computing = True
        self._runner.submit(
            lambda: chart_work(series, snapshots, changes_fn),
            self._on_data_done,
            self._on_data_failed,
            channel="chart",
        )

    def set_markers(
        self, date_a: dt.date | None, date_b: dt.date | None, shown: dt.date | None
    ) -> None:
        with self._batch:
            self._markers = (date_a, date_b, shown)

    def request_date(self, seconds: float) -> None:
        """The user clicked at ``seconds`` on the time axis."""
        self.sig_date_requested.emit(from_seconds(seconds))

    def _on_data_done(self, data: ChartData) -> None:
        with self._batch:
            self._data, self._computing, self._error = data, False, ""

    def _on_data_failed(self, exc: BaseException) -> None:
        text = one_line(exc)
        with self._batch:
            self._data, self._computing = ChartData(), False
            self._error = f"chart failed: {text}"
