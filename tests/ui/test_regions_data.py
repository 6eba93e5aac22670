"""Regions belong to the data they were drawn on, in the real window with real files: a region
drawn on DeepState shows "—" and a one-line reason once an ISW file is open (never ISW figures),
both region charts are cleared with it, and the figures come back with DeepState; deleting the
last region lets go of the data."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from tests.paths import ISW
from tests.ui.test_sessions import FILES, KURAKHOVE, _figures, _launch, _loaded
from ui.regions_panel import NO_DATES

ISW_FILE = str(ISW / "arcgis_geojson_nikkei" / "20230824.geojson")


def _deepstate_region(qtbot):
    window = _launch(qtbot, FILES)
    _loaded(qtbot, window)
    regions = window.regions.vm
    (region_id,) = regions.add_loaded([("Kurakhove", "#3cb44b", KURAKHOVE)], "test")
    regions.select(region_id)
    _figures(qtbot, window)
    qtbot.waitUntil(lambda: regions.time_series(region_id) is not None, timeout=30000)
    qtbot.waitUntil(lambda: window.app_vm.chart.region_series() is not None, timeout=5000)
    return window, region_id


def _panel_curve(window) -> np.ndarray:
    x, _y = window.regions.panel._curve.getData()
    return np.asarray([] if x is None else x)


def _open_isw(qtbot, window) -> None:
    window.app_vm.open_paths([ISW_FILE])
    qtbot.waitUntil(
        lambda: (
            window.app_vm.dataset.paths() == (ISW_FILE,) and not window.app_vm.dataset.loading()
        ),
        timeout=60000,
    )
    qtbot.waitUntil(lambda: not window.app_vm.runner.busy, timeout=60000)


def test_regions_drawn_on_deepstate_show_no_isw_figures(qtbot) -> None:
    window, region_id = _deepstate_region(qtbot)
    regions, panel = window.regions.vm, window.regions.panel
    assert len(_panel_curve(window)) == 20
    _open_isw(qtbot, window)
    timeline = window.app_vm.timeline
    timeline.set_dates(dt.date(2023, 8, 24), dt.date(2023, 8, 24))
    qtbot.wait(400)  # past the stats debounce: still nothing computed on ISW
    assert not window.app_vm.session.regions_have_data()
    assert regions.stats(region_id) is None
    assert regions.time_series(region_id) is None
    assert window.app_vm.chart.region_series() is None
    assert len(_panel_curve(window)) == 0
    caption = panel.caption.text()
    assert caption.startswith("No data: these regions belong to 20 files in deepstate/daily")
    assert caption.endswith("Open it to see their km².")
    row = [panel.table.item(0, c).text() for c in range(3, 8)]
    assert row == ["—"] * 5
    window.app_vm.open_paths(FILES)
    _loaded(qtbot, window)
    _figures(qtbot, window)
    assert window.app_vm.session.regions_have_data()
    assert regions.data_note() == ""
    assert panel.caption.text().startswith("km² inside each region")


def test_deleting_the_last_region_lets_go_of_its_data(qtbot) -> None:
    window, region_id = _deepstate_region(qtbot)
    regions = window.regions.vm
    _open_isw(qtbot, window)
    assert regions.stats(region_id) is None
    regions.delete_region(region_id)
    assert window.app_vm.session.regions_paths() == (ISW_FILE,)
    window.app_vm.timeline.set_dates(dt.date(2023, 8, 24), dt.date(2023, 8, 24))
    (again,) = regions.add_loaded([("Kurakhove", "#3cb44b", KURAKHOVE)], "test")
    qtbot.waitUntil(lambda: regions.stats(again) is not None, timeout=30000)
    assert regions.stats(again).area_to_km2 == pytest.approx(regions.stats(again).area_from_km2)
    assert window.regions.panel.caption.text() != NO_DATES


def test_file_close_data_clears_the_region_charts(qtbot) -> None:
    window, region_id = _deepstate_region(qtbot)
    regions, panel = window.regions.vm, window.regions.panel
    assert len(_panel_curve(window)) == 20
    window.actions_by_key["close_data"].trigger()
    assert window.app_vm.dataset.catalog() is None
    assert window.app_vm.timeline.series_names() == []
    assert regions.time_series(region_id) is None
    assert regions.stats(region_id) is None
    assert window.app_vm.chart.region_series() is None
    assert len(_panel_curve(window)) == 0
    assert panel.caption.text().startswith("No data: these regions belong to 20 files")
    qtbot.wait(400)  # past the stats debounce: nothing comes back
    assert regions.stats(region_id) is None
    assert window.app_vm.dataset.message() == "data closed"
    window.app_vm.open_paths(FILES)
    _loaded(qtbot, window)
    _figures(qtbot, window)
