"""frontline-atlas --help / -h / --version: print and exit 0, no GUI, no settings touched."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from tests.paths import ROOT
from ui.app_args import AppArgs, parse_app_args

if TYPE_CHECKING:
    from pathlib import Path


def _main(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    env.pop("DISPLAY", None)
    env.pop("QT_QPA_PLATFORM", None)  # a GUI start would fail without a display: it must not start
    code = (
        "import sys, runpy; sys.argv = ['frontline-atlas', *sys.argv[1:]];"
        "import main; status = main.main();"
        "print('QT LOADED' if any(m.startswith('PySide6') for m in sys.modules) else '', end='');"
        "sys.exit(status)"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True, text=True, timeout=60, check=False, cwd=ROOT, env=env,
    )  # fmt: skip


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_prints_and_exits_without_the_gui(tmp_path: Path, flag: str) -> None:
    done = _main(tmp_path, flag)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: frontline-atlas [--as-series NAME] [PATH ...]")
    assert "--version" in done.stdout
    assert "QT LOADED" not in done.stdout
    assert done.stderr == ""
    assert not (tmp_path / "config").exists()  # no settings file, no recent-files list written


def test_version_prints_and_exits(tmp_path: Path) -> None:
    done = _main(tmp_path, "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == "frontline-atlas 0.1.0"
    assert not (tmp_path / "config").exists()


def test_help_wins_wherever_it_stands(tmp_path: Path) -> None:
    done = _main(tmp_path, "some/file.geojson", "--help")
    assert done.returncode == 0
    assert "usage:" in done.stdout


def test_an_unknown_option_is_one_line_and_status_2(tmp_path: Path) -> None:
    done = _main(tmp_path, "--bogus")
    assert done.returncode == 2
    assert done.stdout == ""
    assert (
        done.stderr
        == "error: frontline-atlas: unknown option '--bogus' (see frontline-atlas --help)\n"
    )


def test_as_series_and_paths() -> None:
    assert parse_app_args(["a", "--as-series", "All  ISW", "b"]) == AppArgs(["a", "b"], "All ISW")
    assert parse_app_args(["--as-series=X", "--", "-odd"]) == AppArgs(["-odd"], "X")
    assert parse_app_args(["-psn_0_1234", "a"]) == AppArgs(["a"])
    assert parse_app_args(["--as-series"]) == 2
    assert parse_app_args([]) == AppArgs([])
