"""A basemap level's oblast outlines off the country borders, computed once per user.

Tidying the oblast outlines along the country borders (:mod:`geo.border_lines`) costs 0.2 to 1 s
per level of detail, and a ``snapshot`` process paid for it on every page. The result depends only
on the basemap file and the tidying's parameters, so it is kept as WKB in the user's cache folder
under a name made of them, behind a SHA-256 of its bytes; a page clips it to its box (the same
lines the canvas draws). A missing, unreadable or damaged file (checksum) is computed again; a
cache that cannot be written is simply not kept.
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING

import shapely

from geo.border_lines import BAND_M, MAX_EXCURSION_M, oblast_lines_off_border

if TYPE_CHECKING:
    from pathlib import Path

    from shapely.geometry.base import BaseGeometry

    from geo.basemap import Basemap

FORMAT = 1
"""Bumped whenever the tidying changes what it returns."""


def _cache_file(basemap: Basemap, lod: str) -> Path | None:
    from geo.cache import cache_dir

    try:
        stat = os.stat(basemap.path)
    except OSError:
        return None
    key = f"{FORMAT}|{basemap.path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{lod}"
    key += f"|{BAND_M}|{MAX_EXCURSION_M}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    return cache_dir() / "basemap" / f"oblast-lines-{lod}-{digest}.wkb"


def _read(path: Path) -> BaseGeometry | None:
    if path.is_symlink() or not path.is_file():
        return None
    try:
        data = path.read_bytes()
        checksum, wkb = data[:32], data[32:]
        if hashlib.sha256(wkb).digest() != checksum:
            return None
        geometry = shapely.from_wkb(wkb)
    except (OSError, ValueError, shapely.errors.GEOSException):
        return None
    return geometry if isinstance(geometry, shapely.GeometryCollection) else None


def _write(path: Path, geometry: BaseGeometry) -> None:
    from geo.atomic import atomic_path

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(path) as temp:
            wkb = shapely.to_wkb(geometry)
            temp.write_bytes(hashlib.sha256(wkb).digest() + wkb)
    except OSError:
        return


def compute_oblast_lines(basemap: Basemap, lod: str) -> BaseGeometry:
    """Every oblast outline of level ``lod`` without its runs beside the country borders."""
    from geo.basemap_data import outlines

    oblasts = shapely.GeometryCollection(list(basemap.features("oblasts", None, lod).geometries))
    borders = shapely.GeometryCollection(list(basemap.features("borders", None, lod).geometries))
    return oblast_lines_off_border(outlines(oblasts), borders)


def oblast_lines(basemap: Basemap, lod: str) -> BaseGeometry:
    """:func:`compute_oblast_lines`, from the user's cache when an earlier run kept it."""
    path = _cache_file(basemap, lod)
    cached = _read(path) if path is not None else None
    if cached is not None:
        return cached
    lines = compute_oblast_lines(basemap, lod)
    if path is not None:
        _write(path, lines)
    return lines
