"""The loading cache damaged or booby-trapped between two runs of ``areas`` and ``delta``.

Each scenario runs the command line once to fill its own cache, damages the cache, and runs
again (each run in its own process, 1 GB, 10 s): the second run must print exactly what the first
printed, with at most one ``warning:`` line (a cache it cannot use), and write nothing through a
symlink.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.hostile.common import DATES, good_pair
from tests.hostile.test_battery import job, run_jobs

if TYPE_CHECKING:
    from collections.abc import Callable

#: The cache database inside XDG_CACHE_HOME (its name carries the cache format).
CACHE = "frontline-atlas"


def _database(home: Path) -> Path:
    (found,) = (home / "cache" / CACHE).glob("load-v*.sqlite")
    return found


def _rewrite_payloads(home: Path, change: Callable[[bytes], bytes]) -> None:
    with sqlite3.connect(_database(home)) as db:
        for path, payload in db.execute("SELECT path, payload FROM files").fetchall():
            db.execute("UPDATE files SET payload = ? WHERE path = ?", (change(payload), path))


def _overwrite_geometry(home: Path) -> None:
    _rewrite_payloads(home, lambda p: p[:-40] + b"\xff" * 40)


def _shift_one_coordinate(home: Path) -> None:
    def shift(payload: bytes) -> bytes:
        at = len(payload) - 24  # a coordinate of the last ring, as little-endian doubles
        (value,) = struct.unpack_from("<d", payload, at)
        return payload[:at] + struct.pack("<d", value + 0.01) + payload[at + 8 :]

    _rewrite_payloads(home, shift)


def _forge_areas_in_heads(home: Path) -> None:
    """Valid JSON with other areas in every head: only the head's checksum tells."""
    with sqlite3.connect(_database(home)) as db:
        for path, head in db.execute("SELECT path, head FROM heads").fetchall():
            forged = head.replace(b'"area_km2":', b'"area_km2":9')
            db.execute("UPDATE heads SET head = ? WHERE path = ?", (forged, path))


def _garbage_database(home: Path) -> None:
    _database(home).write_bytes(os.urandom(5000))


def _cache_folder_is_a_file(home: Path) -> None:
    folder = home / "cache" / CACHE
    for child in folder.iterdir():
        child.unlink()
    folder.rmdir()
    folder.write_text("not a folder")


def _database_is_a_folder(home: Path) -> None:
    path = _database(home)
    path.unlink()
    path.mkdir()


def _symlink_at_database(home: Path) -> None:
    path = _database(home)
    path.unlink()
    (home / "victim.txt").write_text("precious")
    path.symlink_to(home / "victim.txt")


def _symlink_at_journal(home: Path) -> None:
    path = _database(home)
    (home / "victim.txt").write_text("precious")
    Path(f"{path}-journal").symlink_to(home / "victim.txt")


#: Scenario → (damage, warnings expected on the second run).
SCENARIOS: dict[str, tuple[Callable[[Path], None], int]] = {
    "overwritten_geometry_bytes": (_overwrite_geometry, 0),
    "one_shifted_coordinate": (_shift_one_coordinate, 0),
    "forged_areas_in_heads": (_forge_areas_in_heads, 0),
    "garbage_database": (_garbage_database, 0),
    "cache_folder_is_a_file": (_cache_folder_is_a_file, 1),
    "database_is_a_folder": (_database_is_a_folder, 1),
    "symlink_at_database": (_symlink_at_database, 1),
    "symlink_at_journal": (_symlink_at_journal, 1),
}


def _folders(root: Path, name: str) -> dict[str, Path]:
    folders = {part: root / name / part for part in ("input", "home", "tmp", "work")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    return folders


def _commands(inputs: list[str]) -> list[list[str]]:
    return [
        ["areas", *inputs],
        ["delta", *inputs, "--from", DATES[0], "--to", DATES[1]],
    ]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[list, list, Path]]:
    """For each scenario: the first runs, the runs after the damage, and its home folder."""
    root = tmp_path_factory.mktemp("cache")
    prepared = {}
    for name in SCENARIOS:
        folders = _folders(root, name)
        inputs = [str(p) for p in good_pair(folders["input"])]
        prepared[name] = (folders, _commands(inputs))

    def batch(phase: str) -> dict[str, list]:
        jobs = [
            job(f"{name}-{phase}-{i}", args, folders)
            for name, (folders, commands) in prepared.items()
            for i, args in enumerate(commands)
        ]
        # One at a time: two processes sharing a damaged cache may race to rebuild it, and the
        # loser rightly runs without a cache, with a warning.
        results = run_jobs(jobs, root, parallel=1)
        found: dict[str, list] = {name: [] for name in prepared}
        for result in results:
            found[result["id"].split(f"-{phase}-")[0]].append(result)
        return found

    first = batch("fill")
    for name, (damage, _) in SCENARIOS.items():
        damage(prepared[name][0]["home"])
    second = batch("again")
    return {name: (first[name], second[name], prepared[name][0]["home"]) for name in SCENARIOS}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_damaged_cache_costs_a_re_read_never_a_wrong_answer(runs, name: str) -> None:
    first, second, home = runs[name]
    assert [r["exit"] for r in first + second] == [0] * (len(first) + len(second))
    assert [r["stdout"] for r in second] == [r["stdout"] for r in first]
    assert all(r["stderr"] == "" for r in first)
    for result in second:
        lines = result["stderr"].splitlines()
        assert len(lines) == SCENARIOS[name][1], result["stderr"]
        assert all(line.startswith("warning: ") and "cache not used" in line for line in lines)
    victim = home / "victim.txt"
    assert not victim.exists() or victim.read_text() == "precious"
