"""geo.lcc / geo.projection: the display projection's formulas against PROJ itself."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Transformer

from geo.projection import DISPLAY_CRS, to_display, to_lonlat


@pytest.fixture(scope="module")
def points() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    return rng.uniform(-20.0, 80.0, 20_000), rng.uniform(20.0, 80.0, 20_000)


def test_forward_matches_proj_to_a_micrometre(points) -> None:
    lon, lat = points
    proj = Transformer.from_crs("EPSG:4326", DISPLAY_CRS, always_xy=True)
    x0, y0 = proj.transform(lon, lat)
    x, y = to_display(lon, lat)
    assert np.max(np.abs(x - x0)) < 1e-6
    assert np.max(np.abs(y - y0)) < 1e-6


def test_inverse_matches_proj_and_round_trips(points) -> None:
    lon, lat = points
    proj = Transformer.from_crs(DISPLAY_CRS, "EPSG:4326", always_xy=True)
    x, y = to_display(lon, lat)
    lon0, lat0 = proj.transform(x, y)
    back_lon, back_lat = to_lonlat(x, y)
    assert np.max(np.abs(back_lon - lon0)) < 1e-11
    assert np.max(np.abs(back_lat - lat0)) < 1e-11
    assert np.max(np.abs(back_lon - lon)) < 1e-11
    assert np.max(np.abs(back_lat - lat)) < 1e-11


def test_centre_is_the_origin_and_bad_points_are_infinite() -> None:
    x, y = to_display(np.array([32.0, 10.0, 10.0]), np.array([49.0, -90.0, 95.0]))
    assert (x[0], y[0]) == pytest.approx((0.0, 0.0), abs=1e-9)
    assert np.isinf(x[1:]).all()
    assert np.isinf(y[1:]).all()
    lon, lat = to_lonlat(np.array([np.nan]), np.array([0.0]))
    assert np.isinf(lon).all()
    assert np.isinf(lat).all()


@pytest.mark.parametrize(("lon", "lat"), [(32.0, 49.0), (37.28, 47.98), (22.0, 44.0), (41.0, 53.6)])
def test_scale_factor_is_display_over_geodesic_length_and_one_on_the_standard_parallels(
    lon: float, lat: float
) -> None:
    from pyproj import Geod

    from geo.projection import scale_factor

    step = 0.001
    x, y = to_display(np.array([lon, lon + step]), np.array([lat, lat]))
    ground = Geod(ellps="WGS84").inv(lon, lat, lon + step, lat)[2]
    display = float(np.hypot(x[1] - x[0], y[1] - y[0]))
    assert scale_factor(lon, lat) == pytest.approx(display / ground, rel=1e-8)
    assert scale_factor(lon, 45.0) == pytest.approx(1.0, abs=1e-12)
    assert scale_factor(lon, 53.0) == pytest.approx(1.0, abs=1e-12)
