"""Oblast polygons against geoBoundaries, and a per-oblast breakdown of a real DeepState change."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import shape

from geo.areas import geodesic_area_km2
from geo.basemap import Basemap
from geo.oblasts import OUTSIDE, OblastChange, OblastSet, oblast_breakdown
from tests.paths import BOUNDARIES, DEEPSTATE

# geoBoundaries spells a few names differently; the rest match after dropping " Oblast"
# (except Kyiv Oblast, which keeps it to differ from the city of Kyiv).
GB_ALIASES = {
    "Zaporizhia": "Zaporizhzhia",
    "Odessa": "Odesa",
    "Autonomous Republic of Crimea": "Crimea",
}


@pytest.fixture(scope="module")
def oblasts() -> OblastSet:
    return OblastSet(Basemap())


@pytest.fixture(scope="module")
def geoboundaries() -> dict[str, shapely.Geometry]:
    data = json.loads((BOUNDARIES / "geoBoundaries-UKR-ADM1.geojson").read_text())
    out = {}
    for feature in data["features"]:
        name = feature["properties"]["shapeName"]
        short = name if name == "Kyiv Oblast" else name.removesuffix(" Oblast")
        name = GB_ALIASES.get(short, short)
        out[name] = shape(feature["geometry"])
    return out


def _load(day: str) -> shapely.Geometry:
    data = json.loads((DEEPSTATE / f"deepstatemap_data_{day}.geojson").read_text())
    return shapely.union_all([shape(f["geometry"]) for f in data["features"]])


def test_same_27_units_as_geoboundaries(oblasts: OblastSet, geoboundaries: dict) -> None:
    names = sorted(o.name_en for o in oblasts.oblasts("UA"))
    assert names == sorted(geoboundaries)
    assert all(o.name_uk and o.code.startswith("UA-") for o in oblasts.oblasts("UA"))
    assert {"Kursk", "Belgorod", "Bryansk", "Rostov"} <= {o.name_en for o in oblasts.oblasts("RU")}
    assert {"Gomel", "Brest"} <= {o.name_en for o in oblasts.oblasts("BY")}


def test_land_areas_agree_with_geoboundaries(oblasts: OblastSet, geoboundaries: dict) -> None:
    """geoBoundaries includes territorial sea, so compare with its part on GSHHG land."""
    land = shapely.union_all(Basemap().features("land", lod="hi").geometries)
    ours = {o.name_en: o.geometry for o in oblasts.oblasts("UA")}
    # Natural Earth's outlines of the two cities are rough; compare them with their oblast.
    for city, around in (("Kyiv", "Kyiv Oblast"), ("Sevastopol", "Crimea")):
        ours[around] = shapely.union(ours.pop(city), ours[around])
        geoboundaries = {**geoboundaries}
        geoboundaries[around] = shapely.union(geoboundaries.pop(city), geoboundaries[around])
    for name, geometry in ours.items():
        reference = geodesic_area_km2(shapely.intersection(geoboundaries[name], land))
        assert geodesic_area_km2(geometry) == pytest.approx(reference, rel=0.05), name


def test_regions_do_not_overlap(oblasts: OblastSet) -> None:
    geometries = [o.geometry for o in oblasts.oblasts()]
    parts = sum(geodesic_area_km2(g) for g in geometries)
    whole = geodesic_area_km2(shapely.union_all(geometries))
    assert parts == pytest.approx(whole, rel=1e-6)


def test_breakdown_of_november_2024(oblasts: OblastSet) -> None:
    before, after = _load("20241101"), _load("20241120")
    gained, lost = shapely.difference(after, before), shapely.difference(before, after)
    rows = oblast_breakdown(gained, lost, oblasts)
    assert all(isinstance(r, OblastChange) for r in rows)
    assert rows[-1].name_en == OUTSIDE
    donetsk = next(r for r in rows if r.name_en == "Donetsk")
    total_gained = geodesic_area_km2(gained)
    assert donetsk.gained_km2 > 0.5 * total_gained
    assert max(rows, key=lambda r: r.gained_km2) is donetsk
    assert sum(r.gained_km2 for r in rows) == pytest.approx(total_gained, rel=1e-3)
    assert sum(r.lost_km2 for r in rows) == pytest.approx(geodesic_area_km2(lost), rel=1e-3)
    for row in rows:
        assert row.net_km2 == pytest.approx(row.gained_km2 - row.lost_km2)


def test_area_outside_every_oblast_gets_its_own_row(oblasts: OblastSet) -> None:
    sea = shapely.box(33.0, 43.2, 34.0, 43.8)  # open Black Sea
    on_coast = shapely.box(36.5, 46.9, 37.7, 47.4)  # Mariupol and the Sea of Azov
    rows = oblast_breakdown(shapely.union(sea, on_coast), shapely.Polygon(), oblasts)
    outside = rows[-1]
    assert outside.gained_km2 > geodesic_area_km2(sea)
    assert "Donetsk" in {r.name_en for r in rows}
    total = geodesic_area_km2(shapely.union(sea, on_coast))
    assert sum(r.gained_km2 for r in rows) == pytest.approx(total, rel=1e-3)
    assert all(r.lost_km2 == 0 for r in rows)


def test_rows_carry_the_bounds_of_their_change(oblasts: OblastSet) -> None:
    before, after = _load("20241101"), _load("20241120")
    gained, lost = shapely.difference(after, before), shapely.difference(before, after)
    rows = oblast_breakdown(gained, lost, oblasts)
    assert rows[-1].bounds is None
    by_name = {o.name_en: o.geometry for o in oblasts.oblasts()}
    for row in rows[:-1]:
        assert row.bounds is not None
        west, south, east, north = row.bounds
        change = shapely.intersection(shapely.union(gained, lost), by_name[row.name_en])
        cw, cs, ce, cn = change.bounds
        assert (west, south, east, north) == pytest.approx((cw, cs, ce, cn), abs=1e-6)
