"""The regions' data rule in words (viewmodels.regions_data) and the stats controller dropping
what came from other snapshots (real DeepState days)."""

from __future__ import annotations

import shapely

from geo.demo import DEMO_PREFIX, demo_dir
from geo.regions import densify_geometry
from tests.paths import DEEPSTATE, ISW
from tests.shell.deepstate import SERIES, read_catalog
from viewmodels.region_stats import RegionStatsController
from viewmodels.regions_data import (
    LOADING_NOTE,
    NO_DATA_NOTE,
    describe_paths,
    regions_note,
    same_data,
)
from viewmodels.regions_viewmodel import RegionsViewModel
from viewmodels.tasks import TaskRunner

DAYS = [str(DEEPSTATE / f"deepstatemap_data_2024110{d}.geojson") for d in range(1, 4)]
ISW_FILE = str(ISW / "arcgis_geojson_nikkei" / "20230824.geojson")


def test_same_data_ignores_order_and_spelling() -> None:
    assert same_data(DAYS, list(reversed(DAYS)))
    assert same_data([str(DEEPSTATE)], [str(DEEPSTATE / ".." / "daily")])
    assert not same_data(DAYS, DAYS[:2])
    assert not same_data(DAYS, [ISW_FILE])


def test_describe_paths() -> None:
    assert describe_paths([str(DEEPSTATE)]) == "deepstate/daily"
    assert describe_paths([ISW_FILE]) == "arcgis_geojson_nikkei/20230824.geojson"
    assert describe_paths(DAYS) == "3 files in deepstate/daily"
    assert describe_paths([]) == "no files"


def test_note_names_the_regions_data_and_what_is_open() -> None:
    assert regions_note(DAYS, list(reversed(DAYS)), loading=False, demo=False) == ""
    assert regions_note(DAYS, DAYS, loading=True, demo=False) == LOADING_NOTE
    assert regions_note((), DAYS, loading=False, demo=False) == NO_DATA_NOTE
    note = regions_note(DAYS, [ISW_FILE], loading=False, demo=False)
    assert (
        note
        == "No data: these regions belong to 3 files in deepstate/daily. Open it to see their km²."
    )
    assert regions_note(DAYS, (), loading=False, demo=False) == note
    on_demo = regions_note([str(demo_dir() / f"{DEMO_PREFIX}1.geojson")], DAYS, False, demo=False)
    assert on_demo == "No data: these regions were drawn on the demo (File → Open demo dataset)."
    demo = regions_note(DAYS, ["/tmp/x.geojson"], loading=False, demo=True)
    assert demo == "No data: these regions belong to 3 files in deepstate/daily, not to the demo."


def test_other_snapshots_clear_the_series_and_the_figures(qtbot) -> None:
    regions = RegionsViewModel()
    runner = TaskRunner(synchronous=True)
    stats = RegionStatsController(regions, runner, debounce_ms=0)
    (region_id,) = regions.add_loaded(
        [("Kurakhove", "#3cb44b", densify_geometry(shapely.box(37.2, 47.93, 37.4, 48.03)))], "t"
    )
    regions.select(region_id)
    snapshots = read_catalog("20241101", 3).snapshots(SERIES)
    stats.set_snapshots(snapshots)
    stats.set_dates(snapshots[0].date, snapshots[-1].date)
    stats.refresh_now()
    assert regions.stats(region_id) is not None
    assert regions.time_series(region_id) is not None
    cleared: list[int] = []
    regions.sig_time_series_changed.connect(cleared.append)
    stats.set_snapshots(list(snapshots))  # the same snapshots: nothing is thrown away
    assert cleared == []
    assert regions.time_series(region_id) is not None
    stats.set_snapshots([])  # the regions' data was unloaded
    assert cleared == [region_id]
    assert regions.time_series(region_id) is None
    assert regions.stats(region_id) is None
