"""File → Print… (Ctrl+P, with preview) and File → Export map… (PDF, SVG, PNG) in the window.

Both open the :class:`~ui.printing.dialog.PageDialog` on the remembered choices and capture what
the map shows (:func:`~ui.printing.capture.capture_page`). Print goes through a
``QPrintPreviewDialog``; an export is written off the UI thread while a progress dialog waits,
and any failure (unwritable folder, full disk) becomes a message, never a crash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from geo.errors import one_line
from viewmodels.tasks import TaskRunner

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtPrintSupport import QPrinter

    from geo.basemap_data import BasemapData
    from geo.page import BBox, Page
    from ui.printing.choices import PrintChoices
    from ui.printing.render import PageRenderer

FILTERS = "PDF (*.pdf);;SVG (*.svg);;PNG image (*.png)"


def ask_save_path(parent: QWidget, suggested: str) -> str:
    """The real save dialog (tests inject their own)."""
    path, _filter = QFileDialog.getSaveFileName(parent, "Export map", suggested, FILTERS)
    return path


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; True when accepted (tests inject their own)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


@dataclass
class PrintingFeature:
    """The installed actions and their collaborators (kept on ``window.printing``)."""

    window: Any
    print_action: QAction
    export_action: QAction
    runner: TaskRunner
    ask_path: Callable[[QWidget, str], str] = ask_save_path
    run: Callable[[QDialog], bool] = run_dialog
    last_export: Path | None = None

    def basemap_source(self) -> Callable[[str, BBox], BasemapData] | None:
        """The canvas's loaded basemap (every level), or None to read one headless."""
        data = self.window.map_view.basemap()
        if not data.layers:
            return None
        return lambda _lod, _bbox: data

    def renderer(self) -> PageRenderer:
        from ui.printing.render import PageRenderer  # the renderer loads on first use

        return PageRenderer(self.basemap_source())

    def choose(self, export: bool) -> PrintChoices | None:
        """Ask for the layout; remember and return the choices (None when cancelled)."""
        from ui.printing.capture import capture_page
        from ui.printing.choices import load_choices, save_choices
        from ui.printing.dialog import PageDialog

        renderer = self.renderer()
        dialog = PageDialog(
            load_choices(),
            lambda c: capture_page(self.window, c),
            renderer,
            export,
            self.window,
        )
        if not self.run(dialog):
            return None
        choices = dialog.choices()
        save_choices(choices)
        return choices

    def print_map(self) -> None:
        """Print… : layout dialog, then print preview and the printer."""
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from ui.printing.capture import capture_page
        from ui.printing.devices import ExportError, print_page

        choices = self.choose(export=False)
        if choices is None:
            return
        page, renderer = capture_page(self.window, choices), self.renderer()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        preview = QPrintPreviewDialog(printer, self.window)

        def _paint(target: QPrinter) -> None:
            try:
                print_page(target, page, renderer)
            except ExportError as exc:
                self._fail(str(exc))

        preview.paintRequested.connect(_paint)
        self.run(preview)

    def export_map(self) -> None:
        """Export map… : layout dialog, file name, then the file written off the UI thread."""
        from ui.printing.capture import capture_page

        choices = self.choose(export=True)
        if choices is None:
            return
        page = capture_page(self.window, choices)
        suggested = str(Path.home() / f"{_file_stem(page)}.pdf")
        path = self.ask_path(self.window, suggested)
        if not path:
            return
        self.export_to(page, Path(path), choices.dpi)

    def export_to(self, page: Page, path: Path, dpi: float) -> None:
        """Write ``page`` to ``path`` in the worker, with a progress dialog meanwhile."""
        from ui.printing.devices import export_page
        from ui.printing.render import PageRenderer

        basemap = self.basemap_source()
        progress = QProgressDialog("Writing " + path.name + "…", "", 0, 0, self.window)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def work() -> Path:
            return export_page(page, path, dpi, PageRenderer(basemap))

        def done(result: Path) -> None:
            progress.close()
            self.last_export = result
            self.window.statusBar().showMessage(f"Exported {result}", 8000)

        def failed(error: BaseException) -> None:
            progress.close()
            self._fail(one_line(error))

        self.runner.submit(work, done, failed)

    def _fail(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self.window, "Frontline Atlas", message)


def _file_stem(page: Page) -> str:
    text = "".join(c if c.isalnum() else "-" for c in page.title.lower()).strip("-")
    return "-".join(part for part in text.split("-") if part) or "map"


def install_printing(window: Any, runner: TaskRunner | None = None) -> PrintingFeature:
    """Add File → Print… and File → Export map… to ``window`` (kept on ``window.printing``)."""
    print_action = QAction("&Print…", window)
    print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
    print_action.setObjectName("action_print")
    export_action = QAction("&Export map…", window)
    export_action.setObjectName("action_export_map")
    export_action.setShortcut(QKeySequence("Ctrl+E"))
    feature = PrintingFeature(window, print_action, export_action, runner or TaskRunner(window))
    print_action.triggered.connect(lambda _checked=False: feature.print_map())
    export_action.triggered.connect(lambda _checked=False: feature.export_map())
    menu = window.menu("&File")
    quit_action = window.actions_by_key.get("quit")
    for action in (print_action, export_action):
        action.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
        if quit_action is not None:
            menu.insertAction(quit_action, action)
        else:
            menu.addAction(action)
        window.addAction(action)
    window.printing = feature
    return feature
