"""Place search: every common spelling of the front-line towns finds the town."""

from __future__ import annotations

import pytest

from geo.places import PlaceIndex, normalise


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return PlaceIndex()


TOWNS = {
    # GeoNames name: (lon, lat) roughly, then the spellings people type
    "Kupyansk": (
        37.6,
        49.7,
        ["kupiansk", "Kupyansk", "Купянск", "Куп'янськ", "Купʼянськ", "KUPJANSK"],
    ),
    "Kurakhove": (37.3, 48.0, ["kurakhove", "Kurakhovo", "Курахове", "Курахово", "Kurachowe"]),
    "Pokrovsk": (37.2, 48.3, ["pokrovsk", "Pokrovs'k", "Покровськ", "Покровск"]),
    "Sudzha": (35.3, 51.2, ["sudzha", "Суджа", "Sudža", "SUDZHA"]),
    "Chasiv Yar": (37.8, 48.6, ["chasiv yar", "Часов Яр", "Часів Яр", "Chasiv-Yar", "chasov yar"]),
}


@pytest.mark.parametrize(
    ("town", "spelling"), [(t, s) for t, (_, _, spellings) in TOWNS.items() for s in spellings]
)
def test_each_spelling_finds_the_town_first(index: PlaceIndex, town: str, spelling: str) -> None:
    lon, lat, _ = TOWNS[town]
    best = index.search(spelling)[0]
    assert best.name == town
    assert abs(best.lon - lon) < 0.1
    assert abs(best.lat - lat) < 0.1


def test_results_carry_region_and_population(index: PlaceIndex) -> None:
    kupiansk = index.search("Kupiansk")[0]
    assert kupiansk.country == "UA"
    assert kupiansk.admin == "Kharkiv"
    assert kupiansk.population > 20_000
    assert "Куп’янськ" in kupiansk.alt_names
    assert index.search("Sudzha")[0].admin == "Kursk"


def test_prefix_matches_rank_by_population(index: PlaceIndex) -> None:
    results = index.search("zapor", limit=5)
    assert results[0].name.startswith("Zaporizh")
    assert results[0].population > 500_000


def test_normalise_is_script_and_mark_insensitive() -> None:
    assert normalise("Харків") == normalise("Kharkiv")
    assert normalise("Kyïv") == normalise("Kyiv")
    assert normalise("  ") == ""
    assert normalise("Pokrovsk") != normalise("Kupiansk")


def test_unknown_or_empty_query(index: PlaceIndex) -> None:
    assert index.search("") == []
    assert index.search("Nonexistentville") == []


def test_places_in_bbox_by_population(index: PlaceIndex) -> None:
    donbas = (36.5, 47.5, 39.0, 49.5)
    big = index.places_in(donbas, min_population=100_000)
    names = {p.name for p in big}
    assert {"Donetsk", "Mariupol"} <= names or {"Donetsk", "Horlivka"} <= names
    assert all(p.population >= 100_000 for p in big)
    populations = [p.population for p in big]
    assert populations == sorted(populations, reverse=True)
    assert all(36.5 <= p.lon <= 39.0 and 47.5 <= p.lat <= 49.5 for p in big)
    more = index.places_in(donbas, min_population=5_000)
    assert len(more) > len(big)
    assert len(index.places_in(donbas, 0, limit=3)) == 3


def test_a_later_word_of_a_name_matches(index: PlaceIndex) -> None:
    """"yar" is the second word of Chasiv Yar: found by the scan inside names."""
    names = [p.name for p in index.search("yar", limit=50)]
    assert "Chasiv Yar" in names
    assert names.index("Chasiv Yar") > names.index("Yalta")  # prefix matches rank first


@pytest.mark.parametrize(
    ("bbox", "population", "limit"),
    [
        ((22.0, 44.0, 41.0, 53.0), 100_000, 400),
        ((36.9, 47.8, 37.6, 48.2), 0, 400),
        ((30, 50, 31, 51), 0, 5),
    ],
)
def test_places_read_from_the_file_are_those_of_the_loaded_layer(
    index: PlaceIndex, bbox: tuple[float, float, float, float], population: int, limit: int
) -> None:
    from_file = PlaceIndex().places_in_file(bbox, population, limit)
    assert from_file
    assert from_file == index.places_in(bbox, population, limit)
