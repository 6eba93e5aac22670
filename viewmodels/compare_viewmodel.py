"""Comparing two dates: the delta runs in a worker; only the latest request applies.

The result's numbers feed the comparison panel; its geometries go to the map canvas as a
:class:`viewmodels.map_viewmodel.CompareGeometries`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from geo.errors import one_line
from geo.units import percent_of_ukraine
from viewmodels.batch import ChangeBatch

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Sequence

    from geo.model import Catalog
    from geo.outliers import Outlier
    from viewmodels.tasks import TaskRunner


@dataclass(frozen=True)
class CompareRow:
    """One line of the comparison table: a label, km² and % of Ukraine.

    ``kind`` says what the figure is (``"area"``, ``"gained"``, ``"lost"`` or ``"net"``) so a
    view styles rows by meaning, never by matching label text.
    """

    label: str
    km2: float
    percent: float | None
    """% of Ukraine; None where that means nothing (a series outside Ukraine, e.g. Kursk)."""
    kind: str = "area"


def default_delta(catalog: Catalog, series: str, date_from: dt.date, date_to: dt.date) -> Any:
    """``geo.delta.compute_delta``, imported on first use."""
    from geo.delta import compute_delta

    return compute_delta(catalog, series, date_from, date_to)


def _geometries(catalog: Catalog, delta: Any) -> Any:
    from viewmodels.map_viewmodel import CompareGeometries

    return CompareGeometries(
        series=delta.series,
        gained=delta.gained,
        lost=delta.lost,
        outline_a=catalog.at(delta.series, delta.from_actual).geometry,
        outline_b=catalog.at(delta.series, delta.to_actual).geometry,
    )


class CompareViewModel(QObject):
    """The delta between dates A and B of one series, computed off the UI thread."""

    sig_result_changed = Signal(object)
    """The delta shown changed (a ``geo.delta.Delta`` or None)."""
    sig_computing_changed = Signal(bool)
    """A delta started (True) or finished (False) computing."""
    sig_error_changed = Signal(str)
    """The error message changed ("" when the last request succeeded)."""
    sig_geometries_changed = Signal(object)
    """The gained/lost geometries and outlines to draw changed (a
    ``viewmodels.map_viewmodel.CompareGeometries`` or None); the application's viewmodel
    passes them to the map's."""

    def __init__(self, runner: TaskRunner, delta: Callable[..., Any] | None = None) -> None:
        super().__init__()
        self._runner = runner
        self._delta = delta or default_delta
        self._result: Any = None
        self._geometries: Any = None
        self._in_ukraine = True
        self._computing = False
        self._error = ""
        self._request: tuple[Any, ...] | None = None
        self._outliers: tuple[Outlier, ...] = ()
        self._batch = ChangeBatch(
            self,
            {
                "result": "_result",
                "computing": "_computing",
                "error": "_error",
                "geometries": "_geometries",
            },
            by_identity={"result", "geometries"},
        )

    def result(self) -> Any:
        return self._result

    def computing(self) -> bool:
        return self._computing

    def geometries(self) -> Any:
        """What the map draws for the result (``CompareGeometries``), or None."""
        return self._geometries

    def error(self) -> str:
        return self._error

    def set_outliers(self, outliers: Sequence[Outlier]) -> None:
        """The data's suspect snapshots (:mod:`geo.outliers`); the next result is checked."""
        self._outliers = tuple(outliers)

    def warnings(self) -> list[str]:
        """One line per flagged snapshot the comparison shown uses (date A's or date B's)."""
        from geo.outliers import flagged_among

        r = self._result
        if r is None:
            return []
        used = [r.from_actual, r.to_actual]
        return [o.message() for o in flagged_among(self._outliers, r.series, used)]

    def rows(self) -> list[CompareRow]:
        """Area on A, area on B, gained, lost and net, each with its % of Ukraine."""
        r = self._result
        if r is None:
            return []
        values = [
            (f"Area on {r.from_actual}", r.area_from_km2, "area"),
            (f"Area on {r.to_actual}", r.area_to_km2, "area"),
            ("Gained", r.gained_km2, "gained"),
            ("Lost", r.lost_km2, "lost"),
            ("Net", r.net_km2, "net"),
        ]
        return [
            CompareRow(text, km2, percent_of_ukraine(km2) if self._in_ukraine else None, kind)
            for text, km2, kind in values
        ]

    def request(
        self, catalog: Catalog | None, series: str, date_a: dt.date | None, date_b: dt.date | None
    ) -> None:
        """Compute the delta from ``date_a`` to ``date_b``; a newer request supersedes this one."""
        if catalog is None or not series or date_a is None or date_b is None:
            self.clear()
            return
        key = (id(catalog), series, date_a, date_b)
        if key == self._request and (self._computing or self._result is not None):
            return
        self._request = key
        with self._batch:
            self._computing = True
        delta_fn = self._delta

        def work() -> tuple[Any, Any, bool]:
            from geo.in_ukraine import percent_of_ukraine_meaningful

            result = delta_fn(catalog, series, date_a, date_b)
            geometries = _geometries(catalog, result)
            outlines = [geometries.outline_a, geometries.outline_b]
            return result, geometries, percent_of_ukraine_meaningful(outlines)

        self._runner.submit(work, self._on_delta_done, self._on_delta_failed, channel="compare")

    def clear(self) -> None:
        """Forget the comparison (compare switched off, or no data)."""
        self._request = None
        self._runner.submit(lambda: None, lambda _r: None, channel="compare")
        with self._batch:
            self._result, self._computing, self._error = None, False, ""
            self._geometries = None

    def _on_delta_done(self, payload: tuple[Any, Any, bool]) -> None:
        result, geometries, self._in_ukraine = payload
        with self._batch:
            self._result, self._computing, self._error = result, False, ""
            self._geometries = geometries

    def _on_delta_failed(self, exc: BaseException) -> None:
        with self._batch:
            self._result, self._computing = None, False
            self._error = one_line(exc)
            self._geometries = None
