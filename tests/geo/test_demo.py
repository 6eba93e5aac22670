"""The synthetic demo: deterministic, labelled, written once."""

from __future__ import annotations

import json

from geo.areas import geodesic_area_km2
from geo.demo import DEMO_DAYS, DEMO_SOURCE, demo_polygons, is_demo_path, write_demo


def test_deterministic_and_valid() -> None:
    first, second = demo_polygons(), demo_polygons()
    assert len(first) == DEMO_DAYS
    assert all(a.equals_exact(b, 0.0) for a, b in zip(first, second, strict=True))
    assert all(p.is_valid for p in first)
    assert not first[0].equals(first[-1])
    areas = [geodesic_area_km2(p) for p in first]
    assert min(areas) > 5_000
    assert max(areas) < 60_000
    minx, miny, maxx, maxy = first[0].bounds
    assert 35 < minx < maxx < 41
    assert 46 < miny < maxy < 51


def test_files_are_labelled_synthetic(tmp_path) -> None:
    paths = write_demo(tmp_path)
    assert len(paths) == DEMO_DAYS
    assert paths[0].name == "demo_synthetic_20210301.geojson"
    assert all(is_demo_path(p) for p in paths)
    feature = json.loads(paths[5].read_text())["features"][0]
    assert feature["properties"]["synthetic"] is True
    assert feature["properties"]["source"] == DEMO_SOURCE
    mtime = paths[0].stat().st_mtime_ns
    write_demo(tmp_path)
    assert paths[0].stat().st_mtime_ns == mtime
