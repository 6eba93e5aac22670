"""geo.basemap_data: the canvas's basemap, read without Qt."""

from __future__ import annotations

import shapely

from geo.basemap_data import CANVAS_LAYERS, basemap_extent, load_basemap, outlines


def test_extent_is_the_land_box_rounded_outward_to_half_degrees() -> None:
    land = shapely.box(22.2, 44.3, 40.1, 52.4)
    assert shapely.bounds(basemap_extent(land)).tolist() == [22.0, 44.0, 40.5, 52.5]


def test_outlines_are_the_parts_boundaries() -> None:
    two = shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 0, 3, 1)])
    lines = outlines(two)
    assert shapely.get_num_geometries(lines) == 2
    assert shapely.length(lines) == 8.0


def test_every_canvas_layer_at_every_level_and_places() -> None:
    data = load_basemap()
    assert set(data.layers) == set(CANVAS_LAYERS)
    for levels in data.layers.values():
        assert set(levels) == {"lo", "mid", "hi"}
    assert data.extent is not None
    assert data.extent.contains(shapely.Point(30.52, 50.45))  # Kyiv
    assert data.places is not None
    names = {p.name for p in data.places((30.0, 50.0, 31.0, 51.0), 1_000_000)}
    assert "Kyiv" in names
    assert load_basemap() is data  # read once per process
