"""Comparison regions drawn by hand: their list, selection, edits (undoable) and numbers.

A region is what the user saw: its drawn vertices are kept in display metres, where its edges
are straight, and its lon/lat polygon is derived from them (:mod:`geo.drawn`) so that geodesic
clipping describes the drawn shape; its figures are a :class:`geo.delta.Delta`. Every edit goes
through a ``QUndoCommand`` on :attr:`RegionsViewModel.undo_stack`.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from geo.drawn import XY, drawn_vertices, lonlat_polygon
from viewmodels import region_commands as commands

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from pathlib import Path

    import numpy as np
    from shapely.geometry.base import BaseGeometry

    from geo.delta import Delta

PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#008080", "#9a6324", "#000075")
TOOLS = ("none", "polygon", "rectangle", "edit")


@dataclass(frozen=True)
class RegionState:
    """One region as the views show it.

    Attributes
    ----------
    id : int
        Stable identifier for the session (not saved).
    name, color : str
        User-chosen name and ``#rrggbb`` colour.
    visible : bool
        Whether the map draws it.
    xy : tuple of (x, y)
        The drawn vertices in display metres, an open ring (first vertex not repeated).
    lonlat : BaseGeometry
        The densified (Multi)Polygon in WGS84 lon/lat used for every area.
    """

    id: int
    name: str
    color: str
    visible: bool
    xy: XY
    lonlat: BaseGeometry

    def bbox_lonlat(self) -> tuple[float, float, float, float]:
        """``(min_lon, min_lat, max_lon, max_lat)`` of the region."""
        x0, y0, x1, y1 = self.lonlat.bounds
        return (x0, y0, x1, y1)


class RegionsViewModel(QObject):
    """The regions, the selected one and the active drawing tool; edits are undoable."""

    sig_regions_changed = Signal()
    """Regions were added, removed or reordered."""
    sig_region_changed = Signal(int)
    """One region's name, colour, visibility or geometry changed (its id)."""
    sig_selection_changed = Signal()
    """The selected region or the selected vertex changed."""
    sig_stats_changed = Signal()
    """New figures for dates A and B arrived (see :meth:`stats`)."""
    sig_time_series_changed = Signal(int)
    """A region's area-over-time series arrived (its id)."""
    sig_tool_changed = Signal(str)
    """The active map tool changed (one of ``TOOLS``)."""
    sig_data_note_changed = Signal(str)
    """Why the regions show no figures changed ("" once their own data is loaded)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._regions: list[RegionState] = []
        self._ids = itertools.count(1)
        self._selected: int | None = None
        self._last_skipped = 0
        self._selected_vertex: int | None = None
        self._tool = "none"
        self._stats: dict[int, Delta] = {}
        self._series: dict[int, tuple[list[dt.date], np.ndarray]] = {}
        self._data_note = ""
        self.undo_stack = QUndoStack(self)

    # -- queries ---------------------------------------------------------------------------
    def regions(self) -> list[RegionState]:
        """All regions, in list order."""
        return list(self._regions)

    def region(self, region_id: int) -> RegionState:
        """The region with ``region_id``; ``KeyError`` if there is none."""
        for state in self._regions:
            if state.id == region_id:
                return state
        raise KeyError(region_id)

    def index_of(self, region_id: int) -> int:
        return [s.id for s in self._regions].index(region_id)

    def selected(self) -> int | None:
        return self._selected

    def selected_vertex(self) -> int | None:
        return self._selected_vertex

    def tool(self) -> str:
        return self._tool

    def stats(self, region_id: int) -> Delta | None:
        return self._stats.get(region_id)

    def time_series(self, region_id: int) -> tuple[list[dt.date], np.ndarray] | None:
        return self._series.get(region_id)

    def data_note(self) -> str:
        """Why there are no figures, in one line (see :mod:`viewmodels.regions_data`)."""
        return self._data_note

    # -- plain state (not undoable) ----------------------------------------------------------
    def select(self, region_id: int | None, vertex: int | None = None) -> None:
        """Select a region (and optionally one of its vertices); ``None`` clears."""
        if region_id is not None and region_id not in {s.id for s in self._regions}:
            region_id, vertex = None, None
        if (region_id, vertex) != (self._selected, self._selected_vertex):
            self._selected, self._selected_vertex = region_id, vertex
            self.sig_selection_changed.emit()

    def set_tool(self, tool: str) -> None:
        """Activate ``none``, ``polygon``, ``rectangle`` or ``edit``."""
        if tool not in TOOLS:
            raise ValueError(f"unknown tool {tool!r}")
        if tool != self._tool:
            self._tool = tool
            self.sig_tool_changed.emit(tool)

    def set_visible(self, region_id: int, visible: bool) -> None:
        state = self.region(region_id)
        if state.visible != visible:
            self._replace(replace(state, visible=visible))

    def set_stats(self, stats: dict[int, Delta]) -> None:
        """Apply figures computed off the UI thread (ids no longer present are ignored)."""
        live = {s.id for s in self._regions}
        self._stats = {k: v for k, v in stats.items() if k in live}
        self.sig_stats_changed.emit()

    def set_data_note(self, note: str) -> None:
        """Say why the regions show no figures ("" when their own data is loaded)."""
        if note != self._data_note:
            self._data_note = note
            self.sig_data_note_changed.emit(note)

    def clear_time_series(self) -> None:
        """Forget every area-over-time series (the data they came from is no longer loaded)."""
        cleared, self._series = list(self._series), {}
        for region_id in cleared:
            self.sig_time_series_changed.emit(region_id)

    def set_time_series(self, region_id: int, dates: list[dt.date], km2: np.ndarray) -> None:
        if region_id in {s.id for s in self._regions}:
            self._series[region_id] = (dates, km2)
            self.sig_time_series_changed.emit(region_id)

    # -- undoable edits --------------------------------------------------------------------
    def add_region(
        self,
        xy: Sequence[tuple[float, float]],
        name: str | None = None,
        color: str | None = None,
        lonlat: BaseGeometry | None = None,
    ) -> int:
        """Create a region from drawn display-metre vertices (undoable); return its id."""
        ring = _clean_ring(xy)
        region_id = next(self._ids)
        state = RegionState(
            id=region_id,
            name=name or f"Region {region_id}",
            color=color or PALETTE[(region_id - 1) % len(PALETTE)],
            visible=True,
            xy=ring,
            lonlat=lonlat if lonlat is not None else lonlat_polygon(ring),
        )
        self.undo_stack.push(commands.AddRegionCommand(self, state, len(self._regions)))
        self.select(region_id)
        return region_id

    def delete_region(self, region_id: int) -> None:
        self.undo_stack.push(commands.DeleteRegionCommand(self, self.region(region_id)))

    def rename(self, region_id: int, name: str) -> None:
        name = name.strip()
        if name and name != self.region(region_id).name:
            self.undo_stack.push(
                commands.SetRegionFieldCommand(self, region_id, "name", name, f"Rename to {name}")
            )

    def recolor(self, region_id: int, color: str) -> None:
        if color != self.region(region_id).color:
            self.undo_stack.push(
                commands.SetRegionFieldCommand(self, region_id, "color", color, "Change colour")
            )

    def move_vertex(
        self, region_id: int, index: int, xy: tuple[float, float], drag: int | None = None
    ) -> None:
        """Move one vertex; edits sharing a ``drag`` token merge into one undo step."""
        ring = list(self.region(region_id).xy)
        ring[index] = (float(xy[0]), float(xy[1]))
        self._edit(region_id, tuple(ring), "Move vertex", drag)

    def insert_vertex(self, region_id: int, index: int, xy: tuple[float, float]) -> None:
        """Insert a vertex before position ``index`` (after vertex ``index - 1``)."""
        ring = list(self.region(region_id).xy)
        ring.insert(index, (float(xy[0]), float(xy[1])))
        self._edit(region_id, tuple(ring), "Insert vertex", None)

    def delete_vertex(self, region_id: int, index: int) -> bool:
        """Remove a vertex; refused (``False``) when fewer than three would remain."""
        ring = list(self.region(region_id).xy)
        if len(ring) <= 3:
            return False
        del ring[index]
        self._edit(region_id, tuple(ring), "Delete vertex", None)
        self.select(region_id, None)
        return True

    def move_region(self, region_id: int, dx: float, dy: float, drag: int | None = None) -> None:
        ring = tuple((x + dx, y + dy) for x, y in self.region(region_id).xy)
        self._edit(region_id, ring, "Move region", drag)

    def add_loaded(self, items: Sequence[tuple[str, str, BaseGeometry]], text: str) -> list[int]:
        """Add ``(name, color, lonlat geometry)`` regions read from a file as one undo step."""
        self.undo_stack.beginMacro(text)
        try:
            ids = [self.add_region(drawn_vertices(g), n, c, lonlat=g) for n, c, g in items]
        finally:
            self.undo_stack.endMacro()
        return ids

    # -- persistence -------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write every region to a GeoJSON file (RFC 7946, atomic) via :mod:`geo.regions`."""
        from geo.regions import Region, write_regions

        write_regions(path, [Region(s.name, s.lonlat, s.color) for s in self._regions])

    def load(self, path: Path) -> list[int]:
        """Add the regions of a GeoJSON file (one undo step); geo errors propagate.

        A region already here (same name and shape) is not added again, so loading a file
        twice never duplicates it; :meth:`last_skipped` says how many were left out.
        """
        from geo.regions import read_regions, same_shape

        items = [(r.name, r.color, r.geometry) for r in read_regions(path)]
        here = [(s.name, s.lonlat) for s in self._regions]
        fresh = [
            (name, color, g)
            for name, color, g in items
            if not any(name == n and same_shape(g, h) for n, h in here)
        ]
        self._last_skipped = len(items) - len(fresh)
        return self.add_loaded(fresh, f"Load {len(fresh)} regions") if fresh else []

    def last_skipped(self) -> int:
        """How many regions the last :meth:`load` left out as already present."""
        return self._last_skipped

    # -- used by the commands only -----------------------------------------------------------
    def _insert(self, state: RegionState, index: int) -> None:
        self._regions.insert(index, state)
        self.sig_regions_changed.emit()

    def _remove(self, region_id: int) -> None:
        index = self.index_of(region_id)
        del self._regions[index]
        self._stats.pop(region_id, None)
        self._series.pop(region_id, None)
        if self._selected == region_id:
            self.select(None)
        self.sig_regions_changed.emit()

    def _replace(self, state: RegionState) -> None:
        self._regions[self.index_of(state.id)] = state
        self.sig_region_changed.emit(state.id)

    def _set_ring(self, region_id: int, ring: XY) -> None:
        self._replace(replace(self.region(region_id), xy=ring, lonlat=lonlat_polygon(ring)))

    def _edit(self, region_id: int, ring: XY, text: str, drag: int | None) -> None:
        old = self.region(region_id).xy
        command = commands.EditGeometryCommand(self, region_id, old, ring, text, drag)
        self.undo_stack.push(command)


def _clean_ring(xy: Sequence[tuple[float, float]]) -> XY:
    """Drop a repeated closing vertex and consecutive duplicates; at least three must remain."""
    ring: list[tuple[float, float]] = []
    for x, y in xy:
        point = (float(x), float(y))
        if not ring or point != ring[-1]:
            ring.append(point)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    if len(ring) < 3:
        raise ValueError("a region needs at least three distinct vertices")
    return tuple(ring)
