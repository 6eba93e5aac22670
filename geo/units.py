"""How areas are written for people: the one km² format of the panels, the map and the command line.

``1,234.5`` with a comma between thousands and one decimal on screen, three decimals on the
command line; a signed figure (a net change) gets ``+`` or a true minus ``−`` (``-`` where the
text is for scripts), and a figure that rounds to zero gets no sign at all.
"""

from __future__ import annotations

UKRAINE_KM2 = 603_628.0
"""Ukraine's area in km² (within its internationally recognised borders), for "% of Ukraine"."""

MINUS = "\u2212"
"""The true minus sign used on screen."""


def format_number(
    value: float, decimals: int = 1, *, signed: bool = False, minus: str = MINUS
) -> str:
    """``1,234.5``; with ``signed``, ``+1,234.5`` / ``−1,234.5`` (unsigned when it rounds to 0).

    Parameters
    ----------
    value
        The number.
    decimals
        Digits after the decimal point.
    signed
        Prefix ``+`` to positive values too (net changes); negative values always get ``minus``.
    minus
        The minus sign: the true minus on screen, ``-`` in text meant for scripts.
    """
    text = f"{abs(value):,.{decimals}f}"
    if round(value, decimals) == 0:
        return text
    if value < 0:
        return minus + text
    return "+" + text if signed else text


def format_km2(value: float, decimals: int = 1, *, signed: bool = False, minus: str = MINUS) -> str:
    """:func:`format_number` followed by `` km²``."""
    return format_number(value, decimals, signed=signed, minus=minus) + " km²"


def percent_of_ukraine(km2: float) -> float:
    """``km2`` as a percentage of :data:`UKRAINE_KM2`."""
    return 100.0 * km2 / UKRAINE_KM2
