"""Batch several property changes so each changed property emits its signal once, at the end.

A viewmodel lists its observable properties in ``_observed()`` (name -> current value) and
emits ``sig_<name>_changed`` for each one that differs after the outermost ``with
self._batch():`` block. Values are compared with ``==``; a property that changes and changes
back inside one batch emits nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable


class ChangeBatch:
    """Re-entrant context manager that emits the change signals of what really changed."""

    def __init__(
        self, read: Callable[[], dict[str, Any]], emit: Callable[[str, Any], None]
    ) -> None:
        self._read = read
        self._emit = emit
        self._depth = 0
        self._before: dict[str, Any] = {}

    def __enter__(self) -> ChangeBatch:
        if self._depth == 0:
            self._before = self._read()
        self._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth:
            return
        after = self._read()
        for name, value in after.items():
            if value != self._before.get(name):
                self._emit(name, value)
