"""The regions panel: list ↔ viewmodel binding, numbers, tools, save/load via injected dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.viewmodels.test_regions_stats import (
    A,
    B,
    deepstate,
    kurakhove_rectangle,
    reference_figures,
)
from ui.regions_panel import COL_COLOR, COL_NAME, COL_VISIBLE, NO_REGIONS, RegionsPanel
from viewmodels.region_stats import RegionStatsController
from viewmodels.regions_viewmodel import RegionsViewModel
from viewmodels.tasks import TaskRunner


def make_panel(qtbot, tmp_path, **kwargs):
    vm = RegionsViewModel()
    asked = {"color": "#00ff00", "path": tmp_path / "saved.geojson", "zoomed": []}
    panel = RegionsPanel(
        vm,
        ask_save_path=lambda: asked["path"],
        ask_open_path=lambda: asked["path"],
        ask_color=lambda _current: asked["color"],
        zoom_to=asked["zoomed"].append,
        **kwargs,
    )
    qtbot.addWidget(panel)
    return vm, panel, asked


def test_list_follows_viewmodel_and_edits_go_back(qtbot, tmp_path) -> None:
    vm, panel, asked = make_panel(qtbot, tmp_path)
    first = vm.add_region(kurakhove_rectangle())
    second = vm.add_region([(x + 30e3, y) for x, y in kurakhove_rectangle()])
    assert panel.table.rowCount() == 2
    panel.table.selectRow(0)
    assert vm.selected() == first
    vm.select(second)
    assert panel.table.selectionModel().selectedRows()[0].row() == 1
    panel.table.item(0, COL_NAME).setText("Kurakhove")
    assert vm.region(first).name == "Kurakhove"
    panel.table.item(1, COL_VISIBLE).setCheckState(Qt.CheckState.Unchecked)
    assert not vm.region(second).visible
    panel.table.cellDoubleClicked.emit(0, COL_COLOR)
    assert vm.region(first).color == "#00ff00"
    vm.undo_stack.undo()
    assert panel.table.item(0, COL_COLOR).background().color().name() != "#00ff00"
    vm.select(second)
    panel.zoom_button.click()
    assert asked["zoomed"] == [vm.region(second).bbox_lonlat()]
    panel.delete_button.click()
    assert panel.table.rowCount() == 1
    vm.undo_stack.undo()
    assert panel.table.rowCount() == 2


def test_tool_buttons_are_bound(qtbot, tmp_path) -> None:
    vm, panel, _ = make_panel(qtbot, tmp_path)
    panel.tool_buttons["rectangle"].click()
    assert vm.tool() == "rectangle"
    vm.set_tool("polygon")
    assert panel.tool_buttons["polygon"].isChecked()
    assert not panel.tool_buttons["rectangle"].isChecked()
    panel.tool_buttons["polygon"].click()
    assert vm.tool() == "none"


def test_numbers_shown_are_the_reference_ones(qtbot, tmp_path) -> None:
    vm, panel, _ = make_panel(qtbot, tmp_path)
    stats = RegionStatsController(vm, TaskRunner(vm, synchronous=True))
    stats.set_snapshots([deepstate(A), deepstate(B)])
    stats.set_dates(A, B)
    vm.add_region(kurakhove_rectangle())
    stats.refresh_now()
    expected = reference_figures(kurakhove_rectangle(), deepstate(A), deepstate(B))
    cells = [panel.table.item(0, COL_NAME + k).text() for k in range(1, 6)]
    values = [float(c.replace(",", "").replace("\u2212", "-")) for c in cells]
    order = ("area_from_km2", "area_to_km2", "gained_km2", "lost_km2")
    assert values[:4] == pytest.approx([expected[k] for k in order], abs=0.06)
    assert cells[4].startswith("+") == (expected["gained_km2"] > expected["lost_km2"])
    assert panel._curve.getData()[1] == pytest.approx(
        [expected["area_from_km2"], expected["area_to_km2"]], abs=0.1
    )
    assert panel.caption.text() == f"km² inside each region: A {A:%Y-%m-%d}, B {B:%Y-%m-%d}"


def test_caption_invites_drawing_until_there_is_a_region(qtbot, tmp_path) -> None:
    _vm, panel, _ = make_panel(qtbot, tmp_path)
    assert panel.caption.text() == NO_REGIONS


def test_save_and_load_round_trip(qtbot, tmp_path) -> None:
    pytest.importorskip("geo.regions")
    vm, panel, asked = make_panel(qtbot, tmp_path)
    region_id = vm.add_region(kurakhove_rectangle(), name="Kurakhove", color="#4363d8")
    panel.save_button.click()
    assert asked["path"].exists()
    other, other_panel, _ = make_panel(qtbot, tmp_path)
    other_panel.load_button.click()
    (loaded,) = other.regions()
    original = vm.region(region_id)
    assert (loaded.name, loaded.color) == ("Kurakhove", "#4363d8")
    assert loaded.lonlat.symmetric_difference(original.lonlat).area < 1e-9
    assert len(loaded.xy) == 4
    other.undo_stack.undo()
    assert other.regions() == []


def test_load_error_is_shown_not_raised(qtbot, tmp_path) -> None:
    pytest.importorskip("geo.regions")
    errors: list[str] = []
    vm, panel, asked = make_panel(qtbot, tmp_path, show_error=errors.append)
    asked["path"].write_text("{not json")
    panel.load_button.click()
    assert len(errors) == 1
    assert "saved.geojson" in errors[0]
    assert vm.regions() == []
