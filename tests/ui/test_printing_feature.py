"""File → Export map… and File → Print… in the real window, on real DeepState days."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from tests.paths import DEEPSTATE
from ui.app import create_app, create_window
from ui.printing.choices import PrintChoices, load_choices, save_choices
from ui.printing.dialog import PageDialog
from ui.printing.feature import PrintingFeature, install_printing

if TYPE_CHECKING:
    from pathlib import Path

    from ui.main_window import MainWindow

FILES = [DEEPSTATE / f"deepstatemap_data_202411{day:02d}.geojson" for day in (1, 20)]
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


@pytest.fixture
def window(qtbot) -> MainWindow:
    """The real window with 1 and 20 Nov 2024 loaded and compared."""
    create_app()
    window = create_window([str(path) for path in FILES])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    app_vm = window.app_vm
    qtbot.waitUntil(lambda: app_vm.dataset.catalog() is not None, timeout=30000)
    qtbot.waitUntil(lambda: not app_vm.dataset.loading(), timeout=30000)
    map_view: Any = window.map_view
    qtbot.waitUntil(lambda: bool(map_view.basemap().layers), timeout=30000)
    if not app_vm.timeline.compare():
        app_vm.toggle_compare()
    qtbot.waitUntil(lambda: app_vm.compare.result() is not None, timeout=30000)
    return window


def _feature(window: MainWindow) -> PrintingFeature:
    feature = getattr(window, "printing", None)
    return feature if feature is not None else install_printing(window)


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def test_export_map_writes_the_comparison_shown_and_remembers_the_choices(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    feature = _feature(window)

    def accept(dialog: QDialog) -> bool:
        assert isinstance(dialog, PageDialog)
        dialog.title.setText("Around Kurakhove")
        dialog.paper.setCurrentIndex(dialog.paper.findData("A3"))
        return True

    feature.run = accept
    feature.ask_path = lambda _parent, _suggested: str(tmp_path / "map.pdf")
    feature.export_action.trigger()
    qtbot.waitUntil(lambda: feature.last_export is not None, timeout=30000)
    text = _text(tmp_path / "map.pdf")
    assert "Around Kurakhove" in text
    assert "Change since 1 Nov 2024" in text
    assert "Data as of 1 Nov 2024 (A) and 20 Nov 2024 (B)" in text
    assert "+384.5" in text  # the Comparison panel's net
    remembered = load_choices()
    assert (remembered.title, remembered.paper) == ("Around Kurakhove", "A3")


def test_an_export_that_cannot_be_written_is_a_message(
    window: MainWindow, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = _feature(window)
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: messages.append(text))
    feature.run = lambda _dialog: True
    feature.ask_path = lambda _parent, _suggested: str(tmp_path / "missing" / "map.png")
    feature.export_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30000)
    assert "no such folder" in messages[0]
    assert not (tmp_path / "missing").exists()


def test_print_goes_through_the_preview_to_the_printer(
    window: MainWindow, qtbot, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    feature = _feature(window)
    save_choices(PrintChoices(paper="letter", landscape=False))

    def run(dialog: QDialog) -> bool:
        if isinstance(dialog, QPrintPreviewDialog):
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printed.pdf"))
            dialog.paintRequested.emit(printer)
        return True

    feature.run = run
    feature.print_action.trigger()
    text = _text(tmp_path / "printed.pdf")
    assert "Russian-occupied territory, 20 Nov 2024" in text
    assert feature.print_action.shortcut().toString() == "Ctrl+P"


def test_choices_survive_a_round_trip_and_bad_settings() -> None:
    choices = PrintChoices(title="T", notes="N", paper="square", landscape=False, dpi=300.0)
    assert PrintChoices.from_json(choices.to_json()) == choices
    assert choices.base_page((30, 45, 40, 50)).size_px(300) == (1080, 1080)
    assert PrintChoices.from_json("{not json") == PrintChoices()
    assert PrintChoices.from_json('{"paper": "A9", "dpi": 5}').paper == "A4"
