"""The measure tool's state: QGIS's gestures for a geodesic distance or area, live as you draw.

Left-click adds a vertex; the measurement follows the cursor from the last vertex; right-click
(or a double-click, or Enter) ends it, and it stays shown until the next click starts a new one;
Backspace takes back the last vertex; Esc clears. Figures come from :mod:`geo.measure`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from geo.units import format_km2, format_number

if TYPE_CHECKING:
    from geo.measure import Measurement

XY = tuple[float, float]
MODES = ("none", "line", "area")
"""``none`` (tool off), ``line`` (distance along a polyline), ``area`` (polygon)."""


def measurement_text(mode: str, m: Measurement | None) -> str:
    """The result as one line, as shown and copied (``Distance 12.34 km (2 segments)``)."""
    if m is None:
        return ""
    if mode == "area":
        if m.area_km2 is None:
            return "Area: click at least three points"
        return f"Area {format_km2(m.area_km2, 2)}, perimeter {format_number(m.length_km, 2)} km"
    count = len(m.segments_km)
    segments = f" ({count} segments)" if count > 1 else ""
    return f"Distance {format_number(m.length_km, 2)} km{segments}"


class MeasureViewModel(QObject):
    """Mode, vertices (display metres), the live cursor and the resulting measurement."""

    sig_mode_changed = Signal(str)
    """The tool was switched (one of :data:`MODES`)."""
    sig_shape_changed = Signal()
    """Vertices, the cursor or the finished flag changed; :meth:`measurement` is current."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mode = "none"
        self._vertices: list[XY] = []
        self._cursor: XY | None = None
        self._finished = False
        self._measurement: Measurement | None = None

    def mode(self) -> str:
        return self._mode

    def vertices(self) -> list[XY]:
        """The clicked vertices, in display metres."""
        return list(self._vertices)

    def path(self) -> list[XY]:
        """What is drawn and measured: the vertices, then the cursor while still drawing."""
        if self._cursor is None or self._finished or not self._vertices:
            return list(self._vertices)
        return [*self._vertices, self._cursor]

    def finished(self) -> bool:
        return self._finished

    def measurement(self) -> Measurement | None:
        return self._measurement

    def text(self) -> str:
        """The result line (empty before the first click)."""
        return measurement_text(self._mode, self._measurement)

    def set_mode(self, mode: str) -> None:
        """Switch the tool; switching clears the shape."""
        if mode not in MODES:
            raise ValueError(f"unknown measure mode {mode!r}")
        if mode != self._mode:
            self._mode = mode
            self.clear()
            self.sig_mode_changed.emit(mode)

    def toggle(self, mode: str) -> None:
        """Switch to ``mode``, or off if it is already on (a checkable menu action)."""
        self.set_mode("none" if self._mode == mode else mode)

    def add_vertex(self, xy: XY) -> None:
        """A left-click: a new vertex (a click after a finished shape starts a new one)."""
        if self._finished:
            self._vertices, self._finished = [], False
        self._vertices.append(xy)
        self._update()

    def move_cursor(self, xy: XY | None) -> None:
        """The mouse moved: the live segment follows it."""
        self._cursor = xy
        if self._vertices and not self._finished:
            self._update()

    def finish(self) -> None:
        """A right-click, double-click or Enter: stop adding vertices; the result stays."""
        if self._vertices and not self._finished:
            self._finished = True
            self._update()

    def undo_vertex(self) -> None:
        """Backspace: take back the last vertex."""
        if self._vertices:
            self._vertices.pop()
            self._finished = False
            self._update()

    def clear(self) -> None:
        """Esc: forget the shape."""
        self._vertices, self._cursor, self._finished = [], None, False
        self._update()

    def _update(self) -> None:
        from geo.measure import measure_display

        path = self.path()
        closed = self._mode == "area"
        self._measurement = measure_display(path, closed) if path else None
        self.sig_shape_changed.emit()
