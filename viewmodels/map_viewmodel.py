"""State of the map canvas: what is shown, what is compared, where the view is, where the mouse is.

The canvas (``ui.map.MapView``) draws from this viewmodel and reports back into it; the app shell
and the compare viewmodel write into it. Geometries are lon/lat shapely geometries; the canvas
projects them (``geo.projection``) and caches the result per geometry object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Mapping

    from shapely.geometry.base import BaseGeometry

    from geo.shown import SeriesShown

BBox = tuple[float, float, float, float]
"""(min lon, min lat, max lon, max lat) in degrees."""


@dataclass(frozen=True)
class CompareGeometries:
    """What a comparison of two dates draws on the map (all lon/lat).

    Attributes
    ----------
    series : str
        The series compared.
    gained : BaseGeometry
        Area in B but not in A (taken between the dates).
    lost : BaseGeometry
        Area in A but not in B.
    outline_a, outline_b : BaseGeometry
        The snapshots at date A and date B, drawn as outlines.
    """

    series: str
    gained: BaseGeometry
    lost: BaseGeometry
    outline_a: BaseGeometry
    outline_b: BaseGeometry


def _same_geometry(a: BaseGeometry | None, b: BaseGeometry | None) -> bool:
    if a is b:
        return True
    if a is None or b is None:
        return False
    return bool(a.equals_exact(b, 0.0))


def _same_bbox(a: BBox | None, b: BBox | None, tolerance: float = 1e-9) -> bool:
    if a is None or b is None:
        return a is b
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))


class MapViewModel(QObject):
    """Observable state of the map canvas (STYLE.md §2); no widgets, no drawing."""

    sig_shown_changed = Signal()
    """The geometries shown (per series) changed."""
    sig_series_shown_changed = Signal()
    """Which snapshot each series shows changed (see :meth:`series_shown`)."""
    sig_compare_changed = Signal()
    """The comparison drawn on the map changed (or was cleared)."""
    sig_fit_requested = Signal(object)
    """The canvas should fit a lon/lat bbox, or the data when the payload is None."""
    sig_cursor_moved = Signal(object)
    """The mouse moved over the map: ``(lon, lat)``, or None when it left the map."""
    sig_view_changed = Signal(object)
    """The visible lon/lat bbox changed (payload: the bbox)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown: dict[str, BaseGeometry] = {}
        self._compare: CompareGeometries | None = None
        self._series_shown: dict[str, SeriesShown] = {}
        self._cursor: tuple[float, float] | None = None
        self._view_bbox: BBox | None = None

    def shown(self) -> dict[str, BaseGeometry]:
        """The shown date's geometry per series (a copy)."""
        return dict(self._shown)

    def set_shown(self, geometries: Mapping[str, BaseGeometry]) -> None:
        """Show these lon/lat geometries, one per series; emits only on a real change."""
        new = dict(geometries)
        same = new.keys() == self._shown.keys() and all(
            _same_geometry(new[k], self._shown[k]) for k in new
        )
        if same:
            return
        self._shown = new
        self.sig_shown_changed.emit()

    def series_shown(self) -> dict[str, SeriesShown]:
        """Per series: the date asked, the snapshot drawn and its note (a copy)."""
        return dict(self._series_shown)

    def series_note(self, name: str) -> str:
        """The date series ``name`` shows, as the layer panel says it ("" when not loaded)."""
        shown = self._series_shown.get(name)
        return "" if shown is None else shown.note

    def set_series_shown(self, shown: Mapping[str, SeriesShown]) -> None:
        """Record which snapshot each series shows; emits only when a date or note changed."""
        new = dict(shown)

        def key(items: Mapping[str, SeriesShown]) -> dict[str, tuple[object, ...]]:
            return {n: (s.asked, s.date, s.first, s.last) for n, s in items.items()}

        if key(new) != key(self._series_shown):
            self._series_shown = new
            self.sig_series_shown_changed.emit()

    def compare(self) -> CompareGeometries | None:
        """The comparison drawn on the map, or None."""
        return self._compare

    def set_compare(self, compare: CompareGeometries | None) -> None:
        """Draw this comparison (None clears it); emits only on a real change."""
        if compare is self._compare or compare == self._compare:
            return
        self._compare = compare
        self.sig_compare_changed.emit()

    def request_fit(self, bbox_lonlat: BBox | None = None) -> None:
        """Ask the canvas to fit ``bbox_lonlat`` (None: fit the shown data)."""
        self.sig_fit_requested.emit(None if bbox_lonlat is None else tuple(bbox_lonlat))

    def cursor(self) -> tuple[float, float] | None:
        """The last reported mouse position as (lon, lat), or None when off the map."""
        return self._cursor

    def set_cursor(self, lon: float | None, lat: float | None) -> None:
        """Report the mouse position (None, None when it leaves the map)."""
        cursor = None if lon is None or lat is None else (float(lon), float(lat))
        if cursor == self._cursor:
            return
        self._cursor = cursor
        self.sig_cursor_moved.emit(cursor)

    def view_bbox(self) -> BBox | None:
        """The visible lon/lat bbox, or None before the canvas reported one."""
        return self._view_bbox

    def set_view_bbox(self, bbox_lonlat: BBox | None) -> None:
        """Record the visible bbox (from the canvas) or ask for one (from settings)."""
        bbox: BBox | None = None
        if bbox_lonlat is not None:
            x0, y0, x1, y1 = (float(v) for v in bbox_lonlat)
            bbox = (x0, y0, x1, y1)
        if _same_bbox(bbox, self._view_bbox):
            return
        self._view_bbox = bbox
        self.sig_view_changed.emit(bbox)
