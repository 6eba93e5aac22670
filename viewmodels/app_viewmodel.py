"""The application's viewmodel: composes the feature viewmodels and wires them together.

Views bind to the feature viewmodels it exposes (``dataset``, ``timeline``, ``compare``,
``chart``, ``cursor``, ``map``, ``layers``, ``basemap``, ``regions``, ``session``); menus and
shortcuts call its commands. All wiring between feature viewmodels is here or in a feature
viewmodel it owns.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from geo.projection import restorable_bbox
from geo.resources import resource_path
from viewmodels.basemap_viewmodel import BasemapViewModel
from viewmodels.basemap_viewmodel import default_loader as default_basemap_loader
from viewmodels.chart_viewmodel import ChartViewModel
from viewmodels.compare_viewmodel import CompareViewModel
from viewmodels.cursor_viewmodel import CursorViewModel
from viewmodels.dataset_viewmodel import DatasetViewModel
from viewmodels.layers_viewmodel import LayersViewModel
from viewmodels.map_viewmodel import MapViewModel
from viewmodels.problems import ProblemRow
from viewmodels.regions_feature import RegionsFeatureViewModel
from viewmodels.settings import SettingsStore
from viewmodels.tasks import TaskRunner, shutdown_runners
from viewmodels.timeline_viewmodel import TimelineViewModel

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtCore import QSettings

    from geo.basemap_data import BasemapData
    from geo.model import Catalog

APP_NAME = "Frontline Atlas"
DEMO_LABEL = "Demo data — synthetic"
ATTRIBUTION_FILE = resource_path("ATTRIBUTION.md")
CREDITS = {
    "deepstate": "Front line: DeepStateMap.live via cyterat/deepstate-map-data (GPL-3.0).",
    "isw": "Front line: Institute for the Study of War (ISW) with AEI's Critical Threats Project.",
}


class AppViewModel(QObject):
    """Everything the main window shows, and the commands its menus and shortcuts trigger."""

    sig_title_changed = Signal(str)
    """The window title changed (it names the data and says when it is the synthetic demo)."""
    sig_demo_changed = Signal(bool)
    """The synthetic demo was loaded (True) or replaced by real data (False)."""
    sig_recent_changed = Signal(object)
    """The recent files list changed (a list of str)."""
    sig_welcome_changed = Signal(bool)
    """Whether the Welcome dock is offered changed (nothing loaded nor loading, or the demo)."""

    def __init__(
        self,
        settings: QSettings | None = None,
        *,
        synchronous: bool = False,
        loader: Callable[..., Catalog] | None = None,
        delta: Callable[..., Any] | None = None,
        changes: Callable[..., Any] | None = None,
        basemap: Callable[[], BasemapData] = default_basemap_loader,
    ) -> None:
        super().__init__()
        self.settings = SettingsStore(settings)
        self.runner = TaskRunner(self, synchronous=synchronous)
        self.map = MapViewModel(self)
        self.layers = LayersViewModel(self)
        self.dataset = DatasetViewModel(self.runner, loader)
        self.timeline = TimelineViewModel(self)
        self.compare = CompareViewModel(self.runner, delta)
        self.chart = ChartViewModel(self.runner, changes)
        self.cursor = CursorViewModel(self)
        self.basemap = BasemapViewModel(self.runner, basemap, parent=self)
        self._title = APP_NAME
        self._demo = False
        self._welcome = True
        self._restored = False
        self._saved_view = self.settings.view_bbox()
        self._view_restored = False
        self._connect()
        from viewmodels.series_follow import SeriesFollower

        self._series_follower = SeriesFollower(self.dataset, self.layers, self.timeline, self)
        from viewmodels.session import SessionViewModel

        self.session = SessionViewModel(self)
        self.regions = RegionsFeatureViewModel(
            self.runner, self.timeline, self.dataset, self.session, self.chart, self
        )

    def _connect(self) -> None:
        self.dataset.sig_catalog_changed.connect(self._on_dataset_catalog_changed)
        self.dataset.sig_catalog_changed.connect(self._update_welcome)
        self.dataset.sig_loading_changed.connect(self._update_welcome)
        tl = self.timeline
        tl.sig_series_changed.connect(self._on_timeline_series_changed)
        tl.sig_shown_date_changed.connect(self._on_timeline_shown_changed)
        for signal in (tl.sig_date_a_changed, tl.sig_date_b_changed, tl.sig_compare_changed):
            signal.connect(self._on_timeline_dates_changed)
        self.compare.sig_geometries_changed.connect(self.map.set_compare)
        self.chart.sig_date_requested.connect(self._on_chart_date_requested)
        self.map.sig_cursor_moved.connect(self._on_map_cursor_moved)
        self.map.sig_view_changed.connect(self._on_map_view_changed)
        self.layers.sig_layers_changed.connect(self._on_layers_changed)
        self.layers.sig_layer_changed.connect(self._on_layers_changed)
        self.basemap.sig_problem_changed.connect(self._on_basemap_problem_changed)

    def title(self) -> str:
        return self._title

    def is_demo(self) -> bool:
        return self._demo

    def welcome(self) -> bool:
        """Whether to offer the Welcome dock: nothing loaded nor loading, or the synthetic demo."""
        return self._welcome

    def _update_welcome(self, *_args: object) -> None:
        dataset = self.dataset
        welcome = self._demo or (dataset.catalog() is None and not dataset.loading())
        if welcome != self._welcome:
            self._welcome = welcome
            self.sig_welcome_changed.emit(welcome)

    def recent_files(self) -> list[str]:
        return self.settings.recent_files()

    # Commands -----------------------------------------------------------------------------

    def open_paths(self, paths: Sequence[str]) -> None:
        """Open files or folders (replacing what is loaded) and remember them.

        A path that does not exist is a message, never a load nor a recent-files entry.
        """
        paths = [str(p) for p in paths]
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            self.dataset.sig_error_raised.emit(f"{missing[0]}: no such file or folder{more}")
        paths = [p for p in paths if p not in missing]
        if not paths:
            return
        self.settings.set_last_folder(str(Path(paths[0]).parent))
        self.sig_recent_changed.emit(self.settings.add_recent(paths))
        self.dataset.open_paths(paths)

    def open_demo(self, *, at_launch: bool = False) -> None:
        """Write the synthetic demo files (first use only) in the worker, then open them.

        From the menu it always opens; ``at_launch`` (a first launch) it yields to the user's
        own files if they came first (a file opened by the OS meanwhile).
        """
        from geo.demo import write_demo

        self.runner.submit(
            write_demo,
            lambda files: self._open_demo_files([str(f) for f in files], at_launch),
            lambda exc: self.dataset.sig_error_raised.emit(f"demo: {exc}"),
        )

    def _open_demo_files(self, files: list[str], at_launch: bool) -> None:
        if not at_launch or (not self.dataset.loading() and not self.dataset.paths()):
            self.dataset.open_paths(files)

    def cancel_load(self) -> None:
        self.dataset.cancel()

    def close_data(self) -> None:
        """File → Close data: unload what is open (drawn regions stay, showing "no data")."""
        self.dataset.close()

    def fit(self) -> None:
        """Fit the map to the data."""
        self.map.request_fit(None)

    def zoom(self, factor: float) -> None:
        """Zoom the map by ``factor`` (>1 zooms in) about the view's centre."""
        bbox = self.map.view_bbox()
        if bbox is None:
            return
        cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
        hw, hh = (bbox[2] - bbox[0]) / (2 * factor), (bbox[3] - bbox[1]) / (2 * factor)
        self.map.request_fit((cx - hw, cy - hh, cx + hw, cy + hh))

    def toggle_playing(self) -> None:
        self.timeline.toggle_playing()

    def step(self, count: int) -> None:
        self.timeline.set_playing(False)
        self.timeline.step(count)

    def toggle_compare(self) -> None:
        self.timeline.toggle_compare()

    def about_text(self) -> str:
        """Attributions for the About box: the basemap's file, plus the data loaded now."""
        parts = [f"{APP_NAME} — offline viewer for front-line territorial-control data."]
        if ATTRIBUTION_FILE.is_file():
            parts.append(ATTRIBUTION_FILE.read_text(encoding="utf-8").strip())
        sources = " ".join(self.dataset.paths()).lower()
        parts += [text for key, text in CREDITS.items() if key in sources]
        if self._demo:
            parts.append(f"{DEMO_LABEL}: generated by Frontline Atlas, not a real front line.")
        return "\n\n".join(parts)

    def shutdown(self) -> None:
        """Save the session, stop playback and the workers (the window is closing)."""
        self.session.save_last()
        self.regions.flush()
        self.timeline.set_playing(False)
        self.dataset.cancel()
        shutdown_runners(self)

    # Wiring -------------------------------------------------------------------------------

    @Slot()
    def _on_dataset_catalog_changed(self) -> None:
        catalog = self.dataset.catalog()
        self.compare.set_outliers(self.dataset.outliers())
        self._set_demo(self.dataset.is_demo())
        self.layers.set_series_layers(catalog.series_names() if catalog else [])
        series, date_a, date_b = self.settings.dates_for(self.dataset.paths())
        self.timeline.set_catalog(catalog)
        if not self._restored and not self._demo:
            self._restored = True
            if series in self.timeline.series_names():
                self.timeline.set_series(series)
                self.timeline.set_dates(date_a or self.timeline.date_a(), date_b)
        self._on_timeline_series_changed()
        self._fit_or_restore_view()

    def _fit_or_restore_view(self) -> None:
        """Fit the map to the data, except on the first load of a session with a saved view.

        Until then the canvas reports its placeholder view, which must not overwrite the saved
        one; from then on every view the canvas reports is remembered.
        """
        saved, self._saved_view = self._saved_view, None
        self._view_restored = True
        self.map.request_fit(None if saved is None else restorable_bbox(saved))

    @Slot()
    def _on_timeline_series_changed(self) -> None:
        self.chart.set_source(self.dataset.catalog(), self.timeline.series())
        self._on_timeline_shown_changed()
        self._on_timeline_dates_changed()

    @Slot()
    def _on_timeline_shown_changed(self) -> None:
        from geo.shown import shown_on

        catalog, date = self.dataset.catalog(), self.timeline.shown_date()
        series = shown_on(catalog, date) if catalog is not None and date is not None else {}
        self.map.set_shown({n: s.geometry for n, s in series.items() if s.geometry is not None})
        self.map.set_series_shown(series)
        self._on_layers_changed()
        tl = self.timeline
        self.chart.set_markers(tl.date_a(), tl.date_b(), tl.shown_date())

    @Slot()
    def _on_timeline_dates_changed(self) -> None:
        tl = self.timeline
        self.chart.set_markers(tl.date_a(), tl.date_b(), tl.shown_date())
        if tl.compare():
            self.compare.request(self.dataset.catalog(), tl.series(), tl.date_a(), tl.date_b())
        else:
            self.compare.clear()
        if not self._demo and tl.series():
            self.settings.set_dates(tl.series(), tl.date_a(), tl.date_b(), self.dataset.paths())

    @Slot()
    def _on_layers_changed(self) -> None:
        """Hover tests every visible series, top layer first."""
        shown = self.map.series_shown()
        top_first = reversed(self.layers.series_layers())
        visible = [la.name for la in top_first if la.visible and la.name in shown]
        self.cursor.set_targets([shown[name] for name in visible])

    @Slot()
    def _on_basemap_problem_changed(self) -> None:
        """A basemap that cannot be read is listed with the files that could not be loaded."""
        problem = self.basemap.problem()
        detail = "" if problem is None else f"basemap not loaded: {problem[1]}"
        rows = () if problem is None else (ProblemRow("refused", problem[0], detail),)
        self.dataset.set_outside_problems(rows)

    @Slot(object)
    def _on_chart_date_requested(self, date: Any) -> None:
        self.timeline.set_playing(False)
        self.timeline.set_shown_date(date)

    @Slot(object)
    def _on_map_view_changed(self, bbox: tuple[float, float, float, float] | None) -> None:
        if self._view_restored and bbox is not None:
            self.settings.set_view_bbox(bbox)

    @Slot(object)
    def _on_map_cursor_moved(self, cursor: tuple[float, float] | None) -> None:
        self.cursor.set_cursor(*(cursor or (None, None)))

    def _set_demo(self, demo: bool) -> None:
        names = sorted({Path(p.split("!")[0]).name for p in self.dataset.paths()})
        label = DEMO_LABEL if demo else (names[0] if len(names) == 1 else f"{len(names)} sources")
        title = f"{APP_NAME} — {label}" if names else APP_NAME
        if demo != self._demo:
            self._demo = demo
            self.sig_demo_changed.emit(demo)
            self._update_welcome()
        if title != self._title:
            self._title = title
            self.sig_title_changed.emit(title)
