"""The command line over several series, --as-series, outliers next to the numbers (real data)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

from tests.paths import DEEPSTATE, ISW, ROOT
from ui.cli import run_command

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

ZIPS = ISW / "shapefiles_2022" / "zips"
NIKKEI = ISW / "arcgis_geojson_nikkei"
SDSPIEG = ISW / "sdspieg_derived"
FOUR = [
    "Assessed Russian advances",
    "Assessed Russian control",
    "Claimed Russian control",
    "Claimed Ukrainian counteroffensives",
]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = run_command(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_areas_without_series_prints_all_four_isw_2022_series(capsys) -> None:
    status, out, err = _run(capsys, "areas", str(ZIPS))
    assert status == 0
    assert err == ""
    rows = list(csv.DictReader(io.StringIO(out)))
    assert sorted({r["series"] for r in rows}) == FOUR
    per_series = {name: sum(r["series"] == name for r in rows) for name in FOUR}
    assert per_series == dict(zip(FOUR, [10, 8, 1, 1], strict=True))
    assert out.count("date,series,area_km2") == 1


def test_areas_json_is_one_object_per_series(capsys) -> None:
    status, out, _err = _run(capsys, "areas", str(ZIPS), "--format", "json")
    assert status == 0
    items = json.loads(out)
    assert [item["series"] for item in items] == FOUR
    control = items[1]["areas"]
    assert [a["date"] for a in control][:2] == ["2022-04-13", "2022-05-22"]
    assert round(control[-1]["area_km2"]) == 120_791


def test_areas_with_one_series_keeps_the_flat_list(capsys) -> None:
    status, out, _err = _run(
        capsys, "areas", str(ZIPS), "--series", "claimed rus", "--format", "json"
    )
    assert status == 0
    assert json.loads(out) == [
        {"date": "2022-04-13", "series": "Claimed Russian control", "area_km2": 5565.353}
    ]


def test_delta_without_series_gives_one_result_per_series_and_the_skipped(capsys) -> None:
    args = ("delta", str(SDSPIEG), "--from", "2024-01-01", "--to", "2025-12-31")
    status, out, err = _run(capsys, *args, "--format", "json")
    assert status == 0
    item = json.loads(out)  # one comparable series: one object, as the contract says
    assert item["series"] == "Assessed Russian control"
    assert item["from_actual"] == "2023-12-07"
    assert "note: skipped Kursk Russian advances: --from 2024-01-01 is before the first" in err
    status, out, _err = _run(capsys, *args)
    assert "skipped Kursk Russian advances: --from 2024-01-01 is before the first snapshot" in out
    status, out, err = _run(
        capsys, "delta", str(ZIPS), "--from", "2022-04-13", "--to", "2022-08-23", "--format", "json"
    )
    assert status == 0
    items = json.loads(out)
    assert [i["series"] for i in items] == FOUR
    assert round(items[1]["net_km2"]) == round(120_790.641 - 107_028.158)
    assert "skipped" not in err


def test_delta_with_no_comparable_series_is_one_line(capsys) -> None:
    status, out, err = _run(
        capsys, "delta", str(SDSPIEG), "--from", "2022-01-01", "--to", "2023-12-31"
    )
    assert status == 1
    assert out == ""
    assert err.count("\n") == 1
    assert "no series has snapshots for both dates" in err
    assert (
        "Kursk Russian advances (--from 2022-01-01 is before the first snapshot (2024-09-11))"
        in err
    )


def test_as_series_makes_every_snapshot_one_series(capsys) -> None:
    status, out, _err = _run(capsys, "areas", str(ZIPS), "--as-series", "ISW 2022")
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["series"] for r in rows} == {"ISW 2022"}
    assert len(rows) == 10  # the union of the four series' dates
    status, out, _err = _run(capsys, "inspect", "--as-series", "ISW 2022", str(ZIPS))
    assert "Series: ISW 2022\n  dates: 10" in out
    assert "Series: Assessed" not in out
    status, out, _err = _run(
        capsys,
        "delta",
        str(ZIPS),
        "--as-series",
        "ISW",
        "--from",
        "2022-05-22",
        "--to",
        "2022-08-23",
        "--format",
        "json",
    )
    assert json.loads(out)["series"] == "ISW"


def test_inspect_lists_outliers_with_dates_and_jump(capsys) -> None:
    status, out, _err = _run(capsys, "inspect", str(NIKKEI))
    assert status == 0
    assert "Outliers: 1\n" in out
    line = next(x for x in out.splitlines() if "comes back" in x)
    for part in (
        "Assessed Russian control",
        "2022-09-29",
        "2022-09-28",
        "2022-09-30",
        "-26,931 km²",
    ):
        assert part in line
    status, out, _err = _run(capsys, "inspect", str(DEEPSTATE))
    assert "Outliers: 0\n" in out


def test_a_comparison_using_a_flagged_snapshot_says_so(capsys) -> None:
    base = ("delta", str(NIKKEI), "--series", "assessed russian control")
    status, out, _err = _run(capsys, *base, "--from", "2022-09-28", "--to", "2022-09-29")
    assert status == 0
    assert "  Net" in out
    assert "  warning: Assessed Russian control 2022-09-29: area jumps -26,931 km²" in out
    status, out, _err = _run(
        capsys, *base, "--from", "2022-09-28", "--to", "2022-09-30", "--format", "json"
    )
    assert "warnings" not in json.loads(out)
    status, out, _err = _run(
        capsys, *base, "--from", "2022-09-29", "--to", "2022-09-30", "--format", "json"
    )
    (warning,) = json.loads(out)["warnings"]
    assert "2022-09-29" in warning


def test_sdspieg_end_jump_is_flagged_next_to_a_comparison(capsys) -> None:
    status, out, _err = _run(
        capsys,
        "delta",
        str(SDSPIEG / "territory_geojson"),
        "--from",
        "2025-12-28",
        "--to",
        "2026-01-25",
    )
    assert status == 0
    assert "warning: Assessed Russian control 2026-01-25: last snapshot changes -4,770 km²" in out


def test_inspect_lists_a_file_name_date_that_disagrees_with_the_contents(
    capsys, tmp_path: Path
) -> None:
    copy = tmp_path / "2024-04-10.geojson"
    shutil.copyfile(SDSPIEG / "territory_geojson" / "2024-04-04.geojson", copy)
    status, out, _err = _run(capsys, "inspect", str(copy))
    assert status == 0
    assert "first 2024-04-10" in out
    assert "date_from_name x7 (the name says 2024-04-10, attribute 'date' says 2024-04-04" in out
    assert (
        f"Dates from file names: 1\n  {copy}: the name says 2024-04-10, attribute 'date' says"
        " 2024-04-04; the name's date is used\n" in out
    )


def test_as_series_through_main(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "areas", str(ZIPS), "--as-series", "All",
         "--format", "json"],
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert {row["series"] for row in json.loads(done.stdout)} == {"All"}
