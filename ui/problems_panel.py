"""Problems and provenance: files refused and why, repairs made, gaps in the dates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from viewmodels.dataset_viewmodel import DatasetViewModel

HEADERS = ("Kind", "File", "Detail")


FILE_COLUMN_WIDTH = 320
"""Pixels for the file column; longer paths are elided in the middle, whole in the tooltip."""


class ProblemsPanel(QWidget):
    """A table of the dataset's :class:`ProblemRow` s, the file named in each row."""

    def __init__(self, vm: DatasetViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.summary = QLabel()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the file's own name
        self.table.setWordWrap(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
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
                self.table.setItem(i, j, item)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, FILE_COLUMN_WIDTH)
        counts = {k: sum(1 for r in rows if r.kind == k) for k in ("refused", "repair", "gap")}
        self.summary.setText(
            f"{counts['refused']} refused, {counts['repair']} repairs, {counts['gap']} gaps"
        )
