"""geo.projection boxes: edge-sampled envelopes between lon/lat and display metres."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import Transformer

from geo.projection import (
    DISPLAY_CRS,
    display_box_to_lonlat,
    fitted_view,
    lonlat_box_to_display,
    restorable_bbox,
)


def test_display_envelope_includes_the_bent_parallel() -> None:
    bbox = (22.0, 44.0, 40.0, 52.0)
    forward = Transformer.from_crs("EPSG:4326", DISPLAY_CRS, always_xy=True)
    lon = np.linspace(22.0, 40.0, 181)
    _, y_south = forward.transform(lon, np.full(181, 44.0))
    _, y0_corner = forward.transform(22.0, 44.0)
    x0, y0, x1, y1 = lonlat_box_to_display(bbox)
    assert y0 == pytest.approx(float(np.min(y_south)), abs=2000.0)  # the parallel sags mid-way
    assert y0 < y0_corner - 10_000.0
    assert x0 < x1
    assert y0 < y1


def test_round_trip_grows_and_restorable_bbox_undoes_it() -> None:
    kupiansk = (37.3, 49.5, 37.9, 49.9)
    assert fitted_view(kupiansk)[2] - fitted_view(kupiansk)[0] > 1.05 * (37.9 - 37.3)
    assert fitted_view(restorable_bbox(kupiansk)) == pytest.approx(kupiansk, abs=1e-4)


def test_display_box_to_lonlat_inverts_a_small_box() -> None:
    box = lonlat_box_to_display((30.0, 48.0, 30.01, 48.01))
    assert display_box_to_lonlat(box) == pytest.approx((30.0, 48.0, 30.01, 48.01), abs=5e-4)
