"""The simdjson path of the GeoJSON reader gives exactly what the careful orjson path gives, and
what it refuses goes down the careful path (so messages and results stay as they were)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely

from geo.errors import ReadError
from geo.readers import geojson
from geo.readers.rings import geometries_from_features
from geo.records import read_file
from tests.paths import DEEPSTATE, ISW

SAMPLES = [
    *sorted(DEEPSTATE.glob("*.geojson"))[::97],
    *sorted((ISW / "arcgis_geojson_nikkei").glob("*.geojson")),
    *sorted((ISW / "sdspieg_derived").rglob("*.geojson"))[:6],
]


def _parsed(document: object) -> tuple[list[bytes | None], list[dict], int, int]:
    geometries, properties, z, skipped = geometries_from_features(
        geojson._features(document, "x"), "x"
    )
    return [None if g is None else shapely.to_wkb(g) for g in geometries], properties, z, skipped


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_both_paths_give_the_same_geometries_and_attributes(path: Path) -> None:
    data = path.read_bytes()
    fast = geojson._fast_json(data)
    careful = geojson._load_json(data, path.name)
    assert type(fast["features"][0]["geometry"]["coordinates"]).__name__ == "Array"
    assert _parsed(fast) == _parsed(careful)
    assert {k: v for k, v in fast.items() if k != "features"} == {
        k: v for k, v in careful.items() if k != "features"
    }


def _square(**extra: object) -> dict:
    ring = [[30, 50], [30.5, 50], [30.5, 50.5], [30, 50.5], [30, 50]]
    return {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "properties": {"date": "2024-01-01"}, **extra,
                      "geometry": {"type": "Polygon", "coordinates": [ring]}}],
    }  # fmt: skip


PLAIN = json.dumps(_square()).encode()
REFUSED = {
    "bom": b"\xef\xbb\xbf" + PLAIN,
    "repeated_key": PLAIN.replace(b'"type": "Feature",', b'"type": "Feature", "type": "Feature",'),
    "huge_integer": json.dumps(_square(id=10**30)).encode(),
    "string_coordinate": PLAIN.replace(b"30.5, 50.5", b'"30.5", 50.5'),
}


@pytest.mark.parametrize(("name", "data"), REFUSED.items(), ids=list(REFUSED))
def test_what_simdjson_refuses_reads_as_the_careful_path_reads_it(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / f"{name}_2024-01-01.geojson"
    path.write_bytes(data)
    with pytest.raises((ValueError, RuntimeError, TypeError, ReadError)):
        _parsed(geojson._fast_json(data))
    result = read_file(str(path))
    try:
        careful = _parsed(geojson._load_json(data, path.name))
    except Exception:  # the careful path refuses it too: the file is a problem, not a snapshot
        assert result.records == []
        assert len(result.problems) == 1
        return
    assert [r.wkb for r in result.records] == [g for g in careful[0] if g is not None]
