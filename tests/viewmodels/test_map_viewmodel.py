"""MapViewModel: signals fire once per real change."""

from __future__ import annotations

import shapely

from viewmodels.map_viewmodel import CompareGeometries, MapViewModel


def _box(x: float) -> shapely.Geometry:
    return shapely.box(x, 47.0, x + 1.0, 48.0)


def test_set_shown_emits_once_per_real_change(qtbot):
    vm = MapViewModel()
    geometry = _box(37.0)
    with qtbot.waitSignal(vm.sig_shown_changed):
        vm.set_shown({"A": geometry})
    with qtbot.assertNotEmitted(vm.sig_shown_changed):
        vm.set_shown({"A": geometry})
        vm.set_shown({"A": _box(37.0)})
    with qtbot.waitSignal(vm.sig_shown_changed):
        vm.set_shown({"A": _box(38.0)})
    with qtbot.waitSignal(vm.sig_shown_changed):
        vm.set_shown({"A": _box(38.0), "B": geometry})
    assert set(vm.shown()) == {"A", "B"}


def test_compare_set_and_clear(qtbot):
    vm = MapViewModel()
    a, b = _box(37.0), _box(37.5)
    compare = CompareGeometries("S", b.difference(a), a.difference(b), a, b)
    with qtbot.waitSignal(vm.sig_compare_changed):
        vm.set_compare(compare)
    with qtbot.assertNotEmitted(vm.sig_compare_changed):
        vm.set_compare(compare)
    assert vm.compare() is compare
    with qtbot.waitSignal(vm.sig_compare_changed):
        vm.set_compare(None)
    assert vm.compare() is None


def test_cursor_and_view_bbox(qtbot):
    vm = MapViewModel()
    with qtbot.waitSignal(vm.sig_cursor_moved) as blocker:
        vm.set_cursor(37.28, 47.98)
    assert blocker.args == [(37.28, 47.98)]
    with qtbot.assertNotEmitted(vm.sig_cursor_moved):
        vm.set_cursor(37.28, 47.98)
    with qtbot.waitSignal(vm.sig_cursor_moved) as blocker:
        vm.set_cursor(None, None)
    assert blocker.args == [None]
    assert vm.cursor() is None
    with qtbot.waitSignal(vm.sig_view_changed):
        vm.set_view_bbox((30, 45, 40, 50))
    with qtbot.assertNotEmitted(vm.sig_view_changed):
        vm.set_view_bbox((30.0, 45.0, 40.0, 50.0))
    assert vm.view_bbox() == (30.0, 45.0, 40.0, 50.0)


def test_request_fit_carries_the_bbox(qtbot):
    vm = MapViewModel()
    with qtbot.waitSignal(vm.sig_fit_requested) as blocker:
        vm.request_fit()
    assert blocker.args == [None]
    with qtbot.waitSignal(vm.sig_fit_requested) as blocker:
        vm.request_fit((37, 47, 38, 48))
    assert blocker.args == [(37, 47, 38, 48)]
