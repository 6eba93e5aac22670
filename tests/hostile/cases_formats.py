"""Cases: shapefiles, GeoPackages and region files (``delta --region``)."""

from __future__ import annotations

import math
import os
import sqlite3
import struct
from typing import TYPE_CHECKING, Any

from tests.hostile.common import (
    SQUARE,
    Spec,
    case,
    collection,
    feature,
    good_pair,
    write_json,
)

if TYPE_CHECKING:
    from pathlib import Path

_SCHEMA = {"geometry": "Polygon", "properties": {"name": "str"}}


def write_shapefile(path: Path, rings: list[list[list[float]]], crs: str | None) -> Path:
    """A polygon shapefile (via fiona) with one feature per ring."""
    import fiona

    kwargs: dict[str, Any] = {"crs": crs} if crs else {}
    with fiona.open(path, "w", driver="ESRI Shapefile", schema=_SCHEMA, **kwargs) as sink:
        for ring in rings:
            geometry = {"type": "Polygon", "coordinates": [ring]}
            sink.write({"geometry": geometry, "properties": {"name": "x"}})
    return path


def _shp(folder: Path, ring: list[list[float]], crs: str | None = "EPSG:4326") -> Spec:
    path = write_shapefile(folder / "area_2024-01-01.shp", [ring], crs)
    return Spec([str(path)], names=path.name)


@case("coordinates", "shapefile_4326_1e308")
def _shp_huge(folder: Path) -> Spec:
    return _shp(folder, [[37.0, 48.0], [1e308, 48.0], [37.5, 48.5], [37.0, 48.0]])


@case("coordinates", "shapefile_4326_nan")
def _shp_nan(folder: Path) -> Spec:
    marker = 37.123456789  # GDAL refuses to write NaN: write a marker, then patch its bytes
    spec = _shp(folder, [[37.0, 48.0], [marker, 48.2], [37.5, 48.5], [37.0, 48.0]])
    path = folder / "area_2024-01-01.shp"
    nan = struct.pack("<d", math.nan)
    path.write_bytes(path.read_bytes().replace(struct.pack("<d", marker), nan))
    return spec


@case("coordinates", "shapefile_prj_lonlat_over_metres")
def _shp_metres(folder: Path) -> Spec:
    ring = [[3.6e6, 5.9e6], [3.9e6, 5.9e6], [3.9e6, 6.2e6], [3.6e6, 6.2e6], [3.6e6, 5.9e6]]
    return _shp(folder, ring)


@case("shapefile", "shp_truncated")
def _shp_cut(folder: Path) -> Spec:
    spec = _shp(folder, SQUARE)
    path = folder / "area_2024-01-01.shp"
    path.write_bytes(path.read_bytes()[:120])
    return spec


@case("shapefile", "shp_wrong_magic")
def _shp_magic(folder: Path) -> Spec:
    spec = _shp(folder, SQUARE)
    (folder / "area_2024-01-01.shp").write_bytes(os.urandom(400))
    return spec


@case("shapefile", "dbf_fewer_records_than_shp")
def _dbf_short(folder: Path) -> Spec:
    write_shapefile(folder / "one_2024-01-01.shp", [SQUARE], "EPSG:4326")
    path = write_shapefile(folder / "area_2024-01-01.shp", [SQUARE, SQUARE, SQUARE], "EPSG:4326")
    os.replace(folder / "one_2024-01-01.dbf", folder / "area_2024-01-01.dbf")
    return Spec([str(path)], "either", names=path.name)


def _broken_sidecar(folder: Path, suffix: str, data: bytes) -> Spec:
    """A good shapefile whose ``suffix`` sidecar is replaced by ``data``: refused or read."""
    spec = _shp(folder, SQUARE)
    (folder / f"area_2024-01-01{suffix}").write_bytes(data)
    spec.expect = "either"
    return spec


@case("shapefile", "dbf_garbage")
def _dbf_garbage(folder: Path) -> Spec:
    return _broken_sidecar(folder, ".dbf", os.urandom(300))


@case("shapefile", "prj_garbage")
def _prj(folder: Path) -> Spec:
    return _broken_sidecar(folder, ".prj", b'PROJCS["broken",GEOGCS[')


@case("shapefile", "shx_garbage")
def _shx(folder: Path) -> Spec:
    return _broken_sidecar(folder, ".shx", os.urandom(200))


@case("shapefile", "dbf_is_a_fifo")
def _dbf_fifo(folder: Path) -> Spec:
    spec = _shp(folder, SQUARE)
    (folder / "area_2024-01-01.dbf").unlink()
    os.mkfifo(folder / "area_2024-01-01.dbf")
    return spec


@case("shapefile", "non_utf8_attributes_cpg_says_utf8")
def _dbf_latin(folder: Path) -> Spec:
    spec = _shp(folder, SQUARE)
    data = bytearray((folder / "area_2024-01-01.dbf").read_bytes())
    data[-2] = 0xFF
    (folder / "area_2024-01-01.dbf").write_bytes(bytes(data))
    (folder / "area_2024-01-01.cpg").write_text("UTF-8")
    spec.expect = "either"
    return spec


def _gpkg(folder: Path, geometry: str = "Polygon") -> Path:
    import fiona

    path = folder / "pack_2024-01-01.gpkg"
    schema = {"geometry": geometry, "properties": {"name": "str"}}
    coordinates: Any = [SQUARE] if geometry == "Polygon" else SQUARE[0]
    with fiona.open(path, "w", driver="GPKG", schema=schema, crs="EPSG:4326") as sink:
        sink.write(
            {
                "geometry": {"type": geometry, "coordinates": coordinates},
                "properties": {"name": "x"},
            }
        )
    return path


@case("geopackage", "points_only")
def _gpkg_points(folder: Path) -> Spec:
    path = _gpkg(folder, "Point")
    return Spec([str(path)], names=path.name)


@case("geopackage", "corrupt_geometry_blobs")
def _gpkg_blobs(folder: Path) -> Spec:
    path = _gpkg(folder)
    with sqlite3.connect(path) as db:
        (table,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
        triggers = db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for (trigger,) in triggers:  # the R-tree triggers call functions only GDAL defines
            db.execute(f'DROP TRIGGER "{trigger}"')
        db.execute(f'UPDATE "{table}" SET geom = ?', (b"GP\x00\x01" + os.urandom(60),))
    return Spec([str(path)], names=path.name)


@case("geopackage", "sqlite_not_a_geopackage")
def _gpkg_plain(folder: Path) -> Spec:
    path = folder / "plain_2024-01-01.gpkg"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    return Spec([str(path)], names=path.name)


@case("geopackage", "random_bytes")
def _gpkg_random(folder: Path) -> Spec:
    path = folder / "noise_2024-01-01.gpkg"
    path.write_bytes(os.urandom(5000))
    return Spec([str(path)], names=path.name)


@case("geopackage", "truncated")
def _gpkg_cut(folder: Path) -> Spec:
    path = _gpkg(folder)
    path.write_bytes(path.read_bytes()[:3000])
    return Spec([str(path)], names=path.name)


def _region_case(folder: Path, document: Any, name: str = "region.geojson") -> Spec:
    paths = [str(p) for p in good_pair(folder)]
    region = write_json(folder / name, document)
    return Spec(paths, names=name, commands=("delta",), extra={"delta": ["--region", str(region)]})


def _box(west: float, south: float, east: float, north: float) -> list[list[float]]:
    return [[west, south], [east, south], [east, north], [west, north], [west, south]]


@case("regions", "whole_world")
def _region_world(folder: Path) -> Spec:
    return _region_case(folder, collection(feature(_box(-180, -90, 180, 90))))


@case("regions", "south_pole_89_to_89_99")
def _region_pole(folder: Path) -> Spec:
    return _region_case(folder, collection(feature(_box(0, -89.99, 40, -89))))


@case("regions", "properties_list")
def _region_list(folder: Path) -> Spec:
    spec = _region_case(folder, collection(feature(SQUARE) | {"properties": ["a"]}))
    spec.expect = "ok"
    return spec


@case("regions", "properties_string")
def _region_string(folder: Path) -> Spec:
    spec = _region_case(folder, collection(feature(SQUARE) | {"properties": "x"}))
    spec.expect = "ok"
    return spec


@case("regions", "lon_500")
def _region_far(folder: Path) -> Spec:
    return _region_case(folder, collection(feature(_box(37, 48, 500, 49))))


@case("regions", "coordinate_1e308")
def _region_huge(folder: Path) -> Spec:
    return _region_case(folder, collection(feature([[37, 48], [1e308, 48], [37, 49], [37, 48]])))


@case("regions", "bowtie")
def _region_bowtie(folder: Path) -> Spec:
    bowtie = [[37, 48], [38, 49], [38, 48], [37, 49], [37, 48]]
    spec = _region_case(folder, collection(feature(bowtie)))
    spec.expect = "ok"
    return spec


@case("regions", "empty_collection")
def _region_empty(folder: Path) -> Spec:
    return _region_case(folder, collection())


@case("regions", "region_is_a_fifo")
def _region_fifo(folder: Path) -> Spec:
    spec = _region_case(folder, collection(feature()), "pipe.geojson")
    (folder / "pipe.geojson").unlink()
    os.mkfifo(folder / "pipe.geojson")
    return spec


@case("regions", "region_is_dev_zero")
def _region_zero(folder: Path) -> Spec:
    spec = _region_case(folder, collection(feature()), "zero.geojson")
    (folder / "zero.geojson").unlink()
    os.symlink("/dev/zero", folder / "zero.geojson")
    return spec


@case("regions", "two_thousand_regions")
def _region_many(folder: Path) -> Spec:
    return _region_case(folder, collection(*[feature()] * 2000))


@case("regions", "color_not_hex")
def _region_color(folder: Path) -> Spec:
    return _region_case(folder, collection(feature(properties={"color": [1, 2]})))


@case("regions", "nested_100k_deep")
def _region_deep(folder: Path) -> Spec:
    spec = _region_case(folder, [], "deep.geojson")
    (folder / "deep.geojson").write_text("[" * 100_000 + "]" * 100_000)
    return spec


@case("regions", "the_largest_allowed_box")
def _region_box(folder: Path) -> Spec:
    spec = _region_case(folder, collection(feature(_box(-60, 0, 120, 85))))
    spec.expect = "ok"
    return spec
