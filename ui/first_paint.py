"""Run something once a window has painted for the first time (work that can wait for it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


class _FirstPaintWatch(QObject):
    def __init__(self, window: QWidget, callback: Callable[[], object]) -> None:
        super().__init__(window)
        self._window, self._callback = window, callback

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def call_after_first_paint(window: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` from the event loop just after ``window``'s first paint event."""
    window.installEventFilter(_FirstPaintWatch(window, callback))
