"""GeoJSON-shaped coordinates to shapely geometries, vectorised.

Fiona and shapely's ``shape()`` build a Python object per vertex; here every ring becomes one numpy
array (``np.fromiter``) and all of a file's geometries come from one
:func:`shapely.from_ragged_array` call. Used for GeoJSON files and for features read by fiona.
Rings that are not closed are closed, rings of fewer than 4 positions are dropped, Z is dropped
(and counted), non-polygon geometries are skipped (and counted).
"""

from __future__ import annotations

from itertools import chain
from typing import Any

import numpy as np
import shapely

from geo.errors import ReadError
from geo.limits import MAX_FEATURES


def _positions(ring: Any) -> np.ndarray:
    """A ring's positions as an (n, dim) array; ``fromiter`` is twice as fast as ``asarray``.

    A simdjson array (see :mod:`geo.readers.geojson`) copies its numbers into the buffer itself.
    """
    if hasattr(ring, "as_buffer"):
        if not len(ring) or not hasattr(ring[0], "as_buffer"):
            raise ValueError("a ring is not a list of positions")
        dim = len(ring[0])
        flat = np.frombuffer(ring.as_buffer(of_type="d"), dtype=np.float64)
    else:
        if not isinstance(ring, list) or not ring or not isinstance(ring[0], (list, tuple)):
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
        """Add one polygon's rings; False (nothing added) if its exterior is degenerate."""
        arrays: list[np.ndarray] = []
        for ring in rings:
            array = _positions(ring)
            if array.shape[1] > 2:
                array = array[:, :2]
                self.had_z = 1
            if len(array) and not (array[0, 0] == array[-1, 0] and array[0, 1] == array[-1, 1]):
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
        """Every geometry added so far, as MultiPolygons (empty for features without polygons)."""
        if not self.arrays:
            return np.full(len(self.geometry_offsets) - 1, None, dtype=object)
        offsets = (
            np.asarray(self.ring_offsets, dtype=np.int64),
            np.asarray(self.polygon_offsets, dtype=np.int64),
            np.asarray(self.geometry_offsets, dtype=np.int64),
        )
        coords = np.concatenate(self.arrays)
        return shapely.from_ragged_array(shapely.GeometryType.MULTIPOLYGON, coords, offsets)


def attributes(feature: Any) -> dict[str, Any]:
    """A feature's ``properties`` as a dict; anything else (a list, a string, null) is none."""
    found = feature.get("properties") if isinstance(feature, dict) else None
    return dict(found) if isinstance(found, dict) else {}


def geometries_from_features(
    features: list[dict[str, Any]], display: str
) -> tuple[np.ndarray, list[dict[str, Any]], int, int]:
    """Geometries (None for null), attributes, features with Z, non-polygons skipped."""
    if len(features) > MAX_FEATURES:
        raise ReadError(display, f"more than {MAX_FEATURES} features in one layer, not read")
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
            properties.append(attributes(feature))
        geometries = rings.build()
    except (
        ValueError,
        TypeError,
        AttributeError,
        OverflowError,
        shapely.errors.GEOSException,
    ) as error:
        raise ReadError(display, f"malformed coordinates ({error})") from None
    geometries[shapely.is_empty(geometries)] = None
    if not all(keep):
        mask = np.asarray(keep, dtype=bool)
        geometries = geometries[mask]
        properties = [p for p, k in zip(properties, keep, strict=True) if k]
    return geometries, properties, z_features, rings.skipped
