"""The comparison's gained, lost and net per oblast (and per Russian region), off the UI thread.

Follows a :class:`~viewmodels.compare_viewmodel.CompareViewModel`: each new result is split with
:func:`geo.oblasts.oblast_breakdown` in the worker — the same function as ``delta --by-oblast``,
so the table and the command line print the same numbers. Choosing a row zooms the map to that
region's change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from geo.errors import one_line
from geo.tables import Table
from viewmodels.batch import ChangeBatch

if TYPE_CHECKING:
    from collections.abc import Callable

    from geo.oblasts import OblastChange
    from viewmodels.compare_viewmodel import CompareViewModel
    from viewmodels.tasks import TaskRunner

BBox = tuple[float, float, float, float]
HEADERS = ("region", "country", "gained_km2", "lost_km2", "net_km2")
"""Column names of the exported table."""
PAD = 0.15
"""Margin around a region's change when zooming to it (fraction of its size)."""
MIN_HALF_DEG = 0.05
"""Half-size of the smallest box zoomed to (a single small piece of change)."""


def default_breakdown(gained: Any, lost: Any) -> list[OblastChange]:
    """:func:`geo.oblasts.oblast_breakdown`, imported on first use."""
    from geo.oblasts import oblast_breakdown

    return oblast_breakdown(gained, lost)


def padded(bounds: BBox) -> BBox:
    """``bounds`` with a margin, never smaller than ±:data:`MIN_HALF_DEG` around its centre."""
    west, south, east, north = bounds
    cx, cy = (west + east) / 2, (south + north) / 2
    hx = max((east - west) * (0.5 + PAD), MIN_HALF_DEG)
    hy = max((north - south) * (0.5 + PAD), MIN_HALF_DEG)
    return cx - hx, cy - hy, cx + hx, cy + hy


class OblastViewModel(QObject):
    """Rows of the per-oblast breakdown of the current comparison.

    Parameters
    ----------
    compare : CompareViewModel
        The comparison followed.
    runner : TaskRunner
        Where the breakdown runs (channel ``"oblasts"``: a newer result supersedes).
    fit : callable
        Zooms the map to a lon/lat box (``MapViewModel.request_fit``).
    breakdown : callable, optional
        ``(gained, lost) -> list[OblastChange]``.
    parent : QObject, optional
    """

    sig_rows_changed = Signal(object)
    """The rows changed (a list of ``geo.oblasts.OblastChange``; empty without a comparison)."""
    sig_computing_changed = Signal(bool)
    """The breakdown started (True) or finished (False)."""
    sig_error_changed = Signal(str)
    """The error message changed ("" when the last breakdown succeeded)."""

    def __init__(
        self,
        compare: CompareViewModel,
        runner: TaskRunner,
        fit: Callable[[BBox], None],
        breakdown: Callable[[Any, Any], list[OblastChange]] = default_breakdown,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._fit, self._breakdown = runner, fit, breakdown
        self._rows: list[OblastChange] = []
        self._computing = False
        self._error = ""
        self._source: Any = None
        self._batch = ChangeBatch(
            self, {"rows": "_rows", "computing": "_computing", "error": "_error"}
        )
        compare.sig_result_changed.connect(self._on_compare_result_changed)
        self._on_compare_result_changed(compare.result())

    def rows(self) -> list[OblastChange]:
        return list(self._rows)

    def computing(self) -> bool:
        return self._computing

    def error(self) -> str:
        return self._error

    def source(self) -> Any:
        """The ``geo.delta.Delta`` the rows describe (None without a comparison)."""
        return self._source

    def table(self) -> Table:
        """The rows as a :class:`geo.tables.Table` (values, not display text), for copy/CSV."""
        return Table(
            HEADERS,
            tuple((r.name_en, r.country, r.gained_km2, r.lost_km2, r.net_km2) for r in self._rows),
        )

    def zoom_to(self, row: int) -> None:
        """Zoom the map to the change inside the region of ``row`` (nothing for "outside")."""
        if 0 <= row < len(self._rows) and self._rows[row].bounds is not None:
            bounds = self._rows[row].bounds
            assert bounds is not None
            self._fit(padded(bounds))

    def _on_compare_result_changed(self, result: Any) -> None:
        self._source = result
        if result is None:
            self._runner.submit(lambda: None, lambda _r: None, channel="oblasts")
            with self._batch:
                self._rows, self._computing, self._error = [], False, ""
            return
        with self._batch:
            self._computing = True
        gained, lost, breakdown = result.gained, result.lost, self._breakdown
        self._runner.submit(
            lambda: breakdown(gained, lost),
            self._on_breakdown_done,
            self._on_breakdown_failed,
            channel="oblasts",
        )

    def _on_breakdown_done(self, rows: list[OblastChange]) -> None:
        with self._batch:
            self._rows, self._computing, self._error = list(rows), False, ""

    def _on_breakdown_failed(self, exc: BaseException) -> None:
        with self._batch:
            self._rows, self._computing = [], False
            self._error = f"by oblast: {one_line(exc)}"
