"""The whole DeepState corpus: every file loads, dates are the file names, areas match ihorbach."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
import shapely

from geo.gaps import find_gaps
from geo.loader import load_paths
from geo.model import Catalog
from geo.series import DEEPSTATE
from tests.paths import DEEPSTATE as FOLDER
from tests.paths import PUBLISHED

D = dt.date


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_paths([FOLDER], use_cache=False)


def test_every_file_loads_with_the_date_of_its_name(catalog: Catalog) -> None:
    files = sorted(FOLDER.glob("deepstatemap_data_*.geojson"))
    assert len(files) == 769
    assert catalog.problems == []
    assert catalog.series_names() == [DEEPSTATE]
    snapshots = catalog.snapshots(DEEPSTATE)
    by_date = {s.date: s for s in snapshots}
    assert len(by_date) == 769
    for path in files:
        stamp = path.stem.rsplit("_", 1)[1]
        snapshot = by_date[dt.datetime.strptime(stamp, "%Y%m%d").date()]
        assert snapshot.source == str(path)
        assert snapshot.crs == "EPSG:4326"
    assert all(shapely.is_valid(s.geometry) and not shapely.has_z(s.geometry) for s in snapshots)


def test_daily_areas_match_the_published_series(catalog: Catalog) -> None:
    with open(PUBLISHED / "deepstate_ihorbach_territory.csv", newline="") as handle:
        published = {
            D.fromisoformat(r["date"]): float(r["occupied_km2"]) for r in csv.DictReader(handle)
        }
    snapshots = catalog.snapshots(DEEPSTATE)
    worst = max(abs(s.area_km2 / published[s.date] - 1) for s in snapshots)
    assert worst < 1e-4, f"worst relative difference {worst:.2e}"


def test_the_seven_missing_days_are_the_gaps(catalog: Catalog) -> None:
    assert find_gaps(catalog.dates(DEEPSTATE)) == [
        (D(2024, 8, 18), D(2024, 8, 19)),
        (D(2025, 1, 1), D(2025, 1, 1)),
        (D(2025, 3, 31), D(2025, 4, 1)),
        (D(2025, 11, 26), D(2025, 11, 26)),
        (D(2026, 7, 9), D(2026, 7, 9)),
    ]
