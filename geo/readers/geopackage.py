"""GeoPackage: every polygon layer, through fiona."""

from __future__ import annotations

from pathlib import Path

from geo import formats
from geo.errors import ReadError, one_line
from geo.limits import check_regular
from geo.readers.base import Context, RawLayer, reader, suffix_is
from geo.readers.shapefile import fiona_layer

_POLYGONAL = ("Polygon", "MultiPolygon", "Unknown", "GeometryCollection", "Any")


def polygon_layers(path: str, display: str) -> list[str]:
    """Names of the layers of ``path`` whose declared geometry type can hold polygons."""
    import fiona

    try:
        layers = fiona.listlayers(path)
        found = []
        for name in layers:
            with fiona.open(path, layer=name) as source:
                kind = str(source.schema.get("geometry") or "Unknown").replace("3D ", "")
            if kind in _POLYGONAL:
                found.append(name)
    except (fiona.errors.FionaError, OSError, ValueError, RuntimeError) as error:
        raise ReadError(display, f"cannot read ({one_line(error, type(error).__name__)})") from None
    return found


@reader("GeoPackage", suffix_is(*formats.GEOPACKAGE), priority=10)
def read_geopackage(path: str, context: Context) -> list[RawLayer]:
    """Read every polygon layer of a GeoPackage; ReadError if it has none."""
    check_regular(path, context.display)
    layers = polygon_layers(path, context.display)
    if not layers:
        raise ReadError(context.display, "no polygon layer in the GeoPackage")
    names = (Path(path).name, *context.outer)
    return [
        fiona_layer(path, name, Context(f"{context.display}!{name}", context.outer), names)
        for name in layers
    ]
