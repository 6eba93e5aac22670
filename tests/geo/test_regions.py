"""geo.regions: GeoJSON read/write, display-straight densification, one-line errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import orjson
import pytest
import shapely

from geo.errors import ReadError
from geo.projection import to_display
from geo.regions import Region, densify_geometry, read_regions, write_regions
from tests.geo.engine_data import ten_vertex_region


def _display_steps(polygon: shapely.Polygon) -> np.ndarray:
    coords = shapely.get_coordinates(polygon.exterior)
    x, y = to_display(coords[:, 0], coords[:, 1])
    return np.hypot(np.diff(x), np.diff(y))


def _write(path: Path, document: object) -> Path:
    path.write_bytes(orjson.dumps(document))
    return path


def _feature(geometry: dict, **properties: object) -> dict:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


SQUARE = {
    "type": "Polygon",
    "coordinates": [[[37, 48], [37.3, 48], [37.3, 48.2], [37, 48.2], [37, 48]]],
}


def test_read_densifies_long_edges_in_the_display_projection(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "r.geojson",
        {"type": "FeatureCollection", "features": [_feature(SQUARE, name="Sq", color="#00FF00")]},
    )
    (region,) = read_regions(path)
    assert region.name == "Sq"
    assert region.color == "#00ff00"
    steps = _display_steps(region.geometry)
    assert steps.max() <= 500.0 + 1e-6
    assert len(steps) > 4 * 40
    corners = shapely.get_coordinates(shapely.Polygon(SQUARE["coordinates"][0]).exterior)
    got = {tuple(np.round(c, 9)) for c in shapely.get_coordinates(region.geometry)}
    assert all(tuple(np.round(c, 9)) in got for c in corners)
    x, y = to_display(*shapely.get_coordinates(region.geometry)[:30].T)
    # the first edge stays a straight line on the display
    cross = (x - x[0]) * (y[-1] - y[0]) - (y - y[0]) * (x[-1] - x[0])
    assert np.abs(cross).max() / np.hypot(x[-1] - x[0], y[-1] - y[0]) < 0.01


def test_round_trip_is_exact_and_counter_clockwise(tmp_path: Path) -> None:
    hole = shapely.box(37.2, 47.95, 37.3, 48.0).exterior.coords
    drawn = shapely.Polygon(ten_vertex_region().exterior.coords[::-1], [hole])
    regions = [
        Region("A", densify_geometry(drawn), "#123456"),
        Region(
            "B",
            densify_geometry(
                shapely.MultiPolygon(
                    [shapely.box(30, 48, 30.1, 48.1), shapely.box(31, 48, 31.1, 48.1)]
                )
            ),
        ),
    ]
    path = tmp_path / "regions.geojson"
    write_regions(path, regions)
    document = orjson.loads(path.read_bytes())
    assert document["type"] == "FeatureCollection"
    polygon = shapely.geometry.shape(document["features"][0]["geometry"])
    assert polygon.exterior.is_ccw
    assert not polygon.interiors[0].is_ccw
    back = read_regions(path)
    assert [r.name for r in back] == ["A", "B"]
    assert back[0].color == "#123456"
    assert back[1].geometry.geom_type == "MultiPolygon"
    for before, after in zip(regions, back, strict=True):
        assert shapely.equals(before.geometry, after.geometry)
        assert shapely.get_num_coordinates(before.geometry) == shapely.get_num_coordinates(
            after.geometry
        )
    assert list(tmp_path.iterdir()) == [path]


def test_densify_is_idempotent() -> None:
    once = densify_geometry(ten_vertex_region())
    assert densify_geometry(once) is not None
    assert shapely.equals_exact(densify_geometry(once), once, tolerance=0)


def test_write_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "r.geojson"
    path.write_text("old")
    write_regions(path, [])
    assert orjson.loads(path.read_bytes()) == {"type": "FeatureCollection", "features": []}


def test_defaults_for_missing_name_and_color(tmp_path: Path) -> None:
    (region,) = read_regions(_write(tmp_path / "g.geojson", SQUARE))
    assert region.name == "Region 1"
    assert region.color.startswith("#")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "not a GeoJSON object"),
        (orjson.dumps({"type": "FeatureCollection", "features": []}), "holds no regions"),
        (orjson.dumps({"type": "Topology"}), "not a GeoJSON FeatureCollection"),
        (orjson.dumps(_feature({"type": "Point", "coordinates": [30, 48]})), "not a polygon"),
        (orjson.dumps(_feature(None)), "has no geometry"),
        (orjson.dumps(_feature({"type": "Polygon", "coordinates": [[[1]]]})), "malformed geometry"),
        (
            orjson.dumps(
                _feature(
                    {
                        "type": "Polygon",
                        "coordinates": [[[3e6, 6e6], [3.1e6, 6e6], [3.1e6, 6.1e6], [3e6, 6e6]]],
                    }
                )
            ),
            "not longitude/latitude",
        ),
        (orjson.dumps(_feature(SQUARE, color="red")), "is not #rrggbb"),
        (
            orjson.dumps(
                _feature(
                    {"type": "Polygon", "coordinates": [[[30, 48], [31, 48], [30, 48], [30, 48]]]}
                )
            ),
            "no area",
        ),
    ],
)
def test_bad_files_raise_one_line_read_errors_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.geojson"
    path.write_bytes(content)
    with pytest.raises(ReadError) as caught:
        read_regions(path)
    text = str(caught.value)
    assert text.startswith(str(path))
    assert message in text
    assert "\n" not in text


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot read"):
        read_regions(tmp_path / "nope.geojson")
