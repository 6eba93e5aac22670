"""Real snapshots for the area-engine tests, loaded once per test process via geo.loader.

The loader's cache is bypassed (``use_cache=False``) so nothing is written outside the test's
temporary directories.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import numpy as np
import shapely

from geo.loader import load_paths
from geo.model import Catalog, Snapshot
from tests.paths import DEEPSTATE, ISW

SERIES = "DeepState occupied"
KURAKHOVE = (37.28, 47.98)


def deepstate_file(day: dt.date) -> str:
    return str(DEEPSTATE / f"deepstatemap_data_{day:%Y%m%d}.geojson")


@cache
def corpus() -> Catalog:
    """All 769 DeepState days."""
    return load_paths([DEEPSTATE], use_cache=False)


@cache
def some_days(*days: dt.date) -> Catalog:
    """Only the DeepState files of ``days`` (fast)."""
    return load_paths([deepstate_file(day) for day in days], use_cache=False)


@cache
def isw_catalog() -> Catalog:
    """ISW layers: 2022 shapefiles (EPSG:3857) and the ArcGIS GeoJSON exports."""
    return load_paths([ISW / "shapefiles_2022", ISW / "arcgis_geojson_nikkei"], use_cache=False)


def snapshots_with_holes(catalog: Catalog) -> list[Snapshot]:
    return [
        s
        for items in catalog.series.values()
        for s in items
        if shapely.get_num_interior_rings(shapely.get_parts(s.geometry)).sum() > 0
    ]


def ten_vertex_region(
    lon: float = KURAKHOVE[0], lat: float = KURAKHOVE[1], rx: float = 0.12, ry: float = 0.08
) -> shapely.Polygon:
    """A 10-vertex polygon (an irregular decagon) around a point, like a hand-drawn region."""
    angles = np.linspace(0, 2 * np.pi, 11)[:-1]
    wobble = 1 + 0.15 * np.cos(3 * angles)
    return shapely.Polygon(
        np.column_stack([lon + rx * wobble * np.cos(angles), lat + ry * wobble * np.sin(angles)])
    )
