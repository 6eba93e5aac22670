"""A loading cache: the repaired, dissolved result of each file, keyed by path, size and mtime.

One SQLite database under ``platformdirs.user_cache_dir("frontline-atlas")`` holds a row per file:
its absolute path, a fingerprint (size and mtime in ns of the file and of a shapefile's sidecars)
a payload (a small JSON header followed by the WKB of each snapshot) and a checksum of it. Nothing
in it is trusted blindly: a changed fingerprint, a checksum that does not match or a payload that
does not decode is a miss (the file is read again), a database that SQLite cannot read or whose
:data:`FORMAT` differs is deleted and rebuilt, and a cache that cannot be used at all is skipped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
import struct
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import one_line
from geo.model import Problem, Repair
from geo.records import FileResult, Record

if TYPE_CHECKING:
    from collections.abc import Iterable

#: Bump whenever what a reader, a repair or the payload layout produces changes.
FORMAT = 4
_SIDECARS = (".dbf", ".shx", ".prj", ".cpg")
_HEADER = struct.Struct("<I")


def cache_dir() -> Path:
    """The user's cache folder for Frontline Atlas (honours ``XDG_CACHE_HOME``)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("frontline-atlas"))


def fingerprint(path: str) -> str | None:
    """Size and mtime (ns) of ``path`` and, for a ``.shp``, of its sidecars; None if missing."""
    parts = []
    candidates = [path]
    if path.lower().endswith(".shp"):
        candidates += [path[:-4] + s for s in _SIDECARS]
    for index, candidate in enumerate(candidates):
        try:
            stat = os.stat(candidate)
        except OSError:
            if index == 0:
                return None
            parts.append("-")
            continue
        parts.append(f"{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def _storable(path: str) -> bool:
    """Whether SQLite can hold ``path`` (a name with bytes that are not UTF-8 is never cached)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def digest(path: str, stamp: str, payload: bytes) -> bytes:
    """The checksum stored with an entry: BLAKE2b of its path, fingerprint and payload.

    Any flipped or shifted byte of the payload (or an entry moved to another path) makes the
    entry a miss, so a damaged cache can only cost a re-read, never a wrong area.
    """
    import hashlib

    key = hashlib.blake2b(digest_size=16)
    key.update(path.encode() + b"\0" + stamp.encode() + b"\0")
    key.update(payload)
    return key.digest()


def encode(result: FileResult) -> bytes:
    """The payload stored for one file."""
    import orjson

    header = {
        "records": [
            {
                "series": r.series,
                "date": r.date.isoformat(),
                "source": r.source,
                "layer": r.layer,
                "area_km2": r.area_km2,
                "crs": r.crs,
                "size": len(r.wkb),
                "repairs": [[x.kind, x.count, x.path, x.detail] for x in r.repairs],
            }
            for r in result.records
        ],
        "problems": [[p.path, p.message] for p in result.problems],
    }
    meta = orjson.dumps(header)
    return b"".join([_HEADER.pack(len(meta)), meta, *(r.wkb for r in result.records)])


def decode(path: str, payload: bytes) -> FileResult:
    """The inverse of :func:`encode`; raises ValueError (or KeyError/TypeError) if corrupt."""
    import orjson

    (size,) = _HEADER.unpack_from(payload, 0)
    header: dict[str, Any] = orjson.loads(payload[_HEADER.size : _HEADER.size + size])
    offset = _HEADER.size + size
    records = []
    for item in header["records"]:
        end = offset + int(item["size"])
        if end > len(payload):
            raise ValueError("payload shorter than its header says")
        records.append(
            Record(
                series=str(item["series"]),
                date=dt.date.fromisoformat(item["date"]),
                source=str(item["source"]),
                layer=str(item["layer"]),
                wkb=payload[offset:end],
                area_km2=float(item["area_km2"]),
                repairs=tuple(
                    Repair(str(k), int(c), str(p), str(d)) for k, c, p, d in item["repairs"]
                ),
                crs=str(item["crs"]),
            )
        )
        offset = end
    if offset != len(payload):
        raise ValueError("payload longer than its header says")
    problems = [Problem(str(p), str(m)) for p, m in header["problems"]]
    return FileResult(path, records, problems)


class LoadCache:
    """The cache database. Use :meth:`get_many` and :meth:`put_many`; both never raise.

    A cache that cannot be opened or written (a read-only or missing folder, a file where the
    folder should be, a folder or a symlink where the database should be) is not used: reads
    and writes become no-ops and :attr:`problem` says why, once. A symlink at the database path
    (or its journal) is never followed, so SQLite cannot be made to write through it.
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or cache_dir()) / f"load-v{FORMAT}.sqlite"
        self._db: sqlite3.Connection | None = None
        self.problem: Problem | None = None

    def _disable(self, reason: str) -> None:
        self.close()
        if self.problem is None:
            self.problem = Problem(str(self.path), f"cache not used ({reason}); files read afresh")

    def _unsafe_path(self) -> str | None:
        """Why the database path must not be opened, or None when it is safe."""
        for suffix in ("", "-journal", "-wal", "-shm"):
            candidate = str(self.path) + suffix
            try:
                info = os.lstat(candidate)
            except FileNotFoundError:
                continue
            except OSError as error:
                return f"cannot check {candidate}: {error.strerror or error}"
            if not stat.S_ISREG(info.st_mode):
                return f"{candidate} is not a regular file"
        return None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is None and self.problem is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                unsafe = self._unsafe_path()
                if unsafe is not None:
                    self._disable(unsafe)
                    return None
                try:
                    self._db = self._open()
                except sqlite3.DatabaseError:
                    self._discard()
                    self._db = self._open()
            except (OSError, sqlite3.Error) as error:
                self._disable(one_line(error, type(error).__name__))
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS files"
            " (path TEXT PRIMARY KEY, fingerprint TEXT, checksum BLOB, payload BLOB)"
        )
        row = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        if row is None:
            db.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT),))
            db.commit()
        elif row[0] != str(FORMAT):
            db.close()
            raise sqlite3.DatabaseError(f"cache format {row[0]} is not {FORMAT}")
        return db

    def _discard(self) -> None:
        """Delete a database SQLite cannot read (only regular files: see :meth:`_unsafe_path`)."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        if self._unsafe_path() is not None:
            raise sqlite3.DatabaseError("the cache database is not a regular file")
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.path) + suffix).unlink()

    def get_many(self, paths: Iterable[str]) -> dict[str, FileResult]:
        """The cached results of ``paths`` whose files have not changed since they were stored."""
        wanted = {p: fingerprint(p) for p in paths if _storable(p)}
        keys = list(wanted)
        rows: list[tuple[str, str, bytes, bytes]] = []
        db = self._connect()
        if db is None:
            return {}
        try:
            for start in range(0, len(keys), 900):
                chunk = keys[start : start + 900]
                marks = ",".join("?" * len(chunk))
                query = (
                    "SELECT path, fingerprint, checksum, payload FROM files"
                    f" WHERE path IN ({marks})"
                )
                rows += db.execute(query, chunk).fetchall()
        except sqlite3.DatabaseError:
            with contextlib.suppress(OSError, sqlite3.Error):
                self._discard()
            return {}
        found = {}
        for path, stored, checksum, payload in rows:
            if path not in wanted or wanted[path] is None or wanted[path] != stored:
                continue
            if not isinstance(payload, bytes) or checksum != digest(path, stored, payload):
                continue  # corrupt or tampered: read the file again
            try:
                found[path] = decode(path, payload)
            except (ValueError, KeyError, TypeError, IndexError, struct.error):
                continue
        return found

    def put_many(self, results: Iterable[FileResult]) -> None:
        """Store ``results`` (skipping files that vanished meanwhile)."""
        rows = []
        for result in results:
            if not _storable(result.path):
                continue
            stamp = fingerprint(result.path)
            if stamp is not None:
                try:
                    payload = encode(result)
                except (TypeError, ValueError):  # a name orjson cannot write: not cached
                    continue
                rows.append((result.path, stamp, digest(result.path, stamp, payload), payload))
        if not rows:
            return
        db = self._connect()
        if db is None:
            return
        try:
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", rows)
            db.commit()
        except sqlite3.Error as error:  # read-only, full disk, locked: go on without a cache
            self._disable(one_line(error, type(error).__name__))

    def close(self) -> None:
        """Close the database connection (it reopens on the next use)."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
