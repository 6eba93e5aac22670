"""Files handed over by the operating system as ``QFileOpenEvent`` (macOS Finder double-click,
"Open With", a drop on the Dock icon): there, they never arrive in ``argv``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

if TYPE_CHECKING:
    from collections.abc import Callable


class FileOpenFilter(QObject):
    """An application event filter that passes each opened file to ``handler``.

    Events that arrive before a handler is set (during launch) are kept and replayed when
    :meth:`set_handler` is called, so no file is lost.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler: Callable[[list[str]], None] | None = None
        self._pending: list[str] = []

    def set_handler(self, handler: Callable[[list[str]], None]) -> None:
        """Call ``handler([path])`` for each opened file from now on, after the pending ones."""
        self._handler = handler
        pending, self._pending = self._pending, []
        if pending:
            handler(pending)

    def pending(self) -> list[str]:
        """Files opened before a handler was set."""
        return list(self._pending)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Take ``FileOpen`` events; let every other event through."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file() or event.url().toLocalFile()
        if not path:
            return False
        if self._handler is None:
            self._pending.append(path)
        else:
            self._handler([path])
        return True
