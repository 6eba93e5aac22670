"""Batch several property changes so each changed property emits its signal once, at the end.

A viewmodel declares its observable properties once, as ``{name: attribute}``; after the
outermost ``with self._batch:`` block, :class:`ChangeBatch` emits ``sig_<name>_changed`` with
the new value for each property that differs from its value when the block began. Values are
compared with ``==`` (lists are copied first, so an in-place change counts); properties named
in ``by_identity`` are compared with ``is`` (results holding geometries, whose ``==`` is
costly). A property that changes and changes back inside one batch emits nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping


class _Same:
    """Wraps a value so that ``==`` means ``is``."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.value is self.value

    def __hash__(self) -> int:
        return id(self.value)


class ChangeBatch:
    """Re-entrant context manager that emits the change signals of what really changed.

    Parameters
    ----------
    owner
        The viewmodel; it has the attributes named in ``fields`` and a signal
        ``sig_<name>_changed`` for each name.
    fields
        Property name -> the attribute of ``owner`` that holds its value.
    by_identity
        Names whose values are compared by identity instead of ``==``.
    """

    def __init__(
        self, owner: object, fields: Mapping[str, str], by_identity: Collection[str] = ()
    ) -> None:
        self._owner = owner
        self._fields = dict(fields)
        self._by_identity = frozenset(by_identity)
        self._depth = 0
        self._before: dict[str, Any] = {}

    def _read(self) -> dict[str, Any]:
        values = {}
        for name, attribute in self._fields.items():
            value = getattr(self._owner, attribute)
            if name in self._by_identity:
                value = _Same(value)
            elif isinstance(value, list):
                value = list(value)
            values[name] = value
        return values

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
                plain = value.value if isinstance(value, _Same) else value
                getattr(self._owner, f"sig_{name}_changed").emit(plain)
