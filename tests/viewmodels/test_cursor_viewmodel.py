"""CursorViewModel: the readout says whether the shown polygon covers the cursor."""

from __future__ import annotations

import datetime as dt

from shapely.geometry import Point

from tests.shell.deepstate import SERIES, read_catalog
from viewmodels.cursor_viewmodel import CursorViewModel


def test_covered_inside_and_outside(qtbot) -> None:
    snap = read_catalog("20241101", 1).snapshots(SERIES)[0]
    vm = CursorViewModel()
    vm.set_target(SERIES, snap.date, snap.geometry)
    with qtbot.waitSignal(vm.sig_readout_changed) as blocker:
        vm.set_cursor(34.1, 44.95)  # Crimea (Simferopol): occupied
    assert blocker.args[0].covered is True
    assert snap.geometry.covers(Point(34.1, 44.95))
    vm.set_cursor(30.52, 50.45)  # Kyiv
    assert vm.readout().covered is False
    assert vm.readout().date == dt.date(2024, 11, 1)
    with qtbot.assertNotEmitted(vm.sig_readout_changed):
        vm.set_cursor(30.52, 50.45)
    vm.set_cursor(None, None)
    assert vm.readout().covered is None
