"""ui.cli: the headless sub-commands on real data, their JSON keys, exit codes and errors."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import shapely

from geo.areas import reference_area_km2
from geo.regions import Region, densify_geometry, write_regions
from tests.paths import DEEPSTATE, ISW, PUBLISHED, ROOT
from ui.cli import run_command

DELTA_KEYS = {
    "series", "from", "to", "from_actual", "to_actual", "area_from_km2", "area_to_km2",
    "gained_km2", "lost_km2", "net_km2", "region",
}  # fmt: skip
NOV = [str(DEEPSTATE / f"deepstatemap_data_202411{d:02d}.geojson") for d in (1, 2, 3, 20)]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = run_command(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _assert_one_line_error(status: int, out: str, err: str, *needles: str) -> None:
    assert status != 0
    assert out == ""
    assert err.count("\n") == 1
    assert "Traceback" not in err
    for needle in needles:
        assert needle in err


def _region_file(tmp_path: Path, *names: str) -> Path:
    shapes = {
        "Kurakhove": shapely.box(37.15, 47.9, 37.4, 48.05),
        "Pokrovsk": shapely.box(37.0, 48.2, 37.3, 48.35),
    }
    path = tmp_path / "regions.geojson"
    write_regions(path, [Region(n, densify_geometry(shapes[n])) for n in names])
    return path


def test_inspect_reports_series_dates_gaps_and_crs(capsys) -> None:
    status, out, err = _run(capsys, "inspect", str(DEEPSTATE))
    assert status == 0
    assert err == ""
    assert "Series: DeepState occupied" in out
    assert "dates: 769, first 2024-07-08, last 2026-08-22" in out
    assert "2024-08-18..2024-08-19" in out
    assert "(7 days missing)" in out
    assert "CRS: EPSG:4326 (769 files)" in out
    assert "Problems: 0" in out


def test_inspect_lists_repairs_of_isw_shapefiles(capsys) -> None:
    status, out, _ = _run(
        capsys, "inspect", str(ISW / "shapefiles_2022" / "UkraineControlMapAO23AUG2022")
    )
    assert status == 0
    assert "CRS: EPSG:3857" in out
    assert "made_valid" in out


def test_areas_csv_matches_the_published_series(capsys) -> None:
    status, out, _ = _run(capsys, "areas", *NOV)
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["date"] for r in rows] == ["2024-11-01", "2024-11-02", "2024-11-03", "2024-11-20"]
    with (PUBLISHED / "deepstate_ihorbach_territory.csv").open() as stream:
        published = {r["date"]: float(r["occupied_km2"]) for r in csv.DictReader(stream)}
    for row in rows:
        assert float(row["area_km2"]) == pytest.approx(published[row["date"]], rel=1e-4)
        assert row["series"] == "DeepState occupied"


def test_areas_json_with_series_prefix(capsys) -> None:
    status, out, _ = _run(capsys, "areas", *NOV[:2], "--series", "deepstate", "--format", "json")
    assert status == 0
    items = json.loads(out)
    assert [set(i) for i in items] == [{"date", "series", "area_km2"}] * 2


def test_delta_json_whole_series(capsys) -> None:
    status, out, _ = _run(
        capsys, "delta", *NOV, "--from", "2024-11-01", "--to", "2024-11-20", "--format", "json"
    )
    assert status == 0
    item = json.loads(out)
    assert set(item) == DELTA_KEYS
    assert item["region"] is None
    assert 370 < item["net_km2"] < 400
    assert item["net_km2"] == pytest.approx(item["gained_km2"] - item["lost_km2"], abs=0.002)


def test_delta_text_uses_the_latest_snapshot_before_a_date(capsys) -> None:
    status, out, _ = _run(capsys, "delta", *NOV, "--from", "2024-11-05", "--to", "2024-11-20")
    assert status == 0
    assert "from 2024-11-05 (snapshot of 2024-11-03) to 2024-11-20" in out
    assert "Net" in out
    assert "km²" in out


def test_delta_in_one_region_matches_a_direct_clip(capsys, tmp_path: Path) -> None:
    path = _region_file(tmp_path, "Kurakhove")
    status, out, _ = _run(
        capsys,
        "delta",
        *NOV,
        "--from",
        "2024-11-01",
        "--to",
        "2024-11-20",
        "--region",
        str(path),
        "--format",
        "json",
    )
    assert status == 0
    item = json.loads(out)
    assert set(item) == DELTA_KEYS
    assert item["region"] == "Kurakhove"
    region = densify_geometry(shapely.box(37.15, 47.9, 37.4, 48.05))
    a, b = (
        shapely.intersection(shapely.from_geojson(Path(p).read_text()), region)
        for p in (NOV[0], NOV[3])
    )
    assert item["gained_km2"] == pytest.approx(
        reference_area_km2(shapely.difference(b, a)), abs=0.1
    )
    assert item["gained_km2"] > 10


def test_delta_with_several_regions_prints_a_list_and_by_oblast(capsys, tmp_path: Path) -> None:
    path = _region_file(tmp_path, "Kurakhove", "Pokrovsk")
    args = ["delta", *NOV, "--from", "2024-11-01", "--to", "2024-11-20", "--region", str(path)]
    status, out, _ = _run(capsys, *args, "--format", "json", "--by-oblast")
    assert status == 0
    items = json.loads(out)
    assert [i["region"] for i in items] == ["Kurakhove", "Pokrovsk"]
    for item in items:
        assert set(item) == DELTA_KEYS | {"by_oblast"}
        assert sum(r["gained_km2"] for r in item["by_oblast"]) == pytest.approx(
            item["gained_km2"], abs=0.01
        )
    status, out, _ = _run(capsys, *args)
    assert status == 0
    assert "region 'Kurakhove'" in out
    assert "region 'Pokrovsk'" in out


def test_missing_file_is_one_line(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "nope.geojson"
    _assert_one_line_error(*_run(capsys, "areas", str(missing)), str(missing), "no such file")


def test_bad_date_is_one_line(capsys) -> None:
    _assert_one_line_error(
        *_run(capsys, "delta", NOV[0], "--from", "2024-13-01", "--to", "2024-11-20"), "2024-13-01"
    )


def test_missing_option_is_one_line(capsys) -> None:
    _assert_one_line_error(*_run(capsys, "delta", NOV[0], "--to", "2024-11-20"), "--from")


def test_unknown_series_is_one_line(capsys) -> None:
    _assert_one_line_error(
        *_run(capsys, "areas", NOV[0], "--series", "kursk"), "kursk", "DeepState occupied"
    )


def test_an_ambiguous_series_is_one_line(capsys) -> None:
    status, out, err = _run(
        capsys, "areas", NOV[0], str(ISW / "arcgis_geojson_nikkei"), "--series", "russian"
    )
    _assert_one_line_error(status, out, err, "ambiguous")


def test_date_before_the_first_snapshot_is_one_line(capsys) -> None:
    _assert_one_line_error(
        *_run(capsys, "delta", *NOV, "--from", "2024-10-01", "--to", "2024-11-20"),
        "before the first snapshot",
    )


def test_corrupt_region_file_is_one_line(capsys, tmp_path: Path) -> None:
    path = tmp_path / "bad.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [')
    _assert_one_line_error(
        *_run(
            capsys,
            "delta",
            *NOV,
            "--from",
            "2024-11-01",
            "--to",
            "2024-11-20",
            "--region",
            str(path),
        ),
        str(path),
    )


def test_unreadable_data_file_is_one_line(capsys, tmp_path: Path) -> None:
    path = tmp_path / "broken_20241101.geojson"
    path.write_text("{ not json")
    _assert_one_line_error(*_run(capsys, "areas", str(path)), str(path))


def test_main_runs_headless_with_exit_codes(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ok = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "areas", NOV[0]],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == 0
    assert ok.stdout.startswith("date,series,area_km2\n2024-11-01,")
    bad = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "delta",
            NOV[0],
            "--from",
            "x",
            "--to",
            "2024-11-20",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert bad.returncode != 0
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1


def test_importing_the_cli_does_not_import_qt() -> None:
    code = (
        "import sys, ui.cli, geo.delta, geo.regions, geo.changes; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6','pyqtgraph','shiboken'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "[]"


def test_dates_are_parsed_strictly() -> None:
    from ui.cli import build_parser

    args = build_parser().parse_args(["delta", "x", "--from", "2024-11-01", "--to", "2024-11-20"])
    assert args.date_from == dt.date(2024, 11, 1)
