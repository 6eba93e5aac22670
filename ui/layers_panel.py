"""The layer panel: visibility, colour, opacity and order of each map layer.

It binds a :class:`LayersViewModel` (STYLE.md §3): user input calls the viewmodel, viewmodel
changes are pushed into the widgets with their signals blocked so nothing echoes back. The top
row is the top-most layer. Colours are asked through an injectable ``ask_color`` callable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.bind import Bindings

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QPoint

    from ui.series_menu import SeriesActions
    from viewmodels.layers_viewmodel import LayerState, LayersViewModel
    from viewmodels.map_viewmodel import MapViewModel


SERIES_BUTTON_WIDTH = 22
"""Pixels of the ⋯ button that opens a series row's menu."""


def ask_color_dialog(initial: str, parent: QWidget | None = None) -> str | None:
    """Ask the user for a colour; None when cancelled."""
    color = QColorDialog.getColor(QColor(initial), parent, "Layer colour")
    return color.name() if color.isValid() else None


class LayerRow(QWidget):
    """One layer: visibility checkbox, colour button, opacity slider, up and down buttons."""

    def __init__(self, panel: LayersPanel, layer: LayerState) -> None:
        super().__init__(panel)
        self.name = layer.name
        self._panel = panel
        self.visible_box = QCheckBox(layer.name, self)
        self.visible_box.setToolTip(layer.name)
        self.date_label = QLabel(self)
        self.date_label.setStyleSheet("color:#555; margin-left:22px")
        self.date_label.setToolTip("The snapshot this layer shows on the map")
        self.date_label.setVisible(layer.kind == "series")
        self.color_button = QToolButton(self)
        self.color_button.setToolTip("Colour")
        self.opacity_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.opacity_slider.setRange(0, 100)
        self.opacity_slider.setMaximumWidth(90)
        self.opacity_slider.setToolTip("Opacity")
        self.up_button, self.down_button = QToolButton(self), QToolButton(self)
        self.up_button.setText("▲")
        self.up_button.setToolTip("Draw above the layer above")
        self.down_button.setText("▼")
        self.down_button.setToolTip("Draw below the layer below")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 1, 2, 1)
        name = QVBoxLayout()
        name.setSpacing(0)
        name.addWidget(self.visible_box)
        name.addWidget(self.date_label)
        layout.addLayout(name, 1)
        for widget in (self.color_button, self.opacity_slider, self.up_button, self.down_button):
            layout.addWidget(widget)
        self.series_menu: QMenu | None = None
        if layer.kind == "series" and panel.series is not None:
            self._add_series_menu(layout)
        elif panel.series is not None:
            layout.insertSpacing(0, SERIES_BUTTON_WIDTH)  # names line up with the series rows
        self.update_from(layer)
        self.visible_box.toggled.connect(self._on_visible_box_toggled)
        self.color_button.clicked.connect(self._on_color_button_clicked)
        self.opacity_slider.valueChanged.connect(self._on_opacity_slider_changed)
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button.clicked.connect(self._on_down_button_clicked)

    def _on_up_button_clicked(self) -> None:
        self._panel.shift(self.name, +1)

    def _on_down_button_clicked(self) -> None:
        self._panel.shift(self.name, -1)

    def _add_series_menu(self, layout: QHBoxLayout) -> None:
        """A ⋯ button (and the row's context menu) with rename, merge and split."""
        self.series_menu = QMenu(self)
        self.series_menu.aboutToShow.connect(self._on_series_menu_about_to_show)
        self.series_button = QToolButton(self)
        self.series_button.setText("⋯")
        self.series_button.setToolTip("Rename, merge or split this series")
        self.series_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.series_button.setMenu(self.series_menu)
        self.series_button.setAutoRaise(True)
        self.series_button.setFixedWidth(SERIES_BUTTON_WIDTH)
        layout.insertWidget(0, self.series_button)  # first: visible however long the name
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_row_context_menu_requested)

    def _on_series_menu_about_to_show(self) -> None:
        if self.series_menu is not None and self._panel.series is not None:
            self.series_menu.clear()
            self._panel.series.fill_series_menu(self.series_menu, self.name, self)

    def _on_row_context_menu_requested(self, pos: QPoint) -> None:
        if self.series_menu is not None:
            self.series_menu.popup(self.mapToGlobal(pos))

    def update_from(self, layer: LayerState) -> None:
        """Show ``layer``'s state without emitting widget signals."""
        with QSignalBlocker(self.visible_box), QSignalBlocker(self.opacity_slider):
            self.visible_box.setChecked(layer.visible)
            self.opacity_slider.setValue(round(layer.opacity * 100))
        self.color_button.setStyleSheet(f"background-color: {layer.color};")
        self.color_button.setProperty("color", layer.color)

    def _on_visible_box_toggled(self, checked: bool) -> None:
        self._panel.layers_vm.set_visible(self.name, checked)

    def _on_opacity_slider_changed(self, value: int) -> None:
        self._panel.layers_vm.set_opacity(self.name, value / 100.0)

    def _on_color_button_clicked(self) -> None:
        current = self._panel.layers_vm.layer(self.name).color
        chosen = self._panel.ask_color(current, self)
        if chosen:
            self._panel.layers_vm.set_color(self.name, chosen)


class LayersPanel(QWidget):
    """Rows for every layer of ``layers_vm``, top-most first.

    Parameters
    ----------
    layers_vm : LayersViewModel
    parent : QWidget, optional
    ask_color : callable, optional
        ``ask_color(initial_hex, parent) -> hex or None``; a QColorDialog by default.
    series_notes : MapViewModel, optional
        Says which snapshot each series shows; series rows then carry that date.
    series : SeriesActions, optional
        Rename, merge and split for series rows (a ⋯ button and the row's context menu).
    """

    def __init__(
        self,
        layers_vm: LayersViewModel,
        parent: QWidget | None = None,
        *,
        ask_color: Callable[[str, QWidget | None], str | None] = ask_color_dialog,
        series_notes: MapViewModel | None = None,
        series: SeriesActions | None = None,
    ) -> None:
        super().__init__(parent)
        self.layers_vm = layers_vm
        self.series = series
        self._notes = series_notes
        self.ask_color = ask_color
        self._rows: dict[str, LayerRow] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(0)
        self._layout.addStretch(1)
        self._bindings = Bindings(self)
        bind = self._bindings.connect
        bind(layers_vm.sig_layers_changed, self._on_layers_vm_layers_changed)
        bind(layers_vm.sig_layer_changed, self._on_layers_vm_layer_changed)
        if series_notes is not None:
            bind(series_notes.sig_series_shown_changed, self._on_notes_series_shown_changed)
        self._on_layers_vm_layers_changed()

    def close(self) -> bool:
        """Disconnect from the viewmodels (they outlive this view), then close as widgets do."""
        self._bindings.unbind()
        return super().close()

    def rows(self) -> list[LayerRow]:
        """The rows from top to bottom."""
        items = (self._layout.itemAt(i) for i in range(self._layout.count() - 1))
        widgets = (item.widget() for item in items if item is not None)
        return [w for w in widgets if isinstance(w, LayerRow)]

    def row(self, name: str) -> LayerRow:
        """The row of layer ``name``."""
        return self._rows[name]

    def shift(self, name: str, steps: int) -> None:
        """Move a layer ``steps`` places up (towards the top of the drawing)."""
        names = [layer.name for layer in self.layers_vm.layers()]
        self.layers_vm.move(name, names.index(name) + steps)

    def _on_layers_vm_layers_changed(self) -> None:
        layers = self.layers_vm.layers()
        for name in [n for n in self._rows if n not in {layer.name for layer in layers}]:
            self._rows.pop(name).deleteLater()
        for old in self._rows.values():
            self._layout.removeWidget(old)
        for position, layer in enumerate(reversed(layers)):
            row = self._rows.get(layer.name)
            if row is None:
                row = self._rows[layer.name] = LayerRow(self, layer)
            self._layout.insertWidget(position, row)
            row.update_from(layer)
            row.up_button.setEnabled(position > 0)
            row.down_button.setEnabled(position < len(layers) - 1)
        self._on_notes_series_shown_changed()

    def _on_notes_series_shown_changed(self) -> None:
        if self._notes is None:
            return
        for name, row in self._rows.items():
            if row.date_label.isVisibleTo(row):
                row.date_label.setText(self._notes.series_note(name))

    def _on_layers_vm_layer_changed(self, name: str) -> None:
        if name in self._rows:
            self._rows[name].update_from(self.layers_vm.layer(name))
