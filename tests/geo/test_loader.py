"""Every file under isw/ loads with the right date and series, or fails naming file and reason."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import shapely

from geo import series as S
from geo.areas import geodesic_area_km2
from geo.loader import LoadCancelled, discover, load_paths
from tests.paths import DEEPSTATE, ISW

D = dt.date
SHP = ISW / "shapefiles_2022"
ZIPS = SHP / "zips"

# From isw/SOURCE.md: zip (and extracted folder) name -> series and date.
SHAPEFILES_2022 = {
    "AssessedRussianAdvanceInUkraineAPR13": (S.ASSESSED_ADVANCES, D(2022, 4, 13)),
    "AssessedRussianAdvancesinUkraineMAY22": (S.ASSESSED_ADVANCES, D(2022, 5, 22)),
    "AssessedRussianAdvancesinUkraineMAY23": (S.ASSESSED_ADVANCES, D(2022, 5, 23)),
    "AssessedRussianAdvancesinUkraineMAY24": (S.ASSESSED_ADVANCES, D(2022, 5, 24)),
    "AssessedRussianAdvancesinUkraineMAY26": (S.ASSESSED_ADVANCES, D(2022, 5, 26)),
    "AssessedRussianAdvancesinUkraineJUN04": (S.ASSESSED_ADVANCES, D(2022, 6, 4)),
    "AssessedRussianAdvancesinUkraineJUL25": (S.ASSESSED_ADVANCES, D(2022, 7, 25)),
    "AssessedRussianAdvancesinUkraineAUG07": (S.ASSESSED_ADVANCES, D(2022, 8, 7)),
    "AssessedRussianAdvancesinUkraineAUG17": (S.ASSESSED_ADVANCES, D(2022, 8, 17)),
    "AssessedRussianAdvancesinUkraineAUG23": (S.ASSESSED_ADVANCES, D(2022, 8, 23)),
    "ClaimedRussianTerritoryinUkraineAPR13": (S.CLAIMED_CONTROL, D(2022, 4, 13)),
    "ClaimedUkrainianCounterOffensives13APR": (S.CLAIMED_COUNTEROFFENSIVES, D(2022, 4, 13)),
    "UkraineCOntrolMapAO13APR2022": (S.ASSESSED_CONTROL, D(2022, 4, 13)),
    "UkraineControlMapAAO22May2022": (S.ASSESSED_CONTROL, D(2022, 5, 22)),
    "UkraineControlMapAO26May2022": (S.ASSESSED_CONTROL, D(2022, 5, 26)),
    "UkraineControlMapAO04JUN2022": (S.ASSESSED_CONTROL, D(2022, 6, 4)),
    "UkraineControlMapAO25JUL2022": (S.ASSESSED_CONTROL, D(2022, 7, 25)),
    "UkraineControlMapAO07AUG2022": (S.ASSESSED_CONTROL, D(2022, 8, 7)),
    "UkraineControlMapAO17AUG2022": (S.ASSESSED_CONTROL, D(2022, 8, 17)),
    "UkraineControlMapAO23AUG2022": (S.ASSESSED_CONTROL, D(2022, 8, 23)),
}
NIKKEI = {
    "20220823_RussianAssessedAdvanceinUkraine": {S.ASSESSED_ADVANCES},
    "20220823_RussianAssessedCoTinUkraine": {S.ASSESSED_CONTROL},
    "20220823_RussianClaimedCoTinUkraine": {S.CLAIMED_CONTROL},
    "20220823_UkrainianClaimedCounterOffensives": {S.CLAIMED_COUNTEROFFENSIVES},
    "20220823_UkrainianReportedPartisanWarfare": {S.PARTISAN},
    "20220928_RussianAssessedCoTinUkraine": {S.ASSESSED_CONTROL},
    "20220929_RussianAssessedCoTinUkraine": {S.ASSESSED_CONTROL},
    "20220930_RussianAssessedCoTinUkraine": {S.ASSESSED_CONTROL},
    "20230824": {
        S.ASSESSED_CONTROL,
        S.ASSESSED_ADVANCES,
        S.CLAIMED_CONTROL,
        S.CLAIMED_COUNTEROFFENSIVES,
    },
}


def expected(path: Path) -> tuple[set[str], dt.date] | str:
    """What loading ``path`` alone must give: (series, date), or a regex its problem must match."""
    relative = path.relative_to(ISW)
    top = relative.parts[0]
    if top == "shapefiles_2022":
        key = path.stem if path.suffix == ".zip" else relative.parts[1]
        found_series, when = SHAPEFILES_2022[key]
        return {found_series}, when
    if top == "arcgis_geojson_nikkei":
        return NIKKEI[path.stem], D.fromisoformat(
            re.sub(r"(\d{4})(\d\d)(\d\d).*", r"\1-\2-\3", path.stem)
        )
    if top == "sdspieg_derived":
        if path.name == "metadata.json":
            return "not GeoJSON"
        if path.stem.startswith("2202"):
            return f"impossible date {path.stem}"
        kind = S.KURSK_ADVANCES if relative.parts[1] == "kursk_geojson" else S.ASSESSED_CONTROL
        return {kind}, D.fromisoformat(path.stem)
    if top == "shapefiles_2022_wellsrc":
        if path.stem == "DonbasBeforeFeb24_2022":
            return {S.HELD_BEFORE_2022}, D(2022, 2, 24)
        return "no date in its attributes or in its name"
    raise AssertionError(f"unexpected file {relative}")


ENTRIES = discover([ISW])


def test_discover_lists_shapefiles_once_and_skips_what_no_reader_takes() -> None:
    names = [Path(p).name for p in ENTRIES]
    assert "SOURCE.md" not in names
    assert not [
        n for n in names if n.endswith((".dbf", ".shx", ".prj", ".cpg", ".sbn", ".shp.xml"))
    ]
    wellsrc = [p for p in ENTRIES if "wellsrc" in p]
    assert len(wellsrc) == 5
    assert discover([ISW / "shapefiles_2022_wellsrc" / "DonbasBeforeFeb24_2022.dbf"]) == [
        str(ISW / "shapefiles_2022_wellsrc" / "DonbasBeforeFeb24_2022.shp")
    ]
    assert len(ENTRIES) == 20 + 20 + 9 + 39 + 37 + 1 + 5


@pytest.mark.parametrize("path", ENTRIES, ids=lambda p: str(Path(p).relative_to(ISW)))
def test_every_isw_file(path: str) -> None:
    catalog = load_paths([path], use_cache=False, workers=1)
    want = expected(Path(path))
    if isinstance(want, str):
        assert catalog.series == {}
        assert len(catalog.problems) == 1
        problem = catalog.problems[0]
        assert problem.path.startswith(path)
        assert re.search(want, problem.message)
        assert "\n" not in str(problem)
        assert Path(path).name in str(problem)
        return
    want_series, want_date = want
    assert catalog.problems == []
    assert set(catalog.series) == want_series
    for name in want_series:
        (snapshot,) = catalog.snapshots(name)
        assert snapshot.date == want_date
        assert snapshot.source.startswith(path)
        assert shapely.is_valid(snapshot.geometry)
        assert not shapely.has_z(snapshot.geometry)
        assert snapshot.area_km2 == pytest.approx(geodesic_area_km2(snapshot.geometry))


def test_progress_is_reported_per_file_and_problems_do_not_stop_a_load(tmp_path: Path) -> None:
    broken = tmp_path / "broken_20240101.geojson"
    broken.write_text("{not json")
    calls: list[tuple[int, int, str]] = []
    paths = [*sorted(DEEPSTATE.glob("*.geojson"))[:3], broken, tmp_path / "missing.geojson"]
    catalog = load_paths(paths, progress=lambda *a: calls.append(a), use_cache=False, workers=1)
    assert [c[:2] for c in calls] == [(i, 5) for i in range(1, 6)]
    assert len(catalog.snapshots(S.DEEPSTATE)) == 3
    assert [Path(p.path).name for p in catalog.problems] == [
        "broken_20240101.geojson",
        "missing.geojson",
    ]
    assert "not valid JSON" in catalog.problems[0].message


def test_parallel_and_serial_loads_agree() -> None:
    paths = sorted(DEEPSTATE.glob("*.geojson"))[:40]
    serial = load_paths(paths, use_cache=False, workers=1)
    parallel = load_paths(paths, use_cache=False, workers=2)
    a, b = serial.snapshots(S.DEEPSTATE), parallel.snapshots(S.DEEPSTATE)
    assert [(s.date, s.area_km2) for s in a] == [(s.date, s.area_km2) for s in b]


@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_stops_the_load(workers: int) -> None:
    paths = sorted(DEEPSTATE.glob("*.geojson"))[:30]
    seen: list[int] = []
    with pytest.raises(LoadCancelled):
        load_paths(
            paths,
            progress=lambda d, t, p: seen.append(d),
            cancelled=lambda: len(seen) >= 2,
            use_cache=False,
            workers=workers,
        )
    assert len(seen) < 30


def test_same_series_and_date_from_two_files_is_merged() -> None:
    zipped = ZIPS / "UkraineControlMapAO23AUG2022.zip"
    nikkei = ISW / "arcgis_geojson_nikkei" / "20220823_RussianAssessedCoTinUkraine.geojson"
    catalog = load_paths([zipped, nikkei], use_cache=False, workers=1)
    (snapshot,) = catalog.snapshots(S.ASSESSED_CONTROL)
    merged = [r for r in snapshot.repairs if r.kind == "merged_duplicate_date"]
    assert len(merged) == 1
    assert merged[0].count == 2
    assert nikkei.name in merged[0].detail


def test_parallel_load_from_a_worker_thread_uses_a_fork_server() -> None:
    from concurrent.futures import ThreadPoolExecutor

    from geo import loader

    paths = sorted(DEEPSTATE.glob("*.geojson"))[:30]
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(loader._pool_context).result().get_start_method() == "forkserver"
        catalog = pool.submit(load_paths, paths, use_cache=False, workers=2).result()
    serial = load_paths(paths, use_cache=False, workers=1)
    assert [s.area_km2 for s in catalog.snapshots(S.DEEPSTATE)] == [
        s.area_km2 for s in serial.snapshots(S.DEEPSTATE)
    ]


def test_a_broken_pool_falls_back_to_serial(monkeypatch: pytest.MonkeyPatch) -> None:
    from geo import loader

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr("concurrent.futures.ProcessPoolExecutor", broken)
    paths = sorted(DEEPSTATE.glob("*.geojson"))[:5]
    catalog = loader.load_paths(paths, use_cache=False, workers=2)
    assert len(catalog.snapshots(S.DEEPSTATE)) == 5


def test_an_unexpected_failure_in_one_file_is_a_one_line_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from geo import records

    paths = sorted(DEEPSTATE.glob("*.geojson"))[:3]

    def explode(geometries: object, path: str) -> None:
        if path == str(paths[1]):
            raise shapely.errors.GEOSException("TopologyException: side location conflict\nat 1 2")
        return original(geometries, path)

    original = records.dissolve
    monkeypatch.setattr(records, "dissolve", explode)
    catalog = load_paths(paths, use_cache=False, workers=1)
    assert len(catalog.snapshots(S.DEEPSTATE)) == 2
    (problem,) = catalog.problems
    assert problem.path == str(paths[1])
    assert problem.message == (
        f"unexpected GEOSException in {paths[1].name}: TopologyException: side location conflict"
    )
