"""Copy (Ctrl+C, tab-separated) and CSV export for any table view in the window.

Attach :class:`TableExport` to a ``QTableView``/``QTableWidget`` with a function that returns
the table's values (:mod:`viewmodels.tables`); it adds the Copy shortcut and a context menu
with "Copy table" and "Export CSV…". The file dialog is an injected callable (STYLE.md §8).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog

from geo.tables import to_tsv, write_csv

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QAbstractItemView, QWidget

    from geo.tables import Table

CSV_FILTER = "CSV (*.csv)"


def ask_csv_path(parent: QWidget, name: str) -> Path | None:
    """The real save dialog for a CSV file (``name.csv`` suggested); None when cancelled."""
    chosen = QFileDialog.getSaveFileName(parent, "Export CSV", f"{name}.csv", CSV_FILTER)[0]
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix else path.with_suffix(".csv")


class TableExport(QObject):
    """Copy and CSV export of one table view.

    Parameters
    ----------
    view : QAbstractItemView
        The table on screen; gets the Ctrl+C shortcut and the context menu.
    table : callable
        Returns the values shown (a :class:`geo.tables.Table`).
    name : str
        Suggested file name, without ``.csv``.
    ask_path : callable, optional
        ``(parent, name) -> Path | None``; the save dialog by default.
    show_message : callable, optional
        Shows a one-line message (an export written or failed).
    """

    def __init__(
        self,
        view: QAbstractItemView,
        table: Callable[[], Table],
        name: str,
        ask_path: Callable[[QWidget, str], Path | None] = ask_csv_path,
        show_message: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(view)
        self._view, self._table, self._name = view, table, name
        self._ask_path, self._message = ask_path, show_message
        self.copy_action = self._action("&Copy table", self.copy, QKeySequence.StandardKey.Copy)
        self.csv_action = self._action("&Export CSV…", self.export_csv)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _action(
        self, text: str, slot: Callable[[], object], key: QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self._view)
        if key is not None:
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self._view.addAction(action)
        return action

    def copy(self) -> str:
        """Put the whole table on the clipboard as tab-separated text; return that text."""
        text = to_tsv(self._table())
        QGuiApplication.clipboard().setText(text)
        self._say(f"Copied {self._name} ({text.count(chr(10)) - 1} rows)")
        return text

    def export_csv(self) -> Path | None:
        """Ask for a file and write the table to it as CSV; return the file (None if cancelled)."""
        path = self._ask_path(self._view.window(), self._name)
        if path is None:
            return None
        try:
            write_csv(path, self._table())
        except OSError as exc:
            self._say(f"{path}: {exc.strerror or exc}")
            return None
        self._say(f"Exported {self._name} to {path}")
        return path

    def _say(self, text: str) -> None:
        if self._message is not None:
            self._message(text)
