"""While comparing, the map shows exactly dates A and B, whatever the slider did before."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from tests.shell.deepstate import deepstate_files
from tests.shell.window import shell_app
from ui.map.compare_style import STYLES, compare_entries
from ui.map.styles import series_style
from viewmodels.layers_viewmodel import SERIES_PALETTE

if TYPE_CHECKING:
    from viewmodels.app_viewmodel import AppViewModel

D = dt.date


def _app(tmp_path) -> AppViewModel:
    vm = shell_app(tmp_path)
    files = [*deepstate_files("20241101", 20), *deepstate_files("20250915", 1)]
    vm.open_paths([str(f) for f in files])
    return vm


def _shown_is(vm: AppViewModel, day: dt.date) -> bool:
    catalog, series = vm.dataset.catalog(), vm.timeline.series()
    return vm.map.shown()[series] is catalog.at(series, day).geometry


def test_scrubbed_slider_then_compare_shows_a_and_b(qtbot, tmp_path) -> None:
    vm = _app(tmp_path)
    tl = vm.timeline
    tl.set_shown_date(D(2025, 9, 15))
    assert _shown_is(vm, D(2025, 9, 15))
    tl.set_dates(D(2024, 11, 1), D(2024, 11, 20))
    tl.set_compare(True)
    assert tl.shown_date() == D(2024, 11, 20)
    assert _shown_is(vm, D(2024, 11, 20))
    compare, catalog, series = vm.map.compare(), vm.dataset.catalog(), tl.series()
    assert compare.outline_a is catalog.at(series, D(2024, 11, 1)).geometry
    assert compare.outline_b is catalog.at(series, D(2024, 11, 20)).geometry
    assert vm.chart.markers() == (D(2024, 11, 1), D(2024, 11, 20), D(2024, 11, 20))


def test_slider_drives_b_while_comparing_and_is_free_after(qtbot, tmp_path) -> None:
    vm = _app(tmp_path)
    tl = vm.timeline
    tl.set_dates(D(2024, 11, 1), D(2024, 11, 20))
    tl.set_compare(True)
    vm.step(-3)
    assert tl.date_b() == tl.shown_date() == D(2024, 11, 17)
    assert vm.compare.result().to_actual == D(2024, 11, 17)
    assert _shown_is(vm, D(2024, 11, 17))
    tl.set_date_b(D(2025, 9, 15))
    assert tl.shown_date() == D(2025, 9, 15)
    tl.set_compare(False)
    vm.step(-1)
    assert tl.date_b() == D(2025, 9, 15)
    assert tl.shown_date() == D(2024, 11, 20)


def test_gained_and_lost_are_hatched_never_a_series_style() -> None:
    series_fills = {
        (series_style(c, 0.45).fill.rgba(), Qt.BrushStyle.SolidPattern) for c in SERIES_PALETTE
    }
    for styles in STYLES.values():
        assert any(s.pattern != Qt.BrushStyle.SolidPattern for s in styles)
        assert any(s.line is not None and s.width_px >= 1.0 for s in styles)
        assert all((s.fill.rgba(), s.pattern) not in series_fills for s in styles)
    assert compare_entries(None) == []


def test_percent_of_ukraine_only_inside_ukraine(qtbot, tmp_path) -> None:
    from tests.paths import ISW
    from ui.compare_panel import ComparePanel

    vm = _app(tmp_path)
    panel = ComparePanel(vm.compare)
    qtbot.addWidget(panel)
    vm.timeline.set_compare(True)
    assert all(r.percent is not None for r in vm.compare.rows())
    assert not panel.table.isColumnHidden(2)
    vm.open_paths([str(ISW / "sdspieg_derived" / "kursk_geojson")])
    assert vm.compare.result() is not None
    assert all(r.percent is None for r in vm.compare.rows())
    assert panel.table.isColumnHidden(2)
    assert "no % of Ukraine" in panel.state.text()
