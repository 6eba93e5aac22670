"""``frontline-atlas snapshot``: a printed map page as PDF, SVG or PNG, without a display.

::

    frontline-atlas snapshot PATH ... --date DATE [--compare DATE] [--series S] [--region FILE]
        [--extent LON0,LAT0,LON1,LAT1] [--title T] [--subtitle T] [--notes T]
        [--page A4|A3|letter] [--portrait|--landscape] [--dpi N] [--size WxH] --out FILE

The page shows every series on ``--date`` (``--series`` shows only that one); with
``--compare`` it compares the series from the earlier of the two dates (A) to the later (B) and
lists the numbers, for the whole series and each ``--region``. The default extent fits the data.
Qt paints offscreen (``QT_QPA_PLATFORM=offscreen`` unless set). Bad input is one line on stderr and
a non-zero exit; the file is written beside ``--out`` and moved into place only when complete.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from geo.page import PAPER_MM, Page, paper_mm
from ui.cli import USAGE_ERROR, CommandError, load, resolve_series

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from geo.model import Catalog
    from geo.page import BBox, LayerSpec

MAX_PIXELS = 120_000_000
"""A PNG larger than this (about 480 MB in memory) is refused."""
MAX_SIDE_PX = 20_000
_SIZE = re.compile(r"^\s*(\d+)\s*[x×]\s*(\d+)\s*$")


def add_parser(
    commands: argparse._SubParsersAction,
    add_paths: Callable[[argparse.ArgumentParser], None],
    date: Callable[[str], object],
) -> None:
    """Add the ``snapshot`` sub-command to ``commands`` (see module docstring)."""
    snap = commands.add_parser("snapshot", help="a printed map page as PDF, SVG or PNG")
    add_paths(snap)
    snap.add_argument("--date", type=date, required=True, metavar="DATE", help="date shown")
    snap.add_argument("--compare", type=date, metavar="DATE", help="compare with this date")
    snap.add_argument("--series", help="the one series to show and compare")
    snap.add_argument("--region", type=Path, metavar="FILE", help="GeoJSON file of regions")
    snap.add_argument("--extent", type=extent, metavar="LON0,LAT0,LON1,LAT1")
    snap.add_argument("--title", default="")
    snap.add_argument("--subtitle", default="")
    snap.add_argument("--notes", default="", help="a paragraph printed beside the map")
    snap.add_argument("--page", type=paper, default="A4", help="A4, A3 or letter")
    side = snap.add_mutually_exclusive_group()
    side.add_argument("--portrait", dest="landscape", action="store_false")
    side.add_argument("--landscape", dest="landscape", action="store_true", default=True)
    snap.add_argument("--dpi", type=dpi, metavar="N", help="PNG resolution (default 150)")
    snap.add_argument("--size", type=pixel_size, metavar="WxH", help="PNG size in pixels")
    snap.add_argument("--out", type=Path, required=True, metavar="FILE", help=".pdf, .svg or .png")


def _type_error(message: str) -> Exception:
    import argparse

    return argparse.ArgumentTypeError(message)


def extent(text: str) -> BBox:
    """``LON0,LAT0,LON1,LAT1`` → a valid lon/lat box (west < east, south < north)."""
    try:
        x0, y0, x1, y1 = (float(v) for v in text.split(","))
    except ValueError:
        raise _type_error(f"{text!r} is not LON0,LAT0,LON1,LAT1") from None
    ok = -180 <= x0 < x1 <= 180 and -85 <= y0 < y1 <= 85
    if not ok:
        raise _type_error(f"{text!r}: need west < east within ±180 and south < north within ±85")
    return (x0, y0, x1, y1)


def paper(text: str) -> str:
    """A paper name of :data:`geo.page.PAPER_MM`, any case."""
    try:
        paper_mm(text)
    except ValueError:
        raise _type_error(f"{text!r} is not a page size (use {', '.join(PAPER_MM)})") from None
    return next(k for k in PAPER_MM if k.casefold() == text.casefold())


def dpi(text: str) -> float:
    """A resolution between 30 and 1200 dpi."""
    try:
        value = float(text)
    except ValueError:
        raise _type_error(f"{text!r} is not a number") from None
    if not 30 <= value <= 1200:
        raise _type_error(f"{text!r}: use 30 to 1200 dpi")
    return value


def pixel_size(text: str) -> tuple[int, int]:
    """``WxH`` in pixels, each side 16 to 20000."""
    match = _SIZE.match(text)
    if match is None:
        raise _type_error(f"{text!r} is not WxH (e.g. 1920x1080)")
    w, h = int(match.group(1)), int(match.group(2))
    if not (16 <= w <= MAX_SIDE_PX and 16 <= h <= MAX_SIDE_PX):
        raise _type_error(f"{text!r}: each side must be 16 to {MAX_SIDE_PX} pixels")
    return w, h


def layer_specs(catalog: Catalog, only: str | None) -> list[LayerSpec]:
    """The layers a fresh window shows for ``catalog`` (only ``only`` of the series, if given)."""
    from viewmodels.layers_viewmodel import LayersViewModel

    vm = LayersViewModel()
    vm.set_series_layers(catalog.series_names())
    specs = list(vm.layers())  # the layer panel's styles are the page's (geo.layer_style)
    if only is None:
        return specs
    return [replace(s, visible=s.name == only) if s.kind == "series" else s for s in specs]


def _out_path(args: argparse.Namespace) -> Path:
    from ui.printing.devices import ExportError, file_format

    out: Path = args.out
    try:
        file_format(out)
    except ExportError as exc:
        raise CommandError(str(exc), USAGE_ERROR) from None
    if not out.parent.is_dir():
        raise CommandError(f"{out}: no such folder {str(out.parent)!r}")
    if out.is_dir():
        raise CommandError(f"{out}: is a folder")
    return out


def build(args: argparse.Namespace) -> Page:
    """The page the arguments describe (loads the data; no Qt)."""
    from geo.page_build import build_page
    from geo.regions import read_regions

    regions = read_regions(args.region) if args.region is not None else []
    catalog = load(args.paths)
    only = resolve_series(catalog, args.series) if args.series is not None else None
    compare = None
    date = args.date
    if args.compare is not None:
        series = only or resolve_series(catalog, None)
        date, later = sorted((args.date, args.compare))
        compare = (series, later)
    base = Page(
        extent=args.extent or (0.0, 0.0, 1.0, 1.0),
        paper=args.page,
        landscape=args.landscape,
        pixels=args.size,
        title=args.title,
        subtitle=args.subtitle,
        notes=args.notes,
    )
    layers = layer_specs(catalog, only)
    return build_page(
        catalog, layers, date, compare=compare, regions=regions, extent=args.extent, page=base
    )


def _check_pixels(page: Page, args: argparse.Namespace) -> None:
    if args.out.suffix.lower() != ".png":
        return
    w, h = page.size_px(args.dpi or 150.0)
    if w * h > MAX_PIXELS:
        raise CommandError(f"{args.out}: {w}x{h} pixels is too large (lower --dpi or --size)")


def application() -> object:
    """The Qt application headless painting needs (offscreen unless a platform is set)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["frontline-atlas"])


def run(args: argparse.Namespace) -> str:
    """Write the page; returns the line printed on success (``wrote FILE``)."""
    out = _out_path(args)
    page = build(args)
    _check_pixels(page, args)
    app = application()
    from ui.printing.devices import ExportError, export_page

    try:
        export_page(page, out, args.dpi)
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    del app
    return f"wrote {out}\n"
