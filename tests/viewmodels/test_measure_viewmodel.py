"""MeasureViewModel: QGIS's gestures and geodesic figures (pyproj.Geod within 0.1 %)."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Geod

from geo.projection import to_display
from viewmodels.measure_viewmodel import MeasureViewModel

GEOD = Geod(ellps="WGS84")
# Pokrovsk, Chasiv Yar, Kupiansk
LONLAT = np.array([[37.18, 48.28], [37.84, 48.59], [37.61, 49.71]])
X, Y = to_display(LONLAT[:, 0], LONLAT[:, 1])
CLICKS = [(float(x), float(y)) for x, y in zip(X, Y, strict=True)]


def _line_km(points: np.ndarray) -> float:
    return GEOD.line_length(points[:, 0], points[:, 1]) / 1000


def test_distance_is_live_while_drawing_and_stays_when_finished(qtbot) -> None:
    vm = MeasureViewModel()
    vm.set_mode("line")
    vm.add_vertex(CLICKS[0])
    with qtbot.waitSignal(vm.sig_shape_changed):
        vm.move_cursor(CLICKS[1])
    assert vm.measurement().length_km == pytest.approx(_line_km(LONLAT[:2]), rel=1e-3)
    vm.add_vertex(CLICKS[1])
    vm.move_cursor(CLICKS[2])
    assert vm.measurement().length_km == pytest.approx(_line_km(LONLAT), rel=1e-3)
    vm.finish()
    vm.move_cursor((0.0, 0.0))  # after right-click, moving no longer changes the result
    assert vm.measurement().length_km == pytest.approx(_line_km(LONLAT[:2]), rel=1e-3)
    assert vm.text().startswith("Distance ")
    assert vm.text().endswith(" km")
    vm.add_vertex(CLICKS[2])  # the next click starts a new measurement
    assert vm.vertices() == [CLICKS[2]]


def test_area_of_the_clicked_polygon(qtbot) -> None:
    vm = MeasureViewModel()
    vm.set_mode("area")
    for xy in CLICKS:
        vm.add_vertex(xy)
    vm.finish()
    area, perimeter = GEOD.polygon_area_perimeter(LONLAT[:, 0], LONLAT[:, 1])
    assert vm.measurement().area_km2 == pytest.approx(abs(area) / 1e6, rel=1e-3)
    assert vm.measurement().length_km == pytest.approx(perimeter / 1000, rel=1e-3)
    assert vm.text().startswith("Area ")
    assert "km²" in vm.text()


def test_backspace_esc_and_mode_switch(qtbot) -> None:
    vm = MeasureViewModel()
    vm.set_mode("line")
    for xy in CLICKS:
        vm.add_vertex(xy)
    vm.undo_vertex()
    assert vm.vertices() == CLICKS[:2]
    vm.clear()
    assert vm.measurement() is None
    assert vm.text() == ""
    vm.add_vertex(CLICKS[0])
    with qtbot.waitSignal(vm.sig_mode_changed):
        vm.toggle("line")
    assert vm.mode() == "none"
    assert vm.vertices() == []
    with pytest.raises(ValueError, match="unknown measure mode"):
        vm.set_mode("circle")
