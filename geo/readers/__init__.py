"""Readers, one per format, registered with a predicate on the path, a label and a priority.

``find_reader(path)`` picks the highest-priority reader whose predicate accepts the path;
``read_any(path, context)`` reads it. Importing this package registers every built-in reader.
"""

from __future__ import annotations

from geo.readers import archives, geojson, geopackage, kml, shapefile
from geo.readers.base import (
    Context,
    RawLayer,
    ReaderEntry,
    find_reader,
    read_any,
    reader,
    registered,
)

__all__ = [
    "Context",
    "RawLayer",
    "ReaderEntry",
    "archives",
    "find_reader",
    "geojson",
    "geopackage",
    "kml",
    "read_any",
    "reader",
    "registered",
    "shapefile",
]
