"""Run pure geo work off the UI thread and apply its result on the main thread (STYLE.md §6).

A viewmodel captures an immutable request on the main thread, hands a pure callable to a
:class:`TaskRunner`, and gets ``on_done(result)`` or ``on_error(exc)`` back on the main thread
through a queued signal. ``synchronous=True`` runs everything inline, for tests.

Each submit may name a *channel*; a newer submit on the same channel supersedes older ones, whose
results are then dropped instead of applied (a slider dragged over ten dates only applies the last).
A ``slow`` submit (a read of seconds, such as the basemap at launch) runs on a second worker, so
it never holds up the interactive work queued behind it (the comparison, the chart).
"""

from __future__ import annotations

import functools
import itertools
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from collections.abc import Callable


class TaskRunner(QObject):
    """Runs callables on one worker thread and calls back on the thread that owns the runner."""

    sig_task_done = Signal(object)
    """Internal: a finished task's ticket, delivered on the owner's thread."""

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._executors: dict[bool, ThreadPoolExecutor] = {}
        self._closed = False
        self._tickets = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._pending = 0
        self.sig_task_done.connect(self._on_task_done)

    @property
    def synchronous(self) -> bool:
        return self._synchronous

    @property
    def busy(self) -> bool:
        """Whether a submitted task has not been delivered yet."""
        return self._pending > 0

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        channel: str | None = None,
        *,
        slow: bool = False,
    ) -> int:
        """Run ``work()`` off the UI thread (``slow``: on the second worker); return a ticket.

        After :meth:`shutdown` nothing runs (a timer's refresh while the window closes).
        """
        ticket = next(self._tickets)
        if self._closed and not self._synchronous:
            return ticket  # shut down: the app is closing, and no new thread may start
        if channel is not None:
            self._latest[channel] = ticket
        entry = _Ticket(ticket, channel, on_done, on_error)
        self._pending += 1
        if self._synchronous:
            entry.run(work)
            self._on_task_done(entry)
            return ticket
        future = self._pool(slow).submit(entry.run, work)
        future.add_done_callback(functools.partial(self._deliver_done, entry))
        return ticket

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop the worker threads for good: queued tasks are dropped, running ones may finish.

        ``wait`` blocks until the interactive task has (the application's runner, so no thread
        outlives the app); a ``slow`` read is never waited for, and without ``wait`` neither is
        the other task (a closing window's runners must not hold it open for a long export):
        their threads end once their tasks are done.
        """
        self._closed = True
        executors, self._executors = self._executors, {}
        for slow, executor in executors.items():
            executor.shutdown(wait=wait and not slow, cancel_futures=True)

    def _pool(self, slow: bool = False) -> ThreadPoolExecutor:
        executor = self._executors.get(slow)
        if executor is None:
            name = "atlas-task-slow" if slow else "atlas-task"
            executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
            self._executors[slow] = executor
            self.destroyed.connect(functools.partial(_stop, executor))
        return executor

    def _deliver_done(self, entry: _Ticket, _future: object) -> None:
        self._deliver(entry)

    def _deliver(self, entry: _Ticket) -> None:
        """Worker thread: pass the finished ticket to the owner's thread, if the owner lives."""
        try:
            self.sig_task_done.emit(entry)
        except RuntimeError:
            return  # the runner was deleted with its owner (a closed window) while the task ran

    @Slot(object)
    def _on_task_done(self, entry: _Ticket) -> None:
        self._pending -= 1
        if entry.channel is not None and self._latest.get(entry.channel) != entry.ticket:
            return
        if entry.error is not None:
            if entry.on_error is None:
                raise entry.error
            entry.on_error(entry.error)
        else:
            entry.on_done(entry.result)


def shutdown_runners(owner: QObject, *, wait: bool = True) -> None:
    """Shut down every :class:`TaskRunner` ``owner`` holds (its children, at any depth)."""
    for runner in owner.findChildren(TaskRunner):
        runner.shutdown(wait=wait)


def _stop(executor: ThreadPoolExecutor, *_args: object) -> None:
    """A runner was deleted with its owner: its thread ends once its queue is empty (no block)."""
    executor.shutdown(wait=False)


class _Ticket:
    """One submitted task: its callbacks and, once run, its result or error."""

    def __init__(
        self,
        ticket: int,
        channel: str | None,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        self.ticket = ticket
        self.channel = channel
        self.on_done = on_done
        self.on_error = on_error
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self, work: Callable[[], Any]) -> None:
        try:
            self.result = work()
        except Exception as exc:
            self.error = exc
