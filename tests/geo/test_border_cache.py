"""geo.border_cache: a level's tidied oblast outlines, kept in the user's cache and checked."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import shapely

from geo import border_cache
from geo.basemap import default_basemap

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def test_the_lines_are_computed_once_then_read_back_the_same(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    basemap = default_basemap()
    first = border_cache.oblast_lines(basemap, "lo")
    files = list(cache.rglob("oblast-lines-lo-*.wkb"))
    assert len(files) == 1

    def _fail(*_args: object) -> None:
        raise AssertionError("computed again")

    monkeypatch.setattr(border_cache, "compute_oblast_lines", _fail)
    again = border_cache.oblast_lines(basemap, "lo")
    assert shapely.equals_exact(again, first, tolerance=0.0)


def test_a_damaged_or_replaced_file_is_computed_again(cache: Path) -> None:
    basemap = default_basemap()
    first = border_cache.oblast_lines(basemap, "lo")
    (path,) = cache.rglob("oblast-lines-lo-*.wkb")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert shapely.equals_exact(border_cache.oblast_lines(basemap, "lo"), first, tolerance=0.0)
    path.unlink()
    path.symlink_to(cache / "elsewhere.wkb")
    assert shapely.equals_exact(border_cache.oblast_lines(basemap, "lo"), first, tolerance=0.0)


def test_an_unwritable_cache_still_gives_the_lines(cache: Path) -> None:
    (cache / "frontline-atlas").write_text("a file where the folder should be")
    lines = border_cache.oblast_lines(default_basemap(), "lo")
    assert not lines.is_empty
