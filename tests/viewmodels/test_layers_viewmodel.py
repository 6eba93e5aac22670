"""LayersViewModel: order, styles, remembered choices, one signal per real change."""

from __future__ import annotations

import pytest

from viewmodels.layers_viewmodel import BASEMAP_DEFAULTS, SERIES_PALETTE, LayersViewModel


def _names(vm: LayersViewModel) -> list[str]:
    return [layer.name for layer in vm.layers()]


def test_series_layers_go_on_top_with_distinct_colours(qtbot):
    vm = LayersViewModel()
    with qtbot.waitSignal(vm.sig_layers_changed):
        vm.set_series_layers(["A", "B"])
    assert _names(vm) == [b.name for b in BASEMAP_DEFAULTS] + ["A", "B"]
    a, b = vm.layer("A"), vm.layer("B")
    assert a.kind == b.kind == "series"
    assert a.color != b.color
    assert {a.color, b.color} <= set(SERIES_PALETTE)
    with qtbot.assertNotEmitted(vm.sig_layers_changed):
        vm.set_series_layers(["A", "B"])


def test_style_changes_emit_once_and_are_remembered(qtbot):
    vm = LayersViewModel()
    vm.set_series_layers(["A"])
    with qtbot.waitSignal(vm.sig_layer_changed) as blocker:
        vm.set_color("A", "#00ff00")
    assert blocker.args == ["A"]
    with qtbot.assertNotEmitted(vm.sig_layer_changed):
        vm.set_color("A", "#00FF00")
        vm.set_opacity("A", vm.layer("A").opacity)
        vm.set_visible("A", True)
    vm.set_visible("A", False)
    vm.set_opacity("A", 7.0)
    assert vm.layer("A").opacity == 1.0
    vm.set_series_layers([])
    assert "A" not in _names(vm)
    vm.set_series_layers(["A"])
    assert vm.layer("A").color == "#00ff00"
    assert not vm.layer("A").visible


def test_move_reorders_and_clamps(qtbot):
    vm = LayersViewModel()
    vm.set_series_layers(["A", "B"])
    with qtbot.waitSignal(vm.sig_layers_changed):
        vm.move("B", 0)
    assert _names(vm)[0] == "B"
    with qtbot.assertNotEmitted(vm.sig_layers_changed):
        vm.move("B", -5)
    vm.move("B", 99)
    assert _names(vm)[-1] == "B"


def test_bad_input_is_refused():
    vm = LayersViewModel()
    with pytest.raises(KeyError):
        vm.set_visible("nope", True)
    with pytest.raises(ValueError, match="colour"):
        vm.set_color("Land", "not-a-colour")
