"""Text, CSV and JSON renderings for the command line (pure functions returning strings)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, Any

import orjson

from geo.units import format_km2

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from geo.delta import Delta
    from geo.model import Catalog

DIGITS = 3
#: Unicode categories never written raw to a terminal: controls (ESC, CR, newline...), format
#: characters (bidi overrides), lone surrogates (undecodable bytes of a file name), line breaks.
_UNPRINTABLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if char in "\n\r\t":
        return repr(char)[1:-1]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, format and undecodable character escaped (``\\x1b``, ``\\n``).

    File names come from strangers: a newline would split a one-line message, an escape sequence
    would reach the terminal raw, an undecodable byte would make the write fail.
    """
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _UNPRINTABLE else c for c in text)


def km2(value: float, *, signed: bool = False) -> str:
    """``12,345.678 km²`` in plain ASCII for scripts (``+`` on positive values when ``signed``)."""
    return format_km2(value, DIGITS, signed=signed, minus="-")


def _date_range(start: dt.date, end: dt.date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


def _crs_lines(catalog: Catalog, series: str) -> list[str]:
    by_crs: dict[str, list[str]] = {}
    for snapshot in catalog.snapshots(series):
        by_crs.setdefault(snapshot.crs, []).append(snapshot.source)
    lines = []
    for crs, sources in sorted(by_crs.items()):
        unique = sorted(set(sources))
        listed = ", ".join(unique) if len(unique) <= 5 else f"{len(unique)} files"
        lines.append(f"  CRS: {crs} ({listed})")
    return lines


def inspect_text(catalog: Catalog, gaps: dict[str, list[tuple[dt.date, dt.date]]]) -> str:
    """Series, dates (count, first, last, gaps), CRS, repairs and problems of a catalog."""
    lines = []
    for series in catalog.series_names():
        dates = catalog.dates(series)
        lines.append(f"Series: {series}")
        lines.append(f"  dates: {len(dates)}, first {dates[0]}, last {dates[-1]}")
        found = gaps.get(series, [])
        missing = sum((b - a).days + 1 for a, b in found)
        shown = ", ".join(_date_range(a, b) for a, b in found) if found else "none"
        lines.append(f"  gaps: {shown}" + (f" ({missing} days missing)" if found else ""))
        lines.extend(_crs_lines(catalog, series))
    if not catalog.series:
        lines.append("Series: none")
    repairs = catalog.repairs()
    kinds = Counter(r.kind for r in repairs)
    summary = ", ".join(f"{kind} x{count}" for kind, count in sorted(kinds.items()))
    lines.append(f"Repairs: {len(repairs)}" + (f" ({summary})" if repairs else ""))
    lines.extend(f"  {printable(str(repair))}" for repair in repairs)
    lines.append(f"Problems: {len(catalog.problems)}")
    lines.extend(f"  {printable(str(problem))}" for problem in catalog.problems)
    return "\n".join(lines) + "\n"


def areas_csv(series: str, rows: Sequence[tuple[dt.date, float]]) -> str:
    """``date,series,area_km2`` rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "series", "area_km2"])
    writer.writerows([d.isoformat(), series, f"{a:.{DIGITS}f}"] for d, a in rows)
    return out.getvalue()


def areas_json(series: str, rows: Sequence[tuple[dt.date, float]]) -> str:
    """A JSON list of ``{"date", "series", "area_km2"}`` objects."""
    items = [
        {"date": d.isoformat(), "series": series, "area_km2": round(a, DIGITS)} for d, a in rows
    ]
    return dumps(items)


def dumps(value: Any) -> str:
    """Indented JSON text with a final newline (ASCII-escaped if a name holds undecodable bytes)."""
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n"
    except orjson.JSONEncodeError:
        return json.dumps(value, indent=2, default=str) + "\n"


def _when(asked: dt.date, actual: dt.date) -> str:
    if asked == actual:
        return asked.isoformat()
    return f"{asked.isoformat()} (snapshot of {actual.isoformat()})"


def delta_text(delta: Delta, oblasts: Sequence[Any] | None = None) -> str:
    """A small table of one delta, optionally followed by its per-oblast breakdown."""
    where = f"region {delta.region!r}" if delta.region else "whole series"
    rows = [
        (f"Area on {delta.from_actual}", km2(delta.area_from_km2)),
        (f"Area on {delta.to_actual}", km2(delta.area_to_km2)),
        ("Gained", km2(delta.gained_km2)),
        ("Lost", km2(delta.lost_km2)),
        ("Net", km2(delta.net_km2, signed=True)),
    ]
    width = max(len(label) for label, _ in rows) + 2
    value_width = max(len(value) for _, value in rows)
    start, end = _when(delta.date_from, delta.from_actual), _when(delta.date_to, delta.to_actual)
    lines = [f"{delta.series}, {where}", f"  from {start} to {end}"]
    lines += [f"  {label:<{width}}{value:>{value_width}}" for label, value in rows]
    if oblasts is not None:
        lines.append("  By oblast (gained / lost / net):")
        lines += [
            f"    {row.name_en}: {km2(row.gained_km2)} / {km2(row.lost_km2)} / "
            f"{km2(row.net_km2, signed=True)}"
            for row in oblasts
        ]
    return "\n".join(lines) + "\n"


def oblast_rows_json(oblasts: Sequence[Any]) -> list[dict[str, Any]]:
    """The per-oblast rows as JSON objects."""
    return [
        {
            "name_en": row.name_en,
            "gained_km2": round(row.gained_km2, DIGITS),
            "lost_km2": round(row.lost_km2, DIGITS),
            "net_km2": round(row.net_km2, DIGITS),
        }
        for row in oblasts
    ]
