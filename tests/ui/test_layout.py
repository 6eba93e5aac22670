"""The window fits a 1280×720 laptop with real data: minimum size, no overlapping docks, the map
at least half the window, every panel reachable, and View → Reset layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QRect

from tests.paths import ISW
from tests.shell.deepstate import deepstate_files
from tests.shell.window import shell_window
from ui.layout import RIGHT_TABS, docks_of, initial_geometry

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from ui.main_window import MainWindow


def _window(qtbot, tmp_path, paths) -> MainWindow:
    window = shell_window(qtbot, tmp_path, regions=True)
    window.build_deferred_docks()
    window.app_vm.open_paths([str(p) for p in paths])
    window.app_vm.timeline.set_compare(True)
    return window


def _shown_docks(window: MainWindow) -> list[QDockWidget]:
    """Docks on screen: visible and not behind another tab."""
    return [
        d for d in docks_of(window).values() if d.isVisible() and not d.visibleRegion().isEmpty()
    ]


@pytest.mark.parametrize(
    "paths",
    [
        deepstate_files("20241101", 20),
        [ISW / "shapefiles_2022", ISW / "sdspieg_derived" / "kursk_geojson"],
    ],
    ids=["deepstate", "isw"],
)
def test_fits_1280x720(qtbot, tmp_path, paths) -> None:
    window = _window(qtbot, tmp_path, paths)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1280
    assert hint.height() <= 720 - 40  # room for a title bar
    window.setGeometry(initial_geometry(QRect(0, 0, 1280, 720)))
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    assert window.size() == initial_geometry(QRect(0, 0, 1280, 720)).size()
    shown = _shown_docks(window)
    for i, a in enumerate(shown):
        assert window.rect().contains(a.geometry()), a.objectName()
        for b in shown[i + 1 :]:
            assert not a.geometry().intersects(b.geometry()), (a.objectName(), b.objectName())
    central = window.centralWidget().geometry()
    assert central.width() * central.height() >= 0.5 * window.width() * window.height()
    status = window.statusBar()
    assert status.isVisible()
    assert window.rect().contains(status.geometry())
    docks = docks_of(window)
    for key in ("chart", "problems", "layers", "regions"):  # reachable as tabs, not floating
        assert not docks[key].isFloating()
        assert window.tabifiedDockWidgets(docks[key]), key


def test_reset_layout_brings_every_panel_home(qtbot, tmp_path) -> None:
    window = _window(qtbot, tmp_path, deepstate_files("20241101", 3))
    window.resize(1264, 680)
    window.show()
    qtbot.waitExposed(window)
    docks = docks_of(window)
    docks["chart"].setFloating(True)
    docks["problems"].hide()
    docks["compare"].setFloating(True)
    window.actions_by_key["reset_layout"].trigger()
    qtbot.wait(50)
    for key, dock in docks.items():
        assert not dock.isFloating(), key
        assert dock.isVisible() == (key != "welcome"), key
    tabbed = {d.objectName() for d in window.tabifiedDockWidgets(docks["layers"])}
    assert {
        f"dock_{k}" for k in RIGHT_TABS if k in docks and k not in ("layers", "welcome")
    } <= tabbed
    assert window.dockWidgetArea(docks["compare"]) == window.dockWidgetArea(docks["layers"])


def test_initial_geometry_fits_the_screen() -> None:
    small = initial_geometry(QRect(0, 0, 1280, 720))
    assert QRect(0, 0, 1280, 720).contains(small)
    big = initial_geometry(QRect(0, 0, 1920, 1080))
    assert (big.width(), big.height()) == (1500, 950)


def test_undocked_chart_over_the_window_comes_back_docked(qtbot, tmp_path) -> None:
    window = _window(qtbot, tmp_path, deepstate_files("20241101", 2))
    window.resize(1264, 680)
    window.show()
    qtbot.waitExposed(window)
    chart = docks_of(window)["chart"]
    chart.setFloating(True)
    chart.setGeometry(window.geometry().adjusted(100, 400, -600, -50))  # over the timeline
    window.close()
    again = _window(qtbot, tmp_path, deepstate_files("20241101", 2))
    again.show()
    qtbot.waitExposed(again)
    assert not docks_of(again)["chart"].isFloating()
    assert again.tabifiedDockWidgets(docks_of(again)["chart"])


def test_about_box_renders_the_markdown(qtbot, tmp_path) -> None:
    from ui.about_dialog import about_dialog

    window = _window(qtbot, tmp_path, deepstate_files("20241101", 1))
    dialog = about_dialog(window, window.app_vm.about_text())
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "GSHHG" in text
    assert "DeepStateMap" in text
    assert "|---|" not in text
    assert "`" not in text
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width()
    assert dialog.height() <= screen.height()
