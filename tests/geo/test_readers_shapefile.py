"""ISW shapefiles: EPSG:3857, zips, same inner names, PolygonZ, invalid rings, overlaps, no .shx."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from geo import series as S
from geo.areas import geodesic_area_km2
from geo.loader import load_paths
from geo.readers import Context, read_any
from geo.repair import repair
from tests.paths import ISW

ZIPS = ISW / "shapefiles_2022" / "zips"
CONTROL_0823 = ZIPS / "UkraineControlMapAO23AUG2022.zip"
NIKKEI_0823 = ISW / "arcgis_geojson_nikkei" / "20220823_RussianAssessedCoTinUkraine.geojson"
WELLSRC = ISW / "shapefiles_2022_wellsrc"


def one(path: Path, name: str = S.ASSESSED_CONTROL):
    catalog = load_paths([path], use_cache=False, workers=1)
    assert catalog.problems == []
    (snapshot,) = catalog.snapshots(name)
    return snapshot


def test_zipped_mercator_shapefile_matches_the_geojson_and_is_not_planar() -> None:
    shp = one(CONTROL_0823)
    geojson = one(NIKKEI_0823)
    assert shp.crs == "EPSG:3857"
    assert shp.date == geojson.date
    assert shp.area_km2 == pytest.approx(geojson.area_km2, rel=5e-4)
    to_3857 = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    mercator = shapely.transform(shp.geometry, lambda xy: mercator_xy(to_3857, xy))
    planar_km2 = shapely.area(mercator) / 1e6
    assert planar_km2 / shp.area_km2 == pytest.approx(2.17, abs=0.03)


def mercator_xy(transformer: Transformer, xy: np.ndarray) -> np.ndarray:
    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def test_every_control_map_has_one_invalid_ring_made_valid() -> None:
    for path in sorted(ZIPS.glob("UkraineC*.zip")):
        snapshot = one(path)
        assert [r.count for r in snapshot.repairs if r.kind == "made_valid"] == [1], path.name
        assert shapely.is_valid(snapshot.geometry)


def test_overlapping_features_are_dissolved_before_area() -> None:
    path = ZIPS / "UkraineControlMapAO07AUG2022.zip"
    (raw,) = read_any(str(path), Context.for_file(str(path)))
    kept, _ = repair(raw.geometries, raw.source)
    summed = sum(geodesic_area_km2(g) for g in kept)
    snapshot = one(path)
    assert summed - snapshot.area_km2 == pytest.approx(118.5, abs=0.5)
    union = shapely.union_all(kept)
    assert shapely.area(shapely.symmetric_difference(union, snapshot.geometry)) < 1e-9
    assert shapely.is_valid(snapshot.geometry)
    assert any(r.kind == "dissolved" for r in snapshot.repairs)


def test_polygon_z_advance_layers_lose_z_with_a_record() -> None:
    snapshot = one(ZIPS / "AssessedRussianAdvancesinUkraineAUG23.zip", S.ASSESSED_ADVANCES)
    assert not shapely.has_z(snapshot.geometry)
    assert [r.count for r in snapshot.repairs if r.kind == "dropped_z"] == [18]


def test_same_inner_names_in_several_zips_keep_their_own_dates() -> None:
    zips = sorted(ZIPS.glob("UkraineControlMapAO*2022.zip"))
    inner = {tuple(zipfile.ZipFile(z).namelist()) for z in zips if "13APR" not in z.name}
    assert len(inner) == 1  # the real quirk: identical member names
    catalog = load_paths(zips, use_cache=False)
    snapshots = catalog.snapshots(S.ASSESSED_CONTROL)
    assert len(snapshots) == len(zips)
    assert len({round(s.area_km2, 3) for s in snapshots}) == len(zips)
    for snapshot in snapshots:
        zip_name = Path(snapshot.source.split("!")[0]).name
        assert one(ZIPS / zip_name).area_km2 == snapshot.area_km2


def test_extracted_folder_equals_zip() -> None:
    folder = ISW / "shapefiles_2022" / "UkraineControlMapAO23AUG2022"
    assert one(folder).area_km2 == pytest.approx(one(CONTROL_0823).area_km2, rel=1e-12)


def test_wellsrc_nulls_invalid_and_spaces_in_names(tmp_path: Path) -> None:
    stem = "Assessed Russian-controlled Ukrainian Territory"
    (raw,) = read_any(str(WELLSRC / f"{stem}.shp"), Context.for_file(str(WELLSRC / f"{stem}.shp")))
    assert len(raw.geometries) == 11
    kept, repairs = repair(raw.geometries, raw.source)
    assert {r.kind: r.count for r in repairs} == {"skipped_null": 6, "made_valid": 1}
    for sidecar in WELLSRC.glob(f"{stem}.*"):
        shutil.copyfile(sidecar, tmp_path / sidecar.name.replace(stem, f"{stem} 14 Jun 2022"))
    snapshot = one(tmp_path / f"{stem} 14 Jun 2022.shp")
    assert snapshot.date.isoformat() == "2022-06-14"
    assert snapshot.area_km2 == pytest.approx(sum(geodesic_area_km2(g) for g in kept), rel=1e-3)


def test_missing_shx_is_rebuilt_without_touching_the_source(tmp_path: Path) -> None:
    source = ISW / "shapefiles_2022" / "UkraineControlMapAO23AUG2022"
    target = tmp_path / "UkraineControlMapAO23AUG2022"
    target.mkdir()
    for path in source.iterdir():
        if path.suffix != ".shx":
            shutil.copyfile(path, target / path.name)
    snapshot = one(target)
    assert snapshot.area_km2 == pytest.approx(one(source).area_km2, rel=1e-12)
    assert any(r.kind == "restored_shx" for r in snapshot.repairs)
    assert not list(target.glob("*.shx"))


def test_zip_inside_zip(tmp_path: Path) -> None:
    outer = tmp_path / "isw_downloads.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.write(CONTROL_0823, f"2022/{CONTROL_0823.name}")
    snapshot = one(outer)
    assert snapshot.date.isoformat() == "2022-08-23"
    assert snapshot.source.endswith(
        f"isw_downloads.zip!2022/{CONTROL_0823.name}!"
        "Assessed_Russian-controlled_Ukrainian_Territory.shp"
    )
    assert snapshot.area_km2 == pytest.approx(one(CONTROL_0823).area_km2, rel=1e-12)


def test_a_broken_member_does_not_hide_the_others(tmp_path: Path) -> None:
    outer = tmp_path / "mixed.zip"
    with zipfile.ZipFile(outer, "w") as archive:
        archive.write(CONTROL_0823, CONTROL_0823.name)
        archive.writestr("broken_20220101.geojson", "{nope")
    catalog = load_paths([outer], use_cache=False)
    assert len(catalog.snapshots(S.ASSESSED_CONTROL)) == 1
    (problem,) = catalog.problems
    assert problem.path.endswith("mixed.zip!broken_20220101.geojson")


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.zip"
    path.write_text("hello")
    (problem,) = load_paths([path], use_cache=False).problems
    assert "not a readable zip" in problem.message


def test_mercator_shapefile_without_prj_is_a_crs_error(tmp_path: Path) -> None:
    source = ISW / "shapefiles_2022" / "UkraineControlMapAO23AUG2022"
    for path in source.iterdir():
        if path.suffix != ".prj":
            shutil.copyfile(path, tmp_path / path.name)
    catalog = load_paths([tmp_path], use_cache=False)
    assert catalog.series == {}
    (problem,) = catalog.problems
    assert problem.path.endswith("Assessed_Russian-controlled_Ukrainian_Territory.shp")
    assert problem.message.startswith("no CRS stated and feature 1 has coordinate (3.67353e+06")
    assert problem.message.endswith("not longitude/latitude")


def test_nesting_is_limited(tmp_path: Path) -> None:
    path = tmp_path / "level0.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(CONTROL_0823, CONTROL_0823.name)
    for level in range(1, 7):
        outer = tmp_path / f"level{level}.zip"
        with zipfile.ZipFile(outer, "w") as archive:
            archive.write(path, path.name)
        path = outer
    (problem,) = load_paths([path], use_cache=False).problems
    assert problem.message == "archives nested more than 4 deep"


@pytest.mark.parametrize(
    ("name", "invalid"),
    [
        ("AssessedRussianAdvanceInUkraineAPR13", 1),
        ("AssessedRussianAdvancesinUkraineMAY22", 1),
        ("AssessedRussianAdvancesinUkraineMAY23", 1),
        ("AssessedRussianAdvancesinUkraineMAY24", 1),
        ("AssessedRussianAdvancesinUkraineMAY26", 1),
        ("AssessedRussianAdvancesinUkraineJUN04", 1),
        ("AssessedRussianAdvancesinUkraineJUL25", 0),
        ("AssessedRussianAdvancesinUkraineAUG07", 0),
        ("AssessedRussianAdvancesinUkraineAUG17", 0),
        ("AssessedRussianAdvancesinUkraineAUG23", 0),
    ],
)
def test_invalid_advance_features_as_listed_in_the_source_notes(name: str, invalid: int) -> None:
    snapshot = one(ZIPS / f"{name}.zip", S.ASSESSED_ADVANCES)
    assert sum(r.count for r in snapshot.repairs if r.kind == "made_valid") == invalid
    assert shapely.is_valid(snapshot.geometry)
