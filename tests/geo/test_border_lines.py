"""Oblast outlines beside the country border are hidden; inner boundaries still reach it."""

from __future__ import annotations

import pytest
import shapely

from geo.basemap import default_basemap
from geo.border_lines import oblast_lines_off_border
from geo.projection import project_geometry


def test_oblast_outline_no_longer_doubles_the_country_border():
    basemap = default_basemap()
    polygons = basemap.features("oblasts", None, "mid").geometries
    outlines = shapely.GeometryCollection(list(shapely.boundary(polygons)))
    borders = shapely.GeometryCollection(list(basemap.features("borders", None, "mid").geometries))
    kept = oblast_lines_off_border(outlines, borders)
    border_m = project_geometry(borders)
    beside = shapely.buffer(border_m, 2500.0)
    before = shapely.union_all(shapely.get_parts(project_geometry(outlines)))
    after = project_geometry(kept)
    # Along the borders the outline ran beside them for well over 1000 km; now only the short
    # ties of inner boundaries to the border remain there.
    hidden = shapely.intersection(before, beside).length
    assert shapely.intersection(after, beside).length < 0.1 * hidden
    assert hidden > 1.0e6
    # Away from the borders nothing is lost.
    far = shapely.buffer(border_m, 20_000.0)
    away_before = shapely.difference(before, far).length
    assert shapely.difference(after, far).length == pytest.approx(away_before, rel=0.01)
