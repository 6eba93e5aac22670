"""ESRI Shapefiles through fiona, including ones whose ``.shx`` index is missing.

A missing ``.shx`` is rebuilt by GDAL (config option ``SHAPE_RESTORE_SHX``). GDAL writes the rebuilt
index beside the ``.shp``, so the file set is first copied to a private temporary folder: the
user's folder is never written to.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from geo import formats
from geo.errors import ReadError, one_line
from geo.limits import MAX_FEATURES, check_regular
from geo.model import Repair
from geo.readers.base import Context, RawLayer, reader, suffix_is, to_lonlat
from geo.readers.rings import geometries_from_features

#: GDAL reports through fiona's logger; without a handler, Python would print its warnings raw.
logging.getLogger("fiona").addHandler(logging.NullHandler())

SIDECARS = formats.SIDECARS
_POLYGON_TYPES = {"Polygon", "MultiPolygon", "3D Polygon", "3D MultiPolygon", "Unknown", "Any"}


def sidecar(path: Path, suffix: str) -> Path | None:
    """The sidecar of ``path`` (a ``.shp``) with ``suffix``, in either letter case."""
    base = str(path)[: -len(".shp")]
    for candidate in (base + suffix, base + suffix.upper()):
        if Path(candidate).exists():
            return Path(candidate)
    return None


def fiona_layer(path: str, layer: str | None, context: Context, names: tuple[str, ...]) -> RawLayer:
    """Read one layer of an OGR data source into a :class:`RawLayer` (geometries in lon/lat)."""
    import fiona

    try:
        with fiona.open(path, layer=layer) as source:
            if len(source) > MAX_FEATURES:
                raise ReadError(context.display, f"more than {MAX_FEATURES} features, not read")
            crs = source.crs.to_wkt() if source.crs else None
            features = [
                {
                    "geometry": f.geometry.__geo_interface__ if f.geometry else None,
                    "properties": dict(f.properties),
                }
                for f in source
            ]
            name = source.name
    except ReadError:
        raise
    except (fiona.errors.FionaError, OSError, ValueError, RuntimeError, TypeError) as error:
        reason = one_line(error, type(error).__name__)
        raise ReadError(context.display, f"cannot read ({reason})") from None
    array, properties, z_features, skipped = geometries_from_features(features, context.display)
    array, stored, repairs = to_lonlat(array, crs, context.display)
    if z_features:
        repairs.append(Repair("dropped_z", z_features, context.display, "Z coordinates"))
    if skipped:
        repairs.append(Repair("skipped_non_polygon", skipped, context.display))
    return RawLayer(
        source=context.display,
        layer=name,
        names=(name, *names),
        crs=stored,
        geometries=array,
        properties=properties,
        repairs=repairs,
    )


def _restore_shx(path: Path, context: Context, names: tuple[str, ...]) -> RawLayer:
    import fiona

    with tempfile.TemporaryDirectory(prefix="atlas-shx-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        for suffix in (".dbf", ".prj", ".cpg"):
            found = sidecar(path, suffix)
            if found is not None:
                shutil.copyfile(found, Path(folder) / (copy.stem + suffix))
        with fiona.Env(SHAPE_RESTORE_SHX="YES"):
            layer = fiona_layer(str(copy), None, context, names)
    layer.repairs.append(Repair("restored_shx", 1, context.display, "missing .shx rebuilt"))
    return layer


@reader("ESRI Shapefile", suffix_is(*formats.SHAPEFILE), priority=10)
def read_shapefile(path: str, context: Context) -> list[RawLayer]:
    """Read a ``.shp`` and its sidecars; rebuild a missing ``.shx`` in a private copy."""
    shp = Path(path)
    names = (shp.name, *context.outer)
    if sidecar(shp, ".dbf") is None:
        raise ReadError(context.display, "the .dbf attribute file is missing")
    check_regular(shp, context.display)
    for part in (sidecar(shp, suffix) for suffix in SIDECARS):
        if part is not None:
            check_regular(part, f"{context.display} ({part.name})")
    if sidecar(shp, ".shx") is None:
        return [_restore_shx(shp, context, names)]
    return [fiona_layer(path, None, context, names)]
