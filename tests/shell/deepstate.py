"""Real DeepState snapshots for the app-shell tests, read by the real geo engine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geo.changes import daily_changes
from geo.delta import compute_delta
from geo.loader import LoadCancelled, load_paths
from geo.series import DEEPSTATE as SERIES
from tests.paths import DEEPSTATE

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from geo.model import Catalog

__all__ = ["SERIES", "deepstate_files", "engine", "read_catalog"]


def deepstate_files(start: str = "20241101", count: int = 20) -> list[Path]:
    """``count`` consecutive DeepState files from the one dated ``start`` (YYYYMMDD)."""
    files = sorted(DEEPSTATE.glob("deepstatemap_data_*.geojson"))
    names = [f.stem.rsplit("_", 1)[-1] for f in files]
    first = names.index(start)
    return files[first : first + count]


def read_catalog(start: str = "20241101", count: int = 20) -> Catalog:
    """The real loader's catalog of ``count`` DeepState days from ``start``."""
    return load_paths(deepstate_files(start, count))


def engine() -> tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any], type]:
    """The geo engine's (loader, delta, daily changes, cancel exception) for injection."""
    return load_paths, compute_delta, daily_changes, LoadCancelled
