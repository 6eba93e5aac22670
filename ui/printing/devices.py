"""Write a page to a PDF, SVG or PNG file, or send it to a printer.

* PDF: ``QPdfWriter`` at :data:`VECTOR_DPI` (vector; text as text with embedded fonts).
* SVG: ``QSvgGenerator`` in SVG 1.1 (Tiny 1.2, Qt's default, does not clip) at the same dpi.
* PNG: a ``QImage`` of exactly the page's size at the chosen dpi (or its pixel size).
* Printer: any ``QPrinter``, e.g. from ``QPrintPreviewDialog``.

Files are written beside the target and moved into place when complete
(:func:`geo.atomic.atomic_path`), so a failure never leaves half a file at the path asked for.
Vector pages are laid out at :data:`VECTOR_DPI`: coordinates stay small, and the canvas's path
simplification (half a device pixel) stays far below what a printer resolves.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from geo.atomic import atomic_path
from geo.page import MM_PER_INCH
from ui.printing.png import write_png_file
from ui.printing.render import render_page

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from geo.page import Page
    from ui.printing.render import PageRenderer

VECTOR_DPI = 300
FORMATS = ("pdf", "svg", "png")
DEFAULT_PNG_DPI = 150.0


class ExportError(Exception):
    """A page could not be written; the message is one line naming the file."""


def file_format(path: str | Path) -> str:
    """``pdf``, ``svg`` or ``png`` from the file's suffix; ``ExportError`` for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(f"{path}: unknown format {suffix!r} (use .pdf, .svg or .png)")
    return suffix


def page_layout(page: Page) -> QPageLayout:
    """The page's size as a Qt page layout without margins (PDF, printer, time-lapse PDF)."""
    w, h = page.size_mm()
    size = QPageSize(
        QSizeF(w, h), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch
    )
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _paint(device: object, page: Page, renderer: PageRenderer | None, path: Path) -> None:
    painter = QPainter()
    if not painter.begin(device):  # type: ignore[arg-type]
        raise ExportError(f"{path}: cannot be written")
    try:
        render_page(painter, page, renderer=renderer)
    finally:
        painter.end()


def write_pdf(page: Page, path: Path, renderer: PageRenderer | None = None) -> None:
    """A vector PDF of one page at ``path`` (written as given, not atomically)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(VECTOR_DPI)
    writer.setPageLayout(page_layout(page))
    writer.setCreator("Frontline Atlas")
    writer.setTitle(page.title)
    _paint(writer, page, renderer, path)


def write_svg(page: Page, path: Path, renderer: PageRenderer | None = None) -> None:
    """An SVG 1.1 file of one page at ``path``, sized in millimetres."""
    from PySide6.QtSvg import QSvgGenerator

    w_mm, h_mm = page.size_mm()
    size = QSize(round(w_mm / MM_PER_INCH * VECTOR_DPI), round(h_mm / MM_PER_INCH * VECTOR_DPI))
    generator = QSvgGenerator(QSvgGenerator.SvgVersion.Svg11)
    generator.setFileName(str(path))
    generator.setResolution(VECTOR_DPI)
    generator.setSize(size)
    generator.setViewBox(QRectF(0.0, 0.0, float(size.width()), float(size.height())))
    generator.setTitle(page.title)
    generator.setDescription(page.date_stamp)
    _paint(generator, page, renderer, path)


def page_image(
    page: Page, dpi: float | None = None, renderer: PageRenderer | None = None
) -> QImage:
    """The page as an image: ``page.pixels`` if set, else its paper size at ``dpi``."""
    dpi = dpi or (page.default_dpi() if page.pixels is not None else DEFAULT_PNG_DPI)
    if page.pixels is not None:
        w_mm, _h = page.size_mm()
        dpi = page.pixels[0] / (w_mm / MM_PER_INCH)
    width, height = page.size_px(dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / MM_PER_INCH * 1000.0)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    try:
        render_page(painter, page, renderer=renderer)
    finally:
        painter.end()
    return image


def write_png(
    page: Page, path: Path, dpi: float | None = None, renderer: PageRenderer | None = None
) -> None:
    """A PNG of the page at ``dpi`` (or its pixel size)."""
    image = page_image(page, dpi, renderer)
    write_png_file(image, path, image.dotsPerMeterX() * MM_PER_INCH / 1000.0)


def export_page(
    page: Page,
    path: str | Path,
    dpi: float | None = None,
    renderer: PageRenderer | None = None,
) -> Path:
    """Write ``page`` to ``path`` (format from the suffix), atomically; returns the path.

    Raises
    ------
    ExportError
        Unknown format, or the file could not be written (one line naming the file).
    """
    target = Path(path)
    kind = file_format(target)
    if not target.parent.is_dir():
        raise ExportError(f"{target}: no such folder {str(target.parent)!r}")
    try:
        with atomic_path(target) as temp:
            if kind == "pdf":
                write_pdf(page, temp, renderer)
            elif kind == "svg":
                write_svg(page, temp, renderer)
            else:
                write_png(page, temp, dpi, renderer)
            if not temp.is_file() or temp.stat().st_size == 0:
                raise ExportError(f"{target}: nothing was written")
    except OSError as exc:
        raise ExportError(f"{target}: {exc.strerror or exc}") from None
    return target


def print_page(printer: QPrinter, page: Page, renderer: PageRenderer | None = None) -> None:
    """Paint ``page`` on ``printer`` (its page layout is set to the page's size first)."""
    printer.setResolution(VECTOR_DPI)
    printer.setPageLayout(page_layout(page))
    painter = QPainter()
    if not painter.begin(printer):
        raise ExportError(f"{printer.outputFileName() or printer.printerName()}: cannot print")
    try:
        render_page(painter, page, renderer=renderer)
    finally:
        painter.end()
