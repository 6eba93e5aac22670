"""Country polygons from the Digital Chart of the World for GMT (Debian package ``gmt-dcw``).

``dcw-gmt.nc`` is netCDF-4 (HDF5), read here with h5py. Country ``XX`` has two uint16 arrays
``XX_lon`` and ``XX_lat``; a value maps to degrees as ``min + value / scale`` (attributes of the
array), and 65535 in both marks the start of a new ring (see GMT's ``gmt_dcw.c``). DCW 2.1.1
draws Crimea inside Ukraine.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import shapely

from .common import EXTENT, Source, first_existing

SEPARATOR = 65535

#: ISO code, English name, Ukrainian name of the countries drawn on the basemap.
COUNTRIES = (
    ("UA", "Ukraine", "Україна"),
    ("RU", "Russia", "Росія"),
    ("BY", "Belarus", "Білорусь"),
    ("PL", "Poland", "Польща"),
    ("SK", "Slovakia", "Словаччина"),
    ("HU", "Hungary", "Угорщина"),
    ("RO", "Romania", "Румунія"),
    ("MD", "Moldova", "Молдова"),
    ("LT", "Lithuania", "Литва"),
    ("LV", "Latvia", "Латвія"),
    ("BG", "Bulgaria", "Болгарія"),
    ("RS", "Serbia", "Сербія"),
    ("GE", "Georgia", "Грузія"),
    ("ME", "Montenegro", "Чорногорія"),
    ("XK", "Kosovo", "Косово"),
)


def locate() -> Source:
    """Find ``dcw-gmt.nc`` (``$DCW_GMT_NC`` or the Debian install path) and its version."""
    path = first_existing(
        "DCW_GMT_NC",
        [Path("/usr/share/gmt-dcw/dcw-gmt.nc"), Path("/usr/local/share/gmt-dcw/dcw-gmt.nc")],
        "apt-get install gmt-dcw",
    )
    import h5py

    with h5py.File(path, "r") as nc:
        version = nc.attrs["version"].decode()
    return Source("dcw", "gmt-dcw (Debian)", version, "LGPL-3.0-or-later", path)


def countries(source: Source) -> list[tuple[str, str, str, shapely.Geometry]]:
    """(iso, name_en, name_uk, polygon clipped to the extent) for each country that reaches it."""
    import h5py

    out = []
    with h5py.File(os.fspath(source.path), "r") as nc:
        for iso, name_en, name_uk in COUNTRIES:
            if f"{iso}_lon" not in nc:
                continue
            geometry = _country(nc[f"{iso}_lon"], nc[f"{iso}_lat"])
            clipped = shapely.make_valid(shapely.clip_by_rect(geometry, *EXTENT))
            parts = [p for p in shapely.get_parts(clipped) if p.geom_type == "Polygon"]
            if parts:
                out.append((iso, name_en, name_uk, shapely.MultiPolygon(parts)))
    return out


def _country(lon_var: object, lat_var: object) -> shapely.Geometry:
    """Rings in even-odd order: a ring inside another is a hole (lakes, enclaves)."""
    dx = np.asarray(lon_var[:])
    dy = np.asarray(lat_var[:])
    lon = dx / float(lon_var.attrs["scale"][0]) + float(lon_var.attrs["min"][0])
    lat = dy / float(lat_var.attrs["scale"][0]) + float(lat_var.attrs["min"][0])
    breaks = np.flatnonzero(dx == SEPARATOR)
    rings = []
    for start, stop in zip(breaks, [*breaks[1:], len(dx)], strict=True):
        xy = np.column_stack([lon[start + 1 : stop], lat[start + 1 : stop]])
        if len(xy) >= 3 and _reaches_extent(xy):
            rings.append(shapely.make_valid(shapely.Polygon(xy)))
    result = shapely.Polygon()
    for ring in sorted(rings, key=lambda g: -g.area):
        result = shapely.symmetric_difference(result, ring)
    return result


def _reaches_extent(xy: np.ndarray) -> bool:
    west, south, east, north = EXTENT
    lon, lat = xy[:, 0], xy[:, 1]
    return bool(
        lon.max() >= west and lon.min() <= east and lat.max() >= south and lat.min() <= north
    )
