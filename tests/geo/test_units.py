"""The one km² format: panels, map labels and the command line."""

from __future__ import annotations

from geo.units import UKRAINE_KM2, format_km2, format_number, percent_of_ukraine


def test_signed_numbers() -> None:
    assert format_number(384.46, 1, signed=True) == "+384.5"
    assert format_number(-1234.5, 1, signed=True) == "−1,234.5"
    assert format_number(110758.7, 1) == "110,758.7"


def test_zero_has_no_sign_and_negatives_always_do() -> None:
    assert format_number(-0.04, 1, signed=True) == "0.0"
    assert format_number(0.04, 1, signed=True) == "0.0"
    assert format_number(-12.0, 1) == "−12.0"


def test_command_line_style() -> None:
    assert format_km2(12345.6784, 3, signed=True, minus="-") == "+12,345.678 km²"
    assert format_km2(-2.5, 3, minus="-") == "-2.500 km²"


def test_percent_of_ukraine() -> None:
    assert percent_of_ukraine(UKRAINE_KM2 / 4) == 25.0
