"""The polished panels: chart, timeline, comparison and welcome, on real DeepState snapshots."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from geo.timegrid import SECONDS_PER_DAY, to_seconds
from geo.units import format_number
from tests.shell.deepstate import deepstate_files, engine
from ui.actions import tooltip
from ui.chart_view import ChartView, date_tick_label, gap_spans
from ui.compare_panel import ComparePanel
from ui.map.styles import GAINED, LOST
from ui.timeline_view import TimelineView
from ui.welcome import WelcomeView
from viewmodels.app_viewmodel import AppViewModel


def _app(tmp_path, files) -> AppViewModel:
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    loader, delta, changes, _ = engine()
    vm = AppViewModel(settings, synchronous=True, loader=loader, delta=delta, changes=changes)
    vm.open_paths([str(f) for f in files])
    return vm


def test_gap_spans_cover_missing_days() -> None:
    x = np.arange(6) * SECONDS_PER_DAY
    area = np.array([1.0, 2.0, np.nan, np.nan, 3.0, 4.0])
    half = SECONDS_PER_DAY / 2
    assert gap_spans(x, area) == [(2 * SECONDS_PER_DAY - half, 3 * SECONDS_PER_DAY + half)]


def test_date_ticks_read_as_dates() -> None:
    seconds = to_seconds(dt.date(2024, 11, 20))
    assert date_tick_label(seconds, 365 * SECONDS_PER_DAY, False) == "2024"
    assert date_tick_label(seconds, 30 * SECONDS_PER_DAY, True) == "Nov 2024"
    assert date_tick_label(seconds, 5 * SECONDS_PER_DAY, False) == "20"


def test_chart_draws_gained_up_lost_down_in_map_colours(qtbot, tmp_path) -> None:
    vm = _app(tmp_path, deepstate_files("20241101", 8))
    view = ChartView(vm.chart)
    qtbot.addWidget(view)
    data = vm.chart.data()
    _x, gained = view.gained_bars.getData()
    _x, lost = view.lost_bars.getData()
    assert np.all(gained >= 0)
    assert np.all(lost <= 0)
    assert np.nansum(data.gained_km2) > 0
    assert np.isclose(gained.sum(), np.nansum(data.gained_km2))
    assert pg.mkBrush(view.gained_bars.opts["fillBrush"]).color().name() == GAINED.name()
    assert pg.mkBrush(view.lost_bars.opts["fillBrush"]).color().name() == LOST.name()
    assert view.change_plot.getViewBox().linkedView(0) is view.area_plot.getViewBox()
    assert not view.area_plot.getAxis("left").autoSIPrefix


def test_timeline_is_a_compact_strip_with_shortcut_tooltips(qtbot, tmp_path) -> None:
    vm = _app(tmp_path, deepstate_files("20241101", 5))
    view = TimelineView(vm.timeline)
    qtbot.addWidget(view)
    view.show()
    assert view.maximumHeight() < 120
    assert "Space" in view.play_button.toolTip()
    assert view.play_button.toolTip() == tooltip("play")
    assert view.first_label.text() == "2024-11-01"
    assert view.last_label.text() == "2024-11-05"


def test_timeline_marks_gaps_of_a_daily_series_only(qtbot, tmp_path) -> None:
    from tests.paths import ISW

    daily = _app(tmp_path, deepstate_files("20240815", 8))  # 2024-08-18 and -19 are missing
    view = TimelineView(daily.timeline)
    qtbot.addWidget(view)
    assert [daily.timeline.dates()[i] for i in view.slider.marks] == [dt.date(2024, 8, 20)]
    kursk = sorted((ISW / "sdspieg_derived" / "kursk_geojson").glob("*.geojson"))[:6]
    points = _app(tmp_path / "kursk", kursk)  # irregular change points: nothing is missing
    view = TimelineView(points.timeline)
    qtbot.addWidget(view)
    assert len(points.timeline.dates()) == 6
    assert view.slider.marks == []


def test_compare_table_fits_its_rows_with_swatches(qtbot, tmp_path) -> None:
    vm = _app(tmp_path, deepstate_files("20241101", 5))
    vm.timeline.set_dates(dt.date(2024, 11, 1), dt.date(2024, 11, 5))
    vm.timeline.set_compare(True)
    panel = ComparePanel(vm.compare)
    qtbot.addWidget(panel)
    panel.show()
    table = panel.table
    assert table.rowCount() == 5
    rows = sum(table.rowHeight(i) for i in range(5))
    assert table.height() == table.horizontalHeader().height() + rows + 2 * table.frameWidth()
    labels = [table.item(i, 0).text() for i in range(5)]
    assert not table.item(labels.index("Gained"), 0).icon().isNull()
    assert table.item(labels.index("Area on 2024-11-01"), 0).icon().isNull()
    net = vm.compare.result().net_km2
    assert format_number(net, 1, signed=True) in panel.net_label.text()


def test_welcome_text_is_never_clipped_in_a_narrow_dock(qtbot) -> None:
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    view = WelcomeView(lambda: None, lambda: None, lambda: None)
    dock = QDockWidget("Welcome", window)
    dock.setWidget(view)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    qtbot.addWidget(window)
    window.resize(800, 300)
    window.resizeDocks([dock], [200], Qt.Orientation.Horizontal)
    window.show()
    label = view.text

    def fits() -> bool:
        return label.height() >= label.heightForWidth(label.width())

    qtbot.waitUntil(fits, timeout=2000)
    assert label.width() < 200
