"""The second launch's side of the single running instance: hand the paths over, or not.

No Qt on Linux and macOS (a plain ``AF_UNIX`` socket), so a first launch, which finds nobody
listening, pays nothing for the check before its window paints; on Windows ``QLocalServer``
is a named pipe and ``QLocalSocket`` speaks to it. The server is :mod:`ui.single_instance`.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

NAME_ENV = "FRONTLINE_ATLAS_INSTANCE"
"""Environment variable that overrides the server name (tests use it to stay private)."""
ACK = b"ok\n"
TIMEOUT_S = 2.0


def server_name() -> str:
    """``frontline-atlas-<hash of user and settings folder>``, or ``$FRONTLINE_ATLAS_INSTANCE``."""
    if os.environ.get(NAME_ENV):
        return os.environ[NAME_ENV]
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    key = f"{getpass.getuser()}\0{Path(config).absolute()}".encode()
    return f"frontline-atlas-{hashlib.sha256(key).hexdigest()[:16]}"


def server_address(name: str) -> str:
    """What the server listens on: a socket file in the temp folder, or a pipe name (Windows)."""
    if sys.platform == "win32":
        return name
    return str(Path(os.environ.get("TMPDIR") or "/tmp") / name)


def encode_paths(paths: Sequence[str], cwd: str) -> bytes:
    """The message a second launch sends: its paths, absolute, as one JSON line."""
    absolute = [p if os.path.isabs(p) else os.path.join(cwd, p) for p in paths]
    return json.dumps({"paths": absolute}).encode() + b"\n"


def decode_paths(message: bytes) -> list[str] | None:
    """The paths of a message, or None for anything malformed."""
    try:
        paths = json.loads(message.decode())["paths"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        return None
    return paths


def forward(paths: Sequence[str], name: str | None = None, cwd: str | None = None) -> bool:
    """Send ``paths`` to a running instance; True when it acknowledged them."""
    message = encode_paths(paths, cwd or os.getcwd())
    address = server_address(name or server_name())
    if sys.platform == "win32":
        return _forward_qt(address, message)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(TIMEOUT_S)
            conn.connect(address)
            conn.sendall(message)
            reply = b""
            while len(reply) < len(ACK) and (chunk := conn.recv(16)):
                reply += chunk
    except OSError:  # no file, nobody listening (a stale file), or no answer in time
        return False
    return reply == ACK


def _forward_qt(address: str, message: bytes) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    conn = QLocalSocket()
    conn.connectToServer(address)
    if not conn.waitForConnected(int(TIMEOUT_S * 1000)):
        return False
    conn.write(message)
    conn.flush()
    reply = b""
    while len(reply) < len(ACK) and conn.waitForReadyRead(int(TIMEOUT_S * 1000)):
        reply += bytes(conn.readAll().data())
    conn.disconnectFromServer()
    return reply == ACK
