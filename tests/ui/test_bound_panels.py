"""The timeline, comparison and layers panels bind through ui.bind: closed, they stop listening.

Each test first shows that the open panel follows its viewmodel, so it fails if a closed panel
still reacts (the viewmodels outlive the window's views).
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from tests.shell.deepstate import deepstate_files, engine
from ui.compare_panel import ComparePanel
from ui.layers_panel import LayersPanel
from ui.main_window import MainWindow
from ui.timeline_view import TimelineView
from viewmodels.app_viewmodel import AppViewModel

FIRST, LAST = dt.date(2024, 11, 1), dt.date(2024, 11, 4)


@pytest.fixture
def app_vm(tmp_path) -> AppViewModel:
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    loader, delta, changes, _ = engine()
    vm = AppViewModel(settings, synchronous=True, loader=loader, delta=delta, changes=changes)
    vm.open_paths([str(f) for f in deepstate_files("20241101", 4)])
    return vm


def _timeline_follows(vm: AppViewModel, view: TimelineView) -> bool:
    vm.timeline.set_compare(not vm.timeline.compare())
    return view.compare_check.isChecked() == vm.timeline.compare()


def _compare_follows(vm: AppViewModel, panel: ComparePanel) -> bool:
    vm.timeline.set_dates(FIRST, LAST)
    vm.timeline.set_compare(True)
    shown = panel.table.rowCount() == len(vm.compare.rows()) > 0
    vm.timeline.set_compare(False)
    return shown and panel.table.rowCount() == 0


def _layers_follow(vm: AppViewModel, panel: LayersPanel) -> bool:
    name = panel.rows()[0].name
    vm.layers.set_visible(name, not vm.layers.layer(name).visible)
    return panel.row(name).visible_box.isChecked() == vm.layers.layer(name).visible


def test_a_closed_timeline_no_longer_follows_its_viewmodel(qtbot, app_vm) -> None:
    view = TimelineView(app_vm.timeline)
    qtbot.addWidget(view)
    assert _timeline_follows(app_vm, view)
    view.close()
    assert not _timeline_follows(app_vm, view)


def test_a_closed_comparison_no_longer_follows_its_viewmodel(qtbot, app_vm) -> None:
    panel = ComparePanel(app_vm.compare)
    qtbot.addWidget(panel)
    assert _compare_follows(app_vm, panel)
    panel.close()
    app_vm.timeline.set_dates(FIRST, LAST)
    app_vm.timeline.set_compare(True)
    assert app_vm.compare.rows()
    assert panel.table.rowCount() == 0


def test_a_closed_layers_panel_no_longer_follows_its_viewmodels(qtbot, app_vm) -> None:
    panel = LayersPanel(app_vm.layers, series_notes=app_vm.map)
    qtbot.addWidget(panel)
    assert _layers_follow(app_vm, panel)
    panel.close()
    assert not _layers_follow(app_vm, panel)
    app_vm.layers.set_series_layers([])  # would delete rows of a panel still listening
    assert len(panel.rows()) > 1


def test_closing_the_window_closes_its_panels(qtbot, app_vm) -> None:
    window = MainWindow(app_vm, central=lambda _vm: QWidget(), error=lambda _w, _m: None)
    qtbot.addWidget(window)
    timeline = window.docks["timeline"].widget()
    compare = window.docks["compare"].widget()
    layers = window.docks["layers"].widget().widget()
    assert isinstance(timeline, TimelineView)
    assert isinstance(compare, ComparePanel)
    assert isinstance(layers, LayersPanel)
    assert _timeline_follows(app_vm, timeline)
    assert _layers_follow(app_vm, layers)
    assert _compare_follows(app_vm, compare)
    window.close()
    assert not _timeline_follows(app_vm, timeline)
    assert not _layers_follow(app_vm, layers)
    app_vm.timeline.set_dates(FIRST, LAST)
    app_vm.timeline.set_compare(True)
    assert app_vm.compare.rows()
    assert compare.table.rowCount() == 0
