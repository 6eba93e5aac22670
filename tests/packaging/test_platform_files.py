"""The plain-data platform files: the macOS Info.plist and the Windows NSIS installer."""

from __future__ import annotations

import plistlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.modules import load
from tests.paths import ROOT
from ui.file_types import FILE_TYPES

PACKAGING = ROOT / "packaging"
platform_files = load("platform_files")


def test_committed_files_are_what_the_generator_writes() -> None:
    assert plistlib.loads((PACKAGING / "Info.plist").read_bytes()) == platform_files.info_plist()
    assert (PACKAGING / "filetypes.nsh").read_text() == platform_files.filetypes_nsh()


def test_plist_declares_every_document_type() -> None:
    plist = plistlib.loads((PACKAGING / "Info.plist").read_bytes())
    assert plist["CFBundleExecutable"] == "frontline-atlas"
    assert plist["CFBundleIdentifier"] == "org.frontline-atlas.FrontlineAtlas"
    assert plist["CFBundleIconFile"] == "frontline-atlas.icns"
    assert (ROOT / "resources" / "icons" / "frontline-atlas.icns").is_file()
    docs = {d["CFBundleTypeExtensions"][0]: d for d in plist["CFBundleDocumentTypes"]}
    assert set(docs) == {"frontline", "shp", "geojson", "kml", "kmz", "gpkg"}
    assert "zip" not in docs
    assert docs["frontline"]["LSHandlerRank"] == "Owner"
    assert {d["LSHandlerRank"] for k, d in docs.items() if k != "frontline"} == {"Alternate"}
    declared = {
        d["UTTypeIdentifier"]
        for key in ("UTExportedTypeDeclarations", "UTImportedTypeDeclarations")
        for d in plist[key]
    }
    for doc in docs.values():
        assert set(doc["LSItemContentTypes"]) <= declared
    exported = plist["UTExportedTypeDeclarations"]
    assert [d["UTTypeTagSpecification"]["public.filename-extension"] for d in exported] == [
        ["frontline"]
    ]


def _macro(text: str, name: str) -> str:
    match = re.search(rf"!macro {name} .*?!macroend", text, re.S)
    assert match is not None, name
    return match.group(0)


def test_installer_takes_no_default_but_its_own() -> None:
    script = (PACKAGING / "installer.nsi").read_text()
    assert "RequestExecutionLevel user" in script
    assert "HKLM" not in script
    open_with = _macro(script, "OpenWithType")
    assert 'CLASSES}\\.${EXT}" ""' not in open_with  # never the extension's default value
    assert "OpenWithProgids" in open_with
    nsh = (PACKAGING / "filetypes.nsh").read_text()
    own = [t.extensions[0] for t in FILE_TYPES if t.own]
    assert re.findall(r'!insertmacro OwnType "(\w+)"', nsh) == own == ["frontline"]
    assert len(re.findall(r"!insertmacro OpenWithType", nsh)) == len(FILE_TYPES) - 1
    assert "zip" not in nsh


@pytest.mark.skipif(shutil.which("makensis") is None, reason="makensis (nsis) not installed")
def test_installer_compiles(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "frontline-atlas.exe").write_bytes(b"MZ stand-in for the Windows build")
    out = tmp_path / "frontline-atlas-setup.exe"
    result = subprocess.run(
        ["makensis", "-V2", f"-DDIST={dist}", f"-DOUTFILE={out}", "installer.nsi"],
        cwd=PACKAGING,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"
