"""The Regions panel's chart: the Chart tab's date and km² axes, and no axes while empty."""

from __future__ import annotations

import datetime as dt

import numpy as np

from geo.timegrid import seconds_of
from ui.chart_view import DateAxis
from ui.region_chart import EMPTY_TEXT, RegionChart


def _shown(chart: RegionChart, axis: str) -> bool:
    return bool(chart.getPlotItem().getAxis(axis).isVisible())


def test_an_empty_chart_says_what_it_is_for_instead_of_showing_axes(qtbot: object) -> None:
    chart = RegionChart()
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    chart.show()
    assert chart.empty_note is not None
    assert chart.empty_note.isVisible()
    assert chart.empty_note.text() == EMPTY_TEXT
    assert not _shown(chart, "bottom")
    assert not _shown(chart, "left")


def test_a_series_shows_dated_km2_axes_and_back_to_empty(qtbot: object) -> None:
    chart = RegionChart()
    qtbot.addWidget(chart)  # type: ignore[attr-defined]
    chart.show()
    days = [dt.date(2024, 7, 8) + dt.timedelta(days=i) for i in range(400)]
    chart.show_series(seconds_of(days), np.linspace(15_000.0, 20_400.0, 400), "#e6194b")
    assert _shown(chart, "bottom")
    assert _shown(chart, "left")
    assert chart.empty_note is not None
    assert not chart.empty_note.isVisible()
    bottom, left = chart.getPlotItem().getAxis("bottom"), chart.getPlotItem().getAxis("left")
    assert isinstance(bottom, DateAxis)  # dates as dates, as on the Chart tab
    assert left.tickStrings([20_000.0], 1.0, 1000.0) == ["20,000"]
    assert chart.curve.opts["pen"].color().name() == "#e6194b"
    chart.show_nothing()
    assert not chart.curve.getData()[0]
    assert not _shown(chart, "left")
