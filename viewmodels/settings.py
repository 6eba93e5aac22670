"""What the app remembers between sessions, behind a small typed adapter over ``QSettings``.

Tests inject a ``QSettings`` on an ini file in a temporary directory, so nothing leaks into the
user's real settings.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from collections.abc import Sequence

MAX_RECENT = 10


class SettingsStore:
    """Window layout, map view, last folder, recent files and the chosen series and dates."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._qs = settings if settings is not None else QSettings()

    def sync(self) -> None:
        self._qs.sync()

    def _text(self, key: str) -> str:
        value = self._qs.value(key, "")
        return value if isinstance(value, str) else ""

    def last_folder(self) -> str:
        return self._text("files/last_folder")

    def set_last_folder(self, folder: str) -> None:
        self._qs.setValue("files/last_folder", folder)

    def recent_files(self) -> list[str]:
        """Recently opened files and folders, most recent first."""
        value = self._qs.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)):
            return []
        return [str(v) for v in value]

    def add_recent(self, paths: list[str]) -> list[str]:
        """Put ``paths`` at the front of the recent list; return the new list."""
        recent = list(paths) + [p for p in self.recent_files() if p not in paths]
        recent = recent[:MAX_RECENT]
        self._qs.setValue("files/recent", recent)
        return recent

    def launched_before(self) -> bool:
        """Whether the app ran here before (a true first launch opens the demo)."""
        flag = self._qs.value("app/launched", False)
        return flag in (True, "true") or bool(self.recent_files())

    def mark_launched(self) -> None:
        self._qs.setValue("app/launched", True)

    def dates(self) -> tuple[str, dt.date | None, dt.date | None]:
        """The series and dates A/B chosen last time (None when unknown)."""
        return (
            self._text("compare/series"),
            _date(self._text("compare/date_a")),
            _date(self._text("compare/date_b")),
        )

    def dates_for(self, paths: Sequence[str]) -> tuple[str, dt.date | None, dt.date | None]:
        """:meth:`dates`, but only if they were chosen on these same ``paths`` (other data must
        not inherit them)."""
        value = self._qs.value("compare/paths", [])
        items = value if isinstance(value, list) else [value] if value else []
        saved = [str(v) for v in items]
        return self.dates() if saved == list(paths) else ("", None, None)

    def set_dates(
        self,
        series: str,
        date_a: dt.date | None,
        date_b: dt.date | None,
        paths: Sequence[str] = (),
    ) -> None:
        self._qs.setValue("compare/paths", list(paths))
        self._qs.setValue("compare/series", series)
        self._qs.setValue("compare/date_a", date_a.isoformat() if date_a else "")
        self._qs.setValue("compare/date_b", date_b.isoformat() if date_b else "")

    def view_bbox(self) -> tuple[float, float, float, float] | None:
        """The map's last lon/lat view (west, south, east, north), None when never saved."""
        try:
            west, south, east, north = (float(v) for v in self._text("map/view").split(","))
        except ValueError:
            return None
        if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
            return None
        return west, south, east, north

    def set_view_bbox(self, bbox: tuple[float, float, float, float] | None) -> None:
        self._qs.setValue("map/view", ",".join(repr(float(v)) for v in bbox) if bbox else "")

    def window_layout(self) -> tuple[QByteArray, QByteArray]:
        """The main window's saved geometry and dock state (empty when never saved)."""
        geometry = self._qs.value("window/geometry", QByteArray())
        state = self._qs.value("window/state", QByteArray())
        return _bytes(geometry), _bytes(state)

    def set_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _bytes(value: object) -> QByteArray:
    return value if isinstance(value, QByteArray) else QByteArray()
