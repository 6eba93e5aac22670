"""The per-oblast table of the comparison: gained, lost and net km² per oblast or Russian region.

A sortable table bound to an :class:`~viewmodels.oblast_viewmodel.OblastViewModel` (click a
header to sort; numbers sort as numbers). Clicking a row zooms the map to that region's change.
Ctrl+C and the context menu copy or export it (:mod:`ui.table_export`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from geo.units import format_number

if TYPE_CHECKING:
    from geo.oblasts import OblastChange
    from viewmodels.oblast_viewmodel import OblastViewModel

HEADERS = ("Oblast / region", "", "Gained", "Lost", "Net")
"""Numbers are km² (the caption says so), so the headers stay short in a narrow dock."""
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ROW_ROLE = Qt.ItemDataRole.UserRole
"""Column 0 holds the row's index in the viewmodel (the view may be sorted)."""
IDLE = "Switch on Compare (C) to split the change by oblast."
HINT = "km², geodesic. Click a row to zoom to its change; Ctrl+C copies the table."


class NumberItem(QTableWidgetItem):
    """A cell that shows formatted text and sorts by its number."""

    def __init__(self, value: float, signed: bool = False) -> None:
        super().__init__(format_number(value, 1, signed=signed))
        self.value = value
        self.setTextAlignment(RIGHT)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, NumberItem):
            return self.value < other.value
        return super().__lt__(other)


class OblastPanel(QWidget):
    """Shows an :class:`OblastViewModel`'s rows; formats numbers, nothing else."""

    def __init__(self, vm: OblastViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.table = self._make_table()
        self.state = QLabel(wordWrap=True)
        self.state.setStyleSheet("color:#555")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        vm.sig_rows_changed.connect(self._on_vm_rows_changed)
        vm.sig_computing_changed.connect(self._on_vm_state_changed)
        vm.sig_error_changed.connect(self._on_vm_state_changed)
        self.table.cellClicked.connect(self._on_table_cell_clicked)
        self._on_vm_rows_changed(vm.rows())

    @staticmethod
    def _make_table() -> QTableWidget:
        table = QTableWidget(0, len(HEADERS))
        table.setObjectName("oblast_table")
        for column, text in enumerate(HEADERS):
            item = QTableWidgetItem(text)
            if column >= 2:
                item.setTextAlignment(RIGHT)
            table.setHorizontalHeaderItem(column, item)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)  # the breakdown's own order
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _on_vm_rows_changed(self, rows: list[OblastChange]) -> None:
        table = self.table
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            name = QTableWidgetItem(row.name_en)
            name.setData(ROW_ROLE, i)
            name.setToolTip(row.name_uk)
            if row.bounds is None:  # "outside oblasts": nothing to zoom to
                name.setForeground(QColor("#777"))
            table.setItem(i, 0, name)
            table.setItem(i, 1, QTableWidgetItem(row.country))
            table.setItem(i, 2, NumberItem(row.gained_km2))
            table.setItem(i, 3, NumberItem(row.lost_km2))
            net = NumberItem(row.net_km2, signed=True)
            font = net.font()
            font.setBold(True)
            net.setFont(font)
            table.setItem(i, 4, net)
        table.setSortingEnabled(True)
        self._on_vm_state_changed()

    def _on_vm_state_changed(self, *_args: object) -> None:
        if self.vm.computing():
            self.state.setText("splitting the change by oblast…")
        elif self.vm.error():
            self.state.setText(f"<span style='color:#b00'>{self.vm.error()}</span>")
        else:
            self.state.setText(HINT if self.vm.rows() else IDLE)

    def _on_table_cell_clicked(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.vm.zoom_to(int(item.data(ROW_ROLE)))
