"""The hover readout: cursor lon/lat and, for every visible series, whether it covers the cursor.

Each series' polygon is prepared once per shown snapshot (``shapely.prepare``), so a mouse move
costs a point-in-polygon test of a few microseconds per series rather than a scan of thousands
of vertices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely
from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Sequence

    from shapely.geometry.base import BaseGeometry

    from geo.shown import SeriesShown


@dataclass(frozen=True)
class SeriesHit:
    """One visible series under the cursor.

    Attributes
    ----------
    series : str
        The series.
    note : str
        The date its layer shows (``2024-11-20``, ``last snapshot 2022-04-13``, …).
    covered : bool or None
        Whether its shown snapshot covers the cursor; None when it has no snapshot yet.
    """

    series: str
    note: str
    covered: bool | None


@dataclass(frozen=True)
class CursorReadout:
    """What the status bar shows about the cursor.

    Attributes
    ----------
    lon, lat : float or None
        The cursor position, None when it is off the map.
    hits : tuple of SeriesHit
        Every visible series, in layer order from the top.
    """

    lon: float | None = None
    lat: float | None = None
    hits: tuple[SeriesHit, ...] = ()

    @property
    def covered(self) -> bool | None:
        """Whether any visible series covers the cursor (None when nothing is tested)."""
        tested = [h.covered for h in self.hits if h.covered is not None]
        return any(tested) if tested and self.lon is not None else None


class CursorViewModel(QObject):
    """Tests the cursor against the shown polygon of every visible series."""

    sig_readout_changed = Signal(object)
    """The :class:`CursorReadout` changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readout = CursorReadout()
        self._targets: list[tuple[str, str, BaseGeometry | None]] = []

    def readout(self) -> CursorReadout:
        return self._readout

    def set_targets(self, shown: Sequence[SeriesShown]) -> None:
        """Test against these series (visible ones, top layer first) from now on."""
        targets = []
        for item in shown:
            if item.geometry is not None and not shapely.is_prepared(item.geometry):
                shapely.prepare(item.geometry)
            targets.append((item.series, item.note, item.geometry))
        self._targets = targets
        self._update(self._readout.lon, self._readout.lat)

    def set_cursor(self, lon: float | None, lat: float | None) -> None:
        self._update(lon, lat)

    def _update(self, lon: float | None, lat: float | None) -> None:
        hits: tuple[SeriesHit, ...] = ()
        if lon is not None and lat is not None:
            hits = tuple(
                SeriesHit(
                    name,
                    note,
                    None if geometry is None else bool(shapely.intersects_xy(geometry, lon, lat)),
                )
                for name, note, geometry in self._targets
            )
        readout = CursorReadout(lon, lat, hits)
        if readout != self._readout:
            self._readout = readout
            self.sig_readout_changed.emit(readout)
