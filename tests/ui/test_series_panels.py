"""Rename, merge and split series from the layers and Problems panels, with clicks (real files)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea

from geo.series import ASSESSED_ADVANCES, ASSESSED_CONTROL, CLAIMED_CONTROL
from tests.paths import ISW
from tests.shell.deepstate import engine
from ui.layers_panel import LayersPanel
from ui.main_window import MainWindow
from ui.problems_panel import ProblemsPanel
from ui.series_dialog import SplitDialog
from viewmodels.app_viewmodel import AppViewModel

ZIPS = ISW / "shapefiles_2022" / "zips"
NIKKEI = ISW / "arcgis_geojson_nikkei"


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:
    loader, delta, changes, _ = engine()
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    vm = AppViewModel(settings, synchronous=True, loader=loader, delta=delta, changes=changes)
    window = MainWindow(vm, error=lambda _w, _m: None)
    qtbot.addWidget(window)
    return window


def _layers(window: MainWindow) -> LayersPanel:
    scroll = window.docks["layers"].widget()
    assert isinstance(scroll, QScrollArea)
    panel = scroll.widget()
    assert isinstance(panel, LayersPanel)
    return panel


def _problems(window: MainWindow) -> ProblemsPanel:
    panel = window.docks["problems"].widget()
    assert isinstance(panel, ProblemsPanel)
    return panel


def _series(window: MainWindow) -> list[str]:
    catalog = window.app_vm.dataset.catalog()
    assert catalog is not None
    return catalog.series_names()


def _click_menu_item(qtbot, *texts: str) -> None:
    """Click through the open popup menu(s): each text is an item of the menu opened before."""

    def click() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu), "no menu is open"
        action = next(a for a in menu.actions() if a.text() == texts[0])
        if len(texts) > 1:
            QTimer.singleShot(150, lambda: _click_menu_item(qtbot, *texts[1:]))
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(150, click)


def test_rename_with_clicks_on_the_layer_row_button(qtbot, window) -> None:
    panel = _layers(window)
    panel.series.ask_name = lambda *_a: "ISW control"  # the dialog's answer
    window.app_vm.open_paths([str(ZIPS)])
    button = panel.row(ASSESSED_CONTROL).series_button
    assert button.isEnabled()
    _click_menu_item(qtbot, "Rename series…")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "ISW control" in _series(window))
    assert ASSESSED_CONTROL not in _series(window)
    assert panel.row("ISW control").visible_box.text() == "ISW control"
    assert window.app_vm.timeline.series_names().count("ISW control") == 1


def test_merge_through_the_submenu_then_undo(qtbot, window) -> None:
    panel = _layers(window)
    window.app_vm.open_paths([str(ZIPS)])
    _click_menu_item(qtbot, "Merge into", ASSESSED_CONTROL)
    qtbot.mouseClick(panel.row(CLAIMED_CONTROL).series_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: CLAIMED_CONTROL not in _series(window))
    catalog = window.app_vm.dataset.catalog()
    assert catalog is not None
    assert len(catalog.dates(ASSESSED_CONTROL)) == 8
    menu = QMenu()
    panel.series.fill_series_menu(menu, ASSESSED_CONTROL, None)
    undo = next(a for a in menu.actions() if a.text().startswith("Undo Merge"))
    undo.trigger()
    assert CLAIMED_CONTROL in _series(window)


def test_split_dialog_moves_the_ticked_files(qtbot, window) -> None:
    panel = _layers(window)
    window.app_vm.open_paths([str(ZIPS)])
    members = window.app_vm.dataset.members(ASSESSED_ADVANCES)
    dialog = SplitDialog(ASSESSED_ADVANCES, members, [ASSESSED_CONTROL])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing ticked yet
    for row in range(dialog.files.count()):
        if "MAY" in dialog.files.item(row).text():
            dialog.files.item(row).setCheckState(Qt.CheckState.Checked)
    assert ok.isEnabled()
    dialog.target.setEditText("May advances")
    panel.series.ask_split = lambda *_a: (dialog.chosen(), dialog.name())
    _click_menu_item(qtbot, "Split files into another series…")
    qtbot.mouseClick(panel.row(ASSESSED_ADVANCES).series_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "May advances" in _series(window))
    catalog = window.app_vm.dataset.catalog()
    assert catalog is not None
    assert [d.day for d in catalog.dates("May advances")] == [22, 23, 24, 26]
    assert len(catalog.dates(ASSESSED_ADVANCES)) == 6


def test_problems_panel_lists_the_outlier_and_puts_a_file_in_a_series(qtbot, window) -> None:
    problems = _problems(window)
    window.app_vm.open_paths([str(NIKKEI)])
    table = problems.table
    assert table.item(0, 0).text() == "outlier"
    assert table.item(0, 1).text() == ASSESSED_CONTROL
    assert "2022-09-29" in table.item(0, 2).text()
    assert problems.summary.text().startswith("1 suspect snapshot, ")
    assert problems.flags.isVisibleTo(problems)
    assert "Assessed Russian control, 2022-09-29: area jumps -26,931 km²" in problems.flags.text()
    source = next(
        window.app_vm.dataset.problems()[i].path
        for i in range(table.rowCount())
        if table.item(i, 1).text().endswith("20220929_RussianAssessedCoTinUkraine.geojson")
    )
    row = next(i for i in range(table.rowCount()) if table.item(i, 1).text() == source)
    problems.series.ask_name = lambda *_a: "ISW glitch 29 Sep"
    menu = problems.context_menu(row)
    put = next(a for a in menu.actions() if a.text() == "Put this file in series")
    new = next(a for a in put.menu().actions() if a.text() == "New series…")
    new.trigger()
    catalog = window.app_vm.dataset.catalog()
    assert catalog is not None
    assert [d.isoformat() for d in catalog.dates("ISW glitch 29 Sep")] == ["2022-09-29"]
    assert "2022-09-29" not in [d.isoformat() for d in catalog.dates(ASSESSED_CONTROL)]
    assert not [r for r in window.app_vm.dataset.problems() if r.kind == "outlier"]
    assert not problems.flags.isVisibleTo(problems)


def test_a_comparison_using_a_flagged_snapshot_says_so_next_to_its_numbers(qtbot, window) -> None:
    vm = window.app_vm
    vm.open_paths([str(NIKKEI)])
    vm.timeline.set_series(ASSESSED_CONTROL)
    panel = window.docks["compare"].widget()
    vm.timeline.set_dates(dt.date(2022, 9, 28), dt.date(2022, 9, 29))
    if not vm.timeline.compare():
        vm.toggle_compare()
    qtbot.waitUntil(lambda: vm.compare.result() is not None)
    assert vm.compare.result().to_actual == dt.date(2022, 9, 29)
    assert panel.warning.isVisibleTo(panel)
    assert "suspect data: 2022-09-29: area jumps -26,931 km²" in panel.warning.text()
    vm.timeline.set_dates(dt.date(2022, 9, 28), dt.date(2022, 9, 30))
    qtbot.waitUntil(lambda: vm.compare.result().to_actual == dt.date(2022, 9, 30))
    assert not panel.warning.isVisibleTo(panel)
    assert vm.compare.warnings() == []


def test_the_app_takes_as_series(qtbot) -> None:
    from ui.app import create_app, create_window

    create_app()
    window = create_window([str(ZIPS)], as_series="ISW 2022")
    qtbot.addWidget(window)
    vm = window.app_vm
    qtbot.waitUntil(lambda: vm.dataset.catalog() is not None, timeout=60000)
    assert _series(window) == ["ISW 2022"]
    assert [layer.name for layer in vm.layers.series_layers()] == ["ISW 2022"]
    assert vm.dataset.series_choices_dict()["as_series"] == "ISW 2022"
    window.close()
