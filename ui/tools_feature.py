"""Plugs place search and the measure tool into the main window.

Search: the locator field in the status bar, where QGIS has its locator (a status bar has room at
any window width, where a full toolbar hides its last widgets), Edit → Find place… (Ctrl+F)
focuses it, and the chosen place is marked on the map. Measure: View → Measure distance
(Ctrl+Shift+M) and Measure area (Ctrl+Shift+J), checkable, also on the toolbar; Edit → Copy
measurement copies the result line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QToolBar

from ui.map.measure_tool import MeasureOverlay, MeasureToolBinding, copy_result
from ui.map.place_marker import PlaceMarker
from ui.search_box import SearchBox
from viewmodels.measure_viewmodel import MeasureViewModel
from viewmodels.search_viewmodel import SearchViewModel

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.map import MapView

WARM_UP_MS = 3000
"""The place index (about a second of work in a worker) is built this long after start-up, past
the first frame, so the first search is answered at once; focusing the field starts it sooner."""
MEASURE_ACTIONS = (
    ("line", "Measure &distance", "Ctrl+Shift+M"),
    ("area", "Measure &area", "Ctrl+Shift+J"),
)


@dataclass(frozen=True)
class SearchFeature:
    """The installed place search."""

    vm: SearchViewModel
    box: SearchBox
    marker: PlaceMarker
    action: QAction


@dataclass(frozen=True)
class MeasureFeature:
    """The installed measure tool."""

    vm: MeasureViewModel
    overlay: MeasureOverlay
    binding: MeasureToolBinding
    actions: dict[str, QAction]
    copy_action: QAction


def _main_toolbar(window: MainWindow) -> QToolBar:
    toolbar = window.findChild(QToolBar, "toolbar_main")
    if toolbar is None:
        toolbar = window.addToolBar("Main")
        toolbar.setObjectName("toolbar_main")
    return toolbar


def install_search(window: MainWindow) -> SearchFeature:
    """Add the locator field, Ctrl+F and the place marker to ``window``."""
    map_view = cast("MapView", window.map_view)
    vm = SearchViewModel(window.app_vm.map.request_fit, parent=window)
    box = SearchBox(vm)
    window.statusBar().addPermanentWidget(box)
    QTimer.singleShot(WARM_UP_MS, vm.prepare)
    marker = PlaceMarker(vm, map_view.add_overlay_item, map_view.view_box.removeItem)
    action = QAction("&Find place…", window)
    action.setObjectName("action_find_place")
    action.setShortcut(QKeySequence("Ctrl+F"))

    def focus_box() -> None:
        box.setFocus()
        box.selectAll()

    action.triggered.connect(lambda _checked=False: focus_box())
    window.menu("&Edit").addAction(action)
    window.addAction(action)
    vm.sig_error_raised.connect(lambda text: window.statusBar().showMessage(text, 15000))
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(vm.shutdown)
    return SearchFeature(vm, box, marker, action)


def install_measure(window: MainWindow) -> MeasureFeature:
    """Add the measure tool: its actions, map items and the binding to the map's mouse."""
    map_view = cast("MapView", window.map_view)
    vm = MeasureViewModel(window)
    overlay = MeasureOverlay(vm, map_view.add_overlay_item, map_view.view_box.removeItem)
    regions = getattr(window, "regions", None)
    binding = MeasureToolBinding(
        vm, map_view.set_tool, map_view.tool, regions.vm if regions is not None else None
    )
    toolbar = _main_toolbar(window)
    actions: dict[str, QAction] = {}
    for mode, text, shortcut in MEASURE_ACTIONS:
        action = QAction(text, window, checkable=True)
        action.setObjectName(f"action_measure_{mode}")
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text.replace('&', '')} ({shortcut}): click points, right-click ends")
        action.triggered.connect(lambda _checked=False, m=mode: vm.toggle(m))
        window.menu("&View").addAction(action)
        toolbar.addAction(action)
        actions[mode] = action
    copy_action = QAction("Copy &measurement", window)
    copy_action.setObjectName("action_copy_measurement")
    copy_action.triggered.connect(lambda _checked=False: copy_result(vm))
    window.menu("&Edit").addAction(copy_action)

    def on_mode(mode: str) -> None:
        for key, action in actions.items():
            action.setChecked(key == mode)
        if mode != "none":
            map_view.canvas.setFocus()

    def on_shape() -> None:
        copy_action.setEnabled(bool(vm.text()))
        if vm.finished():
            window.statusBar().showMessage(vm.text(), 30000)

    vm.sig_mode_changed.connect(on_mode)
    vm.sig_shape_changed.connect(on_shape)
    on_shape()
    return MeasureFeature(vm, overlay, binding, actions, copy_action)
