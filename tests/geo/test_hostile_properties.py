"""Property tests: whatever a GeoJSON file, a date or a region file holds, only typed errors.

Hypothesis builds documents that are GeoJSON-shaped but wrong in every place (junk where a
geometry, a ring, a position, properties or a ``crs`` member should be; coordinates far out of
range; dates in every form) and checks that the reader, the date parser and the region reader
either give a sane result or raise an :class:`~geo.errors.AtlasError` — never anything else.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import dates
from geo.errors import AtlasError, DateError, ReadError
from geo.limits import REGION_BOUNDS
from geo.readers import Context, read_any
from geo.records import records_from_layer
from geo.regions import read_regions

SETTINGS = settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**62), 2**62)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
)
junk = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)
coordinate = (
    st.floats(-200, 200)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(-(2**62), 2**62)
)
position = st.lists(coordinate, min_size=0, max_size=4) | junk
ring = st.lists(position, max_size=7) | junk
polygon = st.lists(ring, max_size=3)
near_kyiv = st.tuples(st.floats(30, 40), st.floats(45, 52))


@st.composite
def square(draw: st.DrawFn) -> list[list[list[float]]]:
    """A small valid polygon near the front line (so some documents load)."""
    lon, lat = draw(near_kyiv)
    size = draw(st.floats(1e-4, 2))
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return [ring]


geometry = st.fixed_dictionaries(
    {
        "type": st.sampled_from(
            ["Polygon", "MultiPolygon", "GeometryCollection", "Point", "LineString", "Nope"]
        )
        | junk,
        "coordinates": square() | polygon | st.lists(polygon, max_size=2) | junk,
    },
    optional={
        "geometries": st.lists(
            st.fixed_dictionaries({"type": st.just("Polygon"), "coordinates": square()}), max_size=2
        )
        | junk
    },
)
date_text = st.sampled_from(
    ["2024-01-01", "2024-02-30", "0001-01-01", "9999-12-31", "1899-12-30", "20240101", ""]
) | st.text(max_size=12)
file_stamp = st.sampled_from(["2024-01-01", "2024-02-30", "9999-12-31", "x"]) | st.text(
    st.characters(whitelist_categories=("L", "N", "Pd")), max_size=12
)
date_value = date_text | st.integers(-(2**62), 2**62) | st.floats(allow_nan=True) | junk
properties = (
    st.dictionaries(
        st.sampled_from(["date", "DATE", "layer", "layer_type", "name", "color", "when"]),
        date_value,
        max_size=4,
    )
    | junk
)
feature = st.fixed_dictionaries(
    {
        "type": st.just("Feature") | junk,
        "geometry": geometry | st.none() | junk,
        "properties": properties,
    }
)
crs_member = (
    st.fixed_dictionaries(
        {
            "type": st.just("name"),
            "properties": st.fixed_dictionaries(
                {
                    "name": st.sampled_from(
                        [
                            "EPSG:4326",
                            "urn:ogc:def:crs:OGC:1.3:CRS84",
                            "EPSG:3857",
                            "EPSG:32637",
                            "EPSG:999999",
                            "not a crs",
                        ]
                    )
                }
            )
            | junk,
        }
    )
    | junk
)
document = (
    st.fixed_dictionaries(
        {
            "type": st.sampled_from(["FeatureCollection", "Feature", "Polygon", "Topology"]) | junk,
            "features": st.lists(feature, max_size=4) | junk,
        },
        optional={"crs": crs_member, "name": junk, "geometry": geometry, "coordinates": square()},
    )
    | junk
)


def _write(folder: str, name: str, value: Any) -> str:
    path = Path(folder) / name
    path.write_bytes(orjson.dumps(value))
    return str(path)


@SETTINGS
@given(value=document, stamp=file_stamp)
def test_geojson_reader_raises_only_read_errors(value: Any, stamp: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, f"snapshot_{stamp}.geojson", value)
        try:
            layers = read_any(path, Context.for_file(path))
        except ReadError:
            return
        for layer in layers:
            records, problems = records_from_layer(layer)
            for record in records:
                assert np.isfinite(record.area_km2)
                assert record.area_km2 >= 0
                bounds = shapely.from_wkb(record.wkb).bounds
                assert -180 <= bounds[0] <= bounds[2] <= 180
                assert -90 <= bounds[1] <= bounds[3] <= 90
            assert all(p.message and "\n" not in p.message for p in problems)


@settings(SETTINGS, max_examples=1500)
@given(names=st.lists(date_text | st.text(max_size=30), max_size=4), value=date_value)
def test_dates_raise_only_date_errors(names: list[str], value: Any) -> None:
    for parse in (
        lambda: dates.date_from_names(names, "x"),
        lambda: dates.date_from_value(value, "x", "date"),
        lambda: dates.date_from_attributes([{"date": value}, {"DATE": names}], "x"),
    ):
        try:
            found = parse()
        except DateError:
            continue
        assert found is None or dates.EARLIEST <= found <= dt.date.today()


region_document = (
    st.fixed_dictionaries(
        {
            "type": st.sampled_from(["FeatureCollection", "Feature", "Polygon"]) | junk,
            "features": st.lists(feature, max_size=3) | junk,
        },
        optional={"coordinates": square() | polygon, "geometry": geometry},
    )
    | junk
)


@settings(SETTINGS, max_examples=800)
@given(value=region_document)
def test_region_files_raise_only_read_errors(value: Any) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(folder, "regions.geojson", value)
        try:
            regions = read_regions(path)
        except ReadError:
            return
        except AtlasError as error:  # pragma: no cover - a typed error of another kind
            raise AssertionError(f"unexpected {type(error).__name__}") from error
        west, south, east, north = REGION_BOUNDS
        for region in regions:
            assert region.geometry.is_valid
            x0, y0, x1, y1 = region.geometry.bounds
            assert west <= x0 <= x1 <= east
            assert south <= y0 <= y1 <= north
