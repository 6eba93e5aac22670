"""Undoable series choices (STYLE.md §5): each rename, merge, split or reset is one undo step.

The choices themselves are immutable (:class:`geo.series_choices.SeriesChoices`), so a command
only keeps the value before and after and asks the dataset viewmodel to apply one or the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from geo.series_choices import SeriesChoices
    from viewmodels.dataset_viewmodel import DatasetViewModel


class ChangeSeriesCommand(QUndoCommand):
    """Replace the dataset's series choices; undo puts the previous ones back."""

    def __init__(self, vm: DatasetViewModel, new: SeriesChoices, text: str) -> None:
        super().__init__(text)
        self._vm, self._old, self._new = vm, vm.series_choices(), new

    def redo(self) -> None:
        self._vm.apply_series_choices(self._new)

    def undo(self) -> None:
        self._vm.apply_series_choices(self._old)
