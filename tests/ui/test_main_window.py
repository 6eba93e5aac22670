"""The main window and its docks, built from real viewmodels on real DeepState files."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.shell.deepstate import deepstate_files, engine
from ui.chart_view import ChartView
from ui.main_window import MainWindow
from ui.status import format_readout
from viewmodels.app_viewmodel import DEMO_LABEL, AppViewModel


def make_window(qtbot, tmp_path, files=(), errors=None):
    loader, delta, changes, _ = engine()
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    vm = AppViewModel(settings, synchronous=True, loader=loader, delta=delta, changes=changes)
    window = MainWindow(
        vm,
        ask_files=lambda _w, _f: [str(f) for f in files],
        ask_dir=lambda _w, _f: "",
        error=lambda _w, message: (errors if errors is not None else []).append(message),
    )
    qtbot.addWidget(window)
    return window, vm


def test_open_files_via_shortcut_fills_docks(qtbot, tmp_path) -> None:
    files = deepstate_files("20241101", 20)
    window, vm = make_window(qtbot, tmp_path, files)
    window.actions_by_key["open_files"].trigger()
    timeline = window.docks["timeline"].widget()
    assert timeline.slider.maximum() == 19
    assert timeline.date_label.text() == "2024-11-20"
    window.actions_by_key["compare"].trigger()
    panel = window.docks["compare"].widget()
    labels = [panel.table.item(i, 0).text() for i in range(panel.table.rowCount())]
    assert labels == ["Area on 2024-11-01", "Area on 2024-11-20", "Gained", "Lost", "Net"]
    net = float(panel.table.item(4, 1).text().replace(",", ""))
    assert net == round(vm.compare.result().net_km2, 1)
    assert timeline.compare_check.isChecked()
    window.actions_by_key["step_back"].trigger()
    assert timeline.date_label.text() == "2024-11-19"
    assert vm.chart.markers()[2] == dt.date(2024, 11, 19)
    assert DEMO_LABEL not in window.windowTitle()
    assert not window.banner.isVisibleTo(window)


def test_shortcuts_are_declared() -> None:
    from ui.actions import ACTIONS

    shortcuts = {s.key: s.shortcuts for s in ACTIONS}
    assert shortcuts["open_files"] == ("Ctrl+O",)
    assert shortcuts["open_folder"] == ("Ctrl+Shift+O",)
    assert shortcuts["play"] == ("Space",)
    assert "Alt+Left" in shortcuts["step_back"]
    assert shortcuts["fit"] == ("Ctrl+0",)


def test_problems_panel_names_the_refused_file(qtbot, tmp_path) -> None:
    bad = tmp_path / "deepstatemap_data_20241102.geojson"
    bad.write_text("{broken", encoding="utf-8")
    window, _vm = make_window(qtbot, tmp_path, [*deepstate_files("20241101", 1), bad])
    window.open_files()
    table = window.docks["problems"].widget().table
    rows = [(table.item(i, 0).text(), table.item(i, 1).text()) for i in range(table.rowCount())]
    assert any(kind == "refused" and bad.name in path for kind, path in rows)


def test_drop_opens_files_and_demo_banner(qtbot, tmp_path) -> None:
    window, vm = make_window(qtbot, tmp_path)
    vm.open_demo()
    assert window.banner.isVisibleTo(window)
    assert DEMO_LABEL in window.windowTitle()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in deepstate_files("20241101", 2)])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert len(vm.timeline.dates()) == 2
    assert not window.banner.isVisibleTo(window)


def test_worker_error_reaches_the_user_and_window_survives(qtbot, tmp_path) -> None:
    errors: list[str] = []
    window, vm = make_window(qtbot, tmp_path, errors=errors)
    vm.dataset._loader = lambda *_a, **_k: 1 / 0
    (tmp_path / "whatever.geojson").write_text("{}")  # exists: a missing path is never loaded
    vm.open_paths([str(tmp_path / "whatever.geojson")])
    assert errors
    assert "division" in errors[0]
    assert window.isEnabled()


def test_status_readout_formats_coverage(qtbot, tmp_path) -> None:
    window, vm = make_window(qtbot, tmp_path, deepstate_files("20241101", 1))
    window.open_files()
    vm.map.set_cursor(34.1, 44.95)
    text = window.statusBar().readout.text()
    assert text == format_readout(vm.cursor.readout())
    assert "inside" in text
    assert "2024-11-01" in text


def test_chart_failure_is_shown_in_the_panel_and_status_bar(qtbot, tmp_path) -> None:
    def broken(_snapshots):
        raise RuntimeError("daily changes exploded")

    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    vm = AppViewModel(settings, synchronous=True, loader=engine()[0], changes=broken)
    window = MainWindow(vm, error=lambda _w, _m: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.docks["chart"].widget(), ChartView))
    chart = window.docks["chart"].widget()  # built just after the first paint
    assert not chart.error_label.isVisible()
    vm.open_paths([str(f) for f in deepstate_files("20241101", 3)])
    assert chart.error_label.isVisible()
    assert chart.error_label.text() == "chart failed: daily changes exploded"
    assert window.statusBar().currentMessage() == "chart failed: daily changes exploded"


def test_map_view_survives_a_restart(qtbot, tmp_path) -> None:
    files = deepstate_files("20241101", 3)
    window, vm = make_window(qtbot, tmp_path, files)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.actions_by_key["open_files"].trigger()
    fitted = window.map_view.view_box.viewRect()
    with qtbot.waitSignal(vm.map.sig_view_changed, timeout=5000):
        window.map_view.zoom_to_lonlat((37.3, 49.5, 37.9, 49.9))
    before = window.map_view.frame()
    window.close()  # saves the settings; the window layout comes back a little different
    again, _ = make_window(qtbot, tmp_path, files)
    again.resize(1200, 800)
    again.show()
    qtbot.waitExposed(again)
    again.actions_by_key["open_files"].trigger()
    after = again.map_view.frame()
    width = (after.x1 - after.x0) / (before.x1 - before.x0)
    height = (after.y1 - after.y0) / (before.y1 - before.y0)
    assert min(width, height) == pytest.approx(1.0, abs=0.01)  # same scale, no drift
    assert max(width, height) >= 0.99  # all of the saved view is shown
    dx = after.x0 + after.x1 - before.x0 - before.x1
    dy = after.y0 + after.y1 - before.y0 - before.y1
    assert max(abs(dx), abs(dy)) < 0.02 * (before.y1 - before.y0)  # same centre
    assert after.x1 - after.x0 < (fitted.right() - fitted.left()) / 5  # not the fit to the data


def test_menus_keep_their_order_whoever_creates_them(qtbot, tmp_path) -> None:
    window, _vm = make_window(qtbot, tmp_path)
    window.menu("&Edit")
    window.menu("&Plugins")
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "View", "Time", "Help", "Plugins"]
