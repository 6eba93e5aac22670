"""Tables as tab-separated and CSV text: plain numbers, a header, quoting where needed."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from geo.tables import Table, cell_text, to_csv, to_tsv, write_csv

if TYPE_CHECKING:
    from pathlib import Path

TABLE = Table(
    ("oblast", "country", "gained_km2"),
    (("Donetsk", "UA", 320.7396), ("Kursk, RU", "RU", -1234567.0), ("outside", None, 0.0)),
)


def test_tsv_has_plain_numbers_and_tabs() -> None:
    text = to_tsv(TABLE)
    lines = text.splitlines()
    assert lines[0] == "oblast\tcountry\tgained_km2"
    assert lines[1] == "Donetsk\tUA\t320.740"
    assert lines[2] == "Kursk, RU\tRU\t-1234567.000"
    assert lines[3] == "outside\t\t0.000"


def test_csv_quotes_commas_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    write_csv(path, TABLE)
    assert path.read_text(encoding="utf-8") == to_csv(TABLE)
    rows = list(csv.reader(io.StringIO(to_csv(TABLE))))
    assert rows[2] == ["Kursk, RU", "RU", "-1234567.000"]


def test_select_rows_keeps_the_header() -> None:
    assert TABLE.select([2]).rows == (TABLE.rows[2],)
    assert TABLE.select([]) is TABLE
    assert cell_text(3) == "3"
