"""Multi-series data shows its dates: per layer in the panel, per series in the hover readout."""

from __future__ import annotations

import datetime as dt

from tests.paths import ISW
from tests.shell.window import shell_window


def test_isw_layers_and_hover_name_each_series_date(qtbot, tmp_path) -> None:
    window = shell_window(qtbot, tmp_path)
    vm = window.app_vm
    vm.open_paths([str(ISW / "shapefiles_2022")])
    vm.timeline.set_shown_date(dt.date(2022, 8, 23))
    panel = window.docks["layers"].widget().widget()
    assert panel.row("Claimed Russian control").date_label.text() == "last snapshot 2022-04-13"
    assert panel.row("Assessed Russian control").date_label.text() == "2022-08-23"
    assert not panel.row("Land").date_label.isVisibleTo(panel)
    vm.map.set_cursor(37.8, 48.0)  # Donetsk: inside the assessed control
    text = window.statusBar().readout.text()
    for name in vm.timeline.series_names():
        assert name in text
    assert "inside Assessed Russian control (2022-08-23)" in text
    assert "Claimed Russian control (last snapshot 2022-04-13)" in text
    vm.layers.set_visible("Claimed Russian control", False)
    assert "Claimed Russian control" not in window.statusBar().readout.text()
