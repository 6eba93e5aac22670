"""The selected region's area over time in the main Chart dock: a region drawn with the mouse
around Kurakhove in the real window, on the two real DeepState days, checked against the stats
controller's series and an independent geodesic reference; deleting the region hides the row."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pytest
from PySide6.QtCore import Qt

from geo.timegrid import to_seconds
from tests.ui.test_regions_in_app import MapMouse, draw_kurakhove, wait_for_stats, window
from tests.viewmodels.test_regions_stats import A, B, deepstate, reference_figures
from ui.chart_view import ChartView

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["window"]  # the real-window fixture, shared with test_regions_in_app


def chart_view(qtbot, window: MainWindow) -> ChartView:
    """The main Chart dock's view (built just after the window's first paint)."""
    dock = window.docks["chart"]
    qtbot.waitUntil(lambda: isinstance(dock.widget(), ChartView), timeout=10000)
    view = dock.widget()
    assert isinstance(view, ChartView)
    return view


def curve_at(view: ChartView, day) -> float:
    x, y = view.region_curve.getData()
    (index,) = np.flatnonzero(x == to_seconds(day))
    return float(y[index])


def test_selected_region_series_is_the_third_plot_and_leaves_with_the_region(qtbot, window) -> None:
    view = chart_view(qtbot, window)
    assert not view.region_plot.isVisible()
    region_id, corners = draw_kurakhove(MapMouse(qtbot, window))
    regions = window.regions.vm
    assert regions.selected() == region_id
    wait_for_stats(qtbot, window, region_id)
    qtbot.waitUntil(lambda: regions.time_series(region_id) is not None, timeout=20000)
    dates, km2 = regions.time_series(region_id)
    assert dates == [A, B]
    qtbot.waitUntil(view.region_plot.isVisible, timeout=5000)
    for day, value in zip(dates, km2, strict=True):
        assert curve_at(view, day) == value
    reference = reference_figures(corners, deepstate(A), deepstate(B))
    assert curve_at(view, A) == pytest.approx(reference["area_from_km2"], abs=0.1)
    assert curve_at(view, B) == pytest.approx(reference["area_to_km2"], abs=0.1)
    state = regions.region(region_id)
    assert view.region_curve.opts["pen"].color().name() == state.color
    assert view.region_plot.getAxis("left").labelText == "region km²"
    assert (
        view.region_plot.vb.sceneBoundingRect().top()
        > view.change_plot.vb.sceneBoundingRect().bottom()
    )

    regions.recolor(region_id, "#4363d8")
    assert view.region_curve.opts["pen"].color().name() == "#4363d8"
    regions.rename(region_id, "Kurakhove")
    assert window.app_vm.chart.region_series().name == "Kurakhove"

    qtbot.mouseClick(window.regions.panel.delete_button, Qt.MouseButton.LeftButton)
    assert regions.regions() == []
    assert window.app_vm.chart.region_series() is None
    assert not view.region_plot.isVisible()
    x, _ = view.region_curve.getData()
    assert x is None or len(x) == 0
