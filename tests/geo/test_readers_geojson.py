"""GeoJSON quirks: legacy crs, clockwise rings, 3-D, nulls, .gz, no crs with projected numbers."""

from __future__ import annotations

import gzip
import json
import shutil
import zipfile
from pathlib import Path

import pytest
import shapely
from pyproj import Transformer

from geo import series as S
from geo.areas import geodesic_area_km2
from geo.errors import CrsError, ReadError
from geo.loader import load_paths
from geo.readers import Context, find_reader, read_any
from geo.readers.geojson import stem
from tests.paths import DEEPSTATE, ISW

DEEP = DEEPSTATE / "deepstatemap_data_20240708.geojson"
NIKKEI = ISW / "arcgis_geojson_nikkei"
COT_0823 = NIKKEI / "20220823_RussianAssessedCoTinUkraine.geojson"


def read(path: Path) -> list:
    return read_any(str(path), Context.for_file(str(path)))


def test_registry_picks_the_geojson_reader() -> None:
    for name in ("a.geojson", "a.JSON", "a.geojson.gz"):
        assert find_reader(name).label == "GeoJSON"


def test_legacy_crs84_and_clockwise_rings_give_positive_lonlat_area() -> None:
    (raw,) = read(DEEP)
    assert raw.crs == "EPSG:4326"
    (geometry,) = raw.geometries
    exterior = shapely.get_exterior_ring(shapely.get_parts(geometry)[0])
    assert not shapely.is_ccw(exterior)  # the file's clockwise outer rings survive reading
    assert geodesic_area_km2(geometry) == pytest.approx(109360.869, abs=0.01)


def test_geojson_gz_reads_like_the_plain_file(tmp_path: Path) -> None:
    packed = tmp_path / DEEP.name.replace(".geojson", ".geojson.gz")
    packed.write_bytes(gzip.compress(DEEP.read_bytes()))
    plain = load_paths([DEEP], use_cache=False).snapshots(S.DEEPSTATE)[0]
    zipped = load_paths([packed], use_cache=False).snapshots(S.DEEPSTATE)[0]
    assert zipped.date == plain.date
    assert zipped.area_km2 == plain.area_km2


def test_a_json_gz_inside_a_zip_is_read_and_named_without_its_suffix(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr(DEEP.name.replace(".geojson", ".json.gz"), gzip.compress(DEEP.read_bytes()))
    plain = load_paths([DEEP], use_cache=False).snapshots(S.DEEPSTATE)[0]
    (inner,) = load_paths([archive], use_cache=False).snapshots(S.DEEPSTATE)
    assert (inner.date, inner.area_km2) == (plain.date, plain.area_km2)
    assert stem("a/deepstatemap_data_20240708.JSON.gz") == "deepstatemap_data_20240708"


def test_three_d_coordinates_of_sdspieg_are_dropped_and_recorded() -> None:
    path = ISW / "sdspieg_derived" / "kursk_geojson" / "2024-09-11.geojson"
    assert len(json.loads(path.read_text())["features"][0]["geometry"]["coordinates"][0][0]) == 3
    (snapshot,) = load_paths([path], use_cache=False).snapshots(S.KURSK_ADVANCES)
    assert not shapely.has_z(snapshot.geometry)
    assert [r.count for r in snapshot.repairs if r.kind == "dropped_z"] == [2]


def test_null_geometries_in_20230824_are_skipped_and_layers_split() -> None:
    catalog = load_paths([NIKKEI / "20230824.geojson"], use_cache=False)
    nulls = sum(r.count for r in catalog.repairs() if r.kind == "skipped_null")
    assert nulls == 11
    assert sum(r.count for r in catalog.repairs() if r.kind == "made_valid") == 2
    assert len(catalog.series) == 4


def test_nikkei_29_september_without_crimea_still_loads() -> None:
    days = [NIKKEI / f"202209{d}_RussianAssessedCoTinUkraine.geojson" for d in (28, 29, 30)]
    areas = [s.area_km2 for s in load_paths(days, use_cache=False).snapshots(S.ASSESSED_CONTROL)]
    assert areas[0] - areas[1] == pytest.approx(27000, rel=0.05)
    assert areas[2] - areas[1] == pytest.approx(27000, rel=0.05)


def _mercator_copy(tmp_path: Path, crs_member: dict | None) -> Path:
    document = json.loads(COT_0823.read_text())
    to_3857 = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)

    def project(ring: list) -> list:
        return [list(to_3857.transform(x, y)) for x, y in ring]

    for feature in document["features"]:
        geometry = feature["geometry"]
        polygons = (
            [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        )
        projected = [[project(r) for r in p] for p in polygons]
        geometry["coordinates"] = projected[0] if geometry["type"] == "Polygon" else projected
    if crs_member is not None:
        document["crs"] = crs_member
    path = tmp_path / "20220823_RussianAssessedCoTinUkraine_3857.geojson"
    path.write_text(json.dumps(document))
    return path


def test_projected_coordinates_without_crs_are_a_crs_error(tmp_path: Path) -> None:
    path = _mercator_copy(tmp_path, None)
    with pytest.raises(
        CrsError, match=r"20220823_RussianAssessedCoTinUkraine_3857\.geojson: no CRS stated"
    ):
        read(path)
    catalog = load_paths([path], use_cache=False)
    assert catalog.series == {}
    assert "not longitude/latitude" in catalog.problems[0].message


def test_legacy_crs_other_than_lonlat_is_reprojected(tmp_path: Path) -> None:
    member = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    path = _mercator_copy(tmp_path, member)
    (snapshot,) = load_paths([path], use_cache=False).snapshots(S.ASSESSED_CONTROL)
    (reference,) = load_paths([COT_0823], use_cache=False).snapshots(S.ASSESSED_CONTROL)
    assert snapshot.crs == "EPSG:3857"
    assert snapshot.area_km2 == pytest.approx(reference.area_km2, rel=1e-6)
    assert any(r.kind == "reprojected" for r in snapshot.repairs)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{bad", "not valid JSON"),
        ('{"type": "Topology"}', "not GeoJSON"),
        (
            '{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [["x"]]}}',
            "malformed",
        ),
    ],
)
def test_malformed_files_raise_read_errors_naming_the_file(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "bad.geojson"
    path.write_text(text)
    with pytest.raises(ReadError, match=rf"bad\.geojson: .*{reason}"):
        read(path)


def test_points_are_skipped_with_a_record(tmp_path: Path) -> None:
    document = json.loads(COT_0823.read_text())
    document["features"].append(
        {
            "type": "Feature",
            "properties": {},
            "geometry": {"type": "Point", "coordinates": [35, 48]},
        }
    )
    path = tmp_path / "20220823_RussianAssessedCoTinUkraine.geojson"
    path.write_text(json.dumps(document))
    (snapshot,) = load_paths([path], use_cache=False).snapshots(S.ASSESSED_CONTROL)
    assert [r.count for r in snapshot.repairs if r.kind == "skipped_non_polygon"] == [1]
    assert not [r for r in snapshot.repairs if r.kind == "skipped_null"]


def test_file_names_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "deepstate map 2024-07-08.geojson"
    shutil.copyfile(DEEP, path)
    (snapshot,) = load_paths([path], use_cache=False).snapshots(S.DEEPSTATE)
    assert snapshot.date.isoformat() == "2024-07-08"


def test_sdspieg_counts_of_null_and_invalid_features_match_the_source_notes() -> None:
    from geo.repair import repair

    features = nulls = invalid = 0
    for path in sorted((ISW / "sdspieg_derived").glob("*/*.geojson")):
        (raw,) = read(path)
        features += len(raw.geometries)
        _, repairs = repair(raw.geometries, raw.source)
        nulls += sum(r.count for r in repairs if r.kind == "skipped_null")
        invalid += sum(r.count for r in repairs if r.kind == "made_valid")
    assert (features, nulls, invalid) == (564, 133, 92)
