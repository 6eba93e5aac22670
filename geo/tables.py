"""Tables as text a spreadsheet takes: tab-separated for the clipboard, CSV for files.

Numbers are written plainly (``1234.567``, a dot for decimals, no thousands separator, a minus
sign ``-``), so a spreadsheet reads them as numbers whatever the display formatting.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geo.atomic import write_bytes_atomically

if TYPE_CHECKING:
    import os
    from collections.abc import Sequence

Cell = str | float | int | None
DIGITS = 3
"""Decimals of float cells (0.001 km²)."""


@dataclass(frozen=True)
class Table:
    """A header row and data rows, cells as values (not display text)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def select(self, rows: Sequence[int]) -> Table:
        """The same table with only ``rows`` (in that order); all rows when empty."""
        if not rows:
            return self
        return Table(self.headers, tuple(self.rows[i] for i in rows))


def cell_text(value: Cell) -> str:
    """One cell as plain text: floats with :data:`DIGITS` decimals, None empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.{DIGITS}f}"
    return str(value)


def _text(table: Table, dialect: type[csv.Dialect]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, dialect=dialect, lineterminator="\n")
    writer.writerow(table.headers)
    writer.writerows([cell_text(c) for c in row] for row in table.rows)
    return out.getvalue()


def to_tsv(table: Table) -> str:
    """Tab-separated text with a header line, as spreadsheets paste it."""
    return _text(table, csv.excel_tab)


def to_csv(table: Table) -> str:
    """RFC 4180 comma-separated text with a header line."""
    return _text(table, csv.excel)


def write_csv(path: str | os.PathLike[str], table: Table) -> None:
    """Write ``table`` as UTF-8 CSV to ``path``, atomically."""
    write_bytes_atomically(path, to_csv(table).encode("utf-8"))
