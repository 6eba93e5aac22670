"""Problems and provenance: suspect snapshots, files refused and why, repairs made, gaps.

Right-clicking a row offers the series commands (:mod:`ui.series_menu`): a series row (gap,
outlier) can be renamed, merged or split; a file row can be put in another series.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.series_menu import SeriesActions

if TYPE_CHECKING:
    from viewmodels.dataset_viewmodel import DatasetViewModel

HEADERS = ("Kind", "File or series", "Detail")
SUMMARY = (
    ("outlier", "suspect snapshot", "suspect snapshots"),
    ("date", "date from the file name", "dates from file names"),
    ("refused", "refused", "refused"),
    ("repair", "repair", "repairs"),
    ("gap", "gap", "gaps"),
)
"""Kinds counted in the summary line, in its order, with singular and plural words."""
WARNING_KINDS = {"outlier": "#fde2c8", "date": "#fff3cd"}
"""Rows that need the reader's attention, and their background."""


FILE_COLUMN_WIDTH = 320
"""Pixels for the file column; longer paths are elided in the middle, whole in the tooltip."""


class ProblemsPanel(QWidget):
    """A table of the dataset's :class:`ProblemRow` s, the file named in each row."""

    def __init__(
        self,
        vm: DatasetViewModel,
        parent: QWidget | None = None,
        *,
        series: SeriesActions | None = None,
    ) -> None:
        super().__init__(parent)
        self.vm = vm
        self.series = series or SeriesActions(vm)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet(f"background:{WARNING_KINDS['outlier']};color:#6b3200;padding:4px")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the file's own name
        self.table.setWordWrap(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)
        self.table.setToolTip("Right-click a file or a series to change which series it is in")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.flags)
        layout.addWidget(self.table, 1)
        vm.sig_problems_changed.connect(self._on_vm_problems_changed)
        self._on_vm_problems_changed()

    def _on_vm_problems_changed(self) -> None:
        rows = self.vm.problems()
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            for j, text in enumerate((row.kind, row.path, row.detail)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if row.kind in WARNING_KINDS:
                    item.setBackground(QBrush(QColor(WARNING_KINDS[row.kind])))
                self.table.setItem(i, j, item)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, FILE_COLUMN_WIDTH)
        outliers = [f"⚠ {r.path}, {r.detail}" for r in rows if r.kind == "outlier"]
        self.flags.setText("<br>".join(outliers))
        self.flags.setVisible(bool(outliers))
        counts = {k: sum(1 for r in rows if r.kind == k) for k, _one, _many in SUMMARY}
        self.summary.setText(
            ", ".join(
                f"{counts[k]} {one if counts[k] == 1 else many}"
                for k, one, many in SUMMARY
                if counts[k] or k in ("refused", "repair", "gap")
            )
        )

    def context_menu(self, row: int) -> QMenu:
        """The series commands for table row ``row`` (empty when there are none)."""
        menu = QMenu(self)
        problem = self.vm.problems()[row]
        if problem.kind in ("gap", "outlier"):
            self.series.fill_series_menu(menu, problem.path, self)
        else:
            self.series.fill_file_menu(menu, problem.path, self)
        return menu

    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        row = self.table.rowAt(pos.y())
        if 0 <= row < len(self.vm.problems()):
            menu = self.context_menu(row)
            if not menu.isEmpty():
                menu.popup(self.table.viewport().mapToGlobal(pos))
