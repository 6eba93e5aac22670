"""geo.session_file: the .frontline project format round-trips and refuses bad files in one line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import shapely

from geo.errors import ReadError
from geo.page import LayerSpec
from geo.regions import Region, densify_geometry
from geo.session_file import Session, read_session, write_session
from tests.paths import DEEPSTATE

KURAKHOVE = densify_geometry(shapely.box(37.2, 47.9, 37.4, 48.05))


def _session(paths: tuple[str, ...]) -> Session:
    return Session(
        paths=paths,
        series="DeepState occupied",
        date_a=dt.date(2024, 11, 1),
        date_b=dt.date(2024, 11, 20),
        shown=dt.date(2024, 11, 20),
        compare=True,
        view=(37.0, 47.8, 37.6, 48.2),
        layers=(
            LayerSpec("Land", "basemap", True, "#f3f0e8", 1.0),
            LayerSpec("DeepState occupied", "series", True, "#00aa44", 0.6),
        ),
        regions=(Region("Kurakhove", KURAKHOVE, "#e6194b"),),
        regions_paths=paths,
        series_choices={"renames": {"a": "b"}},
    )


def test_round_trip_with_relative_paths(tmp_path) -> None:
    data = tmp_path / "data" / "daily"
    data.mkdir(parents=True)
    project = tmp_path / "work" / "kurakhove.frontline"
    project.parent.mkdir()
    session = _session((str(data), str(DEEPSTATE)))
    write_session(project, session)
    document = json.loads(project.read_text(encoding="utf-8"))
    assert document["format"] == "frontline-atlas-session"
    assert document["data"]["paths"][0] == "../data/daily"
    back = read_session(project)
    assert back.paths == session.paths
    assert back.regions_paths == session.paths
    assert (back.series, back.date_a, back.date_b, back.shown) == (
        session.series,
        session.date_a,
        session.date_b,
        session.shown,
    )
    assert back.compare
    assert back.view == session.view
    assert back.layers == session.layers
    assert back.series_choices == {"renames": {"a": "b"}}
    assert back.regions[0].name == "Kurakhove"
    assert back.regions[0].geometry.equals_exact(session.regions[0].geometry, 1e-9)


def test_moved_folder_still_finds_its_data(tmp_path) -> None:
    (tmp_path / "a" / "data").mkdir(parents=True)
    write_session(tmp_path / "a" / "p.frontline", _session((str(tmp_path / "a" / "data"),)))
    (tmp_path / "a").rename(tmp_path / "b")
    assert read_session(tmp_path / "b" / "p.frontline").paths == (str(tmp_path / "b" / "data"),)


def test_without_regions_the_session_does_not_carry_them(tmp_path) -> None:
    write_session(tmp_path / "p.frontline", Session(paths=(str(DEEPSTATE),)))
    assert read_session(tmp_path / "p.frontline").regions is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("{broken", "not valid JSON"),
        ('{"format": "other"}', "not a Frontline Atlas project"),
        ('{"format": "frontline-atlas-session", "version": 99}', "newer than this app"),
        (
            '{"format": "frontline-atlas-session", "version": 1, "timeline": {"date_a": "x"}}',
            "date_a 'x' is not a date",
        ),
        (
            '{"format": "frontline-atlas-session", "version": 1, "map": {"view": [1, 2]}}',
            "map view must be",
        ),
        (
            '{"format": "frontline-atlas-session", "version": 1, "layers": [{"name": 3}]}',
            "wrong type",
        ),
    ],
)
def test_bad_files_get_one_line_naming_the_file(tmp_path, text: str, reason: str) -> None:
    path = tmp_path / "bad.frontline"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_session(path)
    assert str(path) in str(info.value)
    assert reason in str(info.value)
    assert "\n" not in str(info.value)


OLD_PROJECT = """{
  "format": "frontline-atlas-session",
  "version": 1,
  "data": {"paths": ["data/daily"]},
  "timeline": {"series": "DeepState occupied", "date_a": "2024-11-01",
               "date_b": "2024-11-20", "shown": "2024-11-20", "compare": true},
  "map": {"view": [37.0, 47.8, 37.6, 48.2]},
  "layers": [
    {"name": "Land", "kind": "basemap", "visible": true, "color": "#f3f0e8", "opacity": 1},
    {"name": "Rivers", "kind": "basemap", "visible": false, "color": "#7fa9c9", "opacity": 0.9},
    {"name": "DeepState occupied", "kind": "series", "visible": true,
     "color": "#d62728", "opacity": 0.45}
  ]
}
"""
"""A project file as the app wrote it before one layer description (version 1)."""


def test_an_old_project_file_still_opens_and_writes_back_the_same_layers(tmp_path) -> None:
    path = tmp_path / "old.frontline"
    path.write_text(OLD_PROJECT, encoding="utf-8")
    session = read_session(path)
    assert session.paths == (str(tmp_path / "data" / "daily"),)
    assert [(la.name, la.visible, la.opacity) for la in session.layers] == [
        ("Land", True, 1.0),
        ("Rivers", False, 0.9),
        ("DeepState occupied", True, 0.45),
    ]
    assert session.layers[2] == LayerSpec("DeepState occupied", "series", True, "#d62728", 0.45)
    again = tmp_path / "again.frontline"
    write_session(again, session)
    old_layers = json.loads(OLD_PROJECT)["layers"]
    assert json.loads(again.read_text(encoding="utf-8"))["layers"] == old_layers
