"""What a loaded catalog shows under the user's series choices, and its problem rows.

Pure functions of the catalog, run in the load's worker: the regrouped catalog with its
suspect snapshots (:func:`show_catalog`), and the table of refused files, repairs, dates taken
from file names and gaps that the Problems panel lists (:func:`problem_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.dates import DATE_FROM_NAME
from geo.gaps import find_gaps

if TYPE_CHECKING:
    from geo.model import Catalog
    from geo.outliers import Outlier
    from geo.series_choices import SeriesChoices


@dataclass(frozen=True)
class ProblemRow:
    """One line of the problems/provenance table.

    Attributes
    ----------
    kind : str
        ``refused`` (a file or part of one could not be used), ``repair``, ``date`` (the file
        name's date was used over a different date in its contents), ``gap`` or ``outlier``.
    path : str
        The file concerned (the series name for a gap or an outlier).
    detail : str
        One line: the reason, the repair, or the missing dates.
    """

    kind: str
    path: str
    detail: str


@dataclass(frozen=True)
class Shown:
    """The catalog as the user's series choices show it, with its problem rows and outliers."""

    catalog: Catalog
    rows: tuple[ProblemRow, ...]
    outliers: tuple[Outlier, ...]
    choices: SeriesChoices


def show_catalog(base: Catalog, choices: SeriesChoices) -> Shown:
    """Apply ``choices`` to the automatic catalog and list its problems (pure, for a worker)."""
    from geo.outliers import catalog_outliers
    from geo.series_choices import regroup

    catalog = regroup(base, choices)
    outliers = tuple(catalog_outliers(catalog))
    flagged = tuple(ProblemRow("outlier", o.series, o.message()) for o in outliers)
    rows = problem_rows(catalog)
    dated = tuple(r for r in rows if r.kind == "date")  # suspect data first, then the rest
    rows = flagged + dated + tuple(r for r in rows if r.kind != "date")
    return Shown(catalog, rows, outliers, choices)


def problem_rows(catalog: Catalog) -> tuple[ProblemRow, ...]:
    """Refused files, repairs and date gaps of ``catalog`` as table rows (pure, for a worker)."""
    rows = [ProblemRow("refused", p.path, p.message) for p in catalog.problems]
    rows += [
        ProblemRow(
            "date" if r.kind == DATE_FROM_NAME else "repair",
            r.path,
            f"{r.kind} x{r.count} {r.detail}".strip(),
        )
        for r in catalog.repairs()
    ]
    for series in catalog.series_names():
        for first, last in find_gaps(catalog.dates(series)):
            missing = (last - first).days + 1
            span = first.isoformat() if missing == 1 else f"{first} to {last}"
            rows.append(ProblemRow("gap", series, f"no snapshot for {span} ({missing} d)"))
    return tuple(rows)
