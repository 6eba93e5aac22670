"""The user's series choices on real files; the file name's date wins; KMZ "doc" names."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from typing import TYPE_CHECKING

import pytest

from geo import series as S
from geo.dates import DATE_FROM_NAME
from geo.loader import load_paths
from geo.series_choices import Member, SeriesChoices, members_of, regroup
from tests.paths import ISW

if TYPE_CHECKING:
    from pathlib import Path

    from geo.model import Catalog

D = dt.date
ZIPS = ISW / "shapefiles_2022" / "zips"
NIKKEI = ISW / "arcgis_geojson_nikkei"


@pytest.fixture(scope="module")
def zips() -> Catalog:
    return load_paths([ZIPS], use_cache=False)


def test_as_series_makes_one_series_and_merges_same_dates(zips: Catalog) -> None:
    shown = regroup(zips, SeriesChoices(as_series="ISW 2022"))
    assert shown.series_names() == ["ISW 2022"]
    every = {d for name in zips.series_names() for d in zips.dates(name)}
    assert shown.dates("ISW 2022") == sorted(every)
    first = shown.at("ISW 2022", D(2022, 4, 13))
    assert any(r.kind == "merged_duplicate_date" for r in first.repairs)
    parts = [zips.at(n, D(2022, 4, 13)).area_km2 for n in zips.series_names()]
    assert max(parts) < first.area_km2 <= sum(parts) + 1e-6
    assert zips.series_names() == [  # the automatic catalog is untouched
        S.ASSESSED_ADVANCES,
        S.ASSESSED_CONTROL,
        S.CLAIMED_CONTROL,
        S.CLAIMED_COUNTEROFFENSIVES,
    ]


def test_rename_then_merge_by_renaming_to_an_existing_name(zips: Catalog) -> None:
    autos = zips.series_names()
    renamed = SeriesChoices().renamed(autos, S.ASSESSED_CONTROL, "Control")
    assert regroup(zips, renamed).series_names() == sorted(
        [S.ASSESSED_ADVANCES, "Control", S.CLAIMED_CONTROL, S.CLAIMED_COUNTEROFFENSIVES]
    )
    merged = renamed.renamed(autos, S.CLAIMED_CONTROL, "Control")
    shown = regroup(zips, merged)
    assert "Control" in shown.series_names()
    assert S.CLAIMED_CONTROL not in shown.series_names()
    assert len(shown.dates("Control")) == 8  # the claimed layer's 04-13 merged into control's
    assert merged == SeriesChoices().merged(
        autos, [S.ASSESSED_CONTROL, S.CLAIMED_CONTROL], "Control"
    )
    back = merged.renamed(autos, "Control", S.ASSESSED_CONTROL)
    assert back.renames == {S.CLAIMED_CONTROL: S.ASSESSED_CONTROL}


def test_split_files_off_a_series_and_gather_them_back(zips: Catalog) -> None:
    choices = SeriesChoices()
    advances = members_of(zips, choices, S.ASSESSED_ADVANCES)
    assert len(advances) == 10
    may = [m for m in advances if m.dates[0].month == 5]
    split = choices.moved(may, "May advances")
    shown = regroup(zips, split)
    assert [d.day for d in shown.dates("May advances")] == [22, 23, 24, 26]
    assert len(shown.dates(S.ASSESSED_ADVANCES)) == 6
    assert members_of(zips, split, "May advances") == may
    gathered = split.moved(may, S.ASSESSED_ADVANCES)
    assert gathered.is_automatic()


def test_choices_round_trip_through_a_plain_json_mapping(zips: Catalog) -> None:
    autos = zips.series_names()
    advances = members_of(zips, SeriesChoices(), S.ASSESSED_ADVANCES)
    choices = (
        SeriesChoices(as_series="ISW")
        .renamed(autos, "ISW", "All ISW")
        .moved(advances[:2], "Early advances")
    )
    data = json.loads(json.dumps(choices.to_dict()))
    assert data["as_series"] == "All ISW"
    assert SeriesChoices.from_dict(data) == choices
    assert regroup(zips, choices).series_names() == ["All ISW", "Early advances"]


@pytest.mark.parametrize(
    "bad",
    [
        [],
        {"rename": ["x"]},
        {"move": [{"series": "a", "source": "b"}]},
        {"rename": {"a": "  "}},
        {"move": "x"},
    ],
)
def test_bad_choices_are_a_value_error(bad: object) -> None:
    with pytest.raises(ValueError, match="series"):
        SeriesChoices.from_dict(bad)  # type: ignore[arg-type]


def test_an_empty_name_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        SeriesChoices().moved([Member("a", "b")], " ")


def test_the_file_name_date_wins_and_the_disagreement_is_recorded(tmp_path: Path) -> None:
    copy = tmp_path / "2024-04-10.geojson"  # a copy renamed; its features say 2024-04-04
    shutil.copyfile(ISW / "sdspieg_derived" / "territory_geojson" / "2024-04-04.geojson", copy)
    catalog = load_paths([copy], use_cache=False)
    (snapshot,) = catalog.snapshots(S.ASSESSED_CONTROL)
    assert snapshot.date == D(2024, 4, 10)
    (note,) = [r for r in snapshot.repairs if r.kind == DATE_FROM_NAME]
    assert "2024-04-10" in note.detail
    assert "'date' says 2024-04-04" in note.detail
    assert note.path == str(copy)
    agreeing = load_paths([ISW / "sdspieg_derived" / "territory_geojson" / "2024-04-04.geojson"])
    assert not [r for r in agreeing.repairs() if r.kind == DATE_FROM_NAME]


def _kml(name: str) -> str:
    ring = "35,48 35.1,48 35.1,48.1 35,48.1 35,48"
    return (
        '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2">'
        f"<Document><name>{name}</name><Placemark><Polygon><outerBoundaryIs><LinearRing>"
        f"<coordinates>{ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
        "</Document></kml>"
    )


@pytest.mark.parametrize("document", ["doc", "doc.kml"])
def test_a_kmz_named_doc_takes_its_series_from_the_file_name(tmp_path: Path, document: str) -> None:
    kmz = tmp_path / "Pokrovsk front 2024-11-02.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.writestr("doc.kml", _kml(document))
    catalog = load_paths([kmz], use_cache=False)
    assert catalog.series_names() == ["Pokrovsk front"]
    assert catalog.dates("Pokrovsk front") == [D(2024, 11, 2)]


def test_a_kmz_with_a_real_document_name_keeps_it(tmp_path: Path) -> None:
    kmz = tmp_path / "export 2024-11-02.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.writestr("doc.kml", _kml("Kupiansk axis"))
    assert load_paths([kmz], use_cache=False).series_names() == ["Kupiansk axis"]


def test_regrouping_keeps_geometries_undecoded() -> None:
    import shapely

    from geo.model import Catalog, Snapshot

    wkb = shapely.to_wkb(shapely.box(35, 48, 35.1, 48.1))
    lazy = Snapshot.from_wkb(wkb, series="A", date=D(2024, 1, 1), source="a", layer="a", area_km2=1)
    moved = lazy.in_series("B")
    assert isinstance(moved.__dict__["_geometry"], bytes)  # not decoded by the move
    assert (moved.series, moved.date, moved.source, moved.area_km2) == ("B", D(2024, 1, 1), "a", 1)
    assert moved.geometry.equals(shapely.box(35, 48, 35.1, 48.1))
    catalog = Catalog(series={"A": [lazy]})
    (shown,) = regroup(catalog, SeriesChoices(as_series="B")).snapshots("B")
    assert isinstance(shown.__dict__["_geometry"], bytes)
