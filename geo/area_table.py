"""The area of every snapshot by series, from a loaded catalog or straight from the cache's heads.

``areas`` prints only dates, series names and the areas computed when each file was loaded. When
every file it names is unchanged and cached, :func:`cached_area_table` answers from the cache's
small per-file heads (:meth:`geo.cache.LoadCache.get_summaries`) without reading or decoding any
geometry and without importing numpy or shapely; anything it cannot answer exactly returns None,
and the caller loads in full (:meth:`AreaTable.of_catalog`). Both give the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Iterable

    from geo.cache import FileSummary, LoadCache
    from geo.model import Catalog, Problem


@dataclass(frozen=True)
class AreaTable:
    """``(date, km²)`` of each snapshot by series, series sorted, rows by date, and problems.

    Attributes
    ----------
    series : dict of str to list of (date, float)
        Each series' snapshots in date order, as :func:`geo.areas.area_series` gives them.
    problems : list of Problem
        What the load met, in the order a load reports it.
    """

    series: dict[str, list[tuple[dt.date, float]]]
    problems: list[Problem]

    def series_names(self) -> list[str]:
        """The series, sorted (as :meth:`geo.model.Catalog.series_names`)."""
        return sorted(self.series)

    @classmethod
    def of_catalog(cls, catalog: Catalog) -> AreaTable:
        """The table of a loaded catalog."""
        from geo.areas import area_series

        series = {name: area_series(catalog.snapshots(name)) for name in catalog.series_names()}
        return cls(series, list(catalog.problems))


def cached_area_table(
    paths: Iterable[str | os.PathLike[str]], cache: LoadCache | None = None
) -> AreaTable | None:
    """The table a full load of ``paths`` would give, from the cache's heads; None if it can't.

    None when any file is not in the cache unchanged with an intact head, when the cache cannot
    be used, when two snapshots share a series and a date (a load unions them and measures the
    union), or when nothing was found (the load's error names the problem).
    """
    from geo.cache import LoadCache
    from geo.discovery import discover

    entries = discover(paths)
    store = cache or LoadCache()
    try:
        summaries = store.get_summaries(entries)
    finally:
        if cache is None:
            store.close()
    if store.problem is not None or len(summaries) != len(entries):
        return None
    return _table([summaries[path] for path in entries])


def _table(summaries: list[FileSummary]) -> AreaTable | None:
    by_series: dict[str, dict[dt.date, float]] = {}
    problems = [problem for summary in summaries for problem in summary.problems]
    for summary in summaries:
        for name, date, area in summary.rows:
            dated = by_series.setdefault(name, {})
            if date in dated:
                return None  # merged by a load: its area is that of the union
            dated[date] = area
    if not by_series:
        return None
    series = {name: sorted(by_series[name].items()) for name in sorted(by_series)}
    return AreaTable(series, problems)
