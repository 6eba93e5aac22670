"""One copy of SQLite in the Linux build, where there were two: Python's and pyproj's.

Python's ``_sqlite3`` links the system's ``libsqlite3.so.0`` (1.4 MB), pyproj's PROJ its own,
newer copy from ``pyproj.libs``. SQLite keeps its C interface and file format backward
compatible, so :func:`share_copies` makes ``libsqlite3.so.0`` in the build a symbolic link to
pyproj's copy when that copy is at least as new and defines every SQLite function the build's
other libraries take from ``libsqlite3.so.0``. The dynamic loader then maps one file once, by
either name. (fiona's GDAL keeps its own SQLite: its PROJ is built with renamed symbols and
cannot share pyproj's, and sharing SQLite with GDAL would hand GDAL's SQL functions, which it
registers with ``sqlite3_auto_extension``, to the app's own databases.)
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil

from elf_files import Entry, needed
from stub_libs import defined, imported

SHARED = (("libsqlite3.so.0", re.compile(r"^pyproj\.libs/libsqlite3-[0-9a-f]{8}\.so")),)
"""(soname in the build, the copy that serves it instead)."""


def sqlite_version(path: str) -> int:
    """``sqlite3_libversion_number()`` of the library at ``path`` (e.g. 3046001)."""
    return int(ctypes.CDLL(os.path.abspath(path)).sqlite3_libversion_number())


def serves(server: str, replaced: str, users: list[str]) -> bool:
    """Whether ``server`` can stand in for ``replaced`` for every one of ``users``."""
    wanted = defined(replaced)
    for user in users:
        if not (imported(user) & wanted) <= defined(server):
            return False
    return sqlite_version(server) >= sqlite_version(replaced)


def share_copies(binaries: list[Entry]) -> list[Entry]:
    """``binaries`` with each :data:`SHARED` soname a link to the copy that serves it."""
    if shutil.which("nm") is None:
        return binaries
    for soname, serving in SHARED:
        server = next((e for e in binaries if serving.search(e[0].replace("\\", "/"))), None)
        entry = next((e for e in binaries if e[0] == soname), None)
        if server is None or entry is None:
            continue
        users = [e[1] for e in binaries if e[2] != "SYMLINK" and soname in needed(e[1])]
        if serves(server[1], entry[1], users):
            link = os.path.relpath(server[0], os.path.dirname(soname) or ".")
            binaries = [(soname, link, "SYMLINK") if e == entry else e for e in binaries]
    return binaries
