"""Series choices in the dataset viewmodel: rename, merge, split, undo, sessions (real files)."""

from __future__ import annotations

import json
import shutil

import pytest
from PySide6.QtCore import QSettings

from geo.series import (
    ASSESSED_ADVANCES,
    ASSESSED_CONTROL,
    CLAIMED_CONTROL,
    CLAIMED_COUNTEROFFENSIVES,
)
from tests.paths import ISW
from tests.shell.deepstate import engine
from viewmodels.app_viewmodel import AppViewModel

ZIPS = ISW / "shapefiles_2022" / "zips"
FOUR = [ASSESSED_ADVANCES, ASSESSED_CONTROL, CLAIMED_CONTROL, CLAIMED_COUNTEROFFENSIVES]


@pytest.fixture
def app(qtbot, tmp_path) -> AppViewModel:
    loader, delta, changes, _ = engine()
    settings = QSettings(str(tmp_path / "atlas.ini"), QSettings.Format.IniFormat)
    return AppViewModel(settings, synchronous=True, loader=loader, delta=delta, changes=changes)


def _series(app: AppViewModel) -> list[str]:
    catalog = app.dataset.catalog()
    assert catalog is not None
    return catalog.series_names()


def test_rename_merge_split_with_undo_reach_layers_and_timeline(qtbot, app) -> None:
    ds = app.dataset
    app.open_paths([str(ZIPS)])
    assert _series(app) == FOUR
    with qtbot.waitSignals([ds.sig_series_choices_changed, ds.sig_catalog_changed]):
        ds.rename_series(ASSESSED_CONTROL, "ISW control")
    assert "ISW control" in _series(app)
    assert "ISW control" in [layer.name for layer in app.layers.series_layers()]
    assert "ISW control" in app.timeline.series_names()
    ds.merge_series([CLAIMED_CONTROL, "ISW control"], "ISW control")
    assert _series(app) == [ASSESSED_ADVANCES, CLAIMED_COUNTEROFFENSIVES, "ISW control"]
    may = [m for m in ds.members(ASSESSED_ADVANCES) if m.dates[0].month == 5]
    assert len(may) == 4
    ds.move_to_series(may, "May advances")
    catalog = ds.catalog()
    assert catalog is not None
    assert [d.day for d in catalog.dates("May advances")] == [22, 23, 24, 26]
    assert ds.undo_stack.count() == 3
    ds.undo_stack.undo()
    assert "May advances" not in _series(app)
    ds.undo_stack.undo()
    ds.undo_stack.undo()
    assert _series(app) == FOUR
    assert ds.series_choices().is_automatic()
    ds.undo_stack.redo()
    assert "ISW control" in _series(app)
    assert ds.base_catalog() is not None
    assert ds.base_catalog().series_names() == FOUR  # the automatic catalog is kept


def test_choices_survive_a_session_round_trip_and_a_reload(qtbot, app, tmp_path) -> None:
    ds = app.dataset
    app.open_paths([str(ZIPS)])
    ds.rename_series(ASSESSED_ADVANCES, "Advances")
    ds.move_to_series(ds.members(ASSESSED_CONTROL)[:2], "Spring control")
    saved = json.loads(json.dumps(ds.series_choices_dict()))
    loader, delta, changes, _ = engine()
    settings = QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat)
    other = AppViewModel(settings, synchronous=True, loader=loader, delta=delta, changes=changes)
    other.dataset.restore_series_choices(saved)  # a session restores choices, then opens files
    other.open_paths([str(ZIPS)])
    assert _series(other) == _series(app)
    assert other.dataset.undo_stack.count() == 0
    with pytest.raises(ValueError, match="series"):
        other.dataset.restore_series_choices({"move": "nonsense"})


def test_as_series_shows_everything_as_one_series(qtbot, app) -> None:
    app.dataset.set_as_series("ISW 2022")
    app.open_paths([str(ZIPS)])
    assert _series(app) == ["ISW 2022"]
    assert app.timeline.series() == "ISW 2022"


def test_problems_list_outliers_and_file_name_dates(qtbot, app, tmp_path) -> None:
    copy = tmp_path / "2024-04-10.geojson"
    shutil.copyfile(ISW / "sdspieg_derived" / "territory_geojson" / "2024-04-04.geojson", copy)
    app.open_paths([str(ISW / "arcgis_geojson_nikkei"), str(copy)])
    rows = app.dataset.problems()
    (outlier,) = [r for r in rows if r.kind == "outlier"]
    assert outlier.path == ASSESSED_CONTROL
    assert "2022-09-29" in outlier.detail
    assert "-26,931 km²" in outlier.detail
    (date,) = [r for r in rows if r.kind == "date"]
    assert date.path == str(copy)
    assert "the name says 2024-04-10, attribute 'date' says 2024-04-04" in date.detail
    assert [o.date.isoformat() for o in app.dataset.outliers()] == ["2022-09-29"]


def test_a_missing_path_is_a_message_not_a_recent_entry(qtbot, app, tmp_path) -> None:
    errors: list[str] = []
    app.dataset.sig_error_raised.connect(errors.append)
    app.open_paths([str(tmp_path / "nowhere.geojson")])
    assert errors == [f"{tmp_path / 'nowhere.geojson'}: no such file or folder"]
    assert app.recent_files() == []
    assert app.dataset.catalog() is None


def test_a_frontline_project_keeps_the_series_choices(qtbot, app, tmp_path) -> None:
    ds = app.dataset
    app.open_paths([str(ZIPS)])
    ds.rename_series(ASSESSED_CONTROL, "ISW control")
    ds.merge_series([CLAIMED_CONTROL], "ISW control")
    project = tmp_path / "kept.frontline"
    assert app.session.save_project(project)
    loader, delta, changes, _ = engine()
    settings = QSettings(str(tmp_path / "again.ini"), QSettings.Format.IniFormat)
    again = AppViewModel(settings, synchronous=True, loader=loader, delta=delta, changes=changes)
    assert again.session.open_project(project)
    assert _series(again) == [ASSESSED_ADVANCES, CLAIMED_COUNTEROFFENSIVES, "ISW control"]
    assert again.dataset.series_choices() == ds.series_choices()


def test_a_renamed_series_keeps_its_colour_place_and_selection(qtbot, app) -> None:
    app.open_paths([str(ZIPS)])
    app.timeline.set_series(CLAIMED_CONTROL)
    app.layers.set_color(CLAIMED_CONTROL, "#123456")
    before = [layer.name for layer in app.layers.series_layers()]
    app.dataset.rename_series(CLAIMED_CONTROL, "Claimed by Russia")
    after = [layer.name for layer in app.layers.series_layers()]
    assert after == [n if n != CLAIMED_CONTROL else "Claimed by Russia" for n in before]
    assert app.layers.layer("Claimed by Russia").color == "#123456"
    assert app.timeline.series() == "Claimed by Russia"
    app.dataset.rename_series(ASSESSED_ADVANCES, "Claimed by Russia")  # a merge: that look stays
    assert app.layers.layer("Claimed by Russia").color == "#123456"
    assert ASSESSED_ADVANCES not in [layer.name for layer in app.layers.series_layers()]
