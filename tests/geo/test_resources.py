"""geo.resources: the same lookup finds the data files in the checkout and in the build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from geo import basemap
from geo.resources import resource_path, resources_root

ROOT = Path(__file__).resolve().parents[2]


def test_checkout_lookup_finds_the_committed_files() -> None:
    assert resources_root() == ROOT / "resources"
    assert resource_path("basemap.gpkg").is_file()
    assert resource_path("ATTRIBUTION.md").is_file()


def test_frozen_lookup_uses_the_unpacked_bundle(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delenv(basemap.PATH_ENV, raising=False)
    assert resource_path("icons", "x.svg") == tmp_path / "resources" / "icons" / "x.svg"
    assert basemap.default_path() == tmp_path / "resources" / "basemap.gpkg"


def test_not_frozen_ignores_a_stray_meipass(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert resources_root() == ROOT / "resources"
