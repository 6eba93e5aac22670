"""The measure tool's geodesic figures against pyproj.Geod (Karney), within 0.1 %."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Geod

from geo.measure import measure_display, measure_lonlat
from geo.projection import to_display

GEOD = Geod(ellps="WGS84")
# Kyiv → Kharkiv → Chasiv Yar → Pokrovsk → Zaporizhzhia
PATH = np.array([[30.52, 50.45], [36.23, 49.99], [37.84, 48.59], [37.18, 48.28], [35.14, 47.84]])


def test_line_length_agrees_with_geod() -> None:
    m = measure_lonlat(PATH, closed=False)
    reference = GEOD.line_length(PATH[:, 0], PATH[:, 1]) / 1000
    assert m.length_km == pytest.approx(reference, rel=1e-3)
    assert m.length_km == pytest.approx(reference, rel=1e-9)
    assert m.area_km2 is None
    assert len(m.segments_km) == len(PATH) - 1
    kyiv_kharkiv = GEOD.inv(30.52, 50.45, 36.23, 49.99)[2] / 1000
    assert m.segments_km[0] == pytest.approx(kyiv_kharkiv, rel=1e-9)
    assert 400 < m.segments_km[0] < 420  # Kyiv-Kharkiv is about 410 km


def test_polygon_area_and_perimeter_agree_with_geod() -> None:
    m = measure_lonlat(PATH, closed=True)
    area, perimeter = GEOD.polygon_area_perimeter(PATH[:, 0], PATH[:, 1])
    assert m.area_km2 == pytest.approx(abs(area) / 1e6, rel=1e-3)
    assert m.length_km == pytest.approx(perimeter / 1000, rel=1e-3)
    assert len(m.segments_km) == len(PATH)


def test_small_square_near_the_front() -> None:
    """A 10 km x 10 km square drawn around Pokrovsk: 100 km² and 40 km, within 0.1 %."""
    lon0, lat0 = 37.18, 48.28
    corners = [GEOD.fwd(lon0, lat0, az, 5000 * 2**0.5)[:2] for az in (45, 135, 225, 315)]
    ring = np.array(corners)
    m = measure_lonlat(ring, closed=True)
    area, perimeter = GEOD.polygon_area_perimeter(ring[:, 0], ring[:, 1])
    assert m.area_km2 == pytest.approx(abs(area) / 1e6, rel=1e-3)
    assert m.area_km2 == pytest.approx(100.0, rel=0.01)
    assert m.length_km == pytest.approx(perimeter / 1000, rel=1e-3)


def test_display_vertices_measure_the_clicked_places() -> None:
    x, y = to_display(PATH[:, 0], PATH[:, 1])
    m = measure_display(np.column_stack([x, y]), closed=False)
    assert m.length_km == pytest.approx(GEOD.line_length(PATH[:, 0], PATH[:, 1]) / 1000, rel=1e-3)


@pytest.mark.parametrize("count", [0, 1, 2])
def test_too_few_vertices(count: int) -> None:
    m = measure_lonlat(PATH[:count], closed=True)
    assert m.area_km2 is None
    assert len(m.segments_km) == max(0, count - 1)
