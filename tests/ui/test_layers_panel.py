"""LayersPanel bound to a real LayersViewModel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.layers_panel import LayersPanel
from viewmodels.layers_viewmodel import LayersViewModel


def _panel(qtbot, ask_color=None):
    vm = LayersViewModel()
    vm.set_series_layers(["A", "B"])
    kwargs = {} if ask_color is None else {"ask_color": ask_color}
    panel = LayersPanel(vm, **kwargs)
    qtbot.addWidget(panel)
    return vm, panel


def test_rows_show_layers_top_first(qtbot):
    vm, panel = _panel(qtbot)
    names = [row.name for row in panel.rows()]
    assert names == [layer.name for layer in reversed(vm.layers())]
    assert not panel.row("B").up_button.isEnabled()


def test_checkbox_and_slider_write_the_viewmodel_once(qtbot):
    vm, panel = _panel(qtbot)
    row = panel.row("A")
    with qtbot.waitSignal(vm.sig_layer_changed) as blocker:
        row.visible_box.setChecked(False)
    assert blocker.args == ["A"]
    assert not vm.layer("A").visible
    with qtbot.waitSignal(vm.sig_layer_changed):
        row.opacity_slider.setValue(80)
    assert vm.layer("A").opacity == 0.8


def test_viewmodel_changes_reach_the_widgets_without_echo(qtbot):
    vm, panel = _panel(qtbot)
    emitted = []
    vm.sig_layer_changed.connect(emitted.append)
    vm.set_visible("A", False)
    vm.set_opacity("A", 0.3)
    vm.set_color("A", "#123456")
    row = panel.row("A")
    assert not row.visible_box.isChecked()
    assert row.opacity_slider.value() == 30
    assert row.color_button.property("color") == "#123456"
    assert emitted == ["A", "A", "A"]


def test_colour_is_asked_through_the_injected_callable(qtbot):
    answers = ["#00aa00", None]
    vm, panel = _panel(qtbot, ask_color=lambda initial, parent: answers.pop(0))
    qtbot.mouseClick(panel.row("A").color_button, Qt.MouseButton.LeftButton)
    assert vm.layer("A").color == "#00aa00"
    with qtbot.assertNotEmitted(vm.sig_layer_changed):
        qtbot.mouseClick(panel.row("A").color_button, Qt.MouseButton.LeftButton)


def test_up_and_down_buttons_reorder(qtbot):
    vm, panel = _panel(qtbot)
    with qtbot.waitSignal(vm.sig_layers_changed):
        qtbot.mouseClick(panel.row("A").up_button, Qt.MouseButton.LeftButton)
    assert vm.layers()[-1].name == "A"
    assert [row.name for row in panel.rows()][:2] == ["A", "B"]
    qtbot.mouseClick(panel.row("A").down_button, Qt.MouseButton.LeftButton)
    assert vm.layers()[-1].name == "B"
