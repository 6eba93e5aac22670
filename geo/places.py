"""Place search on the basemap's GeoNames places, forgiving about spelling and script.

"kupiansk", "Kupyansk", "Купянск" and "Куп'янськ" all find Kupiansk: a query and every name
and alternate name of a place are reduced to a *key* (lower case, marks and apostrophes
stripped, Cyrillic transliterated with one table for Ukrainian and Russian, digraphs and
vowel/ending variants collapsed) and compared as keys. Results rank exact matches first, then
prefix matches, then matches inside a name; within each, larger places first.
"""

from __future__ import annotations

import bisect
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from geo.basemap import Basemap, default_basemap

if TYPE_CHECKING:
    from geo.basemap import BBox, Features

ALT_SEPARATOR = "|"

_CYRILLIC_LATIN = (
    "а a|б b|в v|г g|ґ g|д d|е e|є ie|ж zh|з z|и y|і i|ї i|й i|к k|л l|м m|н n|о o|п p|р r|с s|"
    "т t|у u|ф f|х kh|ц ts|ч ch|ш sh|щ shch|ь -|ъ -|ы y|э e|ю iu|я ia|ё e"
)
_CYRILLIC = dict(pair.split(" ") for pair in _CYRILLIC_LATIN.split("|"))
_TO_LATIN = str.maketrans(_CYRILLIC)
_NO_MARKS = dict.fromkeys(range(0x300, 0x370))
"""Combining diacritical marks (what NFKD splits off Latin letters), dropped by ``translate``."""
_APOSTROPHES = re.compile("[ʼ'’‘`´ʹ′″”“\"ʺ-]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Applied in order: different romanisations of the same Cyrillic sound end up equal.
_DIGRAPHS = (
    ("shch", "s"),
    ("kh", "x"),
    ("zh", "z"),
    ("sh", "s"),
    ("ch", "c"),
    ("ts", "c"),
    ("h", "g"),
    ("x", "g"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
)
_AFTER_KEY = "\x00"
"""Sorts right after a key and before any longer key it begins (keys hold only [a-z0-9 ])."""
_LAST_CHAR = "\x7f"
"""Sorts after every character a key can hold: ``key + _LAST_CHAR`` ends the keys it begins."""
_DOUBLES = re.compile(r"([a-z])\1+")
_FINAL_VOWELS = re.compile(r"(?<=[a-z]{3})[aeiou]+\b")


def _first_letter(match: re.Match[str]) -> str:
    """A run of one letter → the letter (a function, not the template ``r"\\1"``: expanding
    a template imports inside :mod:`re` on every call, which PySide's import hook makes slow)."""
    return match.group(1)


def normalise(text: str) -> str:
    """The search key of a name: Latin, lower case, variant spellings collapsed.

    Examples
    --------
    >>> normalise("Куп'янськ") == normalise("Kupyansk") == normalise("kupiansk")
    True
    """
    text = unicodedata.normalize("NFKD", text.lower()).translate(_NO_MARKS)
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub(lambda m: " " if m.group() == "-" else "", text)
    text = text.translate(_TO_LATIN).replace("-", "")
    text = _NON_ALNUM.sub(" ", text).strip()
    for old, new in _DIGRAPHS:
        text = text.replace(old, new)
    text = _DOUBLES.sub(_first_letter, text)
    return _FINAL_VOWELS.sub("", text)


@dataclass(frozen=True)
class Place:
    """A populated place (GeoNames)."""

    geonameid: int
    name: str
    alt_names: tuple[str, ...]
    population: int
    country: str
    admin: str
    lon: float
    lat: float


PLACE_COLUMNS = ("geonameid", "name", "alt_names", "population", "country", "admin", "lon", "lat")
"""The ``places`` columns a :class:`Place` is made of, in its field order."""


def _place_from_row(row: tuple) -> Place:
    geonameid, name, alt_names, population, country, admin, lon, lat = row
    alts = tuple(a for a in str(alt_names).split(ALT_SEPARATOR) if a)
    return Place(
        int(geonameid),
        str(name),
        alts,
        int(population),
        str(country),
        str(admin),
        float(lon),
        float(lat),
    )


class PlaceIndex:
    """Search and label queries over the ``places`` layer of a :class:`~geo.basemap.Basemap`.

    The key index is built on the first :meth:`search` (about a third of a second).
    """

    def __init__(self, basemap: Basemap | None = None) -> None:
        self._basemap = basemap or default_basemap()
        self._lock = threading.Lock()
        self._keys: list[tuple[str, int]] | None = None
        self._joined: tuple[str, np.ndarray, np.ndarray] | None = None
        self._places: dict[int, Place] = {}

    def _features(self) -> Features:
        return self._basemap.features("places")

    def places_in_file(
        self, bbox: BBox, min_population: int = 0, limit: int | None = None
    ) -> list[Place]:
        """:meth:`places_in` read from the file without loading the layer (for one page)."""
        rows = self._basemap.places_in(bbox, min_population, limit)
        return [_place_from_row(row) for row in rows]

    def place(self, index: int) -> Place:
        """The place at row ``index`` of the layer (kept once built: a search lists the same
        places keystroke after keystroke)."""
        found = self._places.get(index)
        if found is None:
            found = self._places[index] = self._build_place(index)
        return found

    def _build_place(self, index: int) -> Place:
        r: dict[str, Any] = dict(self._features().record(index))
        return _place_from_row(tuple(r[c] for c in PLACE_COLUMNS))

    def search(self, query: str, limit: int = 20) -> list[Place]:
        """Places whose name or any alternate name matches ``query``, best first."""
        key = normalise(query)
        if not key:
            return []
        keys = self._key_index()
        assert self._joined is not None
        rows = self._joined[2]
        start = bisect.bisect_left(keys, (key, -1))
        exact = bisect.bisect_left(keys, (key + _AFTER_KEY, -1))
        end = bisect.bisect_left(keys, (key + _LAST_CHAR, -1))
        found = [rows[start:end]]
        ranks = [np.where(np.arange(start, end) < exact, 0, 1)]
        if len(np.unique(found[0])) < limit:
            found.append(np.array(self._word_matches(key), dtype=np.int64))
            ranks.append(np.full(len(found[1]), 2))
        return [self.place(int(i)) for i in self._best(found, ranks, limit)]

    def _best(self, found: list[np.ndarray], ranks: list[np.ndarray], limit: int) -> np.ndarray:
        """Rows ordered by their best rank, then larger population, then row; each row once."""
        rows, rank = np.concatenate(found), np.concatenate(ranks)
        population = np.asarray(self._features().attributes["population"])[rows]
        order = np.lexsort((rows, -population, rank))
        rows = rows[order]
        _, first = np.unique(rows, return_index=True)
        return rows[np.sort(first)][:limit]

    def places_in(
        self, bbox: BBox, min_population: int = 0, limit: int | None = None
    ) -> list[Place]:
        """Places inside ``bbox`` with at least ``min_population`` people, largest first."""
        features = self._features()
        lon, lat = features.attributes["lon"], features.attributes["lat"]
        population = features.attributes["population"]
        west, south, east, north = bbox
        mask = (lon >= west) & (lon <= east) & (lat >= south) & (lat <= north)
        mask &= population >= min_population
        chosen = np.flatnonzero(mask)
        chosen = chosen[np.argsort(-population[chosen], kind="stable")][:limit]
        return [self.place(int(i)) for i in chosen]

    def _word_matches(self, key: str) -> list[int]:
        """Rows with a key in which a word (not the first) starts with ``key``.

        One regular-expression scan of all keys joined into one text, instead of a Python loop
        over tens of thousands of keys (a keystroke's search stays within a few milliseconds).
        """
        self._key_index()
        assert self._joined is not None
        text, starts, rows = self._joined
        found = [m.start() for m in re.finditer(" " + re.escape(key), text)]
        if not found:
            return []
        return rows[np.searchsorted(starts, found, side="right") - 1].tolist()

    def _key_index(self) -> list[tuple[str, int]]:
        with self._lock:
            if self._keys is None:
                features = self._features()
                names, alts = features.attributes["name"], features.attributes["alt_names"]
                keys = set()
                for index, (name, alt) in enumerate(zip(names, alts, strict=True)):
                    for spelling in [name, *str(alt).split(ALT_SEPARATOR)]:
                        if spelling:
                            keys.add((normalise(spelling), index))
                self._keys = sorted(keys)
                self._joined = _joined(self._keys)
            return self._keys


def _joined(keys: list[tuple[str, int]]) -> tuple[str, np.ndarray, np.ndarray]:
    """All keys as one newline-separated text, each key's start offset and its row."""
    lengths = np.array([len(k) + 1 for k, _ in keys], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    rows = np.array([index for _, index in keys], dtype=np.int64)
    return "\n".join(k for k, _ in keys), starts, rows


@cache
def default_index() -> PlaceIndex:
    """The shared index over the default basemap."""
    return PlaceIndex()


def search(query: str, limit: int = 20) -> list[Place]:
    """Search the default basemap's places (see :meth:`PlaceIndex.search`)."""
    return default_index().search(query, limit)


def places_in(bbox: BBox, min_population: int = 0, limit: int | None = None) -> list[Place]:
    """Label candidates in ``bbox`` from the default basemap (see :meth:`PlaceIndex.places_in`)."""
    return default_index().places_in(bbox, min_population, limit)
