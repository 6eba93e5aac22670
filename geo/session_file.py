"""Sessions and ``.frontline`` project files: what was open, as documented JSON.

The app writes the last session to ``<user data dir>/last-session.frontline`` on quit and
reopens it on the next launch; File → Save project… writes the same format anywhere, and
``frontline-atlas FILE.frontline`` (or a double-click) opens it. The format (version 1)::

    {
      "format": "frontline-atlas-session",
      "version": 1,
      "data": {
        "paths": ["../data/deepstate/daily"],        # files/folders, relative to this file
        "series_choices": {...}                       # optional: user's series (geo.series_choices)
      },
      "timeline": {"series": "DeepState occupied", "date_a": "2024-11-01",
                   "date_b": "2024-11-20", "shown": "2024-11-20", "compare": true},
      "map": {"view": [37.0, 47.8, 37.6, 48.2]},      # west, south, east, north (lon/lat) or null
      "layers": [                                     # draw order, bottom first (geo.layer_style)
        {"name": "Land", "kind": "basemap", "visible": true, "color": "#f3f0e8", "opacity": 1.0},
        {"name": "DeepState occupied", "kind": "series", "visible": true,
         "color": "#d62728", "opacity": 0.45}
      ],
      "regions": {                                    # optional; absent: regions are not part of it
        "paths": ["../data/deepstate/daily"],         # the data their figures belong to
        "features": {"type": "FeatureCollection", "features": [...]}   # RFC 7946, name + color
      }
    }

Paths are written relative to the project file's folder where they can be (so a folder holding
the project and its data can be moved or shared) and absolute otherwise; dates are ISO 8601.
A file that is not valid raises :class:`~geo.errors.ReadError` naming it and the problem.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from geo.atomic import write_bytes_atomically
from geo.errors import AtlasError, ReadError
from geo.layer_style import LayerStyle
from geo.limits import read_regular

if TYPE_CHECKING:
    from collections.abc import Mapping

    from geo.regions import Region

FORMAT = "frontline-atlas-session"
VERSION = 1
SUFFIX = ".frontline"
BBox = tuple[float, float, float, float]


@dataclass(frozen=True)
class Session:
    """Everything that reopens: data, dates, view, layers, regions (absolute paths).

    ``regions`` is None when the session does not carry regions (the last session keeps them
    in the regions autosave); ``regions_paths`` names the data their figures belong to.
    """

    paths: tuple[str, ...] = ()
    series: str = ""
    date_a: dt.date | None = None
    date_b: dt.date | None = None
    shown: dt.date | None = None
    compare: bool = False
    view: BBox | None = None
    layers: tuple[LayerStyle, ...] = ()
    regions: tuple[Region, ...] | None = None
    regions_paths: tuple[str, ...] = ()
    series_choices: Mapping[str, Any] | None = None


def _relative(path: str, folder: Path) -> str:
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        return path


def _paths_out(paths: tuple[str, ...], folder: Path) -> list[str]:
    return [_relative(p, folder) for p in paths]


def _date_out(date: dt.date | None) -> str | None:
    return None if date is None else date.isoformat()


def session_to_bytes(session: Session, folder: Path) -> bytes:
    """The JSON text of ``session`` for a file in ``folder`` (paths made relative to it)."""
    from geo.regions import regions_document

    data: dict[str, Any] = {"paths": _paths_out(session.paths, folder)}
    if session.series_choices:
        data["series_choices"] = dict(session.series_choices)
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "data": data,
        "timeline": {
            "series": session.series,
            "date_a": _date_out(session.date_a),
            "date_b": _date_out(session.date_b),
            "shown": _date_out(session.shown),
            "compare": session.compare,
        },
        "map": {"view": None if session.view is None else list(session.view)},
        "layers": [layer.to_json() for layer in session.layers],
    }
    if session.regions is not None:
        document["regions"] = {
            "paths": _paths_out(session.regions_paths, folder),
            "features": regions_document(list(session.regions)),
        }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2)


def write_session(path: str | os.PathLike[str], session: Session) -> None:
    """Write ``session`` to ``path`` atomically (a crash never leaves half a file)."""
    target = Path(path)
    write_bytes_atomically(target, session_to_bytes(session, target.absolute().parent))


def read_session(path: str | os.PathLike[str]) -> Session:
    """The session in a ``.frontline`` file; :class:`ReadError` naming it when it is not one."""
    name = str(path)
    try:
        document = orjson.loads(read_regular(path, name))
    except orjson.JSONDecodeError as exc:
        raise ReadError(name, f"not a Frontline Atlas project (not valid JSON: {exc})") from None
    return session_from_document(document, name, Path(path).absolute().parent)


def session_from_document(document: Any, name: str, folder: Path) -> Session:
    """Check and convert a parsed project document; relative paths are taken from ``folder``."""
    reader = _Reader(name, folder)
    try:
        return reader.session(document)
    except AtlasError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise ReadError(name, f"not a valid Frontline Atlas project ({exc})") from None


class _Reader:
    """Reads one document, raising ReadError(name, ...) at the first bad value."""

    def __init__(self, name: str, folder: Path) -> None:
        self.name, self.folder = name, folder

    def fail(self, message: str) -> ReadError:
        return ReadError(self.name, message)

    def get(self, obj: Any, key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
        value = obj.get(key, default) if isinstance(obj, dict) else default
        if value is not default and not isinstance(value, kind):
            raise self.fail(f"{key!r} has the wrong type ({type(value).__name__})")
        return value

    def paths(self, values: Any) -> tuple[str, ...]:
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise self.fail("'paths' must be a list of file or folder names")
        return tuple(str(Path(os.path.normpath(self.folder / v))) for v in values)

    def date(self, value: Any, key: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise self.fail(f"{key} {value!r} is not a date (YYYY-MM-DD)") from None

    def session(self, document: Any) -> Session:
        if not isinstance(document, dict) or document.get("format") != FORMAT:
            raise self.fail(f"not a Frontline Atlas project (no 'format': {FORMAT!r})")
        version = document.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise self.fail(f"project version {version!r} is newer than this app reads ({VERSION})")
        data = self.get(document, "data", dict, {})
        timeline = self.get(document, "timeline", dict, {})
        choices = self.get(data, "series_choices", dict)
        view = self.get(self.get(document, "map", dict, {}), "view", list)
        return Session(
            paths=self.paths(data.get("paths", [])),
            series=self.get(timeline, "series", str, ""),
            date_a=self.date(timeline.get("date_a"), "date_a"),
            date_b=self.date(timeline.get("date_b"), "date_b"),
            shown=self.date(timeline.get("shown"), "shown"),
            compare=bool(self.get(timeline, "compare", bool, False)),
            view=self.view(view),
            layers=tuple(self.layer(item) for item in self.get(document, "layers", list, [])),
            regions=self.regions(document.get("regions")),
            regions_paths=self.paths(self.get(document.get("regions"), "paths", list, [])),
            series_choices=choices,
        )

    def view(self, values: list[Any] | None) -> BBox | None:
        if values is None:
            return None
        if len(values) != 4 or not all(isinstance(v, int | float) for v in values):
            raise self.fail("map view must be [west, south, east, north]")
        west, south, east, north = (float(v) for v in values)
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            raise self.fail(f"map view {values} is not a lon/lat box")
        return west, south, east, north

    def layer(self, item: Any) -> LayerStyle:
        try:
            return LayerStyle.from_json(item)
        except ValueError as exc:
            raise self.fail(str(exc)) from None

    def regions(self, value: Any) -> tuple[Region, ...] | None:
        if value is None:
            return None
        from geo.regions import regions_from_document

        features = self.get(value, "features", dict)
        if features is None or not features.get("features"):
            return ()
        return tuple(regions_from_document(features, self.name))
