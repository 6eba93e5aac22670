"""The user's say over what a series is: rename, merge, split, or everything as one series.

Automatic classification (:mod:`geo.series`) gives each snapshot its *automatic* series. A
:class:`SeriesChoices` maps that, plus the snapshot's file, to the series the user sees:

1. a *move* of one file's snapshots of one automatic series to a named series (split, or merge
   files) wins;
2. else a *rename* of the automatic series (renaming a series to another's name merges them);
3. else ``as_series`` (``--as-series NAME``: every snapshot is one series);
4. else the automatic series.

Choices are immutable; every edit returns new choices, so undo is keeping the old value. They
round-trip through a plain JSON-able mapping (:meth:`SeriesChoices.to_dict`) for sessions.
:func:`regroup` applies them to a catalog loaded with automatic series.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from geo.model import Catalog

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Mapping


@dataclass(frozen=True)
class Member:
    """The snapshots of one automatic series from one file: the unit a user moves.

    Attributes
    ----------
    series : str
        The automatic series.
    source : str
        The file (``a.zip!b.shp`` for a member of an archive).
    dates : tuple of datetime.date
        The dates of its snapshots.
    """

    series: str
    source: str
    dates: tuple[dt.date, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return self.series, self.source


def _clean_name(name: str) -> str:
    text = " ".join(str(name).split())
    if not text:
        raise ValueError("a series name cannot be empty")
    return text


@dataclass(frozen=True)
class SeriesChoices:
    """What the user decided series are (see the module docstring for the precedence).

    Attributes
    ----------
    as_series : str
        Every snapshot's series unless renamed or moved; empty for automatic series.
    renames : mapping of str to str
        Automatic series → the name shown.
    moves : mapping of (str, str) to str
        (automatic series, file) → the name shown.
    """

    as_series: str = ""
    renames: Mapping[str, str] = field(default_factory=dict)
    moves: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def is_automatic(self) -> bool:
        """True when the choices change nothing."""
        return not (self.as_series or self.renames or self.moves)

    def _fallback(self, series: str) -> str:
        return self.renames.get(series) or self.as_series or series

    def target(self, series: str, source: str) -> str:
        """The series shown for the snapshots of automatic ``series`` from ``source``."""
        return self.moves.get((series, source)) or self._fallback(series)

    def renamed(self, automatic: Iterable[str], old: str, new: str) -> SeriesChoices:
        """Rename the shown series ``old`` to ``new`` (merging it into ``new`` if that exists).

        Parameters
        ----------
        automatic : iterable of str
            Every automatic series loaded (the renames are kept per automatic series).
        old, new : str
            The shown name and the name wanted.
        """
        new = _clean_name(new)
        autos = list(automatic)
        as_series = new if self.as_series and self.as_series == old else self.as_series
        renames = {a: new if self._fallback(a) == old else self._fallback(a) for a in autos}
        moves = {k: new if v == old else v for k, v in self.moves.items()}
        return SeriesChoices(as_series, renames, moves)._simplified()

    def merged(self, automatic: Iterable[str], names: Iterable[str], into: str) -> SeriesChoices:
        """Merge the shown series ``names`` into one series called ``into``."""
        autos, choices = list(automatic), self
        for name in names:
            if name != into:
                choices = choices.renamed(autos, name, into)
        return choices

    def moved(self, members: Iterable[Member], name: str) -> SeriesChoices:
        """Show ``members`` (split off, or gathered) as the series ``name``."""
        name = _clean_name(name)
        moves = dict(self.moves)
        moves.update({m.key: name for m in members})
        return replace(self, moves=moves)._simplified()

    def _simplified(self) -> SeriesChoices:
        """The same choices without entries that change nothing."""
        base = self.as_series
        renames = {a: n for a, n in self.renames.items() if n != (base or a)}
        moves = {k: n for k, n in self.moves.items() if n != (renames.get(k[0]) or base or k[0])}
        return SeriesChoices(base, renames, moves)

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-able mapping (for sessions); :meth:`from_dict` reads it back."""
        return {
            "as_series": self.as_series,
            "rename": dict(sorted(self.renames.items())),
            "move": [
                {"series": a, "source": s, "to": n} for (a, s), n in sorted(self.moves.items())
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SeriesChoices:
        """Choices from :meth:`to_dict`'s mapping; ``ValueError`` naming what is wrong."""
        if not isinstance(data, dict):
            raise ValueError("series choices must be a mapping")
        as_series = data.get("as_series") or ""
        renames, moves = data.get("rename") or {}, data.get("move") or []
        if not isinstance(as_series, str) or not isinstance(renames, dict):
            raise ValueError("series choices: 'as_series' must be text, 'rename' a mapping")
        if not isinstance(moves, list) or not all(isinstance(m, dict) for m in moves):
            raise ValueError("series choices: 'move' must be a list of mappings")
        try:
            return cls(
                _clean_name(as_series) if as_series else "",
                {str(a): _clean_name(n) for a, n in renames.items()},
                {(str(m["series"]), str(m["source"])): _clean_name(m["to"]) for m in moves},
            )._simplified()
        except KeyError as missing:
            raise ValueError(f"series choices: a move has no {missing}") from None


def members(catalog: Catalog) -> list[Member]:
    """The (automatic series, file) members of an automatically classified catalog."""
    found: dict[tuple[str, str], list[dt.date]] = {}
    for name in catalog.series_names():
        for snapshot in catalog.snapshots(name):
            found.setdefault((name, snapshot.source), []).append(snapshot.date)
    return [Member(a, s, tuple(d)) for (a, s), d in found.items()]


def members_of(catalog: Catalog, choices: SeriesChoices, shown: str) -> list[Member]:
    """The members of ``catalog`` (automatic) that ``choices`` show in the series ``shown``."""
    return [m for m in members(catalog) if choices.target(m.series, m.source) == shown]


def regroup(catalog: Catalog, choices: SeriesChoices) -> Catalog:
    """``catalog`` (automatic series) with its snapshots in the series the user chose.

    Snapshots that end up in the same series on the same date are merged as the loader merges
    duplicates (unioned, with a recorded repair). The automatic catalog is not changed.
    """
    if choices.is_automatic():
        return catalog
    from geo.loader import fill_catalog

    result = Catalog(problems=list(catalog.problems))
    snapshots = [
        s.in_series(choices.target(name, s.source))
        for name in catalog.series_names()
        for s in catalog.snapshots(name)
    ]
    fill_catalog(result, snapshots)
    return result
