"""The Edit menu's Undo/Redo actions of the regions (built in the ui from the undo stack)."""

from __future__ import annotations

from ui.regions_feature import redo_action, undo_action
from viewmodels.regions_viewmodel import RegionsViewModel

SQUARE = [(0.0, 0.0), (10_000.0, 0.0), (10_000.0, 10_000.0), (0.0, 10_000.0)]


def test_undo_redo_actions_have_standard_shortcuts(qtbot) -> None:
    vm = RegionsViewModel()
    undo, redo = undo_action(vm.undo_stack, vm), redo_action(vm.undo_stack, vm)
    assert not undo.isEnabled()
    vm.add_region(SQUARE)
    assert undo.isEnabled()
    undo.trigger()
    assert vm.regions() == []
    assert {s.toString() for s in redo.shortcuts()} == {"Ctrl+Shift+Z", "Ctrl+Y"}
    redo.trigger()
    assert len(vm.regions()) == 1
