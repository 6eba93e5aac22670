"""Autosave: written after changes, restored on start, a corrupt file moved aside and reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from viewmodels.autosave import RegionsAutosave, default_autosave_path
from viewmodels.regions_viewmodel import RegionsViewModel

pytest.importorskip("geo.regions")

SQUARE = [(0.0, 0.0), (10_000.0, 0.0), (10_000.0, 10_000.0), (0.0, 10_000.0)]


def test_path_honours_xdg_data_home() -> None:
    assert default_autosave_path().is_relative_to(Path(os.environ["XDG_DATA_HOME"]))


def test_change_is_written_and_restored(qtbot) -> None:
    vm = RegionsViewModel()
    autosave = RegionsAutosave(vm, delay_ms=10)
    with qtbot.waitSignal(autosave.sig_saved, timeout=2000):
        vm.add_region(SQUARE, name="Square")
    with qtbot.waitSignal(autosave.sig_saved, timeout=2000):
        vm.rename(vm.regions()[0].id, "Renamed")
    again = RegionsViewModel()
    assert RegionsAutosave(again).restore() == 1
    (state,) = again.regions()
    assert state.name == "Renamed"
    assert state.lonlat.symmetric_difference(vm.regions()[0].lonlat).area < 1e-9
    assert again.undo_stack.count() == 0  # a restore is not an undoable edit


def test_deleting_everything_is_saved_too(qtbot) -> None:
    vm = RegionsViewModel()
    autosave = RegionsAutosave(vm, delay_ms=10)
    region_id = vm.add_region(SQUARE)
    vm.delete_region(region_id)
    autosave.flush()
    assert RegionsAutosave(RegionsViewModel()).restore() == 0


def test_corrupt_autosave_is_moved_aside_and_reported(qtbot) -> None:
    path = default_autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"type": "FeatureCollection", "features": [{"type": "Fea')
    vm = RegionsViewModel()
    autosave = RegionsAutosave(vm)
    with qtbot.waitSignal(autosave.sig_corrupt_found) as blocker:
        assert autosave.restore() == 0
    (aside,) = path.parent.glob("regions.autosave.corrupt-*.geojson")
    assert aside.read_text().startswith('{"type": "FeatureCollection"')
    assert not path.exists()
    assert aside.name in blocker.args[0]
    assert vm.regions() == []
