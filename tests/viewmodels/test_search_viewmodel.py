"""SearchViewModel on the real basemap's places: every spelling, the mark and the zoom."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from viewmodels.search_viewmodel import SearchViewModel, default_index, zoom_box

if TYPE_CHECKING:
    from geo.places import PlaceIndex

FOUND = {
    "kupiansk": ("Kupyansk", "Kharkiv, Ukraine"),
    "Kupyansk": ("Kupyansk", "Kharkiv, Ukraine"),
    "Купянськ": ("Kupyansk", "Kharkiv, Ukraine"),
    "Куп'янськ": ("Kupyansk", "Kharkiv, Ukraine"),
    "Chasiv Yar": ("Chasiv Yar", "Donetsk, Ukraine"),
    "Pokrovsk": ("Pokrovsk", "Donetsk, Ukraine"),
    "Sudzha": ("Sudzha", "Kursk, Russia"),
}


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return default_index()


@pytest.fixture
def fits() -> list[tuple[float, float, float, float]]:
    return []


@pytest.fixture
def vm(qtbot, index, fits) -> SearchViewModel:
    vm = SearchViewModel(fits.append, lambda: index, synchronous=True)
    vm.prepare()
    assert vm.ready()
    return vm


@pytest.mark.parametrize("query", list(FOUND))
def test_every_spelling_lists_the_town_first_with_oblast_and_country(
    qtbot, vm: SearchViewModel, query: str
) -> None:
    with qtbot.waitSignal(vm.sig_results_changed) as blocker:
        vm.set_query(query)
    results = blocker.args[0]
    name, where = FOUND[query]
    assert results[0].name == name
    assert results[0].label == f"{name} — {where}"


def test_typing_letter_by_letter_narrows_the_list(vm: SearchViewModel) -> None:
    sizes = []
    for end in range(1, len("Kupiansk") + 1):
        vm.set_query("Kupiansk"[:end])
        sizes.append(len(vm.results()))
    assert vm.results()[0].name == "Kupyansk"
    assert sizes[0] >= sizes[-1] >= 1


def test_choosing_marks_and_zooms_until_cleared(qtbot, vm: SearchViewModel, fits) -> None:
    vm.set_query("Pokrovsk")
    with qtbot.waitSignal(vm.sig_marked_changed) as blocker:
        vm.choose(0)
    place = blocker.args[0]
    assert place.name == "Pokrovsk"
    west, south, east, north = fits[-1]
    assert west < place.lon < east
    assert south < place.lat < north
    assert 0.1 < north - south < 0.2  # about ±8 km around a town
    vm.set_query("Sudzha")  # a new query keeps the mark until another place is chosen
    assert vm.marked() == place
    vm.choose(0)
    assert vm.marked().name == "Sudzha"
    with qtbot.waitSignal(vm.sig_marked_changed):
        vm.clear()
    assert vm.marked() is None
    assert vm.results() == []


def test_a_query_typed_before_the_index_is_ready_is_answered(qtbot, index) -> None:
    vm = SearchViewModel(lambda _box: None, lambda: index)
    with qtbot.waitSignal(vm.sig_results_changed, timeout=10000) as blocker:
        vm.set_query("Sudzha")
    assert blocker.args[0][0].name == "Sudzha"
    vm.shutdown()


def test_a_failing_index_is_a_message(qtbot) -> None:
    def broken() -> None:
        raise OSError("basemap.gpkg: cannot open")

    vm = SearchViewModel(lambda _box: None, broken, synchronous=True)
    with qtbot.waitSignal(vm.sig_error_raised) as blocker:
        vm.set_query("Kupiansk")
    assert blocker.args[0] == "place search unavailable: basemap.gpkg: cannot open"


def test_zoom_box_grows_with_population() -> None:
    from viewmodels.search_viewmodel import PlaceResult

    town = PlaceResult("T", "", "", 37.0, 48.0, 10_000)
    city = PlaceResult("C", "", "", 37.0, 48.0, 2_000_000)
    assert zoom_box(city)[3] - zoom_box(city)[1] > 3 * (zoom_box(town)[3] - zoom_box(town)[1])
