"""The demo dataset: deterministic, clearly synthetic front-line snapshots for a first launch.

The app must never open on an empty map, and it must not pass fiction off as fact. The demo is
a smooth blob in eastern Ukraine whose outline wobbles and drifts west by a seeded random walk,
one GeoJSON file per day (``demo_synthetic_YYYYMMDD.geojson``). Every feature says
``"synthetic": true`` and names its source, so that the loader, the UI and any export can tell.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry import Polygon, mapping

if TYPE_CHECKING:
    import os

DEMO_SOURCE = "Frontline Atlas demo (synthetic)"
DEMO_PREFIX = "demo_synthetic_"
DEMO_DAYS = 60
DEMO_START = dt.date(2021, 3, 1)
DEMO_SEED = 20210301
_CENTRE = (38.4, 48.2)
_VERTICES = 180


def demo_dir() -> Path:
    """Where the demo files live: ``<user data dir>/demo`` (platformdirs honours XDG)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("frontline-atlas")) / "demo"


def is_demo_path(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a demo file (by its file name)."""
    return Path(str(path).split("!")[0]).name.startswith(DEMO_PREFIX)


def demo_polygons(days: int = DEMO_DAYS, seed: int = DEMO_SEED) -> list[Polygon]:
    """The demo's polygon for each day, deterministic for a given ``seed``.

    The radius at each of the ring's angles follows a smoothed random walk, and the centre
    drifts slowly west, so consecutive days differ by a few dozen km².
    """
    rng = np.random.default_rng(seed)
    angles = np.linspace(0.0, 2.0 * math.pi, _VERTICES, endpoint=False)
    harmonics = np.arange(1, 7)
    amplitude = rng.normal(0.0, 0.04, size=(len(harmonics), 2))
    polygons = []
    for day in range(days):
        amplitude += rng.normal(0.0, 0.006, size=amplitude.shape)
        wobble = amplitude[:, :1] * np.cos(np.outer(harmonics, angles)) + amplitude[:, 1:] * np.sin(
            np.outer(harmonics, angles)
        )
        radius = 0.9 + wobble.sum(axis=0)
        cx = _CENTRE[0] - 0.004 * day
        lon = cx + 1.4 * radius * np.cos(angles)
        lat = _CENTRE[1] + 0.8 * radius * np.sin(angles)
        polygon = shapely.make_valid(Polygon(np.column_stack([lon, lat])))
        polygons.append(polygon)
    return polygons


def write_demo(folder: Path | None = None) -> list[Path]:
    """Write the demo files into ``folder`` (default :func:`demo_dir`) unless already there.

    Returns
    -------
    list of Path
        The demo files, sorted by date.
    """
    folder = demo_dir() if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for day, polygon in enumerate(demo_polygons()):
        date = DEMO_START + dt.timedelta(days=day)
        path = folder / f"{DEMO_PREFIX}{date:%Y%m%d}.geojson"
        if not path.exists():
            _write_feature_collection(path, polygon, date)
        paths.append(path)
    return paths


def _write_feature_collection(path: Path, polygon: Polygon, date: dt.date) -> None:
    feature = {
        "type": "Feature",
        "properties": {"synthetic": True, "source": DEMO_SOURCE, "date": date.isoformat()},
        "geometry": mapping(shapely.set_precision(polygon, 1e-6)),
    }
    text = json.dumps({"type": "FeatureCollection", "features": [feature]})
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
