"""The change between two dates as a file: RFC 7946 GeoJSON or GeoPackage, written atomically.

Every polygon of ``gained`` (B − A) and ``lost`` (A − B) becomes one feature with the properties
``kind`` (``"gained"``/``"lost"``), ``date_from``/``date_to`` (the dates of the two snapshots
compared), ``area_km2`` (geodesic, :mod:`geo.areas`), ``series`` and ``region``; the areas of one
kind add up to the delta's figure. The app's "Export change…" and ``delta --export-geometry`` both
call :func:`write_change`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import shapely
from shapely.geometry import mapping

from geo.areas import geodesic_areas_km2
from geo.atomic import atomic_path, write_bytes_atomically
from geo.errors import AtlasError, one_line

if TYPE_CHECKING:
    import os
    from collections.abc import Sequence

    from geo.delta import Delta

FORMATS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GPKG"}
"""File suffix → format written."""
LAYER = "change"
"""The GeoPackage layer's name."""
SCHEMA = {
    "geometry": "MultiPolygon",
    "properties": {
        "kind": "str",
        "date_from": "date",
        "date_to": "date",
        "area_km2": "float",
        "series": "str",
        "region": "str",
    },
}


class ExportError(AtlasError):
    """The change could not be written: ``<path>: <reason>``."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")


def change_features(delta: Delta) -> list[dict[str, Any]]:
    """One GeoJSON feature per polygon of the delta's gained and lost geometries.

    Exteriors are counter-clockwise and holes clockwise (RFC 7946 §3.1.6); coordinates are
    WGS84 lon/lat at full precision.
    """
    features = []
    for kind, geometry in (("gained", delta.gained), ("lost", delta.lost)):
        parts = shapely.get_parts(geometry)
        parts = parts[shapely.get_type_id(parts) == shapely.GeometryType.POLYGON]
        parts = parts[~shapely.is_empty(parts)]
        parts = shapely.orient_polygons(parts, exterior_cw=False)
        for polygon, area in zip(parts, geodesic_areas_km2(parts).tolist(), strict=True):
            properties = {
                "kind": kind,
                "date_from": delta.from_actual.isoformat(),
                "date_to": delta.to_actual.isoformat(),
                "area_km2": area,
                "series": delta.series,
                "region": delta.region,
            }
            features.append(
                {"type": "Feature", "properties": properties, "geometry": mapping(polygon)}
            )
    return features


def write_change(path: str | os.PathLike[str], deltas: Sequence[Delta]) -> int:
    """Write the gained and lost polygons of ``deltas`` to ``path``; return the feature count.

    Parameters
    ----------
    path : str or path
        ``.geojson``/``.json`` (RFC 7946 FeatureCollection) or ``.gpkg`` (layer ``change``,
        EPSG:4326, MultiPolygon). Written to a temporary file and moved into place.
    deltas : sequence of Delta
        Usually one; several (regions, series) share one file, told apart by ``region`` and
        ``series``.

    Raises
    ------
    ExportError
        Unknown suffix, or the file could not be written (one line naming the file).
    """
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ExportError(path, f"cannot write this format (use {', '.join(FORMATS)})")
    features = [f for delta in deltas for f in change_features(delta)]
    try:
        if fmt == "GeoJSON":
            document = {"type": "FeatureCollection", "features": features}
            write_bytes_atomically(path, orjson.dumps(document))
        else:
            _write_gpkg(path, features)
    except OSError as exc:
        raise ExportError(path, exc.strerror or one_line(exc)) from None
    return len(features)


def _write_gpkg(path: str | os.PathLike[str], features: list[dict[str, Any]]) -> None:
    import fiona
    from fiona.crs import CRS

    records = [
        {
            "geometry": {"type": "MultiPolygon", "coordinates": [f["geometry"]["coordinates"]]},
            "properties": {**f["properties"], "region": f["properties"]["region"] or ""},
        }
        for f in features
    ]
    try:
        with (
            atomic_path(path) as temp,
            fiona.open(
                temp, "w", driver="GPKG", schema=SCHEMA, crs=CRS.from_epsg(4326), layer=LAYER
            ) as sink,
        ):
            sink.writerecords(records)
    except (fiona.errors.FionaError, RuntimeError, ValueError) as exc:
        raise ExportError(path, one_line(exc)) from None
