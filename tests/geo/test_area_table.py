"""The areas of every snapshot from the cache's heads: the same table a full load gives, or None.

None sends ``areas`` down the full load, so every case that could give a wrong number must give
None: a file changed since it was cached, a damaged or forged head, a cache that cannot be used,
two snapshots of one series and date (a load measures their union).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from geo import loader
from geo.area_table import AreaTable, cached_area_table
from geo.cache import LoadCache
from geo.loader import load_paths
from tests.paths import DEEPSTATE, ISW

FILES = sorted(DEEPSTATE.glob("*.geojson"))[:30]
NIKKEI = ISW / "arcgis_geojson_nikkei"


def _full(paths: list[Path]) -> AreaTable:
    return AreaTable.of_catalog(load_paths(paths, use_cache=False))


def _set_head(store: LoadCache, path: Path, change: str) -> None:
    with closing(sqlite3.connect(store.path)) as db:
        db.execute(f"UPDATE heads SET head = {change} WHERE path = ?", (str(path),))
        db.commit()


def test_nothing_cached_gives_none(tmp_path: Path) -> None:
    assert cached_area_table(FILES[:3], LoadCache(tmp_path)) is None


def test_the_heads_give_the_table_a_full_load_gives() -> None:
    paths = [*FILES, NIKKEI]
    load_paths(paths)
    table = cached_area_table(paths)
    assert table is not None
    assert table == _full(paths)
    assert len(table.series_names()) == 6  # DeepState and five Nikkei layers


def test_a_file_changed_after_caching_is_a_miss_and_reloads_with_new_numbers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "deepstatemap_data_20240708.geojson"
    shutil.copyfile(FILES[0], path)
    load_paths([path])
    before = cached_area_table([path])
    assert before == _full([FILES[0]])
    shutil.copyfile(FILES[20], path)
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert cached_area_table([path]) is None
    load_paths([path])
    after = cached_area_table([path])
    assert after is not None
    assert after != before
    (rows,) = after.series.values()
    (expected,) = _full([FILES[20]]).series.values()
    assert rows[0][1] == expected[0][1]


def test_a_damaged_head_is_a_miss_and_the_load_reads_that_file_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = LoadCache()
    load_paths(FILES[:5], cache=store)
    _set_head(store, FILES[2], "substr(head, 1, 30)")
    assert cached_area_table(FILES[:5], store) is None
    reads: list[str] = []
    original = loader.read_file
    monkeypatch.setattr(loader, "read_file", lambda p: reads.append(p) or original(p))
    load_paths(FILES[:5], cache=store, workers=1)
    assert reads == [str(FILES[2])]
    assert cached_area_table(FILES[:5], store) == _full(FILES[:5])
    store.close()


def test_a_forged_area_in_a_head_is_refused() -> None:
    store = LoadCache()
    load_paths(FILES[:2], cache=store)
    _set_head(
        store,
        FILES[1],
        "CAST(replace(CAST(head AS TEXT), '\"area_km2\":', '\"area_km2\":1') AS BLOB)",
    )
    with closing(sqlite3.connect(store.path)) as db:
        (head,) = db.execute("SELECT head FROM heads WHERE path = ?", (str(FILES[1]),)).fetchone()
    assert b'"area_km2":1' in head  # still valid JSON, only the checksum tells
    assert cached_area_table(FILES[:2], store) is None
    store.close()


def test_the_same_series_and_date_twice_is_left_to_the_load(tmp_path: Path) -> None:
    for name in ("a_20240708.geojson", "b_20240708.geojson"):
        shutil.copyfile(FILES[0], tmp_path / name)
    load_paths([tmp_path])
    assert cached_area_table([tmp_path]) is None


def test_an_unusable_cache_gives_none(tmp_path: Path) -> None:
    load_paths(FILES[:2])
    folder = tmp_path / "not-a-folder"
    folder.write_text("a file where the cache folder should be")
    store = LoadCache(folder)
    assert cached_area_table(FILES[:2], store) is None
    assert store.problem is not None
