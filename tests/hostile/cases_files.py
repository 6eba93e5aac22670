"""Cases: coordinates, what kind of file it is, broken GeoJSON, dates, and names."""

from __future__ import annotations

import json
import os
import socket
from typing import TYPE_CHECKING

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


def _one(folder: Path, name: str, document: object, expect: str = "error") -> Spec:
    path = write_json(folder / name, document)
    return Spec([str(path)], expect, names=name)


# -- coordinates -------------------------------------------------------------------------------


@case("coordinates", "crs84_1e308")
def _crs84_huge(folder: Path) -> Spec:
    coords = [[37.0, 48.0], [1e308, 48.0], [37.5, 48.5], [37.0, 48.0]]
    document = collection(feature(coords), crs="urn:ogc:def:crs:OGC:1.3:CRS84")
    return _one(folder, "huge_2024-01-01.geojson", document)


@case("coordinates", "epsg4326_lon_500")
def _lon500(folder: Path) -> Spec:
    coords = [[37.0, 48.0], [500.0, 95.0], [37.5, 48.5], [37.0, 48.0]]
    return _one(folder, "far_2024-01-01.geojson", collection(feature(coords), crs="EPSG:4326"))


@case("coordinates", "no_crs_metres")
def _metres(folder: Path) -> Spec:
    coords = [[3.6e6, 5.9e6], [3.7e6, 5.9e6], [3.7e6, 6.0e6], [3.6e6, 5.9e6]]
    return _one(folder, "metres_2024-01-01.geojson", collection(feature(coords)))


@case("coordinates", "mercator_to_infinity")
def _mercator_inf(folder: Path) -> Spec:
    coords = [[0.0, 0.0], [1e308, 0.0], [0.0, 1e308], [0.0, 0.0]]
    return _one(folder, "merc_2024-01-01.geojson", collection(feature(coords), crs="EPSG:3857"))


@case("coordinates", "crs_pyproj_cannot_build")
def _bad_crs(folder: Path) -> Spec:
    document = collection(feature(), crs="EPSG:999999")
    return _one(folder, "badcrs_2024-01-01.geojson", document)


@case("coordinates", "crs_garbage_wkt")
def _garbage_crs(folder: Path) -> Spec:
    document = collection(feature(), crs='PROJCS["x",GEOGCS[')
    return _one(folder, "wkt_2024-01-01.geojson", document)


@case("coordinates", "whole_world_data")
def _world(folder: Path) -> Spec:
    coords = [[-180.0, -90.0], [180.0, -90.0], [180.0, 90.0], [-180.0, 90.0], [-180.0, -90.0]]
    return _one(folder, "world_2024-01-01.geojson", collection(feature(coords)), "ok")


@case("coordinates", "south_pole_sliver_data")
def _pole(folder: Path) -> Spec:
    coords = [[0.0, -89.99], [10.0, -89.99], [10.0, -89.0], [0.0, -89.0], [0.0, -89.99]]
    return _one(folder, "pole_2024-01-01.geojson", collection(feature(coords)), "ok")


# -- what kind of file -------------------------------------------------------------------------


@case("file kind", "fifo_in_folder")
def _fifo_folder(folder: Path) -> Spec:
    good_pair(folder)
    os.mkfifo(folder / "pipe_2024-01-03.geojson")
    return Spec([str(folder)], "ok", commands=("inspect", "areas"))


@case("file kind", "fifo_named")
def _fifo(folder: Path) -> Spec:
    os.mkfifo(folder / "pipe_2024-01-01.geojson")
    return Spec([str(folder / "pipe_2024-01-01.geojson")], names="pipe_2024-01-01.geojson")


@case("file kind", "symlink_dev_zero_geojson")
def _zero(folder: Path) -> Spec:
    os.symlink("/dev/zero", folder / "zero_2024-01-01.geojson")
    return Spec([str(folder / "zero_2024-01-01.geojson")], names="zero_2024-01-01.geojson")


@case("file kind", "symlink_dev_zero_in_folder_kml")
def _zero_kml(folder: Path) -> Spec:
    good_pair(folder)
    os.symlink("/dev/zero", folder / "zero_2024-01-03.kml")
    os.symlink("/dev/urandom", folder / "random_2024-01-04.zip")
    return Spec([str(folder)], "ok")


@case("file kind", "socket_named_geojson")
def _socket(folder: Path) -> Spec:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock_2024-01-01.geojson"))
    server.close()
    return Spec([str(folder / "sock_2024-01-01.geojson")], names="sock_2024-01-01.geojson")


@case("file kind", "folder_named_geojson")
def _dir(folder: Path) -> Spec:
    good_pair(folder)
    (folder / "dir_2024-01-03.geojson").mkdir()
    return Spec([str(folder)], "ok")


@case("file kind", "dangling_symlink")
def _dangling(folder: Path) -> Spec:
    os.symlink(folder / "nowhere", folder / "gone_2024-01-01.geojson")
    return Spec([str(folder / "gone_2024-01-01.geojson")], names="gone_2024-01-01.geojson")


@case("file kind", "sparse_3gb_geojson")
def _sparse(folder: Path) -> Spec:
    path = folder / "big_2024-01-01.geojson"
    with open(path, "wb") as handle:
        handle.truncate(3 << 30)
    return Spec([str(path)], names=path.name)


@case("file kind", "empty_file")
def _empty(folder: Path) -> Spec:
    (folder / "empty_2024-01-01.geojson").write_bytes(b"")
    return Spec([str(folder / "empty_2024-01-01.geojson")], names="empty_2024-01-01.geojson")


# -- broken GeoJSON ----------------------------------------------------------------------------


@case("json", "truncated")
def _truncated(folder: Path) -> Spec:
    text = json.dumps(collection(feature()))
    (folder / "cut_2024-01-01.geojson").write_text(text[: len(text) // 2])
    return Spec([str(folder / "cut_2024-01-01.geojson")], names="cut_2024-01-01.geojson")


@case("json", "nested_arrays_100k_deep")
def _deep(folder: Path) -> Spec:
    (folder / "deep_2024-01-01.geojson").write_text("[" * 100_000 + "]" * 100_000)
    return Spec([str(folder / "deep_2024-01-01.geojson")], names="deep_2024-01-01.geojson")


@case("json", "nested_geometry_collections")
def _deep_collections(folder: Path) -> Spec:
    geometry: dict = feature()["geometry"]
    for _ in range(300):
        geometry = {"type": "GeometryCollection", "geometries": [geometry]}
    document = collection({"type": "Feature", "properties": {}, "geometry": geometry})
    return _one(folder, "gc_2024-01-01.geojson", document, "either")


@case("json", "properties_list")
def _props_list(folder: Path) -> Spec:
    document = collection(feature(properties=None) | {"properties": ["a", 1]})
    return _one(folder, "plist_2024-01-01.geojson", document, "ok")


@case("json", "properties_string")
def _props_str(folder: Path) -> Spec:
    document = collection(feature() | {"properties": "layer"})
    return _one(folder, "pstr_2024-01-01.geojson", document, "ok")


@case("json", "features_of_junk")
def _junk(folder: Path) -> Spec:
    document = {"type": "FeatureCollection", "features": [None, 1, "x", [], {"geometry": 5}]}
    return _one(folder, "junk_2024-01-01.geojson", document)


@case("json", "coordinates_strings")
def _strings(folder: Path) -> Spec:
    document = collection(feature([["a", "b"], ["c", "d"], ["e", "f"], ["a", "b"]]))
    return _one(folder, "str_2024-01-01.geojson", document)


@case("json", "not_utf8")
def _latin(folder: Path) -> Spec:
    text = json.dumps(collection(feature(properties={"name": "X"}))).replace("X", "\xe9")
    (folder / "latin_2024-01-01.geojson").write_bytes(text.encode("latin-1"))
    return Spec([str(folder / "latin_2024-01-01.geojson")], names="latin_2024-01-01.geojson")


@case("json", "utf16")
def _utf16(folder: Path) -> Spec:
    text = json.dumps(collection(feature()))
    (folder / "wide_2024-01-01.geojson").write_bytes(text.encode("utf-16"))
    return Spec([str(folder / "wide_2024-01-01.geojson")], names="wide_2024-01-01.geojson")


@case("json", "features_210k")
def _many(folder: Path) -> Spec:  # 26 MB, under the size limit, over the feature limit
    one = json.dumps(feature(), separators=(",", ":"))
    text = '{"type":"FeatureCollection","features":[' + ",".join([one] * 210_000) + "]}"
    (folder / "many_2024-01-01.geojson").write_text(text)
    return Spec([str(folder / "many_2024-01-01.geojson")], names="many_2024-01-01.geojson")


@case("json", "features_20k_all_overlapping")
def _overlapping(folder: Path) -> Spec:
    features = [
        feature([[37 + i * 1e-4, 48.0], [37.5, 48.0], [37.5, 48.5], [37 + i * 1e-4, 48.0]])
        for i in range(20_000)
    ]
    return _one(folder, "overlap_2024-01-01.geojson", collection(*features))


@case("json", "vertices_700k_in_14mb")
def _vertices(folder: Path) -> Spec:
    block = ",".join(f"[{37 + (i % 7) * 1e-3:.4f},{48 + i * 1e-3:.4f}]" for i in range(1000))
    text = '{"type":"Polygon","coordinates":[[' + ",".join([block] * 700) + ",[37.0,48.0]]]}"
    (folder / "dense_2024-01-01.geojson").write_text(text)
    return Spec([str(folder / "dense_2024-01-01.geojson")], "either", names="dense_2024-01-01")


def _zigzag_ring(count: int) -> list[list[float]]:
    top = [[37 + i * 1e-4, 48.5 if i % 2 else 47.5] for i in range(count)]
    return [*top, [37.0, 48.0], top[0]]


@case("json", "zigzag_20k_self_intersections")
def _zigzag(folder: Path) -> Spec:
    document = collection(feature(_zigzag_ring(20_000)))
    return _one(folder, "zigzag_2024-01-01.geojson", document, "either")


@case("json", "zigzag_60k_self_intersections")
def _zigzag_big(folder: Path) -> Spec:
    return _one(folder, "zigzag_2024-01-01.geojson", collection(feature(_zigzag_ring(60_000))))


# -- dates -------------------------------------------------------------------------------------


@case("dates", "year_0001_in_name")
def _year1(folder: Path) -> Spec:
    return _one(folder, "front_0001-01-01.geojson", collection(feature()))


@case("dates", "year_9999_in_name")
def _year9999(folder: Path) -> Spec:
    return _one(folder, "front_9999-12-31.geojson", collection(feature()))


@case("dates", "february_30")
def _feb30(folder: Path) -> Spec:
    return _one(folder, "front_2024-02-30.geojson", collection(feature()))


@case("dates", "attribute_epoch_far_future")
def _epoch(folder: Path) -> Spec:
    document = collection(feature(properties={"date": 1e300}))
    return _one(folder, "nodate.geojson", document)


@case("dates", "attribute_garbage_values")
def _garbage_dates(folder: Path) -> Spec:
    rows = [{"date": "99999-99-99"}, {"date": [1, 2]}, {"date": {"a": 1}}, {"date": -1e20}]
    document = collection(*(feature(properties=r) for r in rows))
    return _one(folder, "nodate2.geojson", document)


# -- names -------------------------------------------------------------------------------------


@case("names", "newline_in_name")
def _newline(folder: Path) -> Spec:
    path = write_json(folder / "bad\nname_2024-01-01.geojson", {"type": "nothing"})
    return Spec([str(path)], names="bad\\nname_2024-01-01.geojson")


@case("names", "escape_sequence_in_name")
def _escape(folder: Path) -> Spec:
    path = write_json(folder / "\x1b[31mred\x1b]0;title\x07_2024-01-01.geojson", [1])
    return Spec([str(path)], names="\\x1b[31mred\\x1b]0;title\\x07_2024-01-01.geojson")


@case("names", "undecodable_bytes_in_name")
def _bytes(folder: Path) -> Spec:
    name = os.fsdecode(b"\xff\xfe_2024-01-01.geojson")
    write_json(folder / name, collection(feature(SQUARE)))
    return Spec([str(folder / name)], "ok")


@case("names", "undecodable_name_broken_file")
def _bytes_broken(folder: Path) -> Spec:
    name = os.fsdecode(b"\xff\xfe_2024-01-01.geojson")
    (folder / name).write_text("{")
    return Spec([str(folder / name)], names="\\xff\\xfe_2024-01-01.geojson")


@case("file kind", "symlink_loop_in_folder")
def _loop(folder: Path) -> Spec:
    good_pair(folder)
    (folder / "sub").mkdir()
    os.symlink(folder, folder / "sub" / "loop")
    return Spec([str(folder)], "ok")


@case("json", "byte_order_mark")
def _bom(folder: Path) -> Spec:
    text = json.dumps(collection(feature()))
    (folder / "bom_2024-01-01.geojson").write_bytes(b"\xef\xbb\xbf" + text.encode())
    return Spec([str(folder / "bom_2024-01-01.geojson")], "either", names="bom_2024-01-01")


@case("names", "name_is_only_a_suffix")
def _suffix_only(folder: Path) -> Spec:
    return _one(folder, ".geojson", collection(feature()))


@case("json", "one_multipolygon_of_20k_overlapping_parts")
def _overlapping_parts(folder: Path) -> Spec:
    parts = [
        [[[37 + i * 1e-4, 48.0], [37.5, 48.0], [37.5, 48.5], [37 + i * 1e-4, 48.0]]]
        for i in range(20_000)
    ]
    geometry = {"type": "MultiPolygon", "coordinates": parts}
    document = collection({"type": "Feature", "properties": {}, "geometry": geometry})
    return _one(folder, "parts_2024-01-01.geojson", document)
