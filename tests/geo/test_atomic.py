"""Atomic writes: the target appears whole or not at all, and nothing is left beside it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from geo.atomic import atomic_path, write_bytes_atomically

if TYPE_CHECKING:
    from pathlib import Path


def test_bytes_replace_the_target_and_leave_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    write_bytes_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_a_failing_writer_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "change.gpkg"
    target.write_text("old")
    seen: list[Path] = []

    def write_half() -> None:
        with atomic_path(target) as temp:
            seen.append(temp)
            temp.write_text("half")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_half()
    assert seen[0].name == "change.gpkg"
    assert seen[0].parent != tmp_path
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["change.gpkg"]


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_bytes_atomically(tmp_path / "nope" / "out.csv", b"x")
