"""--install-desktop / --uninstall-desktop in a throwaway XDG_DATA_HOME, checked with the
freedesktop tools a desktop uses (desktop-file-validate, xdg-mime)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import DEEPSTATE, ROOT
from ui import desktop_install
from ui.desktop_entry import exec_quote
from ui.file_types import FILE_TYPES

TOOLS = ("desktop-file-validate", "xdg-mime", "update-mime-database")
needs_tools = pytest.mark.skipif(
    not all(shutil.which(t) for t in TOOLS), reason="freedesktop tools not installed"
)


def _tree(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes() if p.is_file() else b"<dir>"
        for p in sorted(home.rglob("*"))
    }


def _cli(home: Path, flag: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(home))
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), flag],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=60,
    )


def _xdg_mime(home: Path, *args: str) -> str:
    env = dict(os.environ, XDG_DATA_HOME=str(home), XDG_DATA_DIRS="/usr/local/share:/usr/share")
    env.pop("XDG_CURRENT_DESKTOP", None)
    out = subprocess.run(["xdg-mime", "query", *args], capture_output=True, text=True, env=env)
    return out.stdout.strip()


@needs_tools
def test_install_validates_and_registers_the_types(tmp_path: Path) -> None:
    home = tmp_path / "data"
    result = _cli(home, "--install-desktop")
    assert result.returncode == 0, result.stderr
    entry = home / "applications" / "frontline-atlas.desktop"
    check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert not check.stdout.strip()
    text = entry.read_text()
    assert " %F\n" in text
    assert "Categories=Science;Geography;Maps;" in text
    assert "application/zip" not in text
    for size in (16, 32, 48, 128, 256):
        assert (home / f"icons/hicolor/{size}x{size}/apps/frontline-atlas.png").is_file()
    assert (home / "icons/hicolor/scalable/apps/frontline-atlas.svg").is_file()
    files = {"p.frontline": "application/x-frontline-atlas", "a.shp": "application/x-esri-shape"}
    for name, mime in files.items():
        (tmp_path / name).write_bytes(b"")
        assert _xdg_mime(home, "filetype", str(tmp_path / name)) == mime
    day = DEEPSTATE / "deepstatemap_data_20240708.geojson"
    assert _xdg_mime(home, "filetype", str(day)) == "application/geo+json"
    for file_type in FILE_TYPES:
        assert _xdg_mime(home, "default", file_type.mime) == "frontline-atlas.desktop"
    assert _xdg_mime(home, "default", "application/zip") != "frontline-atlas.desktop"


@needs_tools
@pytest.mark.parametrize("others", [False, True], ids=["empty home", "home with other apps"])
def test_uninstall_removes_exactly_what_install_wrote(tmp_path: Path, others: bool) -> None:
    home = tmp_path / "data"
    if others:
        (home / "applications").mkdir(parents=True)
        (home / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
        (home / "mime" / "packages").mkdir(parents=True)
        (home / "mime" / "packages" / "other.xml").write_text(
            '<?xml version="1.0"?><mime-info xmlns="http://www.freedesktop.org/standards/'
            'shared-mime-info"><mime-type type="text/x-other"><glob pattern="*.oth"/>'
            "</mime-type></mime-info>\n"
        )
        subprocess.run(["update-mime-database", str(home / "mime")], check=True)
    before = _tree(home) if home.exists() else {}
    assert _cli(home, "--install-desktop").returncode == 0
    assert _cli(home, "--install-desktop").returncode == 0  # twice: still one record
    assert len(_tree(home)) > len(before) + 12
    result = _cli(home, "--uninstall-desktop")
    assert result.returncode == 0, result.stderr
    after = _tree(home) if home.exists() else {}
    assert after == before


def test_uninstall_without_install_is_one_line(tmp_path: Path) -> None:
    result = _cli(tmp_path / "data", "--uninstall-desktop")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "not installed" in result.stderr


def test_exec_line_quotes_spaces_and_percent() -> None:
    assert exec_quote("/opt/app/frontline-atlas") == "/opt/app/frontline-atlas"
    assert exec_quote("/home/a b/x") == '"/home/a b/x"'
    assert exec_quote('/x/"q"$') == '"/x/\\\\"q\\\\"\\\\$"'
    assert exec_quote("/x/100%") == "/x/100%%"


def test_launch_command_of_the_frozen_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/frontline-atlas/frontline-atlas")
    assert desktop_install.launch_command() == ["/opt/frontline-atlas/frontline-atlas"]
