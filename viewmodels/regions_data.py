"""Which data drawn regions belong to, and the one line that says why they show no figures.

The rule (kept by :class:`~viewmodels.session.SessionViewModel`):

- Regions belong to the files that were loaded when the first of them was drawn, loaded from a
  regions file or restored with a session (the session and project files keep these paths).
- While there are no regions they belong to nothing yet, and follow whatever is loaded; deleting
  the last region lets go of the data.
- Their figures (the table and the area-over-time chart) are computed only while exactly those
  files are loaded (the same set of paths, in any order). With any other data (an ISW file after
  DeepState, the demo) or while loading, every figure is "—" and the panel says why in one line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from geo.demo import is_demo_path

if TYPE_CHECKING:
    from collections.abc import Sequence

LOADING_NOTE = "No data: km² inside each region appear once the data has loaded."
NO_DATA_NOTE = "No data: km² inside each region appear once data is loaded."


def same_data(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two lists of opened paths name the same files (order and spelling aside)."""
    return _key(a) == _key(b)


def _key(paths: Sequence[str]) -> frozenset[str]:
    return frozenset(os.path.normcase(os.path.abspath(p)) for p in paths)


def describe_paths(paths: Sequence[str]) -> str:
    """``deepstate/daily``, ``isw/20230824.geojson`` or ``20 files in deepstate/daily``."""
    if not paths:
        return "no files"
    if len(paths) == 1:
        return _tail(Path(paths[0]))
    try:
        common = Path(os.path.commonpath([os.path.abspath(p) for p in paths]))
    except ValueError:  # different drives
        return f"{len(paths)} files"
    return f"{len(paths)} files in {_tail(common)}"


def _tail(path: Path) -> str:
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name or str(path)


def regions_note(
    regions_paths: Sequence[str], loaded_paths: Sequence[str], loading: bool, demo: bool
) -> str:
    """The panel's line while the regions' figures are off ("" when their data is loaded).

    Parameters
    ----------
    regions_paths : sequence of str
        The files the regions belong to (empty: not decided yet).
    loaded_paths : sequence of str
        The files loaded now (empty: nothing loaded).
    loading, demo : bool
        A load is running; what is loaded is the synthetic demo (said, as its files mean
        nothing to the user).
    """
    if loading:
        return LOADING_NOTE
    if not regions_paths:
        return NO_DATA_NOTE
    if loaded_paths and same_data(regions_paths, loaded_paths):
        return ""
    if all(is_demo_path(p) for p in regions_paths):
        return "No data: these regions were drawn on the demo (File → Open demo dataset)."
    mine = describe_paths(regions_paths)
    if demo:
        return f"No data: these regions belong to {mine}, not to the demo."
    return f"No data: these regions belong to {mine}. Open it to see their km²."
