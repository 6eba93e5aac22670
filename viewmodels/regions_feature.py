"""The regions feature as one viewmodel, owned by :class:`~viewmodels.app_viewmodel.AppViewModel`.

It holds the drawn regions (:class:`~viewmodels.regions_viewmodel.RegionsViewModel`), keeps
their figures current (:class:`~viewmodels.region_stats.RegionStatsController`) on the
timeline's series and dates A/B, puts the selected region's area over time on the chart, and
owns the autosave. All of this wiring lives here, in the viewmodel layer, next to the wiring of
compare, chart and cursor; the ui only binds views and map items to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from viewmodels.autosave import RegionsAutosave
from viewmodels.region_stats import RegionStatsController
from viewmodels.regions_viewmodel import RegionsViewModel

if TYPE_CHECKING:
    from pathlib import Path

    from viewmodels.chart_viewmodel import ChartViewModel
    from viewmodels.dataset_viewmodel import DatasetViewModel
    from viewmodels.session import SessionViewModel
    from viewmodels.tasks import TaskRunner
    from viewmodels.timeline_viewmodel import TimelineViewModel


class RegionsFeatureViewModel(QObject):
    """Regions, their figures for dates A and B, their chart series and their autosave.

    Parameters
    ----------
    runner : TaskRunner
        Where the figures are computed.
    timeline, dataset, session, chart
        The application's viewmodels this feature follows (series, dates A/B, loaded data,
        whether the regions belong to it) and feeds (the selected region's series).
    parent : QObject, optional
        The owner (the application's viewmodel).
    """

    sig_message_posted = Signal(str)
    """A one-line message for the status bar (an autosave or file problem)."""

    def __init__(
        self,
        runner: TaskRunner,
        timeline: TimelineViewModel,
        dataset: DatasetViewModel,
        session: SessionViewModel,
        chart: ChartViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.regions = RegionsViewModel(self)
        self.stats = RegionStatsController(self.regions, runner)
        self.autosave: RegionsAutosave | None = None
        self._timeline, self._dataset, self._session, self._chart = (
            timeline,
            dataset,
            session,
            chart,
        )
        session.attach_regions(self.regions)
        for signal in (
            dataset.sig_catalog_changed,
            dataset.sig_loading_changed,
            session.sig_regions_data_changed,
            self.regions.sig_regions_changed,
            timeline.sig_series_changed,
            timeline.sig_date_a_changed,
            timeline.sig_date_b_changed,
        ):
            signal.connect(self._on_source_changed)
        for signal in (
            self.regions.sig_selection_changed,
            self.regions.sig_time_series_changed,
            self.regions.sig_region_changed,
            self.regions.sig_regions_changed,
        ):
            signal.connect(self._on_regions_series_changed)

    def post_message(self, text: str) -> None:
        """Show ``text`` in the status bar (views call this for errors they caught)."""
        self.sig_message_posted.emit(text)

    def start_autosave(self, path: Path | None = None) -> RegionsAutosave:
        """Restore the last autosave now and write after every change from then on."""
        if self.autosave is None:
            self.autosave = RegionsAutosave(self.regions, path)
            self.autosave.sig_corrupt_found.connect(self.post_message)
            self.autosave.sig_save_failed.connect(self.post_message)
            self.autosave.restore()
        return self.autosave

    def flush(self) -> None:
        """Write a pending autosave now (the application is quitting)."""
        if self.autosave is not None:
            self.autosave.flush()

    def _on_source_changed(self, *_args: object) -> None:
        """The figures follow the timeline's series and dates, on the regions' own data only."""
        catalog, series = self._dataset.catalog(), self._timeline.series()
        ok = catalog is not None and series in catalog.series
        ok = ok and self._session.regions_have_data()  # never figures from other data
        snapshots = catalog.snapshots(series) if ok and catalog is not None else []
        self.stats.set_snapshots(snapshots)
        self.stats.set_dates(self._timeline.date_a(), self._timeline.date_b())
        self.regions.set_data_note(self._session.regions_note())

    def _on_regions_series_changed(self, *_args: object) -> None:
        """The chart shows the selected region's series (cleared while there is none yet)."""
        selected = self.regions.selected()
        series = None if selected is None else self.regions.time_series(selected)
        if selected is None or series is None:
            self._chart.set_region_series(None)
            return
        state = self.regions.region(selected)
        dates, km2 = series
        self._chart.set_region_series(state.name, state.color, dates, [float(v) for v in km2])
