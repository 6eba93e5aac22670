"""The loaded dataset: open paths in a worker with progress and cancel, and list the problems.

The worker never touches a widget or a viewmodel: the loader's ``progress`` callback writes into
a lock-guarded :class:`_LoadState`, which pokes the main thread through a queued signal (at most
one poke in flight, so a fast loader cannot flood the event loop); ``cancelled`` reads a
``threading.Event`` that :meth:`DatasetViewModel.cancel` sets.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from geo.demo import is_demo_path
from geo.errors import one_line
from geo.gaps import find_gaps

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from geo.model import Catalog
    from viewmodels.tasks import TaskRunner

    Loader = Callable[..., Catalog]


@dataclass(frozen=True)
class ProblemRow:
    """One line of the problems/provenance table.

    Attributes
    ----------
    kind : str
        ``refused`` (a file or part of one could not be used), ``repair`` or ``gap``.
    path : str
        The file concerned (the series name for a gap).
    detail : str
        One line: the reason, the repair, or the missing dates.
    """

    kind: str
    path: str
    detail: str


@dataclass(frozen=True)
class LoadProgress:
    """How far the running load is: ``fraction`` in 0..1 (-1 when unknown) and a short text."""

    fraction: float = -1.0
    text: str = ""


@dataclass(frozen=True)
class _LoadResult:
    catalog: Catalog
    rows: tuple[ProblemRow, ...]
    paths: tuple[str, ...]


def default_loader(paths: Sequence[str], **kwargs: Any) -> Catalog:
    """``geo.loader.load_paths``, imported on first use to keep the first frame fast."""
    from geo.loader import load_paths

    return load_paths(list(paths), **kwargs)


def problem_rows(catalog: Catalog) -> tuple[ProblemRow, ...]:
    """Refused files, repairs and date gaps of ``catalog`` as table rows (pure, for a worker)."""
    rows = [ProblemRow("refused", p.path, p.message) for p in catalog.problems]
    rows += [
        ProblemRow("repair", r.path, f"{r.kind} x{r.count} {r.detail}".strip())
        for r in catalog.repairs()
    ]
    for series in catalog.series_names():
        for first, last in find_gaps(catalog.dates(series)):
            missing = (last - first).days + 1
            span = first.isoformat() if missing == 1 else f"{first} to {last}"
            rows.append(ProblemRow("gap", series, f"no snapshot for {span} ({missing} d)"))
    return tuple(rows)


class _LoadState:
    """Thread-safe progress and cancel flag shared by one load and the main thread."""

    def __init__(self, poke: Callable[[], None]) -> None:
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self._poke = poke
        self._progress = LoadProgress()
        self._poked = False

    def report(self, *args: Any) -> None:
        """The loader's ``progress`` callback: ``(done, total[, path])`` or ``(fraction)``."""
        numbers = [a for a in args if isinstance(a, int | float)]
        texts = [str(a) for a in args if not isinstance(a, int | float)]
        if len(numbers) >= 2 and numbers[1]:
            fraction = min(1.0, float(numbers[0]) / float(numbers[1]))
            text = f"{int(numbers[0])} / {int(numbers[1])}"
        else:
            fraction = float(numbers[0]) if numbers else -1.0
            text = ""
        if texts:
            text = f"{text} {texts[-1].rsplit('/', 1)[-1]}".strip()
        with self._lock:
            self._progress = LoadProgress(fraction, text)
            poke, self._poked = not self._poked, True
        if poke:
            self._poke()

    def take(self) -> LoadProgress:
        with self._lock:
            self._poked = False
            return self._progress

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


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
    sig_progress_poked = Signal()
    """Internal: the worker reported progress; delivered queued on the main thread."""

    def __init__(self, runner: TaskRunner, loader: Loader | None = None) -> None:
        super().__init__()
        self._runner = runner
        self._loader = loader or default_loader
        self._catalog: Catalog | None = None
        self._paths: tuple[str, ...] = ()
        self._loading = False
        self._progress = LoadProgress()
        self._problems: tuple[ProblemRow, ...] = ()
        self._message = ""
        self._state: _LoadState | None = None
        self.sig_progress_poked.connect(
            self._on_worker_progress, Qt.ConnectionType.QueuedConnection
        )

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
        return self._problems

    def message(self) -> str:
        return self._message

    def open_paths(self, paths: Sequence[str]) -> None:
        """Load ``paths`` (files or folders) in the worker; the result replaces the catalog."""
        paths = tuple(str(p) for p in paths)
        if not paths:
            return
        if self._state is not None:
            self._state.cancel()
        state = _LoadState(self.sig_progress_poked.emit)
        self._state = state
        loader = self._loader
        self._set_loading(True)
        self._set_progress(LoadProgress(0.0, "starting"))

        def work() -> _LoadResult:
            catalog = loader(paths, progress=state.report, cancelled=state.is_cancelled)
            return _LoadResult(catalog, problem_rows(catalog), paths)

        self._runner.submit(
            work,
            lambda result: self._on_load_done(state, result),
            lambda exc: self._on_load_failed(state, exc),
            channel="load",
        )

    def cancel(self) -> None:
        """Ask the running load to stop at its next file."""
        if self._state is not None:
            self._state.cancel()
            self._set_message("cancelling…")

    @Slot()
    def _on_worker_progress(self) -> None:
        if self._state is not None and self._loading:
            self._set_progress(self._state.take())

    def _on_load_done(self, state: _LoadState, result: _LoadResult) -> None:
        if state is not self._state:
            return
        self._state = None
        self._catalog, self._paths = result.catalog, result.paths
        count = sum(len(v) for v in result.catalog.series.values())
        refused = sum(1 for r in result.rows if r.kind == "refused")
        self._set_loading(False)
        self.sig_catalog_changed.emit()
        self._set_problems(result.rows)
        self._set_message(f"loaded {count} snapshots, {refused} refused")

    def _on_load_failed(self, state: _LoadState, exc: BaseException) -> None:
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
