"""Run something once a widget has painted for the first time (work that can wait for it)."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


class FirstPaintWatch(QObject):
    """Calls its callback once: on the event-loop turn after the first paint, or at the fallback.

    ``painted_at`` is the wall-clock time of that first paint event (None before it). The watch
    is a child of the widget and an event filter on it only, so it needs no reference to it;
    the class-level defaults keep it harmless if Python's collector has already cleared its
    attributes while Qt still delivers the widget's last events.
    """

    _callback: Callable[[], object] | None = None
    painted_at: float | None = None

    def __init__(
        self, widget: QWidget, callback: Callable[[], object], fallback_ms: int | None
    ) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            if self.painted_at is None:
                self.painted_at = time.time()
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            widget = self.parent()
            if widget is not None:
                widget.removeEventFilter(self)
            callback()


def call_after_first_paint(
    widget: QWidget, callback: Callable[[], object], fallback_ms: int | None = None
) -> FirstPaintWatch:
    """Call ``callback`` from the event loop just after ``widget``'s first paint event.

    ``fallback_ms``: call it after that long even if the widget never paints (a hidden window).
    """
    return FirstPaintWatch(widget, callback, fallback_ms)
