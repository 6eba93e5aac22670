"""Series entry points for the layers and Problems panels: rename, merge, split, reassign a file.

The menus only ask (through injectable dialogs, STYLE.md §8) and call the dataset viewmodel's
commands; the viewmodel decides, regroups and keeps the undo stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from ui.series_dialog import ask_series_name, ask_split

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QMenu, QWidget

    from geo.series_choices import Member
    from viewmodels.dataset_viewmodel import DatasetViewModel

    AskName = Callable[[QWidget | None, str, str, str, Sequence[str]], str | None]
    AskSplit = Callable[
        [QWidget | None, str, Sequence[Member], Sequence[str]], tuple[list[Member], str] | None
    ]

NEW_SERIES = "New series…"


@dataclass
class SeriesActions:
    """Fills context menus with the series commands of ``dataset``.

    Attributes
    ----------
    dataset : DatasetViewModel
    ask_name, ask_split : callable
        The dialogs (tests inject answers).
    """

    dataset: DatasetViewModel
    ask_name: AskName = field(default=ask_series_name)
    ask_split: AskSplit = field(default=ask_split)

    def series_names(self) -> list[str]:
        catalog = self.dataset.catalog()
        return catalog.series_names() if catalog is not None else []

    def fill_series_menu(self, menu: QMenu, series: str, parent: QWidget | None) -> None:
        """Rename, merge into another series, split files off, undo, back to automatic."""
        if series not in self.series_names():
            return
        menu.addAction("Rename series…", lambda: self.rename(series, parent))
        others = [n for n in self.series_names() if n != series]
        merge = menu.addMenu("Merge into")
        for name in others:
            merge.addAction(name, partial(self.dataset.merge_series, [series], name))
        merge.setEnabled(bool(others))
        split = menu.addAction(
            "Split files into another series…", lambda: self.split(series, parent)
        )
        split.setEnabled(len(self.dataset.members(series)) > 1)
        self._add_history(menu)

    def fill_file_menu(self, menu: QMenu, source: str, parent: QWidget | None) -> None:
        """Put the snapshots of one file in another series (or a new one)."""
        members = self.dataset.members(source=source)
        if not members:
            return
        move = menu.addMenu("Put this file in series")
        current = {self.dataset.series_choices().target(m.series, m.source) for m in members}
        for name in self.series_names():
            if name not in current:
                move.addAction(name, partial(self.dataset.move_to_series, members, name))
        move.addAction(NEW_SERIES, lambda: self.move_to_new(members, parent))
        self._add_history(menu)

    def rename(self, series: str, parent: QWidget | None) -> None:
        name = self.ask_name(parent, "Rename series", f"New name for “{series}”:", series, ())
        if name and name != series:
            self.dataset.rename_series(series, name)

    def split(self, series: str, parent: QWidget | None) -> None:
        others = [n for n in self.series_names() if n != series]
        answer = self.ask_split(parent, series, self.dataset.members(series), others)
        if answer is not None and answer[0]:
            self.dataset.move_to_series(*answer)

    def move_to_new(self, members: Sequence[Member], parent: QWidget | None) -> None:
        label = "Series for this file (a new name, or an existing one):"
        name = self.ask_name(parent, "Put in series", label, "", self.series_names())
        if name:
            self.dataset.move_to_series(members, name)

    def _add_history(self, menu: QMenu) -> None:
        menu.addSeparator()
        stack = self.dataset.undo_stack
        undo = menu.addAction(f"Undo {stack.undoText()}".strip(), stack.undo)
        undo.setEnabled(stack.canUndo())
        reset = menu.addAction("Back to automatic series", self.dataset.reset_series)
        reset.setEnabled(not self.dataset.series_choices().is_automatic())
