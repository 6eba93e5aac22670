"""Canonical series names from layer, file and attribute names, robust to ISW's typos.

The rules are data: :data:`RULES` is an ordered table of (pattern, series). A name is lower-cased
and stripped of everything but letters and digits before matching, so ``Assessed_Russian-controlled
Ukrainian Territory`` and ``assessedrussiancontrolledukrainianterritory`` are the same. Patterns are
written loosely where ISW misspells (``UkaineControlMa``, ``ClaimedRusianTerritory``, ``COntrol``).
The first rule that matches, in table order, wins; so more specific rules come first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

ASSESSED_CONTROL = "Assessed Russian control"
ASSESSED_ADVANCES = "Assessed Russian advances"
CLAIMED_CONTROL = "Claimed Russian control"
CLAIMED_COUNTEROFFENSIVES = "Claimed Ukrainian counteroffensives"
PARTISAN = "Partisan warfare"
KURSK_ADVANCES = "Kursk Russian advances"
INFILTRATION = "Russian infiltration"
HELD_BEFORE_2022 = "Held before 24 Feb 2022"
DEEPSTATE = "DeepState occupied"

#: (pattern on the squashed lower-case name, canonical series), most specific first.
RULES: tuple[tuple[str, str], ...] = (
    (r"deepstate", DEEPSTATE),
    (r"before(24)?feb|donbas|cadr|calr|pre2022", HELD_BEFORE_2022),
    (r"kursk", KURSK_ADVANCES),
    (r"partisan", PARTISAN),
    (r"infiltrat", INFILTRATION),
    (r"counter ?off?ens|claimedukr|ukr\w*claimed|ukrainiancontrol", CLAIMED_COUNTEROFFENSIVES),
    (r"claimedr?u?s+i?an|ru?s+i?a?n?claimed|claimedterr|claimedcot", CLAIMED_CONTROL),
    (r"advance", ASSESSED_ADVANCES),
    (
        r"assessedrus\w*control|ru?s+i?a?n?\w*cot(in|ukr|$)|contro?l?ma|russiancontrolled",
        ASSESSED_CONTROL,
    ),
)

DEFAULT_NAMES = frozenset({"doc"})
"""Names that say nothing: KML's default document name (``doc``, ``doc.kml`` in a KMZ). A layer
so named takes its series from the next name, the file's."""

_COMPILED = tuple((re.compile(pattern), series) for pattern, series in RULES)
_SQUASH = re.compile(r"[^a-z0-9]+")
_CLEAN = re.compile(r"[_\s]+")
_TRAILING_DATE = re.compile(r"(?:[_ -]?\d{4}-?\d{2}-?\d{2}|[_ -]?\d{8})$")


def squash(name: str) -> str:
    """Lower case, letters and digits only: the form the rules match."""
    return _SQUASH.sub("", name.lower())


def match(name: str) -> str | None:
    """The canonical series a single name belongs to, or None if no rule matches."""
    squashed = squash(name)
    for pattern, series in _COMPILED:
        if pattern.search(squashed):
            return series
    return None


def clean_name(name: str) -> str:
    """A readable fallback series name: extension, trailing date and underscores removed."""
    stem = name.rsplit("!", 1)[-1].rsplit("/", 1)[-1]
    for suffix in (".geojson.gz", ".geojson", ".json", ".shp", ".gpkg", ".kmz", ".kml", ".zip"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    stem = _TRAILING_DATE.sub("", stem)
    return _CLEAN.sub(" ", stem).strip() or name


def classify(names: Sequence[str]) -> tuple[str, str]:
    """The series of a layer and the name it was decided from.

    Parameters
    ----------
    names : sequence of str
        Candidate names, most telling first: an attribute value such as ``layer_type``, the layer
        name, the file name, the archive name.

    Returns
    -------
    (series, name)
        The canonical series, or the cleaned first name when no rule matches (skipping
        :data:`DEFAULT_NAMES`); and the name used.
    """
    for name in names:
        series = match(name)
        if series is not None:
            return series, name
    given = [n for n in names if n]
    telling = [n for n in given if clean_name(n).lower() not in DEFAULT_NAMES]
    first = next(iter(telling or given), "unnamed")
    return clean_name(first), first
