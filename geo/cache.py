"""A loading cache: the repaired, dissolved result of each file, keyed by path, size and mtime.

One SQLite database under ``platformdirs.user_cache_dir("frontline-atlas")`` holds a row per file:
its absolute path, a fingerprint (size and mtime in ns of the file and of a shapefile's sidecars)
and a payload (a small JSON header followed by the WKB of each snapshot). Nothing in it is trusted
blindly: a changed fingerprint is a miss, a payload that does not decode is a miss, a database that
SQLite cannot read or whose :data:`FORMAT` differs is deleted and rebuilt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import struct
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.model import Problem, Repair
from geo.records import FileResult, Record

if TYPE_CHECKING:
    from collections.abc import Iterable

#: Bump whenever what a reader, a repair or the payload layout produces changes.
FORMAT = 3
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
    """The cache database. Use :meth:`get_many` and :meth:`put_many`; both never raise."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or cache_dir()) / f"load-v{FORMAT}.sqlite"
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError:
                self._discard()
                self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path)
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS files"
            " (path TEXT PRIMARY KEY, fingerprint TEXT, payload BLOB)"
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
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        for suffix in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.path) + suffix).unlink()

    def get_many(self, paths: Iterable[str]) -> dict[str, FileResult]:
        """The cached results of ``paths`` whose files have not changed since they were stored."""
        wanted = {p: fingerprint(p) for p in paths}
        keys = list(wanted)
        rows: list[tuple[str, str, bytes]] = []
        try:
            db = self._connect()
            for start in range(0, len(keys), 900):
                chunk = keys[start : start + 900]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT path, fingerprint, payload FROM files WHERE path IN ({marks})"
                rows += db.execute(query, chunk).fetchall()
        except sqlite3.DatabaseError:
            self._discard()
            return {}
        found = {}
        for path, stored, payload in rows:
            if path in wanted and wanted[path] is not None and wanted[path] == stored:
                try:
                    found[path] = decode(path, payload)
                except (ValueError, KeyError, TypeError, struct.error):
                    continue
        return found

    def put_many(self, results: Iterable[FileResult]) -> None:
        """Store ``results`` (skipping files that vanished meanwhile)."""
        rows = []
        for result in results:
            stamp = fingerprint(result.path)
            if stamp is not None:
                rows.append((result.path, stamp, encode(result)))
        if not rows:
            return
        try:
            db = self._connect()
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?)", rows)
            db.commit()
        except sqlite3.DatabaseError:
            self._discard()

    def close(self) -> None:
        """Close the database connection (it reopens on the next use)."""
        if self._db is not None:
            self._db.close()
            self._db = None
