"""TableExport on a plain table: Ctrl+C puts TSV on the clipboard, CSV export writes the file or
says in one line why it could not, and a cancelled dialog writes nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableWidget

from geo.tables import Table
from ui.table_export import TableExport

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from pytestqt.qtbot import QtBot

TABLE = Table(("region", "net_km2"), (("Donetsk", 320.7317), ("Rostov", -5.4929)))


def _export(
    qtbot: QtBot, ask: Callable[[object, str], Path | None]
) -> tuple[QTableWidget, TableExport, list[str]]:
    view = QTableWidget(2, 2)
    qtbot.addWidget(view)
    messages: list[str] = []
    return view, TableExport(view, lambda: TABLE, "oblasts", ask, messages.append), messages


def test_ctrl_c_copies_tab_separated_values(qtbot) -> None:
    view, _unused, messages = _export(qtbot, lambda _p, _n: None)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    assert text == "region\tnet_km2\nDonetsk\t320.732\nRostov\t-5.493\n"
    assert messages == ["Copied oblasts (2 rows)"]


def test_csv_written_cancelled_or_failed(qtbot, tmp_path: Path) -> None:
    target = tmp_path / "oblasts.csv"
    _view, export, messages = _export(qtbot, lambda _p, _n: target)
    assert export.export_csv() == target
    assert target.read_text(encoding="utf-8") == "region,net_km2\nDonetsk,320.732\nRostov,-5.493\n"
    _view, cancelled, _ = _export(qtbot, lambda _p, _n: None)
    assert cancelled.export_csv() is None
    missing = tmp_path / "gone" / "oblasts.csv"
    _view, failing, failed = _export(qtbot, lambda _p, _n: missing)
    assert failing.export_csv() is None
    assert failed == [f"{missing}: No such file or directory"]
    assert messages == [f"Exported oblasts to {target}"]
