"""Python's SQLite is pyproj's in the build (``packaging/shared_libs.py``)."""

from __future__ import annotations

import _sqlite3
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyproj
import pytest

from tests.packaging.modules import load, system_library
from tests.paths import ROOT

shared_libs = load("shared_libs")

PYPROJ_LIBS = Path(pyproj.__file__).parents[1] / "pyproj.libs"
SYSTEM_SQLITE = system_library("libsqlite3.so.0")
pytestmark = pytest.mark.skipif(
    SYSTEM_SQLITE is None or not PYPROJ_LIBS.is_dir() or shutil.which("nm") is None,
    reason="needs the system's SQLite, pyproj's Linux wheel and binutils",
)
APP_SQLITE_TESTS = ["tests/geo/test_cache.py", "tests/geo/test_cache_unusable.py"]
APP_SQLITE_TESTS += ["tests/geo/test_basemap.py", "tests/geo/test_basemap_data.py"]


def _entries() -> list[tuple[str, str, str]]:
    server = next(PYPROJ_LIBS.glob("libsqlite3-*.so*"))
    extension = Path(_sqlite3.__file__)
    return [
        ("libsqlite3.so.0", str(SYSTEM_SQLITE), "BINARY"),
        (f"pyproj.libs/{server.name}", str(server), "BINARY"),
        (f"python3.11/lib-dynload/{extension.name}", str(extension), "EXTENSION"),
    ]


def test_pythons_sqlite_becomes_a_link_to_pyprojs() -> None:
    entries = _entries()
    out = shared_libs.share_copies(entries)
    assert out[0] == ("libsqlite3.so.0", entries[1][0], "SYMLINK")
    assert out[1:] == entries[1:]
    assert shared_libs.sqlite_version(entries[1][1]) >= shared_libs.sqlite_version(entries[0][1])


def test_a_copy_that_lacks_a_function_python_takes_serves_nothing() -> None:
    entries = _entries()
    proj = next(PYPROJ_LIBS.glob("libproj-*.so*"))  # needs SQLite, defines none of it
    entries[1] = (f"pyproj.libs/libsqlite3-{proj.name}", str(proj), "BINARY")
    assert shared_libs.share_copies(entries) == entries


def test_the_apps_databases_work_on_pyprojs_sqlite() -> None:
    """The cache and basemap tests, with Python's ``_sqlite3`` bound to pyproj's SQLite."""
    server = _entries()[1][1]
    version = shared_libs.sqlite_version(server)
    env = {**os.environ, "LD_PRELOAD": server}
    probe = [sys.executable, "-c", "import sqlite3; print(sqlite3.sqlite_version)"]
    shown = subprocess.run(probe, capture_output=True, text=True, env=env, check=True).stdout
    major, minor, patch = (int(n) for n in shown.strip().split("."))
    assert major * 1000000 + minor * 1000 + patch == version
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *APP_SQLITE_TESTS]
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:]
