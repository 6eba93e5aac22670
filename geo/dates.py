"""The date a snapshot describes, from an attribute or from the names around it.

Names are searched innermost first: the layer, the file, the archive member, the archive, then the
folders. ISW writes dates in many ways (``23AUG2022``, ``22May2022``, ``13APR``, ``AUG07``,
``20220823_...``); a month and day without a year take the year from another name on the path
(``shapefiles_2022/zips/...AUG07.zip``). A date found but impossible (``2202-02-02``, before 1990,
after today) is refused with a :class:`~geo.errors.DateError`, never skipped in favour of a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from geo.errors import DateError
from geo.model import Repair

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

EARLIEST = dt.date(1990, 1, 1)

#: Attribute names (lower case) that hold the date a feature describes. ``EditDate`` and
#: ``CreationDa`` in ISW files are editing times, not snapshot dates, so they are not here.
DATE_ATTRIBUTES = ("date", "snapshot_date", "when", "day", "datetime")

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_MON = (
    r"(?P<mon>january|february|march|april|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sept|sep|oct|nov|dec)"
)

#: Whole dates in a name, tried in order. Each gives named groups year, month|mon, day.
_FULL_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)",
        r"(?<!\d)(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?!\d)",
        r"(?<!\d)(?P<day>\d{1,2})[ _-]?" + _MON + r"[ _-]?(?P<year>\d{4})(?!\d)",
        _MON + r"[ _-]?(?P<day>\d{1,2})[ _,-]+(?P<year>\d{4})(?!\d)",
        r"(?<!\d)(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})(?!\d)",
        r"(?<!\d)(?P<year>\d{4})[/.](?P<month>\d{1,2})[/.](?P<day>\d{1,2})(?!\d)",
    )
)
#: A month and day without a year (``13APR``, ``AUG07``); the month must touch the digits.
_PARTIAL_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?<!\d)(?P<day>\d{1,2})" + _MON + r"(?![a-z])",
        _MON + r"[ _-]?(?P<day>\d{1,2})(?!\d)",
    )
)
_YEAR = re.compile(r"(?<!\d)(?P<year>19\d\d|20\d\d)(?!\d)")


class MissingDateError(DateError):
    """No date at all was found (as opposed to an impossible one)."""


def today() -> dt.date:
    """Today's date; a function so tests can pin it."""
    return dt.date.today()


def checked(year: int, month: int, day: int, path: str, origin: str) -> dt.date:
    """``date(year, month, day)`` if it is a real date between 1990 and today, else DateError."""
    try:
        value = dt.date(year, month, day)
    except ValueError:
        raise DateError(
            path, f"impossible date {year:04d}-{month:02d}-{day:02d} in {origin}"
        ) from None
    if value < EARLIEST or value > today():
        raise DateError(
            path, f"impossible date {value.isoformat()} in {origin} (before 1990 or in the future)"
        )
    return value


def _month(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("mon"):
        return _MONTHS[groups["mon"][:3].lower()]
    return int(groups["month"])


def _full_date(name: str) -> tuple[int, int, int] | None:
    for pattern in _FULL_PATTERNS:
        match = pattern.search(name)
        if match:
            return int(match["year"]), _month(match), int(match["day"])
    return None


def _partial_date(name: str) -> tuple[int, int] | None:
    for pattern in _PARTIAL_PATTERNS:
        match = pattern.search(name)
        if match:
            return _month(match), int(match["day"])
    return None


def date_from_names(names: Sequence[str], path: str) -> dt.date:
    """The date written in ``names`` (innermost first), or DateError naming ``path``.

    Parameters
    ----------
    names : sequence of str
        Layer name, file name, archive names, folders, innermost first.
    path : str
        The file the names belong to, for the error message.
    """
    for index, name in enumerate(names):
        full = _full_date(name)
        if full is not None:
            return checked(*full, path, f"name {name!r}")
        partial = _partial_date(name)
        if partial is not None:
            year = _year_near(names, index)
            if year is None:
                raise MissingDateError(
                    path, f"name {name!r} gives a month and day but no year is on the path"
                )
            return checked(year, *partial, path, f"name {name!r} (year from the path)")
    raise MissingDateError(
        path, "no date in its attributes or in its name (add one to the name, e.g. _2022-06-14)"
    )


def _year_near(names: Sequence[str], index: int) -> int | None:
    order = [index, *range(index + 1, len(names)), *range(index - 1, -1, -1)]
    for i in order:
        match = _YEAR.search(names[i])
        if match:
            return int(match["year"])
    return None


def date_from_value(value: Any, path: str, field: str) -> dt.date | None:
    """A date attribute value (text, date, datetime, epoch ms or s) or None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return checked(value.year, value.month, value.day, path, f"attribute {field!r}")
    if isinstance(value, dt.date):
        return checked(value.year, value.month, value.day, path, f"attribute {field!r}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            seconds = value / 1000.0 if abs(value) >= 1e11 else float(value)
            stamp = dt.datetime.fromtimestamp(seconds, tz=dt.UTC)
        except (OverflowError, OSError, ValueError):
            raise DateError(path, f"impossible epoch time {value!r} in {field!r}") from None
        return checked(stamp.year, stamp.month, stamp.day, path, f"attribute {field!r}")
    text = str(value).strip()
    full = _full_date(text)
    if full is None:
        raise DateError(path, f"attribute {field!r} = {text!r} is not a date")
    return checked(*full, path, f"attribute {field!r}")


def date_from_attributes(rows: Iterable[Mapping[str, Any]], path: str) -> dt.date | None:
    """The date shared by the features' date attribute, None if there is none.

    Raises
    ------
    DateError
        If the features disagree or a value is impossible.
    """
    found: set[dt.date] = set()
    for row in rows:
        for key, value in row.items():
            if key.lower() in DATE_ATTRIBUTES:
                parsed = date_from_value(value, path, key)
                if parsed is not None:
                    found.add(parsed)
    if len(found) > 1:
        listed = ", ".join(sorted(d.isoformat() for d in found))
        raise DateError(path, f"features carry several dates ({listed}); split the file by date")
    return found.pop() if found else None


def snapshot_date(rows: Iterable[Mapping[str, Any]], names: Sequence[str], path: str) -> dt.date:
    """The date of a group of features: the names around them first, else their date attribute.

    Names win because ISW's control maps carry a ``date`` attribute inherited from an admin-boundary
    layer (2017-10-02, 1899-12-30) that has nothing to do with the snapshot. An impossible date in a
    name is still refused, not replaced by an attribute.
    """
    try:
        return date_from_names(names, path)
    except MissingDateError as missing:
        from_attributes = date_from_attributes(rows, path)
        if from_attributes is None:
            raise missing from None
        return from_attributes


DATE_FROM_NAME = "date_from_name"
"""Repair kind: the name's date was used although the features' date attribute says another."""


def name_date_repairs(
    rows: Iterable[Mapping[str, Any]], when: dt.date, path: str
) -> tuple[Repair, ...]:
    """A :data:`DATE_FROM_NAME` repair if features carry a date other than ``when`` (the name's).

    A renamed or copied file keeps the date of its contents; the name wins (it is what the user
    sees and renames) and the disagreement is recorded, so Problems and ``inspect`` list it.
    Values that are not real dates (ISW's 1899-12-30 placeholders, empty cells) disagree with
    nothing.
    """
    count, seen = 0, set()
    for row in rows:
        for key, value in row.items():
            if key.lower() not in DATE_ATTRIBUTES:
                continue
            try:
                parsed = date_from_value(value, path, key)
            except DateError:
                continue
            if parsed is not None and parsed != when:
                count += 1
                seen.add((parsed, key))
                break
    if not count:
        return ()
    (first, field), *_ = sorted(seen)
    others = f" (and {len(seen) - 1} other dates)" if len(seen) > 1 else ""
    detail = (
        f"the name says {when.isoformat()}, attribute {field!r} says {first.isoformat()}{others};"
        " the name's date is used"
    )
    return (Repair(DATE_FROM_NAME, count, path, detail),)


def date_from_text(text: str) -> dt.date:
    """The date a person typed: ``2024-11-20``, ``20241120``, ``20 Nov 2024``, ``20.11.2024``…

    The whole text must be one date in a form that names files use; ``ValueError`` with a
    one-line message otherwise (an impossible day such as 2024-02-30 included).
    """
    cleaned = text.strip()
    for pattern in _FULL_PATTERNS:
        match = pattern.fullmatch(cleaned)
        if match:
            try:
                return dt.date(int(match["year"]), _month(match), int(match["day"]))
            except ValueError as exc:
                raise ValueError(f"{cleaned!r} is not a real day ({exc})") from None
    raise ValueError(f"{cleaned!r} is not a date (type it as YYYY-MM-DD)")
