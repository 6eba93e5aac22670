"""Figures for each region: held on A and on B, gained, lost, net, and area held over time.

The controller captures an immutable request on the UI thread (lon/lat region polygons and the
snapshot geometries for dates A and B), runs the pure functions below on a
:class:`~viewmodels.tasks.TaskRunner` worker, and applies the result to the
:class:`~viewmodels.regions_viewmodel.RegionsViewModel`. Edits are debounced (150 ms) and the
channels are latest-wins, so a drag never queues stale work.

The figures are a :class:`geo.delta.Delta` per region from :func:`geo.delta.delta_between`
and the area over time :func:`geo.delta.held_in_region`: the same functions as the command
line's ``delta --region``, so the app and the command line cannot disagree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from geo.delta import Delta, delta_between, held_in_region
from geo.model import latest_on_or_before

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    import numpy as np

    from geo.model import Snapshot
    from viewmodels.regions_viewmodel import RegionsViewModel
    from viewmodels.tasks import TaskRunner

DEBOUNCE_MS = 150


class RegionStatsController(QObject):
    """Keeps every region's figures (and the selected region's time series) up to date.

    Parameters
    ----------
    regions : RegionsViewModel
        Source of the regions and the sink for the figures.
    runner : TaskRunner
        Where the clipping runs (``synchronous=True`` in tests).
    debounce_ms : int
        Quiet time after the last edit before recomputing.
    """

    def __init__(
        self, regions: RegionsViewModel, runner: TaskRunner, debounce_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(regions)
        self._regions, self._runner = regions, runner
        self._snapshots: list[Snapshot] = []
        self._dates: list[dt.date] = []
        self._pair: tuple[dt.date, dt.date] | None = None
        self._cache: dict[tuple[bytes, int, int], Delta] = {}
        self._series_cache: dict[bytes, np.ndarray] = {}
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.refresh_now)
        regions.sig_regions_changed.connect(self._timer.start)
        regions.sig_region_changed.connect(self._on_regions_region_changed)
        regions.sig_selection_changed.connect(self._on_regions_selection_changed)

    def set_snapshots(self, snapshots: Sequence[Snapshot]) -> None:
        """Use this series' snapshots (sorted by date) from now on.

        Other snapshots (other data, or none: the regions' data was unloaded) clear the area
        series computed from the old ones, so no chart keeps showing them.
        """
        new = list(snapshots)
        if len(new) == len(self._snapshots) and all(
            a is b for a, b in zip(new, self._snapshots, strict=True)
        ):
            return
        self._snapshots = new
        self._generation += 1  # results still on their way from the old snapshots are dropped
        self._regions.clear_time_series()
        if not new:
            self._regions.set_stats({})
        self._dates = [s.date for s in self._snapshots]
        self._cache.clear()
        self._series_cache.clear()
        self._timer.start()

    def set_dates(self, date_a: dt.date | None, date_b: dt.date | None) -> None:
        """Compare ``date_a`` with ``date_b``; ``None`` turns the A/B figures off."""
        pair = None if date_a is None or date_b is None else (date_a, date_b)
        if pair != self._pair:
            self._pair = pair
            self._timer.start()

    def refresh_now(self) -> None:
        """Recompute now (the debounce timer calls this; benchmarks and tests may too)."""
        self._timer.stop()
        self._submit_stats()
        self._submit_series()

    def _on_regions_region_changed(self, _region_id: int) -> None:
        self._timer.start()

    def _on_regions_selection_changed(self) -> None:
        selected = self._regions.selected()
        if selected is not None and self._regions.time_series(selected) is None:
            self._timer.start()

    def _submit_stats(self) -> None:
        pair = self._pair
        snap_a = latest_on_or_before(self._snapshots, pair[0]) if pair else None
        snap_b = latest_on_or_before(self._snapshots, pair[1]) if pair else None
        if pair is None or snap_a is None or snap_b is None:
            self._regions.set_stats({})
            return
        a, b = pair
        cache, key_ab = self._cache, (id(snap_a.geometry), id(snap_b.geometry))
        todo = {s.id: (s.lonlat, s.name) for s in self._regions.regions()}

        def work() -> dict[int, tuple[tuple[bytes, int, int], Delta]]:
            out = {}
            for region_id, (region, name) in todo.items():
                key = (region.wkb, *key_ab)
                hit = cache.get(key)
                if hit is None or hit.region != name:
                    hit = delta_between(snap_a, snap_b, a, b, region, name)
                out[region_id] = (key, hit)
            return out

        generation = self._generation
        self._runner.submit(
            work, lambda result: self._on_stats_done(generation, result), channel="region-stats"
        )

    def _on_stats_done(
        self, generation: int, result: dict[int, tuple[tuple[bytes, int, int], Delta]]
    ) -> None:
        if generation != self._generation:
            return
        if len(self._cache) > 512:
            self._cache.clear()
        self._cache.update(result.values())
        self._regions.set_stats({k: v for k, (_, v) in result.items()})

    def _submit_series(self) -> None:
        selected = self._regions.selected()
        if selected is None or not self._snapshots:
            return
        region = self._regions.region(selected).lonlat
        key = region.wkb
        cached = self._series_cache.get(key)
        dates = list(self._dates)
        if cached is not None:
            self._regions.set_time_series(selected, dates, cached)
            return
        geometries = [s.geometry for s in self._snapshots]
        generation = self._generation

        def done(km2: np.ndarray) -> None:
            if generation != self._generation:
                return
            self._series_cache[key] = km2
            self._regions.set_time_series(selected, dates, km2)

        def work() -> np.ndarray:
            return held_in_region(geometries, region)

        self._runner.submit(work, done, channel="region-series")
