"""ui.bind: connections undone together, and model → widget updates that do not echo."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSpinBox

from ui.bind import Bindings, set_quietly


class Model(QObject):
    sig_value_changed = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.value = 0
        self.sets = 0

    def set_value(self, value: int) -> None:
        self.sets += 1
        if value != self.value:
            self.value = value
            self.sig_value_changed.emit(value)


def test_two_way_binding_without_echo_and_unbind(qtbot) -> None:
    model, spin = Model(), QSpinBox()
    qtbot.addWidget(spin)
    bindings = Bindings()
    bindings.to_viewmodel(spin.valueChanged, model.set_value)
    bindings.to_widget(model.sig_value_changed, spin, spin.setValue)
    spin.setValue(5)
    assert (model.value, model.sets) == (5, 1)
    model.set_value(7)
    assert spin.value() == 7
    assert model.sets == 2  # the widget update did not come back as a user edit
    assert len(bindings) == 2
    bindings.unbind()
    bindings.unbind()
    model.set_value(9)
    spin.setValue(3)
    assert spin.value() == 3
    assert model.value == 9


def test_set_quietly_blocks_the_widgets_signals(qtbot) -> None:
    spin = QSpinBox()
    qtbot.addWidget(spin)
    seen: list[int] = []
    spin.valueChanged.connect(seen.append)
    set_quietly(spin, spin.setValue, 4)
    assert spin.value() == 4
    assert seen == []


def test_bindings_of_a_destroyed_owner_are_undone(qtbot) -> None:
    import shiboken6
    from PySide6.QtWidgets import QWidget

    model, owner = Model(), QWidget()
    calls: list[int] = []
    bindings = Bindings(owner)
    bindings.connect(model.sig_value_changed, lambda value: calls.append(value))
    model.set_value(1)
    assert calls == [1]
    shiboken6.delete(owner)
    assert len(bindings) == 0
    model.set_value(2)
    assert calls == [1]
