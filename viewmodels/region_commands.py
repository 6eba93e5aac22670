"""Undoable region edits (STYLE.md §5): every change a user makes to a region is one of these.

Geometry edits (move / insert / delete a vertex, move the whole region) share
:class:`EditGeometryCommand`: they all replace the drawn ring. The mouse moves of one drag carry
the same *drag token*, and commands with the same token merge into a single undo step.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from viewmodels.regions_viewmodel import XY, RegionState, RegionsViewModel

_EDIT_GEOMETRY_ID = 1001


class AddRegionCommand(QUndoCommand):
    """Insert a new region at a list position; undo removes it."""

    def __init__(self, vm: RegionsViewModel, state: RegionState, index: int) -> None:
        super().__init__(f"Add {state.name}")
        self._vm, self._state, self._index = vm, state, index

    def redo(self) -> None:
        self._vm._insert(self._state, self._index)

    def undo(self) -> None:
        self._state = self._vm.region(self._state.id)
        self._vm._remove(self._state.id)


class DeleteRegionCommand(QUndoCommand):
    """Remove a region; undo puts it back where it was, with the same id."""

    def __init__(self, vm: RegionsViewModel, state: RegionState) -> None:
        super().__init__(f"Delete {state.name}")
        self._vm, self._state = vm, state
        self._index = vm.index_of(state.id)

    def redo(self) -> None:
        self._state = self._vm.region(self._state.id)
        self._vm._remove(self._state.id)

    def undo(self) -> None:
        self._vm._insert(self._state, self._index)


class SetRegionFieldCommand(QUndoCommand):
    """Set one field of a region's state (its name, colour, visibility); undo sets it back.

    Parameters
    ----------
    vm : RegionsViewModel
        The owner of the region.
    region_id : int
        Which region.
    field : str
        The :class:`RegionState` field to set.
    value : Any
        Its new value.
    text : str
        The undo menu label, e.g. ``"Rename to Pokrovsk"``.
    """

    def __init__(
        self, vm: RegionsViewModel, region_id: int, field: str, value: Any, text: str
    ) -> None:
        super().__init__(text)
        self._vm, self._id, self._field = vm, region_id, field
        self._old, self._new = getattr(vm.region(region_id), field), value

    def _set(self, value: Any) -> None:
        self._vm._replace(replace(self._vm.region(self._id), **{self._field: value}))

    def redo(self) -> None:
        self._set(self._new)

    def undo(self) -> None:
        self._set(self._old)


class EditGeometryCommand(QUndoCommand):
    """Replace a region's drawn ring (move / insert / delete vertex, move region).

    Parameters
    ----------
    vm : RegionsViewModel
        The owner of the region.
    region_id : int
        Which region.
    old, new : tuple of (x, y)
        The drawn ring before and after, in display metres.
    text : str
        The undo menu label, e.g. ``"Move vertex"``.
    drag : int or None
        Token of the mouse drag this edit belongs to; consecutive edits with the same token and
        label merge, so one drag is one undo step.
    """

    def __init__(
        self, vm: RegionsViewModel, region_id: int, old: XY, new: XY, text: str, drag: int | None
    ) -> None:
        super().__init__(text)
        self._vm, self._region_id = vm, region_id
        self._old, self._new, self._drag = old, new, drag

    def id(self) -> int:
        return _EDIT_GEOMETRY_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditGeometryCommand):
            return False
        same = (self._drag, self._region_id, self.text()) == (
            other._drag,
            other._region_id,
            other.text(),
        )
        if self._drag is None or not same:
            return False
        self._new = other._new
        return True

    def redo(self) -> None:
        self._vm._set_ring(self._region_id, self._new)

    def undo(self) -> None:
        self._vm._set_ring(self._region_id, self._old)
