"""libcups is left to the system (``packaging/prune.py``: ``FROM_THE_SYSTEM``)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest

from tests.packaging.modules import load, system_library
from tests.paths import ROOT

prune = load("prune")
elf_files = load("elf_files")

QT = Path(PySide6.__file__).parent / "Qt"
PLUGIN = QT / "plugins" / "printsupport" / "libcupsprintersupport.so"
SYSTEM_CUPS = Path("/usr/lib/x86_64-linux-gnu/libcups.so.2")

_PRINT = """
import sys
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QComboBox
app = QApplication([])
printer = QPrinter(QPrinter.PrinterMode.HighResolution)
dialog = QPrintDialog(printer)
dialog.show()
app.processEvents()
names = [c.itemText(i) for c in dialog.findChildren(QComboBox) for i in range(c.count())]
print("printers:", len(QPrinterInfo.availablePrinters()), "choices:", names)
dialog.reject()
printer.setOutputFileName(sys.argv[1])
painter = QPainter(printer)
painter.drawText(100, 100, "Frontline Atlas without CUPS")
painter.end()
"""


def test_only_libcups_and_what_only_it_needs_leave_the_build() -> None:
    cups, gnutls = system_library("libcups.so.2"), system_library("libgnutls.so.30")
    if cups is None or gnutls is None or shutil.which("readelf") is None:
        pytest.skip("needs the system's libcups and GnuTLS and binutils")
    network = QT / "lib" / "libQt6Network.so.6"
    gssapi = system_library("libgssapi_krb5.so.2")
    assert gssapi is not None
    assert "libgssapi_krb5.so.2" in elf_files.needed(str(cups))
    entries = [
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", str(PLUGIN), "BINARY"),
        ("libcups.so.2", str(cups), "BINARY"),
        ("libgnutls.so.30", str(gnutls), "BINARY"),
        ("libgssapi_krb5.so.2", str(gssapi), "BINARY"),  # libQt6Network needs it too
        ("PySide6/Qt/lib/libQt6Network.so.6", str(network), "BINARY"),
    ]
    kept = prune.leave_to_the_system(entries)
    assert [name for name, _, _ in kept] == [entries[i][0] for i in (0, 3, 4)]


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("unshare") is None or not SYSTEM_CUPS.exists(),
    reason="hiding the system's libcups needs a mount namespace (root)",
)
def test_printing_to_pdf_works_where_the_system_has_no_libcups(tmp_path: Path) -> None:
    """Qt's CUPS plugin cannot load: the print dialog still opens and offers the PDF file."""
    out = tmp_path / "page.pdf"
    hide = f'mount --bind /dev/null {SYSTEM_CUPS} && exec "$@"'
    command = ["unshare", "-m", "sh", "-c", hide, "sh", sys.executable, "-c", _PRINT, str(out)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_DEBUG_PLUGINS": "1"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "libcupsprintersupport" in done.stderr  # Qt tried the plugin …
    assert "Cannot load library" in done.stderr  # … and could not load it
    assert "printers: 0" in done.stdout
    assert "Print to File (PDF)" in done.stdout
    assert out.read_bytes().startswith(b"%PDF")
