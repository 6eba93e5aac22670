"""The locator field (Ctrl+F): type a place in any spelling or script, pick it from the list.

The field binds to a :class:`~viewmodels.search_viewmodel.SearchViewModel`: every edit sets the
query, the result list pops up under the field (name — oblast, country), and Enter or a click
chooses a result (the first one when none is highlighted). Esc clears the field and the mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent, QKeyEvent
    from PySide6.QtWidgets import QWidget

    from viewmodels.search_viewmodel import PlaceResult, SearchViewModel

PLACEHOLDER = "Find place… (Ctrl+F)"
WIDTH = 260


class SearchBox(QLineEdit):
    """A line edit with a result popup, bound to a :class:`SearchViewModel`."""

    def __init__(self, vm: SearchViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self.setObjectName("place_search")
        self.setPlaceholderText(PLACEHOLDER)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(WIDTH)
        self.setToolTip("Find a place in any spelling or script: Kupiansk, Купянськ, Kupyansk")
        self.model = QStringListModel(self)
        self.completer_ = QCompleter(self.model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setWidget(self)
        self.completer_.setMaxVisibleItems(12)
        activated = self.completer_.activated[QModelIndex]  # type: ignore[index]
        activated.connect(self._on_popup_activated)
        self.textEdited.connect(vm.set_query)
        self.returnPressed.connect(self._on_return_pressed)
        vm.sig_results_changed.connect(self._on_vm_results_changed)
        vm.sig_error_raised.connect(self.setToolTip)

    def _popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        assert popup is not None
        return popup

    def popup_labels(self) -> list[str]:
        """The lines of the result list as shown."""
        return self.model.stringList()

    def _on_vm_results_changed(self, results: list[PlaceResult]) -> None:
        self.model.setStringList([r.label for r in results])
        popup = self._popup()
        if results and self.hasFocus():
            self.completer_.complete()
            popup.setCurrentIndex(self.model.index(-1, 0))
        else:
            popup.hide()

    def _on_popup_activated(self, index: QModelIndex) -> None:
        self._choose(index.row())

    def _on_return_pressed(self) -> None:
        current = self._popup().currentIndex()
        self._choose(current.row() if current.isValid() else 0)

    def _choose(self, row: int) -> None:
        results = self.vm.results()
        if 0 <= row < len(results):
            self.vm.choose(row)
            self.setText(results[row].name)
            self._popup().hide()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Start building the place index as soon as the field is used."""
        self.vm.prepare()
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.vm.clear()
            return
        super().keyPressEvent(event)
