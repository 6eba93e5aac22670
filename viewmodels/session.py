"""The session: what is open (files, series, dates, compare, view, layers, regions), kept between
launches and in ``.frontline`` project files (format: :mod:`geo.session_file`).

On quit (and after each load of the user's data) the session is written to
``<user data dir>/last-session.frontline``; the next launch reopens it instead of the demo.
Applying a session opens its files in the worker and, when that load has arrived, sets the series,
dates A/B, compare, shown date, layer order and styles and the map view.

Drawn regions belong to the session's data: their figures are computed only while the data they
belong to is loaded (:meth:`SessionViewModel.regions_have_data`; the rule is spelled out in
:mod:`viewmodels.regions_data`), so regions drawn on DeepState never show numbers from an ISW file
or the demo, and show "no data" with the reason while other data is open or theirs is loading.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from geo.errors import AtlasError
from geo.session_file import Session, read_session, write_session
from viewmodels.regions_data import regions_note, same_data

if TYPE_CHECKING:
    import os

    from geo.layer_style import LayerStyle
    from viewmodels.app_viewmodel import AppViewModel
    from viewmodels.regions_viewmodel import RegionsViewModel

LAST_SESSION = "last-session.frontline"


def default_last_session_path() -> Path:
    """``<user data dir>/frontline-atlas/last-session.frontline``."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("frontline-atlas")) / LAST_SESSION


class SessionViewModel(QObject):
    """Captures and applies sessions; saves the last one; opens and saves project files.

    Parameters
    ----------
    app : AppViewModel
        The application whose state is the session.
    last_path : Path, optional
        Where the last session is kept (:func:`default_last_session_path` by default).
    """

    sig_regions_data_changed = Signal(bool)
    """Whether the data the regions belong to is the data loaded now changed."""
    sig_error_raised = Signal(str)
    """A project file could not be read or written (one line naming it)."""

    def __init__(self, app: AppViewModel, last_path: Path | None = None) -> None:
        super().__init__(app)
        self._app = app
        self.last_path = last_path or default_last_session_path()
        self._regions: RegionsViewModel | None = None
        self._pending: Session | None = None
        self._regions_paths: tuple[str, ...] = ()
        self._has_data = False
        app.dataset.sig_loading_changed.connect(self._on_dataset_loading_changed)
        app.dataset.sig_catalog_changed.connect(self._on_dataset_catalog_changed)

    # -- regions ------------------------------------------------------------------------------

    def attach_regions(self, regions: RegionsViewModel) -> None:
        """The drawn regions that belong to the session."""
        self._regions = regions
        regions.sig_regions_changed.connect(self._on_regions_regions_changed)

    def regions_paths(self) -> tuple[str, ...]:
        """The data the regions' figures belong to (empty: not decided yet)."""
        return self._regions_paths

    def regions_have_data(self) -> bool:
        """Whether the regions' own data is loaded now (only then are figures computed)."""
        dataset = self._app.dataset
        if dataset.catalog() is None or dataset.loading() or not self._regions_paths:
            return False
        return same_data(dataset.paths(), self._regions_paths)

    def regions_note(self) -> str:
        """Why the regions show no figures now, in one line ("" when their data is loaded)."""
        dataset = self._app.dataset
        loaded = dataset.paths() if dataset.catalog() is not None else ()
        return regions_note(self._regions_paths, loaded, dataset.loading(), dataset.is_demo())

    @Slot()
    def _on_regions_regions_changed(self) -> None:
        """With its last region deleted the session lets go of their data (see
        :mod:`viewmodels.regions_data`); the next region drawn belongs to what is loaded."""
        dataset = self._app.dataset
        if not self._has_regions() and self._pending is None:
            loaded = dataset.catalog() is not None and not dataset.loading()
            self._regions_paths = tuple(dataset.paths()) if loaded else ()
            self._update_data()

    def _has_regions(self) -> bool:
        return self._regions is not None and bool(self._regions.regions())

    def _update_data(self) -> None:
        has = self.regions_have_data()
        if has != self._has_data:
            self._has_data = has
            self.sig_regions_data_changed.emit(has)

    # -- capture and apply --------------------------------------------------------------------

    def capture(self, *, with_regions: bool) -> Session:
        """The session as it is now (the synthetic demo's files are never part of it)."""
        app, tl = self._app, self._app.timeline
        demo = app.dataset.is_demo()
        layers = tuple(app.layers.layers())  # the layer panel's styles are the file's
        regions = None
        if with_regions and self._regions is not None:
            from geo.regions import Region

            regions = tuple(Region(r.name, r.lonlat, r.color) for r in self._regions.regions())
        choices = app.dataset.series_choices_dict()
        return Session(
            paths=() if demo else tuple(app.dataset.paths()),
            series=tl.series(),
            date_a=tl.date_a(),
            date_b=tl.date_b(),
            shown=tl.shown_date(),
            compare=tl.compare(),
            view=app.map.view_bbox(),
            layers=layers,
            regions=regions,
            regions_paths=self._regions_paths,
            series_choices=choices or None,
        )

    def apply(self, session: Session) -> None:
        """Reopen ``session``: its files load in the worker; the rest follows when they arrive."""
        self._apply_layers(session.layers)
        if session.regions is not None and self._regions is not None:
            self._replace_regions(session)
        self._regions_paths = session.regions_paths or session.paths
        if session.paths:
            self._pending = session
            self._app.open_paths(list(session.paths))
            if session.series_choices:
                try:
                    self._app.dataset.restore_series_choices(dict(session.series_choices))
                except ValueError as exc:
                    self.sig_error_raised.emit(f"series choices not restored: {exc}")
        elif session.view is not None:
            self._fit(session.view)
        self._update_data()

    def _replace_regions(self, session: Session) -> None:
        regions = self._regions
        if regions is None or session.regions is None:
            return
        for state in regions.regions():
            regions.delete_region(state.id)
        items = [(r.name, r.color, r.geometry) for r in session.regions]
        if items:
            regions.add_loaded(items, "Open project")
        regions.undo_stack.clear()

    def _apply_layers(self, styles: tuple[LayerStyle, ...]) -> None:
        """Order and style of the layers present now (series ones once their data is loaded)."""
        layers = self._app.layers
        present = {la.name for la in layers.layers()}
        index = 0
        for style in styles:
            if style.name not in present:
                continue
            try:
                layers.set_color(style.name, style.color)
            except ValueError:
                continue
            layers.set_visible(style.name, style.visible)
            layers.set_opacity(style.name, style.opacity)
            layers.move(style.name, index)
            index += 1

    def _fit(self, view: tuple[float, float, float, float]) -> None:
        from viewmodels.app_viewmodel import restorable_bbox

        self._app.map.request_fit(restorable_bbox(view))

    @Slot(bool)
    def _on_dataset_loading_changed(self, loading: bool) -> None:
        dataset = self._app.dataset
        pending = self._pending
        if not loading and pending is not None and not same_data(dataset.paths(), pending.paths):
            self._pending = None  # that load failed or was cancelled: nothing to restore
        self._update_data()

    @Slot()
    def _on_dataset_catalog_changed(self) -> None:
        dataset = self._app.dataset
        closed = dataset.catalog() is None and self._pending is None  # File → Close data
        adopt = not self._regions_paths or not self._has_regions()  # never other data
        if adopt and self._pending is None:
            self._regions_paths = tuple(dataset.paths())
        session, self._pending = self._pending, None
        if session is not None:
            self._restore_state(session)
        self._update_data()
        if closed:
            self._forget_last()  # the next launch opens nothing, as the user left it
        elif not dataset.is_demo():
            self.save_last()

    def _restore_state(self, session: Session) -> None:
        tl = self._app.timeline
        if session.series in tl.series_names():
            tl.set_series(session.series)
        tl.set_dates(session.date_a or tl.date_a(), session.date_b or tl.date_b())
        tl.set_compare(session.compare)
        if session.shown is not None and not session.compare:
            tl.set_shown_date(session.shown)
        self._apply_layers(session.layers)
        if session.view is not None:
            self._fit(session.view)

    # -- files --------------------------------------------------------------------------------

    def save_last(self) -> None:
        """Write the last session (regions stay in their own autosave).

        Nothing is written while the last session is still being reopened, or when no data
        arrived (a load that failed), so quitting early never loses it.
        """
        if self._pending is not None or self._app.dataset.catalog() is None:
            return
        try:
            self.last_path.parent.mkdir(parents=True, exist_ok=True)
            write_session(self.last_path, self.capture(with_regions=False))
        except (AtlasError, OSError) as exc:
            self.sig_error_raised.emit(f"{self.last_path}: session not saved: {exc}")

    def _forget_last(self) -> None:
        try:
            self.last_path.unlink(missing_ok=True)
        except OSError as exc:
            self.sig_error_raised.emit(f"{self.last_path}: last session not cleared: {exc}")

    def restore_last(self) -> bool:
        """Reopen the last session; False when there is none (or it is unreadable/empty)."""
        if not self.last_path.exists():
            return False
        try:
            session = read_session(self.last_path)
        except AtlasError as exc:
            self.sig_error_raised.emit(str(exc))
            return False
        if not session.paths:
            return False
        self.apply(replace(session, regions=None))
        return True

    def save_project(self, path: str | os.PathLike[str]) -> bool:
        """Write the session, regions included, to a ``.frontline`` file."""
        try:
            write_session(path, self.capture(with_regions=True))
        except (AtlasError, OSError) as exc:
            self.sig_error_raised.emit(f"{path}: project not saved: {exc}")
            return False
        return True

    def open_project(self, path: str | os.PathLike[str]) -> bool:
        """Open a ``.frontline`` file (replacing what is open, regions included)."""
        try:
            session = read_session(path)
        except AtlasError as exc:
            self.sig_error_raised.emit(str(exc))
            return False
        self.apply(session)
        return True
