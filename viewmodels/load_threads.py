"""One thread per load, so Cancel always works and a stuck read never holds up anything else.

The shared :class:`~viewmodels.tasks.TaskRunner` has one worker: a read that blocks (a stalled
network drive, a device that never answers) would hold every later open and every chart update
behind it. A load here runs in its own daemon thread; the viewmodel can drop it at once on
Cancel, and the thread's result, whenever it comes, is delivered queued and then ignored.

A thread may outlive the window that started it, so it never emits on an object that can be
deleted: it posts to one :class:`_Mailbox` that lives as long as the process, and each
:class:`LoadThreads` picks its own loads out of it. Qt drops the connection of a deleted
receiver, so a late result simply goes nowhere.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True)
class LoadProgress:
    """How far the running load is: ``fraction`` in 0..1 (-1 when unknown) and a short text."""

    fraction: float = -1.0
    text: str = ""


class LoadState:
    """Thread-safe progress and cancel flag shared by one load and the main thread."""

    def __init__(self, poke: Callable[[LoadState], None]) -> None:
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
            self._poke(self)

    def take(self) -> LoadProgress:
        with self._lock:
            self._poked = False
            return self._progress

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Mailbox(QObject):
    """Created once, on the main thread, never deleted: what load threads emit on."""

    sig_posted = Signal(object, object)
    sig_progressed = Signal(object)


_MAILBOX: list[_Mailbox] = []


def _mailbox() -> _Mailbox:
    if not _MAILBOX:
        _MAILBOX.append(_Mailbox())
    return _MAILBOX[0]


class LoadThreads(QObject):
    """Starts loads in daemon threads and reports each outcome on the owner's thread."""

    sig_load_finished = Signal(object, object)
    """A load ended: (its token, its result or the exception it raised)."""
    sig_load_progressed = Signal(object)
    """A load reported progress (its token); see :func:`post_progress`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mine: set[object] = set()  # tokens hash by identity
        mailbox = _mailbox()
        mailbox.sig_posted.connect(self._on_mailbox_posted, Qt.ConnectionType.QueuedConnection)
        mailbox.sig_progressed.connect(
            self._on_mailbox_progressed, Qt.ConnectionType.QueuedConnection
        )

    def track(self, token: object) -> None:
        """Pass on what is posted for ``token`` (:meth:`start` does it; inline loads call it)."""
        self._mine.add(token)

    def forget(self, token: object) -> None:
        """Ignore whatever ``token``'s load still posts."""
        self._mine.discard(token)

    def start(self, token: object, work: Callable[[], Any]) -> None:
        """Run ``work()`` in a new daemon thread; ``sig_load_finished`` carries the outcome."""
        self.track(token)
        mailbox = _mailbox()
        thread = threading.Thread(
            target=_run, args=(mailbox, token, work), name="atlas-load", daemon=True
        )
        thread.start()

    @Slot(object)
    def _on_mailbox_progressed(self, token: object) -> None:
        if token in self._mine:
            self.sig_load_progressed.emit(token)

    @Slot(object, object)
    def _on_mailbox_posted(self, token: object, outcome: object) -> None:
        if token in self._mine:
            self._mine.discard(token)
            self.sig_load_finished.emit(token, outcome)


def post_progress(token: object) -> None:
    """From any thread: tell the owner of ``token`` that its load has new progress."""
    _mailbox().sig_progressed.emit(token)


def _run(mailbox: _Mailbox, token: object, work: Callable[[], Any]) -> None:
    try:
        outcome: object = work()
    except Exception as exc:
        outcome = exc
    mailbox.sig_posted.emit(token, outcome)
