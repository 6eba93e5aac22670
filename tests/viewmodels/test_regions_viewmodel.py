"""RegionsViewModel: creation, edits, undo/redo (with drag merging), selection, tools."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from geo.projection import DISPLAY_CRS
from viewmodels.regions_viewmodel import RegionsViewModel

SQUARE = [(0.0, 0.0), (10_000.0, 0.0), (10_000.0, 10_000.0), (0.0, 10_000.0)]


def test_add_keeps_drawn_vertices_and_densifies_lonlat(qtbot) -> None:
    vm = RegionsViewModel()
    with qtbot.waitSignal(vm.sig_regions_changed):
        region_id = vm.add_region(SQUARE)
    state = vm.region(region_id)
    assert state.xy == tuple(SQUARE)
    ring = shapely.get_coordinates(state.lonlat.exterior)
    assert len(ring) == 4 * 20 + 1  # 10 km edges in 500 m steps
    inverse = Transformer.from_crs(DISPLAY_CRS, "EPSG:4326", always_xy=True)
    lon, lat = inverse.transform(5_000.0, 0.0)  # the middle of the south edge, independently
    assert np.min(np.hypot(ring[:, 0] - lon, ring[:, 1] - lat)) < 1e-9
    assert state.lonlat.exterior.is_ccw
    assert vm.selected() == region_id


def test_every_edit_undoes_and_redoes(qtbot) -> None:
    vm = RegionsViewModel()
    region_id = vm.add_region(SQUARE)
    vm.rename(region_id, "Kurakhove")
    vm.recolor(region_id, "#123456")
    vm.move_vertex(region_id, 2, (12_000.0, 12_000.0))
    vm.insert_vertex(region_id, 1, (5_000.0, -1_000.0))
    assert vm.delete_vertex(region_id, 0)
    vm.move_region(region_id, 100.0, -50.0)
    after = vm.region(region_id)
    assert after.name == "Kurakhove"
    assert after.color == "#123456"
    assert after.xy[0] == (5_100.0, -1_050.0)
    assert len(after.xy) == 4
    for _ in range(6):
        vm.undo_stack.undo()
    assert vm.region(region_id).xy == tuple(SQUARE)
    assert vm.region(region_id).name == "Region 1"
    vm.undo_stack.undo()
    assert vm.regions() == []
    for _ in range(7):
        vm.undo_stack.redo()
    assert vm.region(region_id) == after


def test_delete_undo_restores_position_and_id(qtbot) -> None:
    vm = RegionsViewModel()
    first = vm.add_region(SQUARE)
    second = vm.add_region([(x + 20_000, y) for x, y in SQUARE])
    vm.delete_region(first)
    assert [s.id for s in vm.regions()] == [second]
    vm.undo_stack.undo()
    assert [s.id for s in vm.regions()] == [first, second]


def test_one_drag_is_one_undo_step(qtbot) -> None:
    vm = RegionsViewModel()
    region_id = vm.add_region(SQUARE)
    for step in range(1, 6):
        vm.move_vertex(region_id, 0, (-100.0 * step, 0.0), drag=41)
    for _ in range(3):
        vm.move_region(region_id, 10.0, 0.0, drag=42)
    vm.move_vertex(region_id, 0, (0.0, -500.0), drag=43)
    assert vm.undo_stack.count() == 4  # add, one vertex drag, one region drag, one more drag
    vm.undo_stack.undo()
    assert vm.region(region_id).xy[0] == (-470.0, 0.0)
    vm.undo_stack.undo()
    assert vm.region(region_id).xy[0] == (-500.0, 0.0)
    vm.undo_stack.undo()
    assert vm.region(region_id).xy == tuple(SQUARE)


def test_triangle_keeps_its_last_three_vertices(qtbot) -> None:
    vm = RegionsViewModel()
    region_id = vm.add_region(SQUARE[:3])
    with qtbot.assertNotEmitted(vm.sig_region_changed):
        assert not vm.delete_vertex(region_id, 0)
    with pytest.raises(ValueError, match="three"):
        vm.add_region([(0.0, 0.0), (1.0, 1.0), (0.0, 0.0)])


def test_selection_visibility_and_tool_signals(qtbot) -> None:
    vm = RegionsViewModel()
    region_id = vm.add_region(SQUARE)
    with qtbot.waitSignal(vm.sig_selection_changed):
        vm.select(None)
    with qtbot.assertNotEmitted(vm.sig_selection_changed):
        vm.select(None)
    with qtbot.waitSignal(vm.sig_region_changed, check_params_cb=lambda i: i == region_id):
        vm.set_visible(region_id, False)
    with qtbot.waitSignal(vm.sig_tool_changed, check_params_cb=lambda t: t == "polygon"):
        vm.set_tool("polygon")
    with pytest.raises(ValueError, match="unknown tool"):
        vm.set_tool("lasso")

