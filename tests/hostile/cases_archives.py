"""Cases: gzip, zip and KMZ (bombs, broken and hostile members) and KML."""

from __future__ import annotations

import functools
import gzip
import struct
import zipfile
import zlib
from typing import TYPE_CHECKING

from tests.hostile.common import (
    RING_TEXT,
    Spec,
    case,
    geojson_bytes,
    kml_bytes,
    one_file,
    zip_of,
)

if TYPE_CHECKING:
    from pathlib import Path

#: 320 MB of JSON whitespace compresses to ~0.3 MB: far past every limit once inflated.
BOMB_BYTES = 320 << 20


@functools.cache
def _bomb() -> tuple[bytes, int]:
    """Raw deflate data of :data:`BOMB_BYTES` spaces and their CRC-32.

    After a full flush the compressor starts afresh, so every 8 MB chunk compresses to the same
    bytes: one chunk is compressed and its output repeated.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b" " * (8 << 20)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = BOMB_BYTES // len(chunk)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    return block * count + compressor.flush(), crc


def _bomb_member(path: Path, name: str) -> Path:
    """A zip whose one member ``name`` inflates to :data:`BOMB_BYTES` (headers tell the truth)."""
    data, crc = _bomb()
    return _raw_zip(path, name, data, crc, BOMB_BYTES)


def _raw_zip(path: Path, name: str, data: bytes, crc: int, size: int) -> Path:
    encoded = name.encode()
    local = struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0
    )
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50,
        20,
        20,
        0,
        8,
        0,
        0,
        crc,
        len(data),
        size,
        len(encoded),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    offset = len(local) + len(encoded) + len(data)
    directory = central + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(directory), offset, 0)
    path.write_bytes(local + encoded + data + directory + end)
    return path


@case("compression", "gzip_bomb_geojson")
def _gzip_bomb(folder: Path) -> Spec:
    data, crc = _bomb()
    path = folder / "bomb_2024-01-01.geojson.gz"
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    path.write_bytes(header + data + struct.pack("<II", crc, BOMB_BYTES & 0xFFFFFFFF))
    return Spec([str(path)], names=path.name)


@case("compression", "gzip_truncated")
def _gzip_cut(folder: Path) -> Spec:
    data = gzip.compress(geojson_bytes())
    return one_file(folder, "cut_2024-01-01.geojson.gz", data[: len(data) // 2])


@case("compression", "gzip_wrong_magic")
def _gzip_magic(folder: Path) -> Spec:
    return one_file(folder, "plain_2024-01-01.geojson.gz", geojson_bytes())


@case("compression", "gzip_trailing_garbage")
def _gzip_trailing(folder: Path) -> Spec:
    return one_file(
        folder, "tail_2024-01-01.geojson.gz", gzip.compress(geojson_bytes()) + b"garbage"
    )


@case("compression", "zip_bomb_member")
def _zip_bomb(folder: Path) -> Spec:
    path = _bomb_member(folder / "bomb.zip", "front_2024-01-01.geojson")
    return Spec([str(path)], names="bomb.zip")


@case("compression", "kmz_bomb")
def _kmz_bomb(folder: Path) -> Spec:
    path = _bomb_member(folder / "bomb_2024-01-01.kmz", "doc.kml")
    return Spec([str(path)], names="bomb_2024-01-01.kmz")


def _many_members(path: Path, count: int, name: str, data: bytes) -> Path:
    """A stored zip of ``count`` members ``name.format(i)`` holding ``data``, plus a good one."""
    members = {name.format(i): data for i in range(count)}
    members["front_2024-01-01.geojson"] = geojson_bytes()
    return zip_of(path, members, zipfile.ZIP_STORED)


@case("archive", "zip_12000_members")
def _zip_many(folder: Path) -> Spec:
    path = _many_members(folder / "many.zip", 12_000, "m{}.txt", b"")
    return Spec([str(path)], names="many.zip")


@case("archive", "zip_1500_data_members")
def _zip_junk(folder: Path) -> Spec:
    path = _many_members(folder / "junk.zip", 1500, "junk/m{}.geojson", b"{")
    return Spec([str(path)], names="junk.zip")


@case("archive", "zip_200_broken_members_one_good")
def _zip_broken_members(folder: Path) -> Spec:
    _many_members(folder / "broken.zip", 200, "junk/m{}.geojson", b"{")
    return Spec([str(folder / "broken.zip")], "ok", commands=("inspect", "areas"))


@case("archive", "zip_encrypted_member_and_good_member")
def _zip_encrypted(folder: Path) -> Spec:
    path = zip_of(
        folder / "mixed.zip",
        {"a_2024-01-01.geojson": geojson_bytes(), "b_2024-01-02.geojson": geojson_bytes()},
    )
    data = bytearray(path.read_bytes())
    # set the "encrypted" flag of the second member in its local and central headers
    for signature in (b"PK\x03\x04", b"PK\x01\x02"):
        start = data.find(signature, data.find(signature) + 1)
        flag_at = start + (6 if signature == b"PK\x03\x04" else 8)
        data[flag_at] |= 1
    path.write_bytes(bytes(data))
    return Spec([str(path)], "ok", commands=("inspect", "areas"))


@case("archive", "zip_unknown_compression_member")
def _zip_method(folder: Path) -> Spec:
    path = zip_of(
        folder / "method.zip",
        {"a_2024-01-01.geojson": geojson_bytes(), "b_2024-01-02.geojson": geojson_bytes()},
        zipfile.ZIP_STORED,
    )
    data = bytearray(path.read_bytes())
    for signature in (b"PK\x03\x04", b"PK\x01\x02"):
        start = data.find(signature, data.find(signature) + 1)
        method_at = start + (8 if signature == b"PK\x03\x04" else 10)
        data[method_at : method_at + 2] = struct.pack("<H", 98)  # PPMd
    path.write_bytes(bytes(data))
    return Spec([str(path)], "ok", commands=("inspect", "areas"))


@case("archive", "zip_path_traversal")
def _zip_traversal(folder: Path) -> Spec:
    inner = folder / "inner"
    inner.mkdir()
    members = {"../../evil_2024-01-01.geojson": geojson_bytes(), "/abs_2024-01-02.geojson": b"{}"}
    path = zip_of(inner / "trav.zip", members)
    return Spec([str(path)], "ok", commands=("inspect", "areas"))


@case("archive", "zip_nested_12_deep")
def _zip_nested(folder: Path) -> Spec:
    data = geojson_bytes()
    name = "front_2024-01-01.geojson"
    for depth in range(12):
        path = zip_of(folder / f"n{depth}.zip", {name: data})
        data, name = path.read_bytes(), f"n{depth}.zip"
    return Spec([str(folder / "n11.zip")], names="n11.zip")


@case("archive", "zip_truncated")
def _zip_cut(folder: Path) -> Spec:
    path = zip_of(folder / "cut.zip", {"a_2024-01-01.geojson": geojson_bytes() * 50})
    path.write_bytes(path.read_bytes()[:300])
    return Spec([str(path)], names="cut.zip")


@case("archive", "zip_wrong_magic")
def _zip_magic(folder: Path) -> Spec:
    return one_file(folder, "text.zip", b"this is not a zip archive at all\n" * 10)


@case("archive", "zip_crc_mismatch")
def _zip_crc(folder: Path) -> Spec:
    path = zip_of(folder / "crc.zip", {"a_2024-01-01.geojson": geojson_bytes()}, 0)
    data = bytearray(path.read_bytes())
    data[data.find(b"37.0")] = ord("9")
    path.write_bytes(bytes(data))
    return Spec([str(path)], names="crc.zip")


@case("archive", "zip_shp_without_dbf")
def _zip_shp(folder: Path) -> Spec:
    path = zip_of(folder / "shp.zip", {"a_2024-01-01.shp": b"\x00" * 100})
    return Spec([str(path)], names="shp.zip")


@case("kml", "billion_laughs")
def _laughs(folder: Path) -> Spec:
    entities = '<!ENTITY a0 "lol">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    doctype = f"<!DOCTYPE kml [{entities}]>"
    return one_file(
        folder, "laughs_2024-01-01.kml", kml_bytes(RING_TEXT, "<name>&a9;</name>", doctype)
    )


@case("kml", "external_entity")
def _external(folder: Path) -> Spec:
    doctype = '<!DOCTYPE kml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    return one_file(folder, "xxe_2024-01-01.kml", kml_bytes(RING_TEXT, "<name>&x;</name>", doctype))


@case("kml", "lon_500_lat_95")
def _kml_far(folder: Path) -> Spec:
    return one_file(folder, "far_2024-01-01.kml", kml_bytes("37,48 500,95 37.5,48.5 37,48"))


@case("kml", "nan_and_inf")
def _kml_nan(folder: Path) -> Spec:
    return one_file(folder, "nan_2024-01-01.kml", kml_bytes("37,48 nan,nan inf,48.5 37,48"))


@case("kml", "folders_5000_deep")
def _kml_deep(folder: Path) -> Spec:
    path = folder / "deep_2024-01-01.kml"
    data = kml_bytes(RING_TEXT).replace(b"<Document>", b"<Document>" + b"<Folder>" * 5000, 1)
    path.write_bytes(data.replace(b"</Document>", b"</Folder>" * 5000 + b"</Document>", 1))
    return Spec([str(path)], names=path.name)


@case("kml", "malformed_coordinates")
def _kml_coords(folder: Path) -> Spec:
    return one_file(folder, "bad_2024-01-01.kml", kml_bytes("a,b c,d e,f a,b"))


@case("kml", "not_xml")
def _kml_text(folder: Path) -> Spec:
    return one_file(folder, "text_2024-01-01.kml", b"\x00\x01 not xml <<<")


@case("kml", "kmz_without_kml")
def _kmz_empty(folder: Path) -> Spec:
    path = zip_of(folder / "empty_2024-01-01.kmz", {"readme.txt": b"hi"})
    return Spec([str(path)], names=path.name)


@case("kml", "multigeometry_200_deep")
def _kml_multi(folder: Path) -> Spec:
    polygon = (
        f"<Polygon><outerBoundaryIs><LinearRing><coordinates>{RING_TEXT}</coordinates>"
        "</LinearRing></outerBoundaryIs></Polygon>"
    )
    nested = "<MultiGeometry>" * 200 + polygon + "</MultiGeometry>" * 200
    data = kml_bytes(RING_TEXT).replace(
        b"<Placemark><name>x</name>", f"<Placemark>{nested}".encode()
    )
    return one_file(folder, "multi_2024-01-01.kml", data)


@case("kml", "wrong_encoding_declared")
def _kml_encoding(folder: Path) -> Spec:
    data = kml_bytes(RING_TEXT).replace(b'version="1.0"', b'version="1.0" encoding="utf-16"')
    return one_file(folder, "enc_2024-01-01.kml", data)


@case("compression", "gzip_bomb_inside_zip")
def _zip_of_gzip_bomb(folder: Path) -> Spec:
    data, crc = _bomb()
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    bomb = header + data + struct.pack("<II", crc, BOMB_BYTES & 0xFFFFFFFF)
    path = zip_of(folder / "outer.zip", {"b_2024-01-01.geojson.gz": bomb}, zipfile.ZIP_STORED)
    return Spec([str(path)], names="outer.zip")


@case("archive", "member_name_with_control_characters")
def _zip_names(folder: Path) -> Spec:
    path = zip_of(folder / "names.zip", {"evil\n\x1b[2J_2024-01-01.geojson": b"{"})
    return Spec([str(path)], names="names.zip")
