"""Binding views to viewmodels: connections that are undone together, echo-free updates.

In the spirit of napari's ``connect_setattr`` / ``attr_to_settr`` (``napari/_qt/utils.py``)
and glue's echo (``echo/qt/connect.py``): a view makes every connection to its viewmodels
through one :class:`Bindings`, so its ``close()`` / ``unbind()`` disconnects them all (a view
may go away while its viewmodel lives on, as the window's views do under the application's
viewmodel); a value pushed from the viewmodel into a widget is set with the widget's signals
blocked, so it does not echo back as a user edit.
"""

from __future__ import annotations

import contextlib
import warnings
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QScrollArea

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from PySide6.QtCore import QObject, SignalInstance
    from PySide6.QtWidgets import QWidget


class Bindings:
    """The connections one view made; :meth:`unbind` disconnects every one of them.

    Parameters
    ----------
    owner : QObject, optional
        The view; when it is destroyed (its dock deleted with the window) the connections are
        undone too, so a viewmodel that outlives it never calls into a deleted widget.
    """

    def __init__(self, owner: QObject | None = None) -> None:
        self._pairs: list[tuple[SignalInstance, Callable[..., Any]]] = []
        if owner is not None:
            owner.destroyed.connect(self.unbind)

    def connect(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """``signal.connect(slot)``, remembered for :meth:`unbind`."""
        signal.connect(slot)
        self._pairs.append((signal, slot))

    def to_viewmodel(self, signal: SignalInstance, setter: Callable[[Any], Any]) -> None:
        """A widget's change signal calls the viewmodel's ``setter`` with the new value."""
        self.connect(signal, setter)

    def to_widget(
        self, signal: SignalInstance, widget: QObject, setter: Callable[[Any], Any]
    ) -> None:
        """A viewmodel's change signal sets the widget through ``setter``, signals blocked."""

        def update(value: Any) -> None:
            with QSignalBlocker(widget):
                setter(value)

        self.connect(signal, update)

    def unbind(self, *_args: object) -> None:
        """Disconnect everything connected through this object (safe to call twice)."""
        pairs, self._pairs = self._pairs, []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # "failed to disconnect": gone
            for signal, slot in reversed(pairs):
                with contextlib.suppress(RuntimeError, TypeError, SystemError):
                    signal.disconnect(slot)  # the sender or the slot's object is already gone

    def __len__(self) -> int:
        return len(self._pairs)


def close_views(widgets: Iterable[QWidget | None]) -> None:
    """Close each view (its ``close()`` undoes its bindings), and the view a scroll area holds."""
    for widget in widgets:
        inner = widget.widget() if isinstance(widget, QScrollArea) else None
        for view in (inner, widget):
            if view is not None:
                view.close()


def set_quietly(widget: QObject, setter: Callable[[Any], Any], value: Any) -> None:
    """``setter(value)`` with ``widget``'s signals blocked (a model → widget update)."""
    with QSignalBlocker(widget):
        setter(value)
