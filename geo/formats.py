"""The file names each reader accepts, known without importing the readers.

The readers in :mod:`geo.readers` register themselves with these suffixes; :mod:`geo.discovery`
uses the same table to list the files of a folder without importing numpy, shapely or fiona, so
that a command answered from the cache (``areas``) never pays for them.
"""

from __future__ import annotations

import os

GEOJSON = (".geojson", ".json", ".geojson.gz", ".json.gz")
SHAPEFILE = (".shp",)
GEOPACKAGE = (".gpkg",)
KML = (".kml",)
KMZ = (".kmz",)
ZIP = (".zip",)
#: Every suffix some reader accepts.
READABLE = (*GEOJSON, *SHAPEFILE, *GEOPACKAGE, *KML, *KMZ, *ZIP)
#: Files that belong to a ``.shp`` (read with it, never on their own).
SIDECARS = (".shx", ".dbf", ".prj", ".cpg", ".sbn", ".sbx", ".qix", ".shp.xml")


def has_suffix(path: str, suffixes: tuple[str, ...]) -> bool:
    """Whether the name of ``path`` ends with one of ``suffixes`` (lower case; any case in the
    name)."""
    return os.path.basename(path).lower().endswith(suffixes)


def readable(path: str) -> bool:
    """Whether some reader accepts the name of ``path`` (:func:`geo.readers.find_reader`)."""
    return has_suffix(path, READABLE)
