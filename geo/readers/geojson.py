"""GeoJSON (.geojson, .json, .geojson.gz): a fast path with orjson and vectorised shapely.

Fiona builds a Python dict per feature and a shapely object per dict; for the 769-file DeepState
corpus that alone costs seconds. Here every ring becomes one numpy array and each file becomes
its geometries in a single :func:`shapely.from_ragged_array` call.

Handled quirks: the legacy GeoJSON 2008 ``crs`` member (CRS84/EPSG:4326 mean lon/lat; anything else
is reprojected), 3-D coordinates (Z dropped), rings that are not closed, any ring orientation,
null geometries and non-polygon geometries (left to the repair step / skipped with a record).
"""

from __future__ import annotations

import gzip
from itertools import chain
from pathlib import PurePath
from typing import Any

import numpy as np
import shapely

from geo.errors import ReadError
from geo.model import Repair
from geo.readers.base import Context, RawLayer, reader, suffix_is, to_lonlat

_POLYGONAL = ("Polygon", "MultiPolygon")


def _positions(ring: list[Any]) -> np.ndarray:
    """A ring's positions as an (n, dim) array; ``fromiter`` is twice as fast as ``asarray``."""
    if not isinstance(ring, list) or not ring or not isinstance(ring[0], list):
        raise ValueError("a ring is not a list of positions")
    dim = len(ring[0])
    flat = np.fromiter(chain.from_iterable(ring), dtype=np.float64)
    if dim < 2 or flat.size != dim * len(ring):
        raise ValueError("positions in a ring have different numbers of coordinates")
    return flat.reshape(-1, dim)


class _Rings:
    """Accumulates rings and the offsets ``from_ragged_array`` wants for MultiPolygons."""

    def __init__(self) -> None:
        self.arrays: list[np.ndarray] = []
        self.ring_offsets = [0]
        self.polygon_offsets = [0]
        self.geometry_offsets = [0]
        self.had_z = 0
        self.skipped = 0

    def add_polygon(self, rings: list[Any]) -> bool:
        arrays: list[np.ndarray] = []
        for ring in rings:
            array = _positions(ring)
            if array.shape[1] > 2:
                array = array[:, :2]
                self.had_z = 1
            if len(array) and not np.array_equal(array[0], array[-1]):
                array = np.vstack([array, array[:1]])
            if len(array) < 4:
                if not arrays:
                    return False
                continue
            arrays.append(array)
        if not arrays:
            return False
        for array in arrays:
            self.arrays.append(array)
            self.ring_offsets.append(self.ring_offsets[-1] + len(array))
        self.polygon_offsets.append(self.polygon_offsets[-1] + len(arrays))
        return True

    def add_geometry(self, geometry: dict[str, Any]) -> int:
        """Add the polygons of ``geometry``; return how many were added."""
        kind = geometry.get("type")
        coordinates = geometry.get("coordinates")
        if kind == "Polygon":
            return int(self.add_polygon(coordinates or []))
        if kind == "MultiPolygon":
            return sum(self.add_polygon(p) for p in coordinates or [])
        if kind == "GeometryCollection":
            return sum(self.add_geometry(g) for g in geometry.get("geometries") or [])
        self.skipped += 1
        return 0

    def build(self) -> np.ndarray:
        if not self.arrays:
            return np.full(len(self.geometry_offsets) - 1, None, dtype=object)
        offsets = (
            np.asarray(self.ring_offsets, dtype=np.int64),
            np.asarray(self.polygon_offsets, dtype=np.int64),
            np.asarray(self.geometry_offsets, dtype=np.int64),
        )
        coords = np.concatenate(self.arrays)
        return shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, coords, offsets)


def _load_json(path: str, display: str) -> Any:
    import orjson

    try:
        with open(path, "rb") as handle:
            data = handle.read()
        if path.lower().endswith(".gz"):
            data = gzip.decompress(data)
        return orjson.loads(data)
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise ReadError(display, f"cannot read: {error}") from None
    except orjson.JSONDecodeError as error:
        raise ReadError(display, f"not valid JSON ({error})") from None


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
    properties = member.get("properties") or {}
    if "name" in properties:
        return str(properties["name"])
    if "code" in properties:
        return f"EPSG:{properties['code']}"
    return None


def stem(path: str) -> str:
    """The file name without .geojson/.json/.gz."""
    name = PurePath(path).name
    for suffix in (".geojson.gz", ".json.gz", ".geojson", ".json", ".gz"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def _geometries(
    features: list[dict[str, Any]], display: str
) -> tuple[np.ndarray, list[dict[str, Any]], int, int]:
    """Geometries (None for null), attributes, features with Z, non-polygons skipped."""
    rings = _Rings()
    properties: list[dict[str, Any]] = []
    z_features = 0
    keep: list[bool] = []
    try:
        for feature in features:
            geometry = feature.get("geometry") if isinstance(feature, dict) else None
            rings.had_z = 0
            skipped = rings.skipped
            added = rings.add_geometry(geometry) if isinstance(geometry, dict) else 0
            z_features += rings.had_z
            keep.append(added > 0 or rings.skipped == skipped)
            rings.geometry_offsets.append(len(rings.polygon_offsets) - 1)
            properties.append(dict(feature.get("properties") or {}))
        geometries = rings.build()
    except (ValueError, TypeError, AttributeError, shapely.errors.GEOSException) as error:
        raise ReadError(display, f"malformed coordinates ({error})") from None
    geometries[shapely.is_empty(geometries)] = None
    if not all(keep):
        mask = np.asarray(keep, dtype=bool)
        geometries = geometries[mask]
        properties = [p for p, k in zip(properties, keep, strict=True) if k]
    return geometries, properties, z_features, rings.skipped


@reader("GeoJSON", suffix_is(".geojson", ".json", ".geojson.gz", ".json.gz"), priority=10)
def read_geojson(path: str, context: Context) -> list[RawLayer]:
    """Read a GeoJSON file into one layer (attribute-based splitting happens later)."""
    document = _load_json(path, context.display)
    features = _features(document, context.display)
    geometries, properties, z_features, skipped = _geometries(features, context.display)
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
