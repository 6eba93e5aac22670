"""``delta --export-geometry``: the change as GeoJSON or GeoPackage from the command line."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.paths import DEEPSTATE
from ui.cli import run_command

if TYPE_CHECKING:
    from pathlib import Path

FILES = [str(DEEPSTATE / f"deepstatemap_data_202411{d:02d}.geojson") for d in (1, 20)]
ARGS = ["delta", *FILES, "--from", "2024-11-01", "--to", "2024-11-20", "--format", "json"]


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg"])
def test_export_matches_the_printed_delta(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    import fiona

    path = tmp_path / f"change{suffix}"
    assert run_command([*ARGS, "--export-geometry", str(path)]) == 0
    printed = json.loads(capsys.readouterr().out)
    with fiona.open(path) as source:
        props = [r.properties for r in source]
    for kind in ("gained", "lost"):
        total = sum(p["area_km2"] for p in props if p["kind"] == kind)
        assert total == pytest.approx(printed[f"{kind}_km2"], abs=0.01)
    assert {str(p["date_to"]) for p in props} == {"2024-11-20"}


def test_bad_export_path_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status = run_command([*ARGS, "--export-geometry", str(tmp_path / "change.shp")])
    captured = capsys.readouterr()
    assert status == 1
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "change.shp: cannot write this format" in captured.err
    assert list(tmp_path.iterdir()) == []
