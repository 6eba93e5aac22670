"""GeoPackage (written with fiona) and KML/KMZ (written by hand) from real geometries."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import shapely

from geo import series as S
from geo.errors import ReadError
from geo.loader import load_paths
from geo.readers import Context, read_any
from tests.paths import ISW

NIKKEI_0823 = ISW / "arcgis_geojson_nikkei" / "20220823_RussianAssessedCoTinUkraine.geojson"
KURSK = ISW / "sdspieg_derived" / "kursk_geojson" / "2024-09-11.geojson"


def reference(path: Path, name: str):
    (snapshot,) = load_paths([path], use_cache=False).snapshots(name)
    return snapshot


def write_gpkg(path: Path, source: Path, layer: str, crs: str = "EPSG:4326") -> None:
    import fiona

    with fiona.open(source) as src:
        features = list(src)
        schema = {"geometry": "MultiPolygon", "properties": {"name": "str"}}
        with fiona.open(path, "w", driver="GPKG", layer=layer, schema=schema, crs=crs) as out:
            for feature in features:
                geometry = shapely.geometry.shape(feature.geometry)
                geometry = shapely.MultiPolygon(shapely.get_parts(geometry))
                out.write(
                    {"geometry": shapely.geometry.mapping(geometry), "properties": {"name": layer}}
                )


def test_geopackage_every_polygon_layer(tmp_path: Path) -> None:
    import fiona

    path = tmp_path / "isw_2022-08-23.gpkg"
    write_gpkg(path, NIKKEI_0823, "RussianAssessedCoTinUkraine")
    write_gpkg(
        path,
        ISW / "arcgis_geojson_nikkei" / "20220823_UkrainianReportedPartisanWarfare.geojson",
        "UkrainianReportedPartisanWarfare",
    )
    schema = {"geometry": "Point", "properties": {}}
    with fiona.open(path, "w", driver="GPKG", layer="towns", schema=schema, crs="EPSG:4326") as out:
        out.write({"geometry": {"type": "Point", "coordinates": (37.6, 48.0)}, "properties": {}})
    catalog = load_paths([path], use_cache=False)
    assert catalog.problems == []
    assert set(catalog.series) == {S.ASSESSED_CONTROL, S.PARTISAN}
    snapshot = catalog.snapshots(S.ASSESSED_CONTROL)[0]
    assert snapshot.date.isoformat() == "2022-08-23"
    assert snapshot.area_km2 == pytest.approx(
        reference(NIKKEI_0823, S.ASSESSED_CONTROL).area_km2, rel=1e-9
    )


def kml_text(geometry: shapely.MultiPolygon, folder: str, when: str) -> str:
    def ring(r: shapely.LinearRing) -> str:
        return " ".join(f"{x},{y},0" for x, y in shapely.get_coordinates(r))

    placemarks = []
    for index, polygon in enumerate(shapely.get_parts(geometry)):
        holes = "".join(
            f"<innerBoundaryIs><LinearRing><coordinates>{ring(h)}</coordinates></LinearRing>"
            "</innerBoundaryIs>"
            for h in polygon.interiors
        )
        placemarks.append(
            f"<Placemark><name>part {index}</name><TimeStamp><when>{when}</when></TimeStamp>"
            "<ExtendedData><Data name='source'><value>ISW</value></Data></ExtendedData>"
            "<MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>"
            f"{ring(polygon.exterior)}</coordinates></LinearRing></outerBoundaryIs>{holes}"
            "</Polygon><Point><coordinates>35,51</coordinates></Point></MultiGeometry></Placemark>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
        f"<Document><name>export</name><Folder><name>{folder}</name>{''.join(placemarks)}"
        "</Folder></Document></kml>"
    )


def test_kml_and_kmz(tmp_path: Path) -> None:
    kursk = reference(KURSK, S.KURSK_ADVANCES)
    text = kml_text(kursk.geometry, "kursk_russian_advances", "2024-09-11T00:00:00Z")
    kml = tmp_path / "export.kml"
    kml.write_text(text)
    kmz = tmp_path / "export.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.writestr("doc.kml", text)
    for path in (kml, kmz):
        (snapshot,) = load_paths([path], use_cache=False).snapshots(S.KURSK_ADVANCES)
        assert snapshot.date.isoformat() == "2024-09-11"
        assert snapshot.area_km2 == pytest.approx(kursk.area_km2, rel=1e-9)
        assert any(r.kind == "skipped_non_polygon" for r in snapshot.repairs)
    (raw,) = read_any(str(kml), Context.for_file(str(kml)))
    assert raw.layer == "kursk_russian_advances"
    assert raw.properties[0] == {"name": "part 0", "when": "2024-09-11T00:00:00Z", "source": "ISW"}


def test_kml_folders_become_layers(tmp_path: Path) -> None:
    square = shapely.MultiPolygon([shapely.box(35, 48, 35.1, 48.1)])
    one = kml_text(square, "ClaimedUkrainianControl", "2022-04-13")
    two = kml_text(square, "RussianAssessedCoTinUkraine", "2022-04-13")
    inner = lambda t: t.split("<Document><name>export</name>")[1].split("</Document>")[0]  # noqa: E731
    text = one.replace(inner(one), inner(one) + inner(two))
    path = tmp_path / "two_layers.kml"
    path.write_text(text)
    catalog = load_paths([path], use_cache=False)
    assert set(catalog.series) == {S.CLAIMED_COUNTEROFFENSIVES, S.ASSESSED_CONTROL}


def test_bad_kml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.kml"
    path.write_text("<kml><Document>")
    with pytest.raises(ReadError, match=r"broken\.kml: not valid KML"):
        read_any(str(path), Context.for_file(str(path)))


def test_unsupported_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    (problem,) = load_paths([path], use_cache=False).problems
    assert str(problem) == f"{path}: not a format Frontline Atlas reads"
