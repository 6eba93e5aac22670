"""Label layouts are kept for the same frame and places, and made again when either changes."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from geo.places import Place
from geo.projection import lonlat_box_to_display
from ui.map.frame import Frame
from ui.map.labels import layout_labels


def _place(name: str, lon: float, lat: float, population: int) -> Place:
    return Place(1, name, (), population, "UA", "", lon, lat)


def _frame(scale: float = 1.0) -> Frame:
    x0, y0, x1, y1 = lonlat_box_to_display((35.0, 47.0, 39.0, 49.0))
    return Frame.fitted(QRectF(x0, y0, x1 - x0, y1 - y0), QRectF(0, 0, 800, 500), scale)


PLACES = [
    _place("Donetsk", 37.80, 48.00, 900_000),
    _place("Kurakhove", 37.28, 47.98, 18_000),
    _place("Pokrovsk", 37.18, 48.28, 60_000),
]


def test_a_layout_is_kept_and_handed_out_as_a_copy(qapp: object) -> None:
    first = layout_labels(PLACES, _frame())
    assert [label.text for label in first] == ["Donetsk", "Pokrovsk", "Kurakhove"]
    first.clear()
    assert layout_labels(PLACES, _frame()) == layout_labels(list(PLACES), _frame())
    assert len(layout_labels(PLACES, _frame())) == 3


def test_other_places_or_another_frame_are_laid_out_again(qapp: object) -> None:
    assert [label.text for label in layout_labels(PLACES[1:], _frame())] == [
        "Pokrovsk",
        "Kurakhove",
    ]
    wide = layout_labels(PLACES, _frame(scale=3.0))
    assert wide[0].rect.height() > 2 * layout_labels(PLACES, _frame())[0].rect.height()
