"""A loading cache: the repaired, dissolved result of each file, keyed by path, size and mtime.

One SQLite database under ``platformdirs.user_cache_dir("frontline-atlas")`` holds two rows per
file, keyed by its absolute path: in ``heads`` a fingerprint (size and mtime in ns of the file and
of a shapefile's sidecars) and a small JSON *head* (series, date, area, source, repairs of each
snapshot and the file's problems) with its own checksum; in ``files`` the *payload* (the WKB of
each snapshot) with a checksum over fingerprint, head and payload. The ``areas`` command reads only
the heads, packed into a few pages (:meth:`LoadCache.get_summaries`); a load reads both. Pages are
16 KiB: a payload of 50 KB is written as four pages, not a chain of twelve (measured on the
DeepState corpus against 4 KiB: a fifth less CPU to write, two fifths less to read; 64 KiB pages
write no faster and take a third more disk). Nothing in it is trusted blindly: a changed
fingerprint, a checksum that does not match or a head or payload that does not decode is a miss
(the file is read again), a database that SQLite cannot read or whose :data:`FORMAT` differs is
deleted and rebuilt, and a cache that cannot be used at all is skipped.

This module imports neither numpy nor shapely (records are built lazily), so a command answered
from the heads alone never loads the geometry stack.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.errors import one_line
from geo.model import Problem, Repair

if TYPE_CHECKING:
    from collections.abc import Iterable

    from geo.records import FileResult

#: Bump whenever what a reader, a repair or the payload layout produces changes.
FORMAT = 6
_SIDECARS = (".dbf", ".shx", ".prj", ".cpg")
#: What reading a head or a payload raises when it was damaged or forged.
_CORRUPT = (ValueError, KeyError, TypeError, IndexError, AttributeError)


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


def digest(path: str, stamp: str, *parts: bytes) -> bytes:
    """A checksum stored with an entry: BLAKE2b of its path, fingerprint and ``parts``.

    Any flipped or shifted byte of a head or payload (or an entry moved to another path) makes
    the entry a miss, so a damaged cache can only cost a re-read, never a wrong area.
    """
    import hashlib

    key = hashlib.blake2b(digest_size=16)
    key.update(path.encode() + b"\0" + stamp.encode() + b"\0")
    for part in parts:
        key.update(part)
    return key.digest()


@dataclass(frozen=True)
class FileSummary:
    """What the head of a cached file says, without its geometry.

    Attributes
    ----------
    path : str
        The file (as discovered).
    rows : list of (series, date, km²)
        One per snapshot the file gave, in the file's order.
    problems : list of Problem
        The problems met while reading it.
    """

    path: str
    rows: list[tuple[str, dt.date, float]]
    problems: list[Problem]


def encode(result: FileResult) -> tuple[bytes, bytes]:
    """The head and the payload stored for one file."""
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
    return orjson.dumps(header), b"".join(r.wkb for r in result.records)


def _problems(head: dict[str, Any]) -> list[Problem]:
    return [Problem(str(p), str(m)) for p, m in head["problems"]]


def summarize(path: str, head: bytes) -> FileSummary:
    """The summary a head holds; raises one of :data:`_CORRUPT` if it is damaged."""
    import orjson

    header: dict[str, Any] = orjson.loads(head)
    rows = [
        (str(r["series"]), dt.date.fromisoformat(r["date"]), float(r["area_km2"]))
        for r in header["records"]
    ]
    return FileSummary(path, rows, _problems(header))


def decode(path: str, head: bytes, payload: bytes) -> FileResult:
    """The inverse of :func:`encode`; raises one of :data:`_CORRUPT` if damaged."""
    import orjson

    from geo.records import FileResult, Record

    header: dict[str, Any] = orjson.loads(head)
    offset = 0
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
    return FileResult(path, records, _problems(header))


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
        # A cache: after a system crash a damaged database is detected and rebuilt (and every
        # entry is checksummed), so waiting for the disk on each commit buys nothing.
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA page_size = 16384")  # only takes effect on a new database
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS heads"
            " (path TEXT PRIMARY KEY, fingerprint TEXT, checksum BLOB, head BLOB)"
        )
        db.execute(
            "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, checksum BLOB, payload BLOB)"
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

    def _rows(self, paths: Iterable[str], payloads: bool) -> list[tuple[Any, ...]]:
        """``path, fingerprint, head`` (and ``checksum, payload``) of the entries of ``paths``
        unchanged on disk whose head matches its checksum (anything else is a miss)."""
        wanted = {p: fingerprint(p) for p in paths if _storable(p)}
        keys = list(wanted)
        rows: list[tuple[Any, ...]] = []
        db = self._connect()
        if db is None:
            return []
        try:
            for start in range(0, len(keys), 900):
                chunk = keys[start : start + 900]
                marks = ",".join("?" * len(chunk))
                query = (
                    "SELECT h.path, h.fingerprint, h.checksum, h.head, f.checksum, f.payload"
                    f" FROM heads h JOIN files f USING (path) WHERE path IN ({marks})"
                    if payloads
                    else "SELECT path, fingerprint, checksum, head FROM heads"
                    f" WHERE path IN ({marks})"
                )
                rows += db.execute(query, chunk).fetchall()
        except sqlite3.DatabaseError:
            with contextlib.suppress(OSError, sqlite3.Error):
                self._discard()
            return []
        return [
            (path, stamp, head, *rest)
            for path, stamp, checksum, head, *rest in rows
            if wanted.get(path) is not None
            and wanted[path] == stamp
            and isinstance(head, bytes)
            and checksum == digest(path, stamp, head)
        ]

    def get_many(self, paths: Iterable[str]) -> dict[str, FileResult]:
        """The cached results of ``paths`` whose files have not changed since they were stored."""
        found = {}
        for path, stamp, head, checksum, payload in self._rows(paths, payloads=True):
            if not isinstance(payload, bytes) or checksum != digest(path, stamp, head, payload):
                continue  # corrupt or tampered: read the file again
            try:
                found[path] = decode(path, head, payload)
            except _CORRUPT:
                continue
        return found

    def get_summaries(self, paths: Iterable[str]) -> dict[str, FileSummary]:
        """What the heads of unchanged cached files say, their geometry neither read nor checked.

        A file missing here (changed, never cached, damaged head) must be loaded in full.
        """
        found = {}
        for path, _stamp, head in self._rows(paths, payloads=False):
            try:
                found[path] = summarize(path, head)
            except _CORRUPT:
                continue
        return found

    def put_many(self, results: Iterable[FileResult]) -> None:
        """Store ``results`` (skipping files that vanished meanwhile)."""
        heads, files = [], []
        for result in results:
            stamp = fingerprint(result.path) if _storable(result.path) else None
            if stamp is None:
                continue
            try:
                head, payload = encode(result)
            except (TypeError, ValueError):  # a name orjson cannot write: not cached
                continue
            heads.append((result.path, stamp, digest(result.path, stamp, head), head))
            files.append((result.path, digest(result.path, stamp, head, payload), payload))
        db = self._connect() if heads else None
        if db is None:
            return
        try:
            db.executemany("INSERT OR REPLACE INTO heads VALUES (?, ?, ?, ?)", heads)
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", files)
            db.commit()
        except sqlite3.Error as error:  # read-only, full disk, locked: go on without a cache
            self._disable(one_line(error, type(error).__name__))

    def close(self) -> None:
        """Close the database connection (it reopens on the next use)."""
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
