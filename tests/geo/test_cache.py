"""The loading cache: faster and identical, never trusted blindly (corrupt, stale, modified)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from geo import cache as cache_module
from geo import series as S
from geo.cache import LoadCache, cache_dir
from geo.loader import load_paths
from geo.model import Catalog
from tests.paths import DEEPSTATE, ISW

FILES = sorted(DEEPSTATE.glob("*.geojson"))[:80]
MIXED = [
    *FILES[:10],
    ISW / "shapefiles_2022" / "zips",
    ISW / "arcgis_geojson_nikkei" / "20230824.geojson",
]


def summary(catalog: Catalog) -> list[tuple]:
    return [
        (s.series, s.date, s.source, s.layer, s.area_km2, s.repairs, s.crs, s.geometry.wkb)
        for name in catalog.series_names()
        for s in catalog.snapshots(name)
    ] + [("problem", str(p)) for p in catalog.problems]


def timed(function) -> tuple[float, Catalog]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def test_cache_lives_in_the_user_cache_dir() -> None:
    assert str(cache_dir()).startswith(os.environ["XDG_CACHE_HOME"])
    load_paths(FILES[:2])
    assert (cache_dir() / f"load-v{cache_module.FORMAT}.sqlite").exists()


def test_second_load_is_faster_and_identical() -> None:
    cold, first = timed(lambda: load_paths(FILES, workers=1))
    warm, second = timed(lambda: load_paths(FILES, workers=1))
    assert summary(second) == summary(first)
    assert warm < cold / 3
    assert (
        summary(load_paths(MIXED))
        == summary(load_paths(MIXED))
        == summary(load_paths(MIXED, use_cache=False))
    )


def test_corrupt_cache_file_is_discarded_and_rebuilt() -> None:
    reference = summary(load_paths(MIXED, use_cache=False))
    load_paths(MIXED)
    database = cache_dir() / f"load-v{cache_module.FORMAT}.sqlite"
    database.write_bytes(b"this is not a database" * 100)
    assert summary(load_paths(MIXED)) == reference
    with closing(sqlite3.connect(database)) as db:  # rebuilt: a real database again, with the files
        assert db.execute("SELECT count(*) FROM files").fetchone()[0] > 0


def test_corrupt_entry_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    reference = summary(load_paths(FILES[:5], use_cache=False))
    store = LoadCache()
    load_paths(FILES[:5], cache=store)
    store.close()
    with closing(sqlite3.connect(store.path)) as db:
        db.execute(
            "UPDATE files SET payload = substr(payload, 1, 40) WHERE path = ?", (str(FILES[2]),)
        )
        db.commit()
    reads: list[str] = []
    from geo import loader

    original = loader.read_file
    monkeypatch.setattr(loader, "read_file", lambda p: reads.append(p) or original(p))
    assert summary(load_paths(FILES[:5], workers=1)) == reference
    assert reads == [str(FILES[2])]


def test_modified_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "deepstatemap_data_20240708.geojson"
    shutil.copyfile(FILES[0], path)
    first = load_paths([path]).snapshots(S.DEEPSTATE)[0].area_km2
    shutil.copyfile(FILES[40], path)
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    second = load_paths([path]).snapshots(S.DEEPSTATE)[0].area_km2
    assert second != first
    assert second == load_paths([FILES[40]]).snapshots(S.DEEPSTATE)[0].area_km2


def test_other_format_version_is_discarded(monkeypatch: pytest.MonkeyPatch) -> None:
    reference = summary(load_paths(FILES[:3]))
    store = LoadCache()
    with closing(sqlite3.connect(store.path)) as db:
        db.execute("UPDATE meta SET value = '999' WHERE key = 'format'")
        db.commit()
    assert summary(load_paths(FILES[:3], cache=store)) == reference
    store.close()
    with closing(sqlite3.connect(store.path)) as db:
        assert db.execute("SELECT value FROM meta").fetchone()[0] == str(cache_module.FORMAT)


def test_no_cache_means_no_cache_file() -> None:
    load_paths(FILES[:2], use_cache=False)
    assert not (cache_dir() / f"load-v{cache_module.FORMAT}.sqlite").exists()
