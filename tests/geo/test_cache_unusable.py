"""A cache that cannot be opened or written: the load goes on without it, with one warning.

Tests run as root here, so a read-only folder cannot be made with chmod; SQLite's own refusals
are produced instead (a database opened read-only, a connection that cannot be made).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from geo import cache as cache_module
from geo.cache import LoadCache
from geo.loader import load_paths
from tests.hostile.common import good_pair


def _areas(catalog) -> list[float]:
    return [s.area_km2 for s in catalog.snapshots("front")]


def test_a_database_that_cannot_be_opened_means_no_cache_and_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [str(p) for p in good_pair(tmp_path)]
    expected = _areas(load_paths(files, use_cache=False))

    def refuse(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(cache_module.sqlite3, "connect", refuse)
    store = LoadCache(tmp_path / "cache")
    catalog = load_paths(files, cache=store)
    assert _areas(catalog) == expected
    (warning,) = [p for p in catalog.problems if "cache not used" in p.message]
    assert "unable to open database file" in warning.message
    assert store.get_many(files) == {}


def test_a_read_only_database_means_no_cache_and_one_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [str(p) for p in good_pair(tmp_path)]
    store = LoadCache(tmp_path / "cache")
    load_paths(files, cache=store)  # creates the database
    store.close()
    for path in files:
        Path(path).touch()  # changed files: the next load must write
    connect = sqlite3.connect
    monkeypatch.setattr(
        cache_module.sqlite3,
        "connect",
        lambda path: connect(f"file:{path}?mode=ro", uri=True),
    )
    again = LoadCache(tmp_path / "cache")
    catalog = load_paths(files, cache=again)
    assert len(catalog.snapshots("front")) == 2
    warnings = [p for p in catalog.problems if "cache not used" in p.message]
    assert len(warnings) == 1
    assert "readonly" in warnings[0].message
