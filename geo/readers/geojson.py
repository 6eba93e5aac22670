"""GeoJSON (.geojson, .json, .geojson.gz): a fast path with simdjson and vectorised shapely.

Fiona builds a Python dict per feature and a shapely object per dict; for the 769-file DeepState
corpus that alone costs seconds. Here every ring becomes one numpy array and each file becomes
its geometries in a single :func:`shapely.from_ragged_array` call.

The document is parsed by simdjson, and every ``coordinates`` array is left in simdjson's form,
whose numbers go straight into a numpy buffer (no Python float per number: about a third of the
time orjson took to build them and free them again). A document simdjson refuses or that fails
anywhere on that path (a byte order mark, a bad number, malformed coordinates) is read again the
careful way, with orjson and Python lists, which gives today's result or today's message.

Handled quirks: the legacy GeoJSON 2008 ``crs`` member (CRS84/EPSG:4326 mean lon/lat; anything else
is reprojected), 3-D coordinates (Z dropped), rings that are not closed, any ring orientation,
null geometries and non-polygon geometries (left to the repair step / skipped with a record).
"""

from __future__ import annotations

import gc
import threading
from pathlib import PurePath
from typing import Any

import simdjson

from geo import formats
from geo.errors import ReadError
from geo.limits import MAX_FEATURES, gunzip, read_regular
from geo.model import Repair
from geo.readers.base import Context, RawLayer, reader, suffix_is, to_lonlat
from geo.readers.rings import geometries_from_features

_POLYGONAL = ("Polygon", "MultiPolygon")
_PARSERS = threading.local()
#: Documents up to this size share their thread's parser (DeepState's are about 80 KB).
_REUSED_PARSER_BYTES = 4 << 20


def _read_bytes(path: str, display: str) -> bytes:
    data = read_regular(path, display)
    if path.lower().endswith(".gz"):
        data = gunzip(data, display)
    if data.count(b'"Feature"') > MAX_FEATURES:  # refused before millions of objects are built
        raise ReadError(display, f"more than {MAX_FEATURES} features in one layer, not read")
    return data


def _lazy(value: Any) -> Any:
    """A simdjson value as Python objects, except ``coordinates`` arrays (left to simdjson)."""
    if isinstance(value, simdjson.Object):
        keys = list(value.keys())  # (items() would convert every value, coordinates too)
        if len(set(keys)) != len(keys):
            raise ValueError("a repeated key: read by the careful path")
        return {key: _member(key, value[key]) for key in keys}
    if isinstance(value, simdjson.Array):
        return [_lazy(item) for item in value]
    return value


def _member(key: str, item: Any) -> Any:
    if key == "coordinates" and isinstance(item, simdjson.Array):
        return item
    if key == "properties" and isinstance(item, simdjson.Object):
        return item.as_dict()
    return _lazy(item)


def _fast_json(data: bytes) -> Any:
    """The document with simdjson (ValueError for a byte order mark, which orjson refuses).

    Each thread keeps one parser for small documents: a new one per file spends half the parse
    faulting in fresh buffers. A larger document gets its own parser, so that no thread keeps
    buffers the size of the largest file it ever read. A parser that failed is replaced, in case
    something still refers to its document.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        raise ValueError("a byte order mark: read by the careful path")
    small = len(data) <= _REUSED_PARSER_BYTES
    parser = (getattr(_PARSERS, "parser", None) if small else None) or simdjson.Parser()
    _PARSERS.parser = None
    document = _lazy(parser.parse(data))
    if small:
        _PARSERS.parser = parser
    return document


def _load_json(data: bytes, display: str) -> Any:
    import orjson

    collecting = gc.isenabled()
    gc.disable()  # parsing makes millions of containers: each GC pass would walk them all again
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise ReadError(display, f"not valid JSON ({error})") from None
    finally:
        if collecting:
            gc.enable()


def _features(document: Any, display: str) -> list[dict[str, Any]]:
    if not isinstance(document, dict):
        raise ReadError(display, "not a GeoJSON object")
    kind = document.get("type")
    if kind == "FeatureCollection" and isinstance(document.get("features"), list):
        return document["features"]
    if kind == "Feature":
        return [document]
    if kind in (*_POLYGONAL, "GeometryCollection", "Point", "LineString", "MultiPoint"):
        return [{"type": "Feature", "geometry": document, "properties": {}}]
    raise ReadError(display, "not GeoJSON (no FeatureCollection, Feature or geometry)")


def legacy_crs(document: dict[str, Any]) -> str | None:
    """The CRS named by a GeoJSON 2008 ``crs`` member, or None when there is none."""
    member = document.get("crs")
    if not isinstance(member, dict):
        return None
    properties = member.get("properties")
    if not isinstance(properties, dict):
        return None
    if "name" in properties:
        return str(properties["name"])
    if "code" in properties:
        return f"EPSG:{properties['code']}"
    return None


def stem(path: str) -> str:
    """The file name without its GeoJSON suffix (:data:`geo.formats.GEOJSON`)."""
    name = PurePath(path).name
    for suffix in sorted(formats.GEOJSON, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


@reader("GeoJSON", suffix_is(*formats.GEOJSON), priority=10)
def read_geojson(path: str, context: Context) -> list[RawLayer]:
    """Read a GeoJSON file into one layer (attribute-based splitting happens later)."""
    data = _read_bytes(path, context.display)
    try:
        document = _fast_json(data)
        parsed = geometries_from_features(_features(document, context.display), context.display)
    except Exception:  # whatever it was, the careful path says it as it always did
        document = _load_json(data, context.display)
        parsed = geometries_from_features(_features(document, context.display), context.display)
    geometries, properties, z_features, skipped = parsed
    geometries, crs, repairs = to_lonlat(geometries, legacy_crs(document), context.display)
    if z_features:
        repairs.append(Repair("dropped_z", z_features, context.display, "3-D coordinates"))
    if skipped:
        repairs.append(Repair("skipped_non_polygon", skipped, context.display))
    name = document.get("name") if isinstance(document.get("name"), str) else None
    layer = name or stem(path)
    return [
        RawLayer(
            source=context.display,
            layer=layer,
            names=(layer, stem(path), *context.outer),
            crs=crs,
            geometries=geometries,
            properties=properties,
            repairs=repairs,
        )
    ]
