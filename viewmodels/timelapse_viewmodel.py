"""A long export (the time-lapse) run off the UI thread, with progress, time remaining and Cancel.

The view hands :meth:`ExportViewModel.start` a pure job ``job(progress, cancelled)``: it calls
``progress(done, total)`` after each step and stops with :class:`ExportCancelled` as soon as
``cancelled()`` turns true. The job runs on the :class:`TaskRunner`'s worker thread; progress
reports cross to the main thread through a queued signal, so the window stays responsive.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from geo.errors import one_line

if TYPE_CHECKING:
    from collections.abc import Callable

    from viewmodels.tasks import TaskRunner

    Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


class ExportCancelled(Exception):
    """Raised by a job that saw ``cancelled()`` turn true; it has removed its partial output."""


class ExportViewModel(QObject):
    """State of one export at a time: running, progress, time remaining, outcome."""

    sig_running_changed = Signal(bool)
    """An export started (True) or ended, finished, failed or cancelled (False)."""
    sig_progress_changed = Signal(int, int)
    """``done`` of ``total`` steps (frames) are finished."""
    sig_finished = Signal(object)
    """The job returned this result."""
    sig_failed = Signal(str)
    """The job failed with this one-line message."""
    sig_cancelled = Signal()
    """The job stopped on Cancel and left nothing behind."""
    sig_step_reported = Signal(int, int)
    """Internal: emitted on the worker thread, delivered queued on the main thread."""

    def __init__(self, runner: TaskRunner, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._runner = runner
        self._clock = clock
        self._cancel = threading.Event()
        self._running = False
        self._done = 0
        self._total = 0
        self._started = 0.0
        self.sig_step_reported.connect(self._on_worker_step)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def progress(self) -> tuple[int, int]:
        """``(done, total)`` of the running or last export."""
        return self._done, self._total

    def seconds_left(self) -> float | None:
        """Estimated seconds to the end from the pace so far (None before the first step)."""
        if not self._running or self._done <= 0 or self._total <= 0:
            return None
        elapsed = self._clock() - self._started
        return elapsed / self._done * (self._total - self._done)

    def start(self, job: Job) -> None:
        """Run ``job`` off the UI thread (one export at a time: ignored while one runs)."""
        if self._running:
            return
        self._cancel.clear()
        self._done, self._total = 0, 0
        self._started = self._clock()
        self._set_running(True)
        self._runner.submit(
            lambda: job(self.sig_step_reported.emit, self._cancel.is_set),
            self._on_job_done,
            self._on_job_error,
        )

    def cancel(self) -> None:
        """Ask the running job to stop; it reports through :attr:`sig_cancelled`."""
        if self._running:
            self._cancel.set()

    def shutdown(self) -> None:
        """Cancel a running export and wait for its thread (its partial file is removed)."""
        self.cancel()
        self._runner.shutdown()

    @Slot(int, int)
    def _on_worker_step(self, done: int, total: int) -> None:
        if not self._running or (done, total) == (self._done, self._total):
            return
        self._done, self._total = done, total
        self.sig_progress_changed.emit(done, total)

    def _on_job_done(self, result: Any) -> None:
        self._set_running(False)
        self.sig_finished.emit(result)

    def _on_job_error(self, error: BaseException) -> None:
        self._set_running(False)
        if isinstance(error, ExportCancelled):
            self.sig_cancelled.emit()
        else:
            self.sig_failed.emit(one_line(error))

    def _set_running(self, running: bool) -> None:
        if running != self._running:
            self._running = running
            self.sig_running_changed.emit(running)
