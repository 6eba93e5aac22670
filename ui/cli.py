"""The headless command line: ``inspect``, ``areas`` and ``delta`` (see PRODUCT.md's contract).

It never imports Qt. Every bad input (missing file, bad date, unknown series, a date before the
first snapshot, a corrupt region file) ends with exit status 1 or 2 and exactly one line on
stderr; results go to stdout. Problems met while loading some of the files are reported as one
``warning:`` line each on stderr; the command still succeeds if the series it needs loaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from geo.errors import AtlasError, one_line
from ui import cli_format, cli_series

if TYPE_CHECKING:
    from collections.abc import Callable

    from geo.area_table import AreaTable
    from geo.delta import Delta
    from geo.model import Catalog

PROG = "frontline-atlas"
USAGE_ERROR = 2
INPUT_ERROR = 1


class CommandError(Exception):
    """A one-line message for stderr, and the exit status to return."""

    def __init__(self, message: str, status: int = INPUT_ERROR) -> None:
        super().__init__(message)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors become one :class:`CommandError` line, no usage."""

    def error(self, message: str) -> NoReturn:
        raise CommandError(f"{self.prog}: {message}", USAGE_ERROR)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (use YYYY-MM-DD)") from None


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to load")
    cli_series.add_as_series(parser)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of the headless sub-commands.

    ``snapshot`` and ``animate`` pull in the page and time-lapse modules (about a third of a
    warm ``areas`` run); with ``command`` given, they are added only when that is the command
    run (or when it is not a sub-command at all, so that the usage error lists every command).
    """
    parser = _Parser(prog=PROG, description="Front-line territorial-control data, headless.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    inspect = commands.add_parser("inspect", help="series, dates, CRS, repairs, problems")
    _add_paths(inspect)
    areas = commands.add_parser("areas", help="geodesic area of every snapshot of a series")
    _add_paths(areas)
    areas.add_argument("--series", help="one series (case-insensitive prefix); default: all")
    areas.add_argument("--format", choices=("csv", "json"), default="csv")
    delta = commands.add_parser("delta", help="gained, lost and net area between two dates")
    _add_paths(delta)
    delta.add_argument("--from", dest="date_from", type=_date, required=True, metavar="DATE")
    delta.add_argument("--to", dest="date_to", type=_date, required=True, metavar="DATE")
    delta.add_argument("--series", help="one series (case-insensitive prefix); default: all")
    delta.add_argument("--region", type=Path, metavar="FILE", help="GeoJSON file of regions")
    delta.add_argument("--format", choices=("text", "json"), default="text")
    delta.add_argument("--by-oblast", action="store_true", help="split the change by oblast")
    delta.add_argument(
        "--export-geometry",
        type=Path,
        metavar="FILE",
        help="write the gained and lost polygons to FILE.geojson or FILE.gpkg",
    )
    if command in (None, "snapshot") or command not in HANDLERS:
        from ui import cli_snapshot

        cli_snapshot.add_parser(commands, _add_paths, _date)
    if command in (None, "animate") or command not in HANDLERS:
        from ui import cli_animate

        cli_animate.add_parser(commands, _add_paths, _date)
    return parser


def load(paths: list[str]) -> Catalog:
    """Load ``paths`` (as one series with ``--as-series``, see :mod:`ui.cli_series`).

    A missing path, or nothing loadable at all, is a :class:`CommandError`.
    """
    from geo.loader import load_paths

    check_paths(paths)
    catalog = load_paths(paths)
    if not catalog.series:
        first = catalog.problems[0] if catalog.problems else f"{paths[0]}: no polygon data found"
        more = len(catalog.problems) - 1
        raise CommandError(f"{first}" + (f" (and {more} more problems)" if more > 0 else ""))
    return cli_series.apply_as_series(catalog)


def check_paths(paths: list[str]) -> None:
    """Raise :class:`CommandError` for the first of ``paths`` that does not exist."""
    for path in paths:
        if not Path(path).exists():
            raise CommandError(f"{path}: no such file or directory")


def _warn_problems(catalog: Catalog | AreaTable) -> None:
    for problem in catalog.problems:
        print(f"warning: {cli_format.printable(str(problem))}", file=sys.stderr)


def resolve_series(catalog: Catalog | AreaTable, wanted: str | None) -> str:
    """The one series meant by ``--series`` (exact, else unique prefix, else unique substring).

    Raises
    ------
    CommandError
        No match, several matches, or no ``--series`` while several series are loaded.
    """
    names = catalog.series_names()
    listed = ", ".join(names)
    if wanted is None:
        if len(names) == 1:
            return names[0]
        raise CommandError(f"several series loaded, choose one with --series: {listed}")
    key = wanted.casefold()
    for matches in (
        [n for n in names if n.casefold() == key],
        [n for n in names if n.casefold().startswith(key)],
        [n for n in names if key in n.casefold()],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise CommandError(f"--series {wanted!r} is ambiguous: {', '.join(matches)}")
    raise CommandError(f"no series matches {wanted!r} (loaded: {listed})")


def _inspect(args: argparse.Namespace) -> str:
    from geo.gaps import find_gaps

    catalog = load(args.paths)
    gaps = {name: find_gaps(catalog.dates(name)) for name in catalog.series_names()}
    return cli_format.inspect_text(catalog, gaps) + cli_series.outlier_text(catalog)


def _areas(args: argparse.Namespace) -> str:
    table = cli_series.area_table(args.paths)
    names = cli_series.chosen_series(table, args.series)
    _warn_problems(table)
    return cli_series.areas_output(table, names, args.format)


def _breakdown(delta: Delta) -> list[object]:
    from geo.oblasts import oblast_breakdown

    return list(oblast_breakdown(delta.gained, delta.lost))


def _delta(args: argparse.Namespace) -> str:
    from geo.delta import compute_delta
    from geo.outliers import catalog_outliers
    from geo.regions import read_regions

    regions = read_regions(args.region) if args.region is not None else None
    catalog = load(args.paths)
    names = cli_series.chosen_series(catalog, args.series)
    skipped: list[cli_series.Skipped] = []
    if args.series is None:
        names, skipped = cli_series.comparable_series(catalog, names, args.date_from, args.date_to)
    _warn_problems(catalog)
    targets = regions if regions is not None else [None]
    deltas = [
        compute_delta(catalog, name, args.date_from, args.date_to, r)
        for name in names
        for r in targets
    ]
    if args.export_geometry is not None:
        from geo.export import write_change

        write_change(args.export_geometry, deltas)
    oblasts = [_breakdown(d) for d in deltas] if args.by_oblast else [None] * len(deltas)
    outliers = catalog_outliers(catalog)
    warnings = [cli_series.outlier_warnings(outliers, d) for d in deltas]
    return cli_series.delta_output(deltas, oblasts, warnings, skipped, args.format)


def _snapshot(args: argparse.Namespace) -> str:
    from ui.cli_snapshot import run

    return run(args)


def _animate(args: argparse.Namespace) -> str:
    from ui.cli_animate import run

    return run(args)


PAINTING_COMMANDS = ("snapshot", "animate")
"""The commands that paint with Qt (the others never import it)."""

HANDLERS: dict[str, Callable[[argparse.Namespace], str]] = {
    "inspect": _inspect,
    "areas": _areas,
    "delta": _delta,
    "snapshot": _snapshot,
    "animate": _animate,
}


def run_command(args: list[str]) -> int:
    """Run one sub-command; return the process exit status.

    Parameters
    ----------
    args : list of str
        The arguments after the program name, starting with the sub-command.

    Returns
    -------
    int
        0 on success; 1 for bad input (files, dates, series), 2 for bad usage.
    """
    with warnings.catch_warnings():  # numpy/shapely RuntimeWarnings are never shown raw
        warnings.simplefilter("ignore")
        return _run(args)


def _run(args: list[str]) -> int:
    try:
        namespace = build_parser(args[0] if args else None).parse_args(args)
        if namespace.command in PAINTING_COMMANDS:
            from ui import pyside_import_probe

            pyside_import_probe.install()  # before the command's first Qt import
        token = cli_series.AS_SERIES.set(getattr(namespace, "as_series", "") or "")
        try:
            output = HANDLERS[namespace.command](namespace)
        finally:
            cli_series.AS_SERIES.reset(token)
    except CommandError as exc:
        return _fail(str(exc), exc.status)
    except AtlasError as exc:
        return _fail(str(exc), INPUT_ERROR)
    except OSError as exc:
        return _fail(f"{exc.filename or PROG}: {exc.strerror or exc}", INPUT_ERROR)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    except Exception as exc:  # a bug must still end in one line, never a traceback
        return _fail(f"{PROG}: unexpected {type(exc).__name__}: {one_line(exc, '')}", INPUT_ERROR)
    sys.stdout.write("\n".join(cli_format.printable(line) for line in output.split("\n")))
    sys.stdout.flush()
    return 0


def _fail(message: str, status: int) -> int:
    line = " ".join(cli_format.printable(message).split())
    print(f"error: {line}", file=sys.stderr)
    return status
