"""The comparison panel: area on A and B, gained, lost and net in km² and % of Ukraine."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from viewmodels.compare_viewmodel import CompareViewModel

HEADERS = ("", "km²", "% of Ukraine")


class ComparePanel(QWidget):
    """Shows a :class:`CompareViewModel`'s rows and state; formats numbers, nothing else."""

    def __init__(self, vm: CompareViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.state = QLabel()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(6 * self.table.verticalHeader().defaultSectionSize() + 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        vm.sig_result_changed.connect(self._on_vm_result_changed)
        vm.sig_computing_changed.connect(self._on_vm_state_changed)
        vm.sig_error_changed.connect(self._on_vm_state_changed)
        self._on_vm_result_changed()

    def _on_vm_result_changed(self, *_args: object) -> None:
        rows = self.vm.rows()
        result = self.vm.result()
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            sign = "+" if row.label == "Net" and row.km2 > 0 else ""
            cells = (row.label, f"{sign}{row.km2:,.1f}", f"{sign}{row.percent:.3f} %")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        if result is None:
            self.title.setText("Switch on Compare (C) to measure the change from A to B.")
        else:
            self.title.setText(
                f"<b>{result.series}</b>: {result.from_actual} → {result.to_actual}"
                f" (asked {result.date_from} → {result.date_to})"
            )
        self._on_vm_state_changed()

    def _on_vm_state_changed(self, *_args: object) -> None:
        if self.vm.computing():
            self.state.setText("computing…")
        elif self.vm.error():
            self.state.setText(f"<span style='color:#b00'>{self.vm.error()}</span>")
        else:
            self.state.setText("geodesic areas on the WGS84 ellipsoid")
