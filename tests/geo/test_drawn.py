"""geo.drawn: drawn display-metre vertices to a densified lon/lat polygon and back."""

from __future__ import annotations

import numpy as np
import shapely

from geo.drawn import drawn_vertices, lonlat_polygon


def test_drawn_vertices_come_back_from_the_densified_polygon() -> None:
    ring = ((1_000.0, 2_000.0), (31_000.0, 2_500.0), (20_000.0, 40_000.0))
    polygon = lonlat_polygon(ring)
    rounded = shapely.set_precision(polygon, 1e-7)
    back = np.asarray(drawn_vertices(rounded))
    assert len(back) == 3
    for vertex in ring:
        assert np.min(np.hypot(*(back - vertex).T)) < 0.1
