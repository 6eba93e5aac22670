"""Every table of the window as a :class:`geo.tables.Table` of values, for copy and CSV export.

Views show formatted text (``+1,234.5``, a true minus); these give the numbers themselves, so a
pasted or exported table holds numbers a spreadsheet can add up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geo.tables import Cell, Table

if TYPE_CHECKING:
    from viewmodels.compare_viewmodel import CompareViewModel
    from viewmodels.regions_viewmodel import RegionsViewModel

COMPARE_HEADERS = ("quantity", "km2", "percent_of_ukraine")
REGION_HEADERS = (
    "region",
    "date_from",
    "date_to",
    "area_from_km2",
    "area_to_km2",
    "gained_km2",
    "lost_km2",
    "net_km2",
)


def compare_table(vm: CompareViewModel) -> Table:
    """The comparison: area on A and B, gained, lost and net with % of Ukraine."""
    return Table(COMPARE_HEADERS, tuple((r.label, r.km2, r.percent) for r in vm.rows()))


def regions_table(vm: RegionsViewModel) -> Table:
    """One row per drawn region: the snapshot dates compared and its figures (empty before
    they are computed)."""
    rows: list[tuple[Cell, ...]] = []
    for state in vm.regions():
        s = vm.stats(state.id)
        if s is None:
            rows.append((state.name, None, None, None, None, None, None, None))
            continue
        rows.append(
            (
                state.name,
                s.from_actual.isoformat(),
                s.to_actual.isoformat(),
                s.area_from_km2,
                s.area_to_km2,
                s.gained_km2,
                s.lost_km2,
                s.net_km2,
            )
        )
    return Table(REGION_HEADERS, tuple(rows))
