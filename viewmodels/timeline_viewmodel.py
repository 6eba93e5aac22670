"""The timeline: which series, which of its dates is shown, dates A and B, compare, playback."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from viewmodels.batch import ChangeBatch

if TYPE_CHECKING:
    import datetime as dt

    from geo.model import Catalog

SPEEDS = (1.0, 2.0, 5.0, 10.0, 20.0)
"""Playback speeds offered, in snapshots per second."""


class TimelineViewModel(QObject):
    """Dates of the current series, the shown date, dates A/B, compare on/off, play/pause/speed.

    Dates A and B may be any day in the series' span (a day without a snapshot uses the latest
    one before it); the shown date is always one of the series' dates. While comparing, the
    shown date *is* date B (its snapshot): moving the slider moves B, and setting B moves the
    slider, so the map never shows a third date beside A and B.
    """

    sig_series_names_changed = Signal(object)
    """The list of series to choose from changed (a list of str)."""
    sig_series_changed = Signal(str)
    """The current series changed."""
    sig_dates_changed = Signal(object)
    """The current series' dates changed (a list of datetime.date)."""
    sig_shown_date_changed = Signal(object)
    """The shown date changed (datetime.date or None)."""
    sig_date_a_changed = Signal(object)
    """Date A changed (datetime.date or None)."""
    sig_date_b_changed = Signal(object)
    """Date B changed (datetime.date or None)."""
    sig_compare_changed = Signal(bool)
    """Compare was switched on or off."""
    sig_playing_changed = Signal(bool)
    """Playback started or stopped."""
    sig_speed_changed = Signal(float)
    """Playback speed (snapshots per second) changed."""
    sig_controls_enabled_changed = Signal(bool)
    """Whether there are dates to show, step, play and compare changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._series_names: list[str] = []
        self._series = ""
        self._dates: list[dt.date] = []
        self._shown: dt.date | None = None
        self._date_a: dt.date | None = None
        self._date_b: dt.date | None = None
        self._compare = False
        self._playing = False
        self._speed = 5.0
        self._catalog: Catalog | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._batch = ChangeBatch(
            self,
            {
                "series_names": "_series_names",
                "series": "_series",
                "dates": "_dates",
                "shown_date": "_shown",
                "date_a": "_date_a",
                "date_b": "_date_b",
                "compare": "_compare",
                "playing": "_playing",
                "speed": "_speed",
                "controls_enabled": "_controls_enabled",
            },
        )

    def series_names(self) -> list[str]:
        return list(self._series_names)

    def series(self) -> str:
        return self._series

    def dates(self) -> list[dt.date]:
        return list(self._dates)

    def gap_indices(self) -> list[int]:
        """Indices into :meth:`dates` of the snapshots that follow missing days (daily series)."""
        from geo.gaps import dates_after_gaps

        return dates_after_gaps(self._dates)

    def shown_date(self) -> dt.date | None:
        return self._shown

    def shown_index(self) -> int:
        """Index of the shown date in :meth:`dates` (-1 when there is none)."""
        return self._dates.index(self._shown) if self._shown in self._dates else -1

    def date_a(self) -> dt.date | None:
        return self._date_a

    def date_b(self) -> dt.date | None:
        return self._date_b

    def compare(self) -> bool:
        return self._compare

    def playing(self) -> bool:
        return self._playing

    def speed(self) -> float:
        return self._speed

    @property
    def _controls_enabled(self) -> bool:
        return bool(self._dates)

    def controls_enabled(self) -> bool:
        """Whether the slider, playback, dates A/B and compare can be used (there are dates)."""
        return self._controls_enabled

    def set_catalog(self, catalog: Catalog | None) -> None:
        """Offer ``catalog``'s series; keep the current series and dates when still valid."""
        self._catalog = catalog
        with self._batch:
            names = catalog.series_names() if catalog is not None else []
            self._series_names = names
            if self._series not in names:
                sizes = {n: len(catalog.series[n]) for n in names} if catalog is not None else {}
                self._series = max(names, key=sizes.__getitem__) if names else ""
            self._load_dates(keep=True)

    def set_series(self, name: str) -> None:
        """Show ``name``; dates A/B and the shown date are kept when inside its span."""
        if name == self._series or name not in self._series_names:
            return
        with self._batch:
            self._series = name
            self._load_dates(keep=True)

    def _load_dates(self, *, keep: bool) -> None:
        cat = self._catalog
        self._dates = cat.dates(self._series) if cat is not None and self._series else []
        if not self._dates:
            self._shown = self._date_a = self._date_b = None
            self._playing = False
            self._timer.stop()
            return
        first, last = self._dates[0], self._dates[-1]
        self._shown = self._snap(self._shown) if keep and self._shown else last
        self._date_a = self._date_a if keep and self._inside(self._date_a) else first
        self._date_b = self._date_b if keep and self._inside(self._date_b) else last
        self._follow_b()

    def _follow_b(self) -> None:
        """While comparing, show date B's snapshot (call inside a batch)."""
        if self._compare and self._date_b is not None and self._dates:
            self._shown = self._snap(self._date_b)

    def _inside(self, date: dt.date | None) -> bool:
        return date is not None and bool(self._dates) and self._dates[0] <= date <= self._dates[-1]

    def _snap(self, date: dt.date) -> dt.date:
        """The series date on or before ``date`` (the first date when ``date`` is earlier)."""
        index = bisect.bisect_right(self._dates, date) - 1
        return self._dates[max(0, index)]

    def set_shown_date(self, date: dt.date) -> None:
        """Show the series date on or before ``date`` (while comparing, it becomes date B)."""
        if self._dates:
            with self._batch:
                self._shown = self._snap(date)
                if self._compare:
                    self._date_b = self._shown

    def set_shown_index(self, index: int) -> None:
        if self._dates:
            self.set_shown_date(self._dates[max(0, min(index, len(self._dates) - 1))])

    def step(self, count: int) -> None:
        """Move the shown date ``count`` snapshots forward (negative: back)."""
        if self._dates:
            self.set_shown_index(self.shown_index() + count)

    def set_date_a(self, date: dt.date | None) -> None:
        with self._batch:
            self._date_a = self._clamp(date)

    def set_date_b(self, date: dt.date | None) -> None:
        with self._batch:
            self._date_b = self._clamp(date)
            self._follow_b()

    def set_dates(self, date_a: dt.date | None, date_b: dt.date | None) -> None:
        """Set both dates in one batch (one delta request, not two)."""
        with self._batch:
            self._date_a, self._date_b = self._clamp(date_a), self._clamp(date_b)
            self._follow_b()

    def _clamp(self, date: dt.date | None) -> dt.date | None:
        if date is None or not self._dates:
            return date
        return min(max(date, self._dates[0]), self._dates[-1])

    def set_compare(self, on: bool) -> None:
        """Switch comparing on (the slider then shows and moves date B) or off."""
        with self._batch:
            self._compare = bool(on)
            self._follow_b()

    def toggle_compare(self) -> None:
        self.set_compare(not self._compare)

    def set_speed(self, speed: float) -> None:
        with self._batch:
            self._speed = max(0.1, float(speed))
        self._timer.setInterval(round(1000 / self._speed))

    def set_playing(self, on: bool) -> None:
        """Start or stop playback; starting at the last date restarts from the first."""
        on = bool(on) and len(self._dates) > 1
        with self._batch:
            if on and self.shown_index() == len(self._dates) - 1:
                self.set_shown_date(self._dates[0])
            self._playing = on
        if on:
            self._timer.start(round(1000 / self._speed))
        else:
            self._timer.stop()

    def toggle_playing(self) -> None:
        self.set_playing(not self._playing)

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.shown_index() >= len(self._dates) - 1:
            self.set_playing(False)
        else:
            self.step(1)
