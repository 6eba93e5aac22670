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
COMPARISON_ROWS = 5
"""Rows of a comparison of two dates: area on A, area on B, gained, lost, net."""
SWATCHES = ("gained", "lost")
"""Kinds of rows that get the map's own swatch (they double as the map's legend)."""
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ComparePanel(QScrollArea):
    """Shows a :class:`CompareViewModel`'s rows and state; formats numbers, nothing else.

    The numbers come first: the title (series, dates), the net in large type and the table;
    which snapshots stood in for the asked dates, and the method, follow under the table. Its
    minimum height is that of those numbers for any comparison (:meth:`numbers_height`), so the
    tabs below it give way first and Gained, Lost and Net show without scrolling on a 1280×720
    screen; the rest scrolls rather than growing past the right column.
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
        self.asked = QLabel(wordWrap=True)
        self.asked.setStyleSheet("color:#666")
        self.state = QLabel(wordWrap=True)
        self.state.setStyleSheet("color:#555")
        self.warning = QLabel(wordWrap=True)
        self.warning.setStyleSheet("background:#fde2c8;color:#6b3200;padding:4px")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        self.setWidget(content)
        layout = self._layout = QVBoxLayout(content)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        layout.addWidget(self.title)
        layout.addWidget(self.net_label)
        layout.addWidget(self.table)
        layout.addWidget(self.warning)  # right under the numbers it is about
        layout.addWidget(self.asked)
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
        """Room for the numbers of any comparison (the dock's default height; see the class)."""
        widget = self.widget()
        content = widget.sizeHint() if widget is not None else QSize()
        return QSize(max(300, content.width()), self.numbers_height())

    def minimumSizeHint(self) -> QSize:
        """Never shorter than the numbers (see the class)."""
        return QSize(super().minimumSizeHint().width(), self.numbers_height())

    def numbers_height(self) -> int:
        """Pixels from the top to the table's last row for a comparison of A and B: a two-line
        title, the net, the table's header and its five rows."""
        margins, spacing = self._layout.contentsMargins(), self._layout.spacing()
        line = self.title.fontMetrics().lineSpacing()
        table = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        table += COMPARISON_ROWS * self.table.verticalHeader().defaultSectionSize()
        parts = (2 * line, self.net_label.sizeHint().height(), table)
        edges = margins.top() + margins.bottom() + 2 * self.frameWidth()
        return edges + sum(parts) + spacing * (len(parts) - 1)

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
        self.asked.setText("" if result is None else self._asked_text(result))
        self.asked.setVisible(bool(self.asked.text()))
        warnings = self.vm.warnings()
        self.warning.setText("<br>".join(f"⚠ suspect data: {w}" for w in warnings))
        self.warning.setVisible(bool(warnings))
        self._on_vm_state_changed()

    @staticmethod
    def _title_text(result: Any) -> str:
        """The series and the dates of the snapshots compared."""
        r = result
        days = (r.to_actual - r.from_actual).days
        return (
            f"<b>{r.series}</b><br>{r.from_actual} → {r.to_actual}"
            f" <span style='color:#666'>({days:,} days)</span>"
        )

    @staticmethod
    def _asked_text(result: Any) -> str:
        """The asked dates, when a snapshot of another day stood in for one (else empty)."""
        r = result
        if (r.date_from, r.date_to) == (r.from_actual, r.to_actual):
            return ""
        return f"asked {r.date_from} → {r.date_to}; the latest snapshot on or before each is used"

    def _on_vm_state_changed(self, *_args: object) -> None:
        if self.vm.computing():
            self.state.setText("computing…")
        elif self.vm.error():
            self.state.setText(f"<span style='color:#b00'>{self.vm.error()}</span>")
        else:
            outside = any(r.percent is None for r in self.vm.rows())
            note = "; outside Ukraine, so no % of Ukraine" if outside else ""
            self.state.setText(f"geodesic areas on the WGS84 ellipsoid{note}")
