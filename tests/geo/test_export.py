"""Exporting a real change (DeepState 2024-11-01 → 2024-11-20) as GeoJSON and GeoPackage."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import orjson
import pytest
import shapely
from shapely.geometry import shape

from geo.delta import compute_delta
from geo.export import ExportError, write_change
from geo.loader import load_paths
from tests.paths import DEEPSTATE

if TYPE_CHECKING:
    from pathlib import Path

    from geo.delta import Delta


@pytest.fixture(scope="module")
def delta() -> Delta:
    files = [DEEPSTATE / f"deepstatemap_data_{d}.geojson" for d in ("20241101", "20241120")]
    catalog = load_paths([str(f) for f in files])
    series = catalog.series_names()[0]
    return compute_delta(catalog, series, dt.date(2024, 11, 1), dt.date(2024, 11, 20))


def _sum(features: list[dict], kind: str) -> float:
    return sum(f["properties"]["area_km2"] for f in features if f["properties"]["kind"] == kind)


def test_geojson_is_rfc7946_and_adds_up(delta: Delta, tmp_path: Path) -> None:
    path = tmp_path / "change.geojson"
    count = write_change(path, [delta])
    document = orjson.loads(path.read_bytes())
    assert document["type"] == "FeatureCollection"
    assert "crs" not in document
    features = document["features"]
    assert len(features) == count > 10
    assert _sum(features, "gained") == pytest.approx(delta.gained_km2, abs=0.01)
    assert _sum(features, "lost") == pytest.approx(delta.lost_km2, abs=0.01)
    assert delta.gained_km2 > 300  # a real, large change
    for feature in features:
        props = feature["properties"]
        assert props["kind"] in ("gained", "lost")
        assert (props["date_from"], props["date_to"]) == ("2024-11-01", "2024-11-20")
        polygon = shape(feature["geometry"])
        assert polygon.geom_type == "Polygon"
        assert polygon.is_valid
        assert polygon.exterior.is_ccw  # RFC 7946 right-hand rule
        assert all(not ring.is_ccw for ring in polygon.interiors)
        assert polygon.bounds[0] >= -180
        assert polygon.bounds[3] <= 90


def test_geopackage_holds_the_same_features(delta: Delta, tmp_path: Path) -> None:
    import fiona

    path = tmp_path / "change.gpkg"
    count = write_change(path, [delta])
    with fiona.open(path) as source:
        assert source.crs.to_epsg() == 4326
        records = list(source)
    assert len(records) == count
    gained = [r for r in records if r.properties["kind"] == "gained"]
    assert sum(r.properties["area_km2"] for r in gained) == pytest.approx(
        delta.gained_km2, abs=0.01
    )
    union = shapely.union_all([shape(r.geometry) for r in gained])
    assert shapely.symmetric_difference(union, delta.gained).area < 1e-9
    assert str(records[0].properties["date_from"]) == "2024-11-01"
    assert [p.name for p in tmp_path.iterdir()] == ["change.gpkg"]


def test_unknown_suffix_and_unwritable_folder(delta: Delta, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"change\.shp: cannot write this format"):
        write_change(tmp_path / "change.shp", [delta])
    with pytest.raises(ExportError, match="missing"):
        write_change(tmp_path / "missing" / "change.geojson", [delta])
    assert list(tmp_path.iterdir()) == []
