"""CursorViewModel: the readout lists every visible series, its date and whether it covers."""

from __future__ import annotations

import datetime as dt

from shapely.geometry import Point

from geo.shown import shown_on
from tests.shell.deepstate import SERIES, read_catalog
from viewmodels.cursor_viewmodel import CursorViewModel


def test_covered_inside_and_outside(qtbot) -> None:
    catalog = read_catalog("20241101", 1)
    snap = catalog.snapshots(SERIES)[0]
    vm = CursorViewModel()
    vm.set_targets(list(shown_on(catalog, dt.date(2024, 11, 1)).values()))
    with qtbot.waitSignal(vm.sig_readout_changed) as blocker:
        vm.set_cursor(34.1, 44.95)  # Crimea (Simferopol): occupied
    assert blocker.args[0].covered is True
    assert snap.geometry.covers(Point(34.1, 44.95))
    vm.set_cursor(30.52, 50.45)  # Kyiv
    assert vm.readout().covered is False
    assert [(h.series, h.note) for h in vm.readout().hits] == [(SERIES, "2024-11-01")]
    with qtbot.assertNotEmitted(vm.sig_readout_changed):
        vm.set_cursor(30.52, 50.45)
    vm.set_cursor(None, None)
    assert vm.readout().covered is None
    assert vm.readout().hits == ()
