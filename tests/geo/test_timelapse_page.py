"""geo.timelapse_page: each frame's page (dates, caption with the km² of delta, one extent)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.delta import compute_delta
from geo.page import LayerSpec, Page
from geo.regions import Region, densify_geometry
from geo.timelapse import FrameNumbers, frame_deltas, plan_timelapse
from geo.timelapse_page import FrameOptions, caption, frame_extent, frame_page
from geo.units import format_km2
from tests.geo.engine_data import SERIES, some_days, ten_vertex_region

D = dt.date
DAYS = (D(2024, 11, 1), D(2024, 11, 5), D(2024, 11, 20))
LAYERS = (
    LayerSpec("Land", "basemap", True, "#f3f0e8", 1.0),
    LayerSpec(SERIES, "series", True, "#d62728", 0.45),
)


@pytest.fixture(scope="module")
def catalog():
    return some_days(*DAYS)


def _numbers(catalog, plan, index, regions=()):
    return [
        FrameNumbers.from_deltas(*frame_deltas(catalog, plan, index, r)) for r in (None, *regions)
    ]


def test_caption_gives_the_change_since_the_previous_and_the_first_frame(catalog):
    plan = plan_timelapse(catalog, SERIES, DAYS[0], DAYS[-1])
    step = compute_delta(catalog, SERIES, DAYS[1], DAYS[2])
    total = compute_delta(catalog, SERIES, DAYS[0], DAYS[2])
    text = caption(plan, 2, _numbers(catalog, plan, 2))
    assert text == (
        f"Since 5 Nov 2024: {format_km2(step.gained_km2)} gained, "
        f"{format_km2(step.lost_km2)} lost. Since 1 Nov 2024: net "
        f"{format_km2(total.net_km2, signed=True)}."
    )
    first = caption(plan, 0, _numbers(catalog, plan, 0))
    assert first == f"{format_km2(total.area_from_km2)} held on 1 Nov 2024, the first frame."


def test_regions_get_a_caption_line_each(catalog):
    region = Region("Kurakhove", densify_geometry(ten_vertex_region()))
    plan = plan_timelapse(catalog, SERIES, DAYS[0], DAYS[-1])
    text = caption(plan, 2, _numbers(catalog, plan, 2, [region]))
    inside = compute_delta(catalog, SERIES, DAYS[0], DAYS[2], region)
    assert "Kurakhove: " in text
    assert f"{format_km2(inside.net_km2, signed=True)} since 1 Nov 2024." in text
    first = caption(plan, 0, _numbers(catalog, plan, 0, [region]))
    assert first.endswith(f"Kurakhove: {format_km2(inside.area_from_km2)} held.")


def test_every_page_shows_its_snapshot_in_one_extent(catalog):
    plan = plan_timelapse(catalog, SERIES, D(2024, 11, 3), DAYS[-1], "week")
    assert [f.snapshot.date for f in plan.frames] == [D(2024, 11, 1), D(2024, 11, 5)]
    options = FrameOptions(base=Page(extent=(0, 0, 1, 1), pixels=(1280, 720)), layers=LAYERS)
    extent = frame_extent(catalog, plan, options)
    pages = [
        frame_page(catalog, plan, k, _numbers(catalog, plan, k), options, extent)
        for k in range(len(plan.frames))
    ]
    assert [p.date_stamp for p in pages] == ["Data as of 1 Nov 2024", "Data as of 5 Nov 2024"]
    assert pages[1].title == "Russian-occupied territory, 5 Nov 2024"
    assert {p.extent for p in pages} == {extent}
    assert pages[1].pixels == (1280, 720)
    assert pages[1].notes.startswith("Since 1 Nov 2024: ")


def test_changes_compare_every_frame_with_the_first(catalog):
    plan = plan_timelapse(catalog, SERIES, DAYS[0], DAYS[-1])
    options = FrameOptions(base=Page(extent=(0, 0, 1, 1)), layers=LAYERS, changes=True)
    extent = frame_extent(catalog, plan, options)
    first = frame_page(catalog, plan, 0, _numbers(catalog, plan, 0), options, extent)
    last = frame_page(catalog, plan, 2, _numbers(catalog, plan, 2), options, extent)
    assert first.subtitle == last.subtitle == "Change since 1 Nov 2024"
    assert first.content.compare is not None
    assert first.content.compare.rows[0].gained_km2 == 0
    total = compute_delta(catalog, SERIES, DAYS[0], DAYS[2])
    assert last.content.compare.rows[0].gained_km2 == pytest.approx(total.gained_km2)
