"""``frontline-atlas animate``: the front line moving over a date range, as MP4, GIF, WebP or PDF.

::

    frontline-atlas animate PATH ... --from DATE --to DATE [--step snapshot|day|week|month]
        [--fps N] [--size WxH] [--extent LON0,LAT0,LON1,LAT1] [--series S] [--region FILE]
        [--title T] [--chart] [--changes] [--hold-first S] [--hold-last S] [--csv FILE]
        --out FILE.mp4|FILE.gif|FILE.webp|FILE.pdf

Every frame is a page of the printing renderer (:mod:`ui.timelapse.frames`); a PDF has one page
per frame. It runs without a display. Bad input is one line on stderr with a non-zero status, and
nothing is left at ``--out`` (or ``--csv``) unless the export finished.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from geo.timelapse import STEPS

if TYPE_CHECKING:
    from collections.abc import Callable

    from geo.model import Catalog
    from ui.timelapse.export import ExportReport, TimelapseJob

DEFAULT_FPS = 8.0
MIN_SIDE_PX, MAX_SIDE_PX = 360, 7680
"""Frame sides accepted: below 360 pixels a page's title, caption and legend do not fit."""


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 60:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds from 0 to 60")
    return value


def frame_size(text: str) -> tuple[int, int]:
    """``WxH`` of a frame: a snapshot's pixel size, 360 to 7680 pixels a side."""
    from ui.cli_snapshot import pixel_size

    width, height = pixel_size(text)
    if not MIN_SIDE_PX <= min(width, height) <= max(width, height) <= MAX_SIDE_PX:
        message = f"{text!r}: each side must be {MIN_SIDE_PX} to {MAX_SIDE_PX} pixels"
        raise argparse.ArgumentTypeError(message)
    return width, height


def add_parser(
    commands: argparse._SubParsersAction,
    add_paths: Callable[[argparse.ArgumentParser], None],
    date: Callable[[str], object],
) -> None:
    """Add the ``animate`` sub-command to ``commands`` (see module docstring)."""
    from ui.cli_snapshot import extent

    animate = commands.add_parser("animate", help="time-lapse as MP4, GIF, WebP or PDF")
    add_paths(animate)
    add = animate.add_argument
    add("--from", dest="date_from", type=date, required=True, metavar="DATE", help="first date")
    add("--to", dest="date_to", type=date, required=True, metavar="DATE", help="last date")
    add("--step", choices=STEPS, default="snapshot", help="one frame per … (default: snapshot)")
    add(
        "--fps",
        type=float,
        default=DEFAULT_FPS,
        help=f"frames per second (default {DEFAULT_FPS:g})",
    )
    add("--size", type=frame_size, metavar="WxH", help="frame size (default 1920x1080; PDF: A4)")
    add("--extent", type=extent, metavar="LON0,LAT0,LON1,LAT1", help="default: fits the data")
    add("--series", help="series name (case-insensitive, unique prefix is enough)")
    add("--region", type=Path, metavar="FILE", help="GeoJSON file of regions")
    add("--title", default="", metavar="T", help="default: the series and each frame's date")
    add("--chart", action="store_true", help="inset chart of area over time")
    add("--changes", action="store_true", help="highlight the change since the first frame")
    add("--hold-first", type=_seconds, default=1.0, metavar="S", help="extra seconds (default 1)")
    add("--hold-last", type=_seconds, default=2.0, metavar="S", help="extra seconds (default 2)")
    add("--csv", type=Path, metavar="FILE", help="also write the numbers of every frame")
    add("--out", type=Path, required=True, metavar="FILE", help=".mp4, .gif, .webp or .pdf")


def report_text(report: ExportReport) -> str:
    """What ``animate`` prints when it has written the file."""
    width, height = report.size
    what = (
        f"{report.frames} pages"
        if report.path.suffix.lower() == ".pdf"
        else f"{report.frames} frames ({report.video_frames} video frames, "
        f"{report.duration_s:.1f} s), {width}x{height}"
    )
    lines = [
        f"wrote {report.path}: {what}",
        f"numbers {report.numbers_s:.1f} s, render {report.render_s:.1f} s, "
        f"encode {report.encode_s:.1f} s",
    ]
    if report.csv is not None:
        lines.append(f"wrote {report.csv}")
    return "\n".join(lines) + "\n"


def build_job(args: argparse.Namespace, catalog: Catalog, series: str) -> TimelapseJob:
    """The export the arguments ask for (``QueryError`` for a bad range, step or rate)."""
    from geo.regions import read_regions
    from ui.cli_snapshot import layer_specs
    from ui.timelapse.request import Choices, ExportContext
    from ui.timelapse.request import build_job as job_for

    regions = read_regions(args.region) if args.region is not None else []
    layers = layer_specs(catalog, series)
    context = ExportContext(catalog, series, args.extent, layers, regions)
    choices = Choices(
        out=args.out,
        series=series,
        date_from=args.date_from,
        date_to=args.date_to,
        step=args.step,
        fps=args.fps,
        size=args.size,
        title=args.title,
        chart=args.chart,
        changes=args.changes,
        csv=args.csv,
        hold_first_s=args.hold_first,
        hold_last_s=args.hold_last,
    )
    return job_for(context, choices)


def run(args: argparse.Namespace) -> str:
    """The ``animate`` command: check the output, load, plan, export; the report's text.

    Every frame shows only the animated series (the one ``--series`` names, or the only one).
    """
    from ui.cli import USAGE_ERROR, CommandError, load, resolve_series
    from ui.cli_snapshot import application
    from ui.printing.devices import ExportError
    from ui.timelapse.export import output_kind, run_export

    try:
        output_kind(args.out)
    except ValueError as exc:
        raise CommandError(str(exc), USAGE_ERROR) from None
    for target in (args.out, args.csv):
        if target is not None and not target.parent.is_dir():
            raise CommandError(f"{target}: no such folder {str(target.parent)!r}")
    catalog = load(args.paths)
    series = resolve_series(catalog, args.series)
    job = build_job(args, catalog, series)
    app = application()
    try:
        report = run_export(job)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    del app
    return report_text(report)
