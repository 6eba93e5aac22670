"""File → Export time-lapse… in the real main window: enabled with data, captures what is shown."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.paths import DEEPSTATE
from ui.app import create_app, create_window
from ui.timelapse.feature import ACTION_TEXT, capture_context

DAYS = [dt.date(2024, 11, d) for d in (1, 2, 3)]
FILES = [str(DEEPSTATE / f"deepstatemap_data_{d:%Y%m%d}.geojson") for d in DAYS]
VIEW = (36.5, 47.5, 38.5, 48.7)


@pytest.fixture
def window(qtbot):
    create_app()
    window = create_window(FILES)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dataset = window.app_vm.dataset
    qtbot.waitUntil(lambda: dataset.catalog() is not None and not dataset.loading(), timeout=30000)
    qtbot.waitUntil(lambda: bool(window.map_view.basemap().layers), timeout=30000)
    yield window
    feature = window.timelapse
    if feature.dialog is not None:
        feature.dialog.close()
    feature.vm.shutdown()
    feature.previews.shutdown()


def test_the_file_menu_opens_the_dialog_on_what_the_window_shows(qtbot, window) -> None:
    texts = [a.text() for a in window.menu("&File").actions()]
    assert ACTION_TEXT in texts
    assert texts.index(ACTION_TEXT) < texts.index("&Quit")
    assert window.timelapse.action.isEnabled()
    window.map_view.zoom_to_lonlat(VIEW)
    qtbot.waitUntil(lambda: window.app_vm.map.view_bbox() is not None, timeout=10000)
    window.app_vm.layers.set_color("DeepState occupied", "#123456")
    context = capture_context(window)
    assert context is not None
    assert context.series == "DeepState occupied"
    assert context.extent == window.app_vm.map.view_bbox()
    style = next(layer for layer in context.layers if layer.name == "DeepState occupied")
    assert style.color == "#123456"
    window.timelapse.action.trigger()
    dialog = window.timelapse.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.choices().date_to == DAYS[-1]
    window.timelapse.action.trigger()  # a second time raises the same dialog
    assert window.timelapse.dialog is dialog
