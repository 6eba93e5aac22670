"""How files reach the app after launch: a second launch, the OS's file-open event, a signal.

``run_app`` calls :func:`forward_to_running` first (a second launch hands its paths to the
running window and exits) and :func:`install_handover` once its own window exists.
"""

from __future__ import annotations

import signal
import socket
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier

from ui import instance_client
from ui.file_open import FileOpenFilter
from ui.first_paint import call_after_first_paint

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication, QWidget


def forward_to_running(paths: list[str]) -> bool:
    """True when a running instance took ``paths`` (this launch should then exit 0)."""
    return instance_client.forward(paths)


def install_handover(
    app: QApplication, window: QWidget, open_paths: Callable[[list[str]], None]
) -> FileOpenFilter:
    """Take ``QFileOpenEvent`` files, close cleanly on SIGTERM/SIGINT, and serve later
    launches from the window's first paint on (QtNetwork loads after it, not before)."""

    def on_handed(paths: list[str]) -> None:
        from ui.single_instance import raise_window

        if paths:
            open_paths(paths)
        raise_window(window)

    def serve() -> None:
        from ui.single_instance import SingleInstance

        instance = SingleInstance(parent=app)
        instance.sig_paths_received.connect(on_handed)
        instance.listen()
        app.aboutToQuit.connect(instance.close)

    file_open = FileOpenFilter(app)
    file_open.set_handler(on_handed)
    app.installEventFilter(file_open)
    close_on_signals(app, window)
    call_after_first_paint(window, serve)
    return file_open


class _SignalWatch(QObject):
    """Owns the socket pair and the notifier; parented to the app so they live as long."""

    def __init__(self, app: QApplication, on_signal: Callable[[], object]) -> None:
        super().__init__(app)
        self.reader, self.writer = socket.socketpair()
        self.reader.setblocking(False)
        self.writer.setblocking(False)
        self.notifier = QSocketNotifier(self.reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._on_notifier_activated)
        self._on_signal = on_signal
        signal.set_wakeup_fd(self.writer.fileno())
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda _n, _f: self._on_signal())

    def _on_notifier_activated(self) -> None:
        try:  # the bytes only woke Python up; the handler above has run by now
            self.reader.recv(64)
        except OSError:
            return


def close_on_signals(app: QApplication, window: QWidget) -> None:
    """SIGTERM (logout, ``kill``) and SIGINT close the window as the user would: its layout
    and the drawn regions are saved, then the app quits with status 0.

    Python runs signal handlers only between bytecodes, never inside Qt's event loop, so the
    signal is written to a socket pair (``signal.set_wakeup_fd``) that a ``QSocketNotifier``
    watches; running its slot lets Python call the handler.
    """
    _SignalWatch(app, window.close)
