"""The command line over several series: ``--as-series``, ``areas`` and ``delta`` for every series,
and the outlier warnings next to the numbers (PRODUCT.md's CLI contract).

``--as-series NAME`` is added to every sub-command that loads data by :func:`add_as_series`;
:func:`ui.cli.run_command` makes the parsed value current (:data:`AS_SERIES`) while the command
runs, so :func:`ui.cli.load` applies it whichever command calls it.
"""

from __future__ import annotations

import sys
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ui import cli_format

if TYPE_CHECKING:
    import argparse
    import datetime as dt

    from geo.area_table import AreaTable
    from geo.delta import Delta
    from geo.model import Catalog
    from geo.outliers import Outlier

AS_SERIES: ContextVar[str] = ContextVar("as_series", default="")
"""The running command's ``--as-series`` (empty: automatic series)."""


def add_as_series(parser: argparse.ArgumentParser) -> None:
    """Give a sub-command that loads data the ``--as-series NAME`` option."""
    parser.add_argument(
        "--as-series",
        default="",
        metavar="NAME",
        help="treat every loaded snapshot as one series called NAME",
    )


def apply_as_series(catalog: Catalog) -> Catalog:
    """``catalog`` regrouped as the current ``--as-series`` asks (unchanged without it)."""
    name = AS_SERIES.get().strip()
    if not name:
        return catalog
    from geo.series_choices import SeriesChoices, regroup

    return regroup(catalog, SeriesChoices(as_series=name))


def area_table(paths: list[str]) -> AreaTable:
    """The areas ``areas`` prints: from the cache's heads when they answer exactly, else loaded.

    With ``--as-series`` snapshots of several series may be unioned, so it always loads.
    """
    from geo.area_table import AreaTable, cached_area_table
    from ui.cli import check_paths, load

    check_paths(paths)
    table = None if AS_SERIES.get().strip() else cached_area_table(paths)
    return table if table is not None else AreaTable.of_catalog(load(paths))


def chosen_series(catalog: Catalog | AreaTable, wanted: str | None) -> list[str]:
    """The series a command reports: the one ``--series`` names, else every series."""
    from ui.cli import resolve_series

    return [resolve_series(catalog, wanted)] if wanted is not None else catalog.series_names()


def areas_output(table: AreaTable, names: list[str], fmt: str) -> str:
    """``areas`` for ``names``: CSV rows of every series; JSON one object per series.

    With a single series, JSON stays the flat list of ``{"date", "series", "area_km2"}`` it has
    always been, so scripts that read one series keep working.
    """
    rows = {name: table.series[name] for name in names}
    if fmt == "csv":
        tables = [cli_format.areas_csv(n, r) for n, r in rows.items()]
        return tables[0] + "".join(t.partition("\n")[2] for t in tables[1:])  # one header
    if len(names) == 1:
        return cli_format.areas_json(names[0], rows[names[0]])
    return cli_format.dumps([_series_json(n, r) for n, r in rows.items()])


def _series_json(name: str, rows: list[tuple[dt.date, float]]) -> dict[str, Any]:
    areas = [{"date": d.isoformat(), "area_km2": round(a, cli_format.DIGITS)} for d, a in rows]
    return {"series": name, "areas": areas}


@dataclass(frozen=True)
class Skipped:
    """A series ``delta`` left out, and why (one line)."""

    series: str
    reason: str

    def __str__(self) -> str:
        return f"skipped {self.series}: {self.reason}"


def skip_reason(dates: list[dt.date], date_from: dt.date, date_to: dt.date) -> str | None:
    """Why a series (its sorted dates) has no snapshot for one of the dates; None if it has both.

    A date uses the latest snapshot on or before it, so only a date before the first snapshot
    has none (the error ``delta --series`` gives for that series).
    """
    for flag, when in (("--from", date_from), ("--to", date_to)):
        if dates[0] > when:
            return f"{flag} {when} is before the first snapshot ({dates[0]})"
    return None


def comparable_series(
    catalog: Catalog, names: list[str], date_from: dt.date, date_to: dt.date
) -> tuple[list[str], list[Skipped]]:
    """The series of ``names`` that have snapshots for both dates, and the others with reasons."""
    kept, skipped = [], []
    for name in names:
        reason = skip_reason(catalog.dates(name), date_from, date_to)
        if reason is None:
            kept.append(name)
        else:
            skipped.append(Skipped(name, reason))
    if not kept:
        listed = "; ".join(f"{s.series} ({s.reason})" for s in skipped)
        from ui.cli import CommandError

        raise CommandError(f"no series has snapshots for both dates: {listed}")
    return kept, skipped


def outlier_warnings(outliers: list[Outlier], delta: Delta) -> list[str]:
    """One line per flagged snapshot a comparison used."""
    from geo.outliers import flagged_among

    used = [delta.from_actual, delta.to_actual]
    return [f"{o.series} {o.message()}" for o in flagged_among(outliers, delta.series, used)]


def delta_output(
    deltas: list[Delta],
    oblasts: list[Any],
    warnings: list[list[str]],
    skipped: list[Skipped],
    fmt: str,
) -> str:
    """Text blocks or JSON (an object, or a list when there are several results)."""
    if fmt == "text":
        blocks = [
            cli_format.delta_text(d, o) + "".join(f"  warning: {w}\n" for w in ws)
            for d, o, ws in zip(deltas, oblasts, warnings, strict=True)
        ]
        return "".join(blocks) + "".join(f"{s}\n" for s in skipped)
    for line in skipped:
        print(f"note: {line}", file=sys.stderr)
    items = []
    for delta, rows, ws in zip(deltas, oblasts, warnings, strict=True):
        item = delta.to_json_dict()
        if rows is not None:
            item["by_oblast"] = cli_format.oblast_rows_json(rows)
        if ws:
            item["warnings"] = ws
        items.append(item)
    return cli_format.dumps(items if len(items) > 1 else items[0])


def outlier_text(catalog: Catalog) -> str:
    """``inspect``'s data warnings: file names whose date the contents contradict, outliers."""
    from geo.dates import DATE_FROM_NAME
    from geo.outliers import catalog_outliers

    named = [r for r in catalog.repairs() if r.kind == DATE_FROM_NAME]
    found = catalog_outliers(catalog)
    lines = [f"Dates from file names: {len(named)}", *(f"  {r.path}: {r.detail}" for r in named)]
    lines += [f"Outliers: {len(found)}", *(f"  {o.series}: {o.message()}" for o in found)]
    return "\n".join(lines) + "\n"
