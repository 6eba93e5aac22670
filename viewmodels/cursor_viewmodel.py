"""The hover readout: cursor lon/lat and whether the shown date's polygon covers it.

The polygon is prepared once per shown date (``shapely.prepare``), so each mouse move is a
point-in-polygon test of a few microseconds rather than a full scan of ~3,000 vertices.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely
from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    import datetime as dt

    from shapely.geometry.base import BaseGeometry


@dataclass(frozen=True)
class CursorReadout:
    """What the status bar shows about the cursor.

    Attributes
    ----------
    lon, lat : float or None
        The cursor position, None when it is off the map.
    series : str
        The series tested.
    date : datetime.date or None
        The shown date tested.
    covered : bool or None
        Whether that date's polygon covers the cursor; None when there is nothing to test.
    """

    lon: float | None = None
    lat: float | None = None
    series: str = ""
    date: dt.date | None = None
    covered: bool | None = None


class CursorViewModel(QObject):
    """Tests the cursor against the shown polygon of the current series."""

    sig_readout_changed = Signal(object)
    """The :class:`CursorReadout` changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._readout = CursorReadout()
        self._geometry: BaseGeometry | None = None

    def readout(self) -> CursorReadout:
        return self._readout

    def set_target(self, series: str, date: dt.date | None, geometry: BaseGeometry | None) -> None:
        """Test against ``geometry`` (series ``series`` on ``date``) from now on."""
        if geometry is not None and geometry is not self._geometry:
            shapely.prepare(geometry)
        self._geometry = geometry
        r = self._readout
        self._update(CursorReadout(r.lon, r.lat, series, date, self._covers(r.lon, r.lat)))

    def set_cursor(self, lon: float | None, lat: float | None) -> None:
        r = self._readout
        self._update(CursorReadout(lon, lat, r.series, r.date, self._covers(lon, lat)))

    def _covers(self, lon: float | None, lat: float | None) -> bool | None:
        if self._geometry is None or lon is None or lat is None:
            return None
        return bool(shapely.intersects_xy(self._geometry, lon, lat))

    def _update(self, readout: CursorReadout) -> None:
        if readout != self._readout:
            self._readout = readout
            self.sig_readout_changed.emit(readout)
