"""Hand-drawn regions: read and write them as GeoJSON (RFC 7946, lon/lat).

A region is drawn on the screen, so its edges are straight in the display projection
(:mod:`geo.projection`). Reading a file densifies every ring in display coordinates (≤ 500 m
steps) and brings it back to lon/lat, so that the geodesic figures describe what was drawn. A
ring that is already dense (e.g. one this module wrote) is left exactly as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import orjson
import shapely
from shapely.errors import ShapelyError
from shapely.geometry import mapping, shape

from geo.atomic import write_bytes_atomically
from geo.errors import ReadError
from geo.limits import (
    MAX_REGION_VERTICES,
    MAX_REGIONS,
    REGION_BOUNDS,
    first_bad_coordinate,
    read_regular,
)
from geo.projection import densify_xy, to_display, to_lonlat
from geo.readers.rings import attributes

if TYPE_CHECKING:
    import os

    from shapely.geometry.base import BaseGeometry

MAX_STEP_M = 500.0
DEFAULT_COLOR = "#e6550d"
_HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Region:
    """A named region.

    Attributes
    ----------
    name : str
        Shown in tables and written as the ``name`` property.
    geometry : BaseGeometry
        Valid (Multi)Polygon in WGS84 lon/lat, edges densified in the display projection.
    color : str
        ``#rrggbb``.
    """

    name: str
    geometry: BaseGeometry
    color: str = DEFAULT_COLOR


def densify_ring(lonlat: np.ndarray, max_step_m: float = MAX_STEP_M) -> np.ndarray:
    """Add vertices along the display-straight edges of a closed lon/lat ring.

    Parameters
    ----------
    lonlat : ndarray, shape (n, 2)
        A closed ring (first vertex repeated at the end).
    max_step_m : float
        Longest edge allowed, in display metres.

    Returns
    -------
    ndarray, shape (m, 2)
        ``lonlat`` itself when no edge is longer than ``max_step_m``, else the densified ring.
    """
    x, y = to_display(lonlat[:, 0], lonlat[:, 1])
    xy = np.column_stack([x, y])
    if len(xy) < 2 or np.hypot(*np.diff(xy, axis=0).T).max() <= max_step_m * (1 + 1e-9):
        return lonlat
    dense = densify_xy(xy, max_step_m, MAX_REGION_VERTICES)
    lon, lat = to_lonlat(dense[:, 0], dense[:, 1])
    return np.column_stack([lon, lat])


def _densify_polygon(polygon: shapely.Polygon, max_step_m: float) -> shapely.Polygon:
    rings = [
        densify_ring(shapely.get_coordinates(r), max_step_m) for r in shapely.get_rings(polygon)
    ]
    return shapely.Polygon(rings[0], rings[1:])


def densify_geometry(geometry: BaseGeometry, max_step_m: float = MAX_STEP_M) -> BaseGeometry:
    """A lon/lat (Multi)Polygon with every ring densified by :func:`densify_ring`.

    Parameters
    ----------
    geometry : BaseGeometry
        Polygon or MultiPolygon whose edges are meant to be straight on the display.
    max_step_m : float
        Longest edge allowed, in display metres.

    Returns
    -------
    BaseGeometry
        Same type; rings that were already dense are unchanged.
    """
    parts = [_densify_polygon(p, max_step_m) for p in shapely.get_parts(geometry)]
    if geometry.geom_type == "Polygon":
        return parts[0]
    return shapely.MultiPolygon(parts)


def _polygonal(geometry: BaseGeometry, path: str, number: int) -> BaseGeometry:
    """Densified, valid (Multi)Polygon; ``ReadError`` if nothing polygonal is left."""
    try:
        result = densify_geometry(geometry)
    except ValueError as exc:
        raise ReadError(path, f"feature {number}: {exc}") from None
    if not result.is_valid:
        result = shapely.make_valid(result)
        keep = [p for p in shapely.get_parts(result) if p.geom_type in ("Polygon", "MultiPolygon")]
        result = shapely.union_all(keep) if keep else shapely.Polygon()
    if result.is_empty or result.area == 0:
        raise ReadError(path, f"feature {number}: the region has no area")
    return result


def _check_bounds(geometry: BaseGeometry, path: str, number: int) -> None:
    """ReadError unless every coordinate is a finite lon/lat inside :data:`REGION_BOUNDS`."""
    found = first_bad_coordinate(np.array([geometry], dtype=object))
    if found is not None:
        _, x, y = found
        raise ReadError(
            path,
            f"feature {number}: coordinate ({x:.6g}, {y:.6g}) is not longitude/latitude",
        )
    x0, y0, x1, y1 = geometry.bounds
    west, south, east, north = REGION_BOUNDS
    if not (west <= x0 and x1 <= east and south <= y0 and y1 <= north):
        raise ReadError(
            path,
            f"feature {number}: the region reaches beyond {west:g}..{east:g}°E "
            f"{south:g}..{north:g}°N, outside what a front-line map shows",
        )


def _region(feature: Any, path: str, number: int) -> Region:
    if not isinstance(feature, dict) or not isinstance(feature.get("geometry"), dict):
        raise ReadError(path, f"feature {number} has no geometry")
    geometry_json = feature["geometry"]
    if geometry_json.get("type") not in ("Polygon", "MultiPolygon"):
        raise ReadError(path, f"feature {number} is a {geometry_json.get('type')}, not a polygon")
    try:
        geometry = shape(geometry_json)
    except (
        ValueError,
        TypeError,
        IndexError,
        KeyError,
        AttributeError,
        OverflowError,
        ShapelyError,
    ) as exc:
        raise ReadError(path, f"feature {number} has a malformed geometry ({exc})") from None
    if geometry.is_empty:
        raise ReadError(path, f"feature {number} has an empty geometry")
    _check_bounds(geometry, path, number)
    properties = attributes(feature)
    name = str(properties.get("name") or f"Region {number}")
    color = properties.get("color") or DEFAULT_COLOR
    if not isinstance(color, str) or not _HEX_COLOR.match(color):
        raise ReadError(path, f"feature {number}: color {color!r} is not #rrggbb")
    return Region(name, _polygonal(geometry, path, number), color.lower())


def read_regions(path: str | os.PathLike[str]) -> list[Region]:
    """Regions from a GeoJSON file of Polygon/MultiPolygon features (``name``, ``color``).

    Parameters
    ----------
    path : str or path
        A GeoJSON FeatureCollection, a single Feature, or a bare geometry, in lon/lat.

    Returns
    -------
    list of Region
        In file order, edges densified.

    Raises
    ------
    ReadError
        The file is missing, is not GeoJSON, holds no polygon, or a feature is malformed.
    """
    name = str(path)
    try:
        document = orjson.loads(read_regular(path, name))
    except orjson.JSONDecodeError as exc:
        raise ReadError(name, f"not valid JSON ({exc})") from None
    return regions_from_document(document, name)


def regions_from_document(document: Any, name: str) -> list[Region]:
    """Regions from a parsed GeoJSON document (see :func:`read_regions`); ``name`` is the
    file (or project file) named in every message."""
    if not isinstance(document, dict):
        raise ReadError(name, "not a GeoJSON object")
    kind = document.get("type")
    if kind == "FeatureCollection":
        features = document.get("features")
    elif kind == "Feature":
        features = [document]
    elif kind in ("Polygon", "MultiPolygon"):
        features = [{"type": "Feature", "geometry": document, "properties": {}}]
    else:
        raise ReadError(name, f"not a GeoJSON FeatureCollection (type {kind!r})")
    if not isinstance(features, list) or not features:
        raise ReadError(name, "the file holds no regions")
    if len(features) > MAX_REGIONS:
        raise ReadError(name, f"more than {MAX_REGIONS} regions in one file, not read")
    return [_region(feature, name, number) for number, feature in enumerate(features, 1)]


def _feature(region: Region) -> dict[str, Any]:
    geometry = shapely.orient_polygons(region.geometry, exterior_cw=False)
    return {
        "type": "Feature",
        "properties": {"name": region.name, "color": region.color},
        "geometry": mapping(geometry),
    }


def regions_document(regions: list[Region]) -> dict[str, Any]:
    """``regions`` as an RFC 7946 FeatureCollection (what :func:`write_regions` writes)."""
    return {"type": "FeatureCollection", "features": [_feature(r) for r in regions]}


def write_regions(path: str | os.PathLike[str], regions: list[Region]) -> None:
    """Write ``regions`` as an RFC 7946 FeatureCollection, atomically.

    Exteriors are counter-clockwise and holes clockwise; coordinates are lon/lat with full
    precision, so reading the file back gives the same geometry. The file is written to a
    temporary file beside ``path`` and moved into place, so a crash never leaves half a file.

    Parameters
    ----------
    path : str or path
        Destination ``.geojson`` file.
    regions : list of Region
        The regions to save (possibly none).
    """
    document = regions_document(regions)
    write_bytes_atomically(path, orjson.dumps(document, option=orjson.OPT_INDENT_2))


def same_shape(a: BaseGeometry, b: BaseGeometry, tolerance_deg: float = 1e-6) -> bool:
    """Whether two lon/lat regions have the same shape (within ~0.1 m), whatever their vertex
    order or densification (a region loaded again from the file it was saved to)."""
    return bool(shapely.hausdorff_distance(a, b) <= tolerance_deg)
