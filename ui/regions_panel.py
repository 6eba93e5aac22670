"""The regions panel: the list of drawn regions with their figures, the drawing tools, save/load,
and a small chart of the selected region's area over time.

The panel only binds to :class:`~viewmodels.regions_viewmodel.RegionsViewModel` and formats;
file and colour dialogs are injected callables (STYLE.md §8) so tests replace them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSignalBlocker, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from geo.errors import AtlasError
from geo.timegrid import seconds_of
from geo.units import format_number
from ui.first_paint import call_after_first_paint

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    import pyqtgraph as pg

    from ui.region_chart import RegionChart
    from viewmodels.regions_viewmodel import RegionState, RegionsViewModel

COLUMNS = ("", "", "Name", "A", "B", "Gained", "Lost", "Net")
COL_VISIBLE, COL_COLOR, COL_NAME = 0, 1, 2
SWATCH_WIDTH = 26
NO_DATES = "No data: km² inside each region appear once the data they belong to is loaded."
NO_REGIONS = "Draw a region with Polygon or Rectangle to get its km² for dates A and B."


class SwatchDelegate(QStyledItemDelegate):
    """Paints a colour cell as an outlined swatch inset in the cell.

    A plain background colour would vanish under the selection highlight of the selected row;
    the swatch is drawn on top of it. The colour is the item's ``BackgroundRole``.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.backgroundBrush = QBrush()
        style = plain.widget.style() if plain.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, plain.widget)
        if isinstance(brush, QBrush):
            rect = option.rect.adjusted(4, 4, -4, -4)
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.fillRect(rect, brush.color())
            painter.setPen(QColor("#404040"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            painter.restore()


class RegionsPanel(QWidget):
    """List, tools and figures for the hand-drawn regions.

    Parameters
    ----------
    vm : RegionsViewModel
        The regions.
    ask_save_path, ask_open_path : callable
        Return the GeoJSON file to write / read, or ``None`` when the user cancels.
    ask_color : callable
        Given the current ``#rrggbb``, return a new one or ``None``.
    zoom_to : callable, optional
        Frames a lon/lat bbox ``(min_lon, min_lat, max_lon, max_lat)`` on the map.
    show_error : callable, optional
        Shows a one-line message (a failed load or save).
    """

    def __init__(
        self,
        vm: RegionsViewModel,
        ask_save_path: Callable[[], Path | None],
        ask_open_path: Callable[[], Path | None],
        ask_color: Callable[[str], str | None],
        zoom_to: Callable[[tuple[float, float, float, float]], None] | None = None,
        show_error: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._vm = vm
        self._ask_save, self._ask_open, self._ask_color = ask_save_path, ask_open_path, ask_color
        self._zoom_to, self._show_error = zoom_to, show_error
        self._ids: list[int] = []
        self._build()
        self._connect()
        self._on_vm_regions_changed()
        self._on_vm_tool_changed(vm.tool())
        # The chart is part of what a shown panel shows, built just after the panel's first
        # paint so that a panel shown with the window does not delay the window's first frame.
        call_after_first_paint(self, self._build_chart)

    def _build(self) -> None:
        self.tool_buttons: dict[str, QPushButton] = {}
        tools = QHBoxLayout()
        self._tool_group = QButtonGroup(self)
        self._tool_group.setExclusive(False)
        for name, label in (("polygon", "Polygon"), ("rectangle", "Rectangle"), ("edit", "Edit")):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setToolTip(f"{label} tool")
            self.tool_buttons[name] = button
            tools.addWidget(button)
        self.zoom_button = QPushButton("Zoom to")
        self.delete_button = QPushButton("Delete")
        self.save_button = QPushButton("Save…")
        self.load_button = QPushButton("Load…")
        files = QHBoxLayout()
        for button in (self.zoom_button, self.delete_button, self.save_button, self.load_button):
            files.addWidget(button)
        self.caption = QLabel(NO_REGIONS)
        self.caption.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_COLOR, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COL_COLOR, SWATCH_WIDTH)
        header.setMinimumSectionSize(SWATCH_WIDTH)
        self.table.setItemDelegateForColumn(COL_COLOR, SwatchDelegate(self.table))
        self._chart: RegionChart | None = None
        self._chart_box = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(files)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, stretch=2)
        layout.addLayout(self._chart_box, stretch=1)

    @property
    def chart(self) -> RegionChart:
        """The selected region's area over time, built when first shown or needed (so the
        panel costs no pyqtgraph plot before the window's first frame)."""
        return self._build_chart()

    def _build_chart(self) -> RegionChart:
        if self._chart is None:
            from ui.region_chart import RegionChart

            self._chart = RegionChart()
            self._chart_box.addWidget(self._chart)
            self._show_series(self._vm.selected())
        return self._chart

    @property
    def _curve(self) -> pg.PlotDataItem:
        return self._build_chart().curve

    def _connect(self) -> None:
        vm = self._vm
        vm.sig_regions_changed.connect(self._on_vm_regions_changed)
        vm.sig_region_changed.connect(self._on_vm_region_changed)
        vm.sig_selection_changed.connect(self._on_vm_selection_changed)
        vm.sig_stats_changed.connect(self._on_vm_stats_changed)
        vm.sig_time_series_changed.connect(self._on_vm_time_series_changed)
        vm.sig_tool_changed.connect(self._on_vm_tool_changed)
        vm.sig_data_note_changed.connect(self._on_vm_stats_changed)
        for name, button in self.tool_buttons.items():
            button.clicked.connect(lambda on, n=name: vm.set_tool(n if on else "none"))
        self.zoom_button.clicked.connect(self._on_zoom_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.load_button.clicked.connect(self._on_load_clicked)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.cellDoubleClicked.connect(self._on_table_double_clicked)

    # -- viewmodel → widgets ----------------------------------------------------------------
    def _on_vm_regions_changed(self) -> None:
        states = self._vm.regions()
        self._ids = [s.id for s in states]
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(states))
            for row, state in enumerate(states):
                self._fill_row(row, state)
        self._on_vm_selection_changed()

    def _on_vm_region_changed(self, region_id: int) -> None:
        with QSignalBlocker(self.table):
            self._fill_row(self._ids.index(region_id), self._vm.region(region_id))

    def _on_vm_selection_changed(self) -> None:
        selected = self._vm.selected()
        with QSignalBlocker(self.table):
            if selected is None:
                self.table.clearSelection()
            else:
                self.table.selectRow(self._ids.index(selected))
        for button in (self.zoom_button, self.delete_button):
            button.setEnabled(selected is not None)
        self._show_series(selected)

    def _on_vm_stats_changed(self) -> None:
        with QSignalBlocker(self.table):
            for row, state in enumerate(self._vm.regions()):
                self._fill_numbers(row, state.id)
        figures = [self._vm.stats(s.id) for s in self._vm.regions()]
        first = next((f for f in figures if f is not None), None)
        if not figures:
            self.caption.setText(NO_REGIONS)
        elif first is None:
            self.caption.setText(self._vm.data_note() or NO_DATES)
        else:
            a, b = first.date_from, first.date_to
            self.caption.setText(f"km² inside each region: A {a:%Y-%m-%d}, B {b:%Y-%m-%d}")

    def _on_vm_time_series_changed(self, region_id: int) -> None:
        if region_id == self._vm.selected():
            self._show_series(region_id)

    def _on_vm_tool_changed(self, tool: str) -> None:
        for name, button in self.tool_buttons.items():
            with QSignalBlocker(button):
                button.setChecked(name == tool)

    def _fill_row(self, row: int, state: RegionState) -> None:
        visible = QTableWidgetItem()
        visible.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        visible.setCheckState(Qt.CheckState.Checked if state.visible else Qt.CheckState.Unchecked)
        visible.setToolTip("Show on the map")
        color = QTableWidgetItem()
        color.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        color.setBackground(QBrush(QColor(state.color)))
        color.setToolTip(f"{state.color} — double-click to change")
        name = QTableWidgetItem(state.name)
        self.table.setItem(row, COL_VISIBLE, visible)
        self.table.setItem(row, COL_COLOR, color)
        self.table.setItem(row, COL_NAME, name)
        self._fill_numbers(row, state.id)

    def _fill_numbers(self, row: int, region_id: int) -> None:
        stats = self._vm.stats(region_id)
        values: tuple[float | None, ...] = (None,) * 5
        if stats is not None:
            values = (stats.area_from_km2, stats.area_to_km2, stats.gained_km2, stats.lost_km2)
            values += (stats.net_km2,)
        for offset, value in enumerate(values):
            text = "—" if value is None else format_number(value, 1, signed=offset == 4)
            item = QTableWidgetItem(text)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, COL_NAME + 1 + offset, item)

    def _show_series(self, region_id: int | None) -> None:
        if self._chart is None:
            return  # built later, showing the selection then
        series = None if region_id is None else self._vm.time_series(region_id)
        if series is None or region_id is None:
            self._chart.show_nothing()
            return
        dates, km2 = series
        color = self._vm.region(region_id).color
        self._chart.show_series(seconds_of(dates), np.asarray(km2, dtype=float), color)

    # -- widgets → viewmodel ----------------------------------------------------------------
    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        region_id = self._ids[item.row()]
        if item.column() == COL_VISIBLE:
            self._vm.set_visible(region_id, item.checkState() == Qt.CheckState.Checked)
        elif item.column() == COL_NAME:
            self._vm.rename(region_id, item.text())
            self._on_vm_region_changed(region_id)

    def _on_table_selection_changed(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        self._vm.select(self._ids[min(rows)] if rows else None)

    def _on_table_double_clicked(self, row: int, column: int) -> None:
        if column == COL_COLOR:
            region_id = self._ids[row]
            color = self._ask_color(self._vm.region(region_id).color)
            if color:
                self._vm.recolor(region_id, color)

    def _on_zoom_clicked(self) -> None:
        selected = self._vm.selected()
        if selected is not None and self._zoom_to is not None:
            self._zoom_to(self._vm.region(selected).bbox_lonlat())

    def _on_delete_clicked(self) -> None:
        selected = self._vm.selected()
        if selected is not None:
            self._vm.delete_region(selected)

    def _on_save_clicked(self) -> None:
        path = self._ask_save()
        if path is not None:
            self._guard(lambda: self._vm.save(path))

    def _on_load_clicked(self) -> None:
        path = self._ask_open()
        if path is not None:
            self._guard(lambda: self._vm.load(path))
            skipped = self._vm.last_skipped()
            if skipped and self._show_error is not None:
                self._show_error(f"{path.name}: {skipped} regions already here, not added again")

    def _guard(self, action: Callable[[], object]) -> None:
        try:
            action()
        except (AtlasError, OSError) as exc:
            if self._show_error is None:
                raise
            self._show_error(str(exc))
