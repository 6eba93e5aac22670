"""One running window per user profile: a second launch hands its files to the first.

The first launch listens on a ``QLocalServer`` whose name is derived from the user and the
settings folder (``$XDG_CONFIG_HOME``), so separate profiles stay separate. A later launch
(:mod:`ui.instance_client`) connects, sends its paths (made absolute against its own working
folder) as one JSON line, waits for ``ok`` and exits; the running app opens the paths exactly
as it would from its own command line and raises its window. If nothing answers, the socket was
stale and the new launch takes over; if a running app accepts but never answers, the new launch
starts on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ui.instance_client import ACK, decode_paths, forward, server_address, server_name

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

MAX_MESSAGE = 1 << 20


def raise_window(window: QWidget) -> None:
    """Bring ``window`` to the front (restored if minimised)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """Forward to a running instance, or become the one that others forward to."""

    sig_paths_received = Signal(list)
    """Another launch sent these absolute paths (possibly none: just raise the window)."""

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name()
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    def forward(self, paths: Sequence[str], cwd: str | None = None) -> bool:
        """Send ``paths`` to a running instance; True when it acknowledged them."""
        return forward(paths, self.name, cwd)

    def listen(self) -> bool:
        """Start serving; a stale socket left by a crashed instance is replaced."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        address = server_address(self.name)
        if not server.listen(address):
            QLocalServer.removeServer(address)
            if not server.listen(address):
                return False
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server
        return True

    def close(self) -> None:
        """Stop serving (the socket file is removed)."""
        if self._server is not None:
            self._server.close()
            self._server = None

    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(self._on_socket_ready_read)
            socket.disconnected.connect(self._on_socket_disconnected)

    def _sending_socket(self) -> QLocalSocket | None:
        socket = self.sender()
        return socket if isinstance(socket, QLocalSocket) else None

    def _on_socket_ready_read(self) -> None:
        socket = self._sending_socket()
        buffer = self._buffers.get(socket) if socket is not None else None
        if socket is None or buffer is None:
            return
        buffer += bytes(socket.readAll().data())
        if b"\n" not in buffer and len(buffer) <= MAX_MESSAGE:
            return
        paths = decode_paths(bytes(buffer).split(b"\n", 1)[0])
        del self._buffers[socket]
        if paths is not None:
            socket.write(ACK)
            socket.flush()
            self.sig_paths_received.emit(paths)
        socket.disconnectFromServer()

    def _on_socket_disconnected(self) -> None:
        socket = self._sending_socket()
        if socket is not None:
            self._buffers.pop(socket, None)
            socket.deleteLater()
