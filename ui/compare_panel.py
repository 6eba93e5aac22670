"""The comparison panel: area on A and B, gained, lost and net in km² and % of Ukraine.

The net change is repeated above the table in large type, coloured like the map (the gained
colour when the series grew, the lost colour when it shrank); gained and lost rows carry a
swatch of the map's colours, so the table doubles as the map's legend.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from geo.units import format_km2, format_number
from ui.bind import Bindings
from ui.map.compare_style import legend_icon
from ui.map.styles import GAINED, LOST_INK

if TYPE_CHECKING:
    from viewmodels.compare_viewmodel import CompareRow, CompareViewModel

HEADERS = ("", "km²", "% of Ukraine")
SWATCHES = ("gained", "lost")
"""Kinds of rows that get the map's own swatch (they double as the map's legend)."""
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ComparePanel(QScrollArea):
    """Shows a :class:`CompareViewModel`'s rows and state; formats numbers, nothing else.

    It scrolls rather than asking for its full height: on a 720-pixel screen the comparison
    shares the right column with the tabbed panels, and the window must never grow past it.
    """

    def __init__(self, vm: CompareViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.title = QLabel(wordWrap=True)
        self.net_label = QLabel()
        big = QFont(self.net_label.font())
        big.setPointSizeF(big.pointSizeF() * 1.5)
        big.setBold(True)
        self.net_label.setFont(big)
        self.table = self._make_table()
        self.state = QLabel(wordWrap=True)
        self.state.setStyleSheet("color:#555")
        self.warning = QLabel(wordWrap=True)
        self.warning.setStyleSheet("background:#fde2c8;color:#6b3200;padding:4px")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        self.setWidget(content)
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addWidget(self.net_label)
        layout.addWidget(self.warning)  # next to the numbers, visible in a short dock
        layout.addWidget(self.table)
        layout.addWidget(self.state)
        layout.addStretch(1)
        self._bindings = Bindings(self)
        self._bindings.connect(vm.sig_result_changed, self._on_vm_result_changed)
        self._bindings.connect(vm.sig_computing_changed, self._on_vm_state_changed)
        self._bindings.connect(vm.sig_error_changed, self._on_vm_state_changed)
        self._on_vm_result_changed()

    def close(self) -> bool:
        """Disconnect from the viewmodel (it outlives this view), then close as widgets do."""
        self._bindings.unbind()
        return super().close()

    def sizeHint(self) -> QSize:
        """Room for the title, the net and the whole table (the dock's default height)."""
        widget = self.widget()
        content = widget.sizeHint() if widget is not None else QSize()
        return QSize(max(300, content.width()), max(300, content.height()))

    @staticmethod
    def _make_table() -> QTableWidget:
        table = QTableWidget(0, len(HEADERS))
        table.setHorizontalHeaderLabels(HEADERS)
        for column in (1, 2):
            header_item = table.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setTextAlignment(RIGHT)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _fit_table_to_rows(self) -> None:
        """Exactly as tall as its header and rows: no empty band under the last row."""
        table = self.table
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(i) for i in range(table.rowCount()))
        table.setFixedHeight(height)

    def _fill_row(self, i: int, row: CompareRow) -> None:
        net = row.kind == "net"
        cells = (
            row.label,
            format_number(row.km2, 1, signed=net),
            "" if row.percent is None else f"{format_number(row.percent, 3, signed=net)} %",
        )
        for j, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if j:
                item.setTextAlignment(RIGHT)
            if net:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.table.setItem(i, j, item)
        first = self.table.item(i, 0)
        if row.kind in SWATCHES and first is not None:
            first.setIcon(legend_icon(row.kind))

    def _on_vm_result_changed(self, *_args: object) -> None:
        rows = self.vm.rows()
        result = self.vm.result()
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            self._fill_row(i, row)
        self.table.setColumnHidden(2, any(r.percent is None for r in rows))
        self._fit_table_to_rows()
        self.table.setVisible(bool(rows))
        net = next((r for r in rows if r.kind == "net"), None)
        self.net_label.setVisible(net is not None)
        if net is not None:
            color = GAINED if net.km2 > 0 else LOST_INK if net.km2 < 0 else QColor("#303030")
            self.net_label.setStyleSheet(f"color:{color.name()}")
            self.net_label.setText(f"Net {format_km2(net.km2, signed=True)}")
        if result is None:
            self.title.setText("Switch on Compare (C) to measure the change from A to B.")
        else:
            self.title.setText(self._title_text(result))
        warnings = self.vm.warnings()
        self.warning.setText("<br>".join(f"⚠ suspect data: {w}" for w in warnings))
        self.warning.setVisible(bool(warnings))
        self._on_vm_state_changed()

    @staticmethod
    def _title_text(result: Any) -> str:
        """Series and dates; the asked dates only when a snapshot of another day stood in."""
        r = result
        days = (r.to_actual - r.from_actual).days
        text = (
            f"<b>{r.series}</b><br>{r.from_actual} → {r.to_actual}"
            f" <span style='color:#666'>({days:,} days)</span>"
        )
        if (r.date_from, r.date_to) != (r.from_actual, r.to_actual):
            text += (
                f"<br><span style='color:#666'>asked {r.date_from} → {r.date_to};"
                " the latest snapshot on or before each date is used</span>"
            )
        return text

    def _on_vm_state_changed(self, *_args: object) -> None:
        if self.vm.computing():
            self.state.setText("computing…")
        elif self.vm.error():
            self.state.setText(f"<span style='color:#b00'>{self.vm.error()}</span>")
        else:
            outside = any(r.percent is None for r in self.vm.rows())
            note = "; outside Ukraine, so no % of Ukraine" if outside else ""
            self.state.setText(f"geodesic areas on the WGS84 ellipsoid{note}")
