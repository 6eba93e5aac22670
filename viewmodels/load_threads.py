"""One thread per load, so Cancel always works and a stuck read never holds up anything else.

The shared :class:`~viewmodels.tasks.TaskRunner` has one worker: a read that blocks (a stalled
network drive, a device that never answers) would hold every later open and every chart update
behind it. A load here runs in its own daemon thread; the viewmodel can drop it at once on
Cancel, and the thread's result, whenever it comes, is delivered queued and then ignored.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Callable


class LoadThreads(QObject):
    """Starts loads in daemon threads and reports each outcome on the owner's thread."""

    sig_load_finished = Signal(object, object)
    """A load ended: (its token, its result or the exception it raised)."""

    def start(self, token: object, work: Callable[[], Any]) -> None:
        """Run ``work()`` in a new daemon thread; ``sig_load_finished`` carries the outcome."""
        thread = threading.Thread(
            target=self._run, args=(token, work), name="atlas-load", daemon=True
        )
        thread.start()

    def _run(self, token: object, work: Callable[[], Any]) -> None:
        try:
            outcome: object = work()
        except Exception as exc:
            outcome = exc
        try:
            self.sig_load_finished.emit(token, outcome)
        except RuntimeError:
            return  # deleted with its window while the load ran
