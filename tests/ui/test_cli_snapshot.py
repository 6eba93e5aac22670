"""``snapshot`` on the command line: pages from real data, one-line errors, nothing half-written."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QImage

from tests.paths import DEEPSTATE, ROOT
from ui.cli import run_command

if TYPE_CHECKING:
    from pathlib import Path

NOV = [str(DEEPSTATE / f"deepstatemap_data_202411{d:02d}.geojson") for d in (1, 20)]
KURAKHOVE = "37.1,47.85,37.45,48.1"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = run_command(["snapshot", *NOV, *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_png_at_a_size_and_a_dpi(qapp: object, capsys, tmp_path: Path) -> None:
    out = tmp_path / "square.png"
    status, stdout, err = _run(
        capsys, "--date", "2024-11-20", "--size", "1080x1080", "--out", str(out)
    )
    assert (status, err) == (0, "")
    assert stdout == f"wrote {out}\n"
    assert QImage(str(out)).size().toTuple() == (1080, 1080)
    out = tmp_path / "letter.png"
    args = ("--date", "2024-11-20", "--page", "letter", "--portrait", "--dpi", "96")
    assert _run(capsys, *args, "--extent", KURAKHOVE, "--out", str(out))[0] == 0
    assert QImage(str(out)).size().toTuple() == (816, 1056)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--date", "2020-01-01"), "nothing to show on 2020-01-01"),
        (("--date", "2024-11-20", "--compare", "2019-01-01"), "before the first snapshot"),
        (("--date", "2024-11-20", "--extent", "40,50,30,45"), "west < east"),
        (("--date", "2024-11-20", "--dpi", "5000"), "30 to 1200 dpi"),
        (("--date", "2024-11-20", "--size", "big"), "is not WxH"),
        (("--date", "2024-11-20", "--page", "A5"), "not a page size"),
        (("--date", "2024-11-20", "--series", "ISW"), "no series matches"),
        (("--date", "2024-11-20", "--dpi", "1200", "--page", "A3"), "too large"),
    ],
)
def test_bad_input_is_one_line_and_leaves_nothing(
    qapp: object, capsys, tmp_path: Path, args: tuple[str, ...], needle: str
) -> None:
    out = tmp_path / "page.png"
    status, stdout, err = _run(capsys, *args, "--out", str(out))
    assert status != 0
    assert stdout == ""
    assert err.count("\n") == 1
    assert needle in err
    assert list(tmp_path.iterdir()) == []


def test_unwritable_places_are_one_line(qapp: object, capsys, tmp_path: Path) -> None:
    status, _out, err = _run(capsys, "--date", "2024-11-20", "--out", str(tmp_path / "x.doc"))
    assert status == 2
    assert "unknown format" in err
    status, _out, err = _run(
        capsys, "--date", "2024-11-20", "--out", str(tmp_path / "no" / "x.pdf")
    )
    assert status == 1
    assert "no such folder" in err
    (tmp_path / "dir.pdf").mkdir()
    status, _out, err = _run(capsys, "--date", "2024-11-20", "--out", str(tmp_path / "dir.pdf"))
    assert status == 1
    assert "is a folder" in err


def test_an_existing_file_survives_a_failed_run(qapp: object, capsys, tmp_path: Path) -> None:
    out = tmp_path / "page.pdf"
    out.write_bytes(b"old")
    status, _stdout, _err = _run(capsys, "--date", "2010-01-01", "--out", str(out))
    assert status == 1
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.pdf"]


def test_runs_as_a_process_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["WAYLAND_DISPLAY"] = ""
    out = tmp_path / "page.svg"
    args = [sys.executable, str(ROOT / "main.py"), "snapshot", *NOV, "--date", "2024-11-20"]
    args += ["--compare", "2024-11-01", "--extent", KURAKHOVE, "--out", str(out)]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "Data as of 1 Nov 2024 (A) and 20 Nov 2024 (B)" in out.read_text(encoding="utf-8")
