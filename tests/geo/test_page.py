"""The page description and its defaults, without Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import shapely

from geo.delta import Delta
from geo.page import (
    STAMP_PT,
    CompareSpec,
    LayerSpec,
    MapContent,
    Page,
    date_stamp,
    default_subtitle,
    default_title,
    extent_to_display,
    format_date,
    format_length,
    line_mm,
    nice_length,
    paper_mm,
    provider,
    source_line,
)
from geo.page_layout import HEADER_MAX_LINES, header_rows, layout, wrapped_lines

SQUARE = shapely.box(37.0, 47.9, 37.5, 48.1)
LAYERS = (
    LayerSpec("Land", "basemap", True, "#f3f0e8", 1.0),
    LayerSpec("DeepState occupied", "series", True, "#d62728", 0.45),
    LayerSpec("Assessed Russian control", "series", False, "#1f77b4", 0.45),
)


def _compare() -> CompareSpec:
    nov1, nov20 = dt.date(2024, 11, 1), dt.date(2024, 11, 20)
    row = Delta(
        "DeepState occupied",
        nov1,
        nov20,
        nov1,
        nov20,
        100.0,
        120.5,
        30.0,
        9.5,
        20.5,
        SQUARE,
        SQUARE,
    )
    return CompareSpec(
        "DeepState occupied",
        dt.date(2024, 11, 1),
        dt.date(2024, 11, 20),
        SQUARE,
        SQUARE,
        SQUARE,
        SQUARE,
        (row,),
    )


def test_paper_sizes_and_pixels_at_a_dpi() -> None:
    page = Page(extent=(30, 45, 40, 50), paper="A4", landscape=False)
    assert page.size_mm() == (210.0, 297.0)
    assert page.size_px(150) == (1240, 1754)
    assert Page(extent=(0, 0, 1, 1), paper="a3").size_mm() == (420.0, 297.0)
    assert Page(extent=(0, 0, 1, 1), pixels=(1080, 1920)).size_px(600) == (1080, 1920)
    with pytest.raises(ValueError, match="unknown page size"):
        paper_mm("A5")


def test_titles_and_the_date_stamp_come_from_the_dates_drawn() -> None:
    content = MapContent(
        LAYERS, (("DeepState occupied", SQUARE),), (("DeepState occupied", dt.date(2024, 11, 19)),)
    )
    assert default_title(content) == "Russian-occupied territory, 19 Nov 2024"
    assert default_subtitle(content) == ""
    assert date_stamp(content) == "Data as of 19 Nov 2024"
    compared = MapContent(LAYERS, content.shown, content.dates, _compare())
    assert default_title(compared) == "Russian-occupied territory, 20 Nov 2024"
    assert default_subtitle(compared) == "Change since 1 Nov 2024"
    assert date_stamp(compared) == "Data as of 1 Nov 2024 (A) and 20 Nov 2024 (B)"


def test_source_line_names_each_provider_once_and_the_basemap() -> None:
    assert provider("DeepState occupied") == "DeepStateMap"
    assert provider("Assessed Russian control").startswith("ISW")
    assert provider("Frontline", "/data/isw/x.shp").startswith("ISW")
    line = source_line(["DeepStateMap", "DeepStateMap", "ISW"])
    assert line.startswith("Data: DeepStateMap, ISW. Basemap: GSHHG")
    assert format_date(dt.date(2025, 3, 4)) == "4 Mar 2025"


def test_scale_bar_lengths_are_round() -> None:
    assert nice_length(7300.0) == 5000.0
    assert nice_length(199_000.0) == 100_000.0
    assert nice_length(250.0) == 200.0
    assert format_length(5000.0) == "5 km"
    assert format_length(500.0) == "500 m"


def test_layout_keeps_every_box_inside_the_margins() -> None:
    for landscape in (True, False):
        page = Page(
            extent=(30, 45, 40, 50), landscape=landscape, title="T", date_stamp="D", source="S"
        )
        boxes = layout(page)
        w, h = page.size_mm()
        for box in (boxes.header, boxes.map, boxes.side, boxes.footer):
            assert box is not None
            assert box.x >= page.margin_mm - 1e-9
            assert box.y >= page.margin_mm - 1e-9
            assert box.right <= w - page.margin_mm + 1e-9
            assert box.bottom <= h - page.margin_mm + 1e-9
        assert boxes.side_on_right is landscape
        assert boxes.map.y >= boxes.header.bottom
        assert boxes.map.bottom <= boxes.footer.y


def test_extent_in_display_metres_covers_the_bent_edges() -> None:
    x0, y0, x1, y1 = extent_to_display((30.0, 45.0, 34.0, 50.0))
    assert x0 < 0 < x1
    assert y0 < 0 < y1
    narrow = extent_to_display((31.0, 48.0, 33.0, 49.0))
    assert x0 < narrow[0]
    assert narrow[2] < x1


def test_a_stamp_of_several_dates_names_each_date_once_and_the_header_makes_room() -> None:
    layers = (*LAYERS[:2], replace(LAYERS[2], visible=True))
    layers += (LayerSpec("Claimed Ukrainian counteroffensives", "series", True, "#9467bd", 0.45),)
    aug23, apr13 = dt.date(2022, 8, 23), dt.date(2022, 4, 13)
    dates = (
        ("DeepState occupied", aug23),
        ("Assessed Russian control", aug23),
        ("Claimed Ukrainian counteroffensives", apr13),
    )
    content = MapContent(layers, tuple((name, SQUARE) for name, _ in dates), dates)
    stamp = date_stamp(content)
    assert stamp == (
        "Data as of 23 Aug 2022 (DeepState occupied, Assessed Russian control); "
        "13 Apr 2022 (Claimed Ukrainian counteroffensives)"
    )
    assert wrapped_lines(stamp, STAMP_PT, 277.0) == 1
    assert wrapped_lines(stamp, STAMP_PT, 100.0) == 3
    one = Page(extent=(30, 45, 40, 50), content=content, title="T", date_stamp="Data as of 1 Nov")
    long = replace(one, date_stamp=stamp * 3)
    extra = layout(long).header.h - layout(one).header.h
    assert extra >= 2 * line_mm(STAMP_PT) - 1e-9  # two more lines (float sums)
    assert layout(long).map.y - layout(one).map.y == pytest.approx(extra)


def test_pixel_pages_of_any_size_get_the_layout_of_a_1080_pixel_one_scaled() -> None:
    full_hd = Page(extent=(30, 45, 40, 50), pixels=(1920, 1080))
    small = replace(full_hd, pixels=(640, 360))
    four_k = replace(full_hd, pixels=(3840, 2160))
    assert full_hd.default_dpi() == pytest.approx(144.0)
    assert small.size_mm() == pytest.approx(full_hd.size_mm())
    assert four_k.size_mm() == pytest.approx(full_hd.size_mm())
    assert small.default_dpi() == pytest.approx(48.0)
    small_map, full_map = layout(small).map, layout(full_hd).map
    assert (small_map.x, small_map.y, small_map.w, small_map.h) == pytest.approx(
        (full_map.x, full_map.y, full_map.w, full_map.h)
    )
    story = replace(full_hd, pixels=(1080, 1920))
    assert story.size_mm() == pytest.approx((190.5, 338.667), abs=1e-3)


def test_the_header_gives_a_text_at_most_three_lines() -> None:
    page = Page(extent=(30, 45, 40, 50), title="Very long words " * 400, date_stamp="Data as of 1")
    rows = header_rows(page, 277.0)
    assert [lines for _text, _pt, lines in rows] == [HEADER_MAX_LINES, 0, 1]
    assert layout(page).map.h > 100.0
