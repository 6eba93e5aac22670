"""A map published unchanged on the next day is known valid and measured: not checked again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import shapely

from geo import areas, records
from geo.records import read_file
from tests.paths import DEEPSTATE

DAY = sorted(DEEPSTATE.glob("*.geojson"))[100]


@pytest.fixture(autouse=True)
def _nothing_seen_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "_last_clean", (b"", 0.0))


def _counting_repairs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    original = records.repair
    monkeypatch.setattr(records, "repair", lambda g, p: calls.append(p) or original(g, p))
    return calls


def test_the_same_map_on_the_next_day_is_measured_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "deepstatemap_data_20240101.geojson"
    shutil.copyfile(DAY, copy)
    calls = _counting_repairs(monkeypatch)
    (first,) = read_file(str(DAY)).records
    (second,) = read_file(str(copy)).records
    assert calls == [str(DAY)]
    assert second.wkb == first.wkb
    assert second.area_km2 == first.area_km2
    assert second.area_km2 == areas.geodesic_area_km2(shapely.from_wkb(second.wkb))
    assert second.repairs == ()


def _bowtie(path: Path) -> None:
    ring = [[30, 50], [31, 51], [31, 50], [30, 51], [30, 50]]
    feature = {"type": "Feature", "properties": {},
               "geometry": {"type": "Polygon", "coordinates": [ring]}}  # fmt: skip
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))


def test_a_changed_or_broken_map_after_a_clean_one_is_checked_and_repaired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken_2024-01-02.geojson"
    _bowtie(broken)
    calls = _counting_repairs(monkeypatch)
    read_file(str(DAY))
    (record,) = read_file(str(broken)).records
    assert calls == [str(DAY), str(broken)]
    assert [r.kind for r in record.repairs] == ["made_valid"]
    assert shapely.is_valid(shapely.from_wkb(record.wkb))
