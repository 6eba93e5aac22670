"""The loaded dataset: open paths in a worker with progress and cancel, and list the problems.

The worker never touches a widget or a viewmodel: the loader's ``progress`` callback writes into
a lock-guarded :class:`~viewmodels.load_threads.LoadState`, which pokes the main thread through
a queued signal (at most one poke in flight, so a fast loader cannot flood the event loop);
``cancelled`` reads a ``threading.Event`` that :meth:`DatasetViewModel.cancel` sets. Loads run
in their own threads and post only to an object that is never deleted
(:mod:`viewmodels.load_threads`). What the loaded catalog shows and its problem rows are
computed in the worker too (:mod:`viewmodels.problems`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from geo.demo import is_demo_path
from geo.errors import one_line
from geo.series_choices import SeriesChoices
from viewmodels.load_threads import LoadProgress, LoadState, LoadThreads, post_progress
from viewmodels.problems import ProblemRow, Shown, show_catalog
from viewmodels.series_commands import ChangeSeriesCommand

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from geo.model import Catalog
    from geo.outliers import Outlier
    from geo.series_choices import Member
    from viewmodels.tasks import TaskRunner

    Loader = Callable[..., Catalog]


@dataclass(frozen=True)
class _LoadResult:
    base: Catalog
    shown: Shown
    paths: tuple[str, ...]


def default_loader(paths: Sequence[str], **kwargs: Any) -> Catalog:
    """``geo.loader.load_paths``, imported on first use to keep the first frame fast."""
    from geo.loader import load_paths

    return load_paths(list(paths), **kwargs)


class DatasetViewModel(QObject):
    """The catalog that is loaded, the load in progress, and what went wrong on the way."""

    sig_catalog_changed = Signal()
    """A new catalog replaced the old one."""
    sig_loading_changed = Signal(bool)
    """A load started (True) or ended (False)."""
    sig_progress_changed = Signal(object)
    """The running load's :class:`LoadProgress` changed."""
    sig_problems_changed = Signal()
    """The problem rows changed."""
    sig_message_changed = Signal(str)
    """The one-line status message changed (loaded N snapshots, cancelled, failed…)."""
    sig_error_raised = Signal(str)
    """A load failed; the argument is a one-line message for the user."""
    sig_series_choices_changed = Signal(object)
    """The user's :class:`~geo.series_choices.SeriesChoices` changed (rename, merge, split…)."""
    sig_series_renamed = Signal(str, str)
    """The user renamed a series (old name, new name); the regrouped catalog follows."""

    def __init__(self, runner: TaskRunner, loader: Loader | None = None) -> None:
        super().__init__()
        self._runner = runner
        self._loader = loader or default_loader
        self._catalog: Catalog | None = None
        self._paths: tuple[str, ...] = ()
        self._loading = False
        self._progress = LoadProgress()
        self._problems: tuple[ProblemRow, ...] = ()
        self._outside: tuple[ProblemRow, ...] = ()
        self._message = ""
        self._state: LoadState | None = None
        self._base: Catalog | None = None
        self._choices = SeriesChoices()
        self._outliers: tuple[Outlier, ...] = ()
        self.undo_stack = QUndoStack(self)
        """Undo and redo of series choices."""
        self._threads = LoadThreads(self)
        self._threads.sig_load_finished.connect(self._on_load_finished)
        self._threads.sig_load_progressed.connect(self._on_worker_progress)

    def catalog(self) -> Catalog | None:
        return self._catalog

    def paths(self) -> tuple[str, ...]:
        """The paths the current catalog was loaded from."""
        return self._paths

    def is_demo(self) -> bool:
        """Whether the current catalog is the synthetic demo."""
        return bool(self._paths) and all(is_demo_path(p) for p in self._paths)

    def loading(self) -> bool:
        return self._loading

    def progress(self) -> LoadProgress:
        return self._progress

    def problems(self) -> tuple[ProblemRow, ...]:
        """Problems of files outside the data (the basemap) first, then the loaded data's."""
        return self._outside + self._problems

    def set_outside_problems(self, rows: tuple[ProblemRow, ...]) -> None:
        """List problems of files the app reads beside the data (the basemap); kept across loads.

        The first one is also the status message, as a failed load's would be.
        """
        if rows != self._outside:
            self._outside = rows
            self.sig_problems_changed.emit()
            if rows:
                self._set_message(f"{rows[0].path}: {rows[0].detail}")

    def message(self) -> str:
        return self._message

    def open_paths(self, paths: Sequence[str]) -> None:
        """Load ``paths`` (files or folders) in the worker; the result replaces the catalog."""
        paths = tuple(str(p) for p in paths)
        if not paths:
            return
        if self._state is not None:
            self._state.cancel()
        state = LoadState(post_progress)
        self._threads.track(state)
        self._state = state
        loader = self._loader
        self._set_loading(True)
        self._set_progress(LoadProgress(0.0, "starting"))

        choices = self._choices

        def work() -> _LoadResult:
            catalog = loader(paths, progress=state.report, cancelled=state.is_cancelled)
            return _LoadResult(catalog, show_catalog(catalog, choices), paths)

        if not self._runner.synchronous:
            self._threads.start(state, work)
            return
        self._runner.submit(
            work,
            lambda result: self._on_load_done(state, result),
            lambda exc: self._on_load_failed(state, exc),
            channel="load",
        )

    def cancel(self) -> None:
        """Stop the running load now and keep the previous data (a stuck read is abandoned)."""
        if self._stop_load():
            self._set_message("load cancelled; the previous data is kept")

    def close(self) -> None:
        """Unload the data (a running load is stopped): nothing is shown until files are opened."""
        stopped = self._stop_load()
        if self._base is None and self._catalog is None:
            if stopped:
                self._set_message("load cancelled")
            return
        self._base, self._paths, self._catalog, self._outliers = None, (), None, ()
        self.sig_catalog_changed.emit()
        self._set_problems(())
        self._set_message("data closed")

    def _stop_load(self) -> bool:
        """Stop the running load, if any (a stuck read is abandoned); whether there was one."""
        if self._state is None:
            return False
        self._state.cancel()
        self._threads.forget(self._state)
        self._state = None
        self._set_loading(False)
        return True

    def _on_load_finished(self, state: LoadState, outcome: object) -> None:
        if isinstance(outcome, _LoadResult):
            self._on_load_done(state, outcome)
        elif isinstance(outcome, BaseException):
            self._on_load_failed(state, outcome)

    @Slot(object)
    def _on_worker_progress(self, state: LoadState) -> None:
        if state is self._state and self._loading:
            self._set_progress(state.take())

    def _on_load_done(self, state: LoadState, result: _LoadResult) -> None:
        if state is not self._state:
            return
        self._state = None
        if not result.base.series and self._base is not None:
            self._keep_previous(result.shown.rows)
            return
        self._base, self._paths = result.base, result.paths
        count = sum(len(v) for v in result.shown.catalog.series.values())
        refused = sum(1 for r in result.shown.rows if r.kind == "refused")
        self._set_loading(False)
        if result.shown.choices == self._choices:
            self._on_shown(result.shown)
        else:  # the user changed the series while the files were loading
            self._show_choices()
        self._set_message(f"loaded {count} snapshots, {refused} refused{self._outside_note()}")

    def _outside_note(self) -> str:
        """``; basemap not loaded (see Problems)`` while files beside the data have problems,
        so the status after a load agrees with the Problems panel's count."""
        heads = [row.detail.partition(":")[0] for row in self._outside]
        return "".join(f"; {head} (see Problems)" for head in heads)

    # Series choices -----------------------------------------------------------------------

    def base_catalog(self) -> Catalog | None:
        """The catalog as loaded, with automatic series (before the user's choices)."""
        return self._base

    def series_choices(self) -> SeriesChoices:
        return self._choices

    def outliers(self) -> tuple[Outlier, ...]:
        """The suspect snapshots of the catalog shown (see :mod:`geo.outliers`)."""
        return self._outliers

    def series_choices_dict(self) -> dict[str, Any]:
        """The series choices as a plain JSON-able mapping, for a saved session."""
        return self._choices.to_dict()

    def restore_series_choices(self, data: dict[str, Any]) -> None:
        """Choices from :meth:`series_choices_dict` (a session); ``ValueError`` if malformed."""
        self.undo_stack.clear()
        self.apply_series_choices(SeriesChoices.from_dict(data))

    def set_as_series(self, name: str) -> None:
        """Show every snapshot as one series ``name`` (``--as-series``; empty: automatic)."""
        self.apply_series_choices(SeriesChoices(as_series=" ".join(name.split())))

    def members(self, shown: str | None = None, source: str | None = None) -> list[Member]:
        """The (automatic series, file) members shown in series ``shown`` and/or from ``source``."""
        from geo.series_choices import members, members_of

        if self._base is None:
            return []
        base, choices = self._base, self._choices
        found = members(base) if shown is None else members_of(base, choices, shown)
        return [m for m in found if source is None or m.source == source]

    def rename_series(self, old: str, new: str) -> None:
        """Rename the series ``old`` (to an existing name: merge into it). Undoable."""
        choices = self._choices.renamed(self._automatic(), old, new)
        if choices != self._choices:
            self.sig_series_renamed.emit(old, " ".join(new.split()))  # before the new catalog
            self._push(choices, f"Rename {old} to {new}")

    def merge_series(self, names: Sequence[str], into: str) -> None:
        """Show the series ``names`` as one series ``into``. Undoable."""
        choices = self._choices.merged(self._automatic(), names, into)
        self._push(choices, f"Merge {len(list(names))} series into {into}")

    def move_to_series(self, members: Sequence[Member], name: str) -> None:
        """Show ``members`` (files of a series) as series ``name``: split or gather. Undoable."""
        self._push(self._choices.moved(members, name), f"Move {len(members)} files to {name}")

    def reset_series(self) -> None:
        """Back to the automatic series. Undoable."""
        self._push(SeriesChoices(), "Automatic series")

    def apply_series_choices(self, choices: SeriesChoices) -> None:
        """Make ``choices`` current and regroup the catalog in the worker (no undo step)."""
        if choices == self._choices:
            return
        self._choices = choices
        self.sig_series_choices_changed.emit(choices)
        if self._state is None:  # a running load applies the choices when it is done
            self._show_choices()

    def _show_choices(self) -> None:
        base, choices = self._base, self._choices
        if base is not None:
            self._runner.submit(
                lambda: show_catalog(base, choices),
                self._on_shown,
                lambda exc: self.sig_error_raised.emit(one_line(exc)),
                channel="series",
            )

    def _push(self, choices: SeriesChoices, text: str) -> None:
        if choices != self._choices:
            self.undo_stack.push(ChangeSeriesCommand(self, choices, text))

    def _automatic(self) -> list[str]:
        return self._base.series_names() if self._base is not None else []

    def _on_shown(self, shown: Shown) -> None:
        if shown.choices != self._choices:
            return  # a newer choice is on its way
        self._catalog, self._outliers = shown.catalog, shown.outliers
        self.sig_catalog_changed.emit()
        self._set_problems(shown.rows)

    def _keep_previous(self, rows: tuple[ProblemRow, ...]) -> None:
        """Nothing could be loaded: keep what was open and list why the new files were refused."""
        refused = tuple(r for r in rows if r.kind == "refused")
        reason = f"{refused[0].path}: {refused[0].detail}" if refused else "no polygon data"
        self._set_loading(False)
        self._set_problems(self._problems + refused)
        self._set_message(f"nothing loaded, {len(refused)} refused (see Problems); data kept")
        self.sig_error_raised.emit(f"Nothing could be loaded: {reason}")

    def _on_load_failed(self, state: LoadState, exc: BaseException) -> None:
        if state is not self._state:
            return
        self._state = None
        self._set_loading(False)
        if state.is_cancelled() or type(exc).__name__ == "LoadCancelled":
            self._set_message("load cancelled; the previous data is kept")
            return
        message = one_line(exc)
        self._set_message(f"load failed: {message}")
        self.sig_error_raised.emit(message)

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.sig_loading_changed.emit(value)

    def _set_progress(self, value: LoadProgress) -> None:
        if value != self._progress:
            self._progress = value
            self.sig_progress_changed.emit(value)

    def _set_problems(self, rows: tuple[ProblemRow, ...]) -> None:
        if rows != self._problems:
            self._problems = rows
            self.sig_problems_changed.emit()

    def _set_message(self, value: str) -> None:
        if value != self._message:
            self._message = value
            self.sig_message_changed.emit(value)
