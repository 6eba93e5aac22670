"""At 1280×720 and 1366×768 the comparison's Gained, Lost and Net rows show without scrolling, in
the real window with every feature's tab, also with a stand-in date note or a suspect-data
warning (the window never grows past the screen for it)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect

from geo.series import ASSESSED_CONTROL
from tests.paths import ISW
from tests.shell.deepstate import deepstate_files
from ui.app import create_app, create_window
from ui.compare_panel import ComparePanel
from ui.layout import initial_geometry

DAILY = [str(f) for f in deepstate_files("20240815", 8)]  # 2024-08-18 and -19 are missing
NIKKEI = [str(ISW / "arcgis_geojson_nikkei")]


@pytest.mark.parametrize("screen", [(1280, 720), (1366, 768)], ids=["1280x720", "1366x768"])
@pytest.mark.parametrize(
    ("paths", "series", "dates"),
    [
        (DAILY, None, (dt.date(2024, 8, 19), dt.date(2024, 8, 22))),
        (NIKKEI, ASSESSED_CONTROL, (dt.date(2022, 9, 28), dt.date(2022, 9, 29))),
    ],
    ids=["stand-in-date", "suspect-data"],
)
def test_gained_lost_and_net_show_without_scrolling(qtbot, screen, paths, series, dates) -> None:
    create_app()
    window = create_window(paths)
    qtbot.addWidget(window)
    geometry = initial_geometry(QRect(0, 0, *screen))
    window.setGeometry(geometry)
    window.show()
    qtbot.waitExposed(window)
    vm = window.app_vm
    qtbot.waitUntil(lambda: vm.dataset.catalog() is not None, timeout=30000)
    window.build_deferred_docks()
    if series is not None:
        vm.timeline.set_series(series)
    vm.timeline.set_dates(*dates)
    vm.timeline.set_compare(True)
    qtbot.waitUntil(lambda: vm.compare.result() is not None, timeout=30000)
    panel = window.docks["compare"].widget()
    assert isinstance(panel, ComparePanel)
    qtbot.wait(100)
    assert window.size() == geometry.size()
    assert panel.asked.isVisibleTo(panel) or panel.warning.isVisibleTo(panel)
    table = panel.table
    labels = [table.item(i, 0).text() for i in range(table.rowCount())]
    viewport = panel.viewport()
    assert panel.verticalScrollBar().value() == 0
    for label in ("Gained", "Lost", "Net"):
        row = table.visualItemRect(table.item(labels.index(label), 0))
        bottom = table.viewport().mapTo(viewport, row.bottomLeft()).y()
        assert 0 < bottom < viewport.height(), (label, bottom, viewport.height())
