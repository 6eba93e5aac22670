"""Sessions in the real app: quit and relaunch reopen the same files, dates, colours and regions
(never the demo); regions never show figures from another dataset; .frontline project files."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import shapely
from PySide6.QtCore import QSettings

from geo.regions import densify_geometry
from tests.shell.deepstate import SERIES, deepstate_files
from ui.app import create_app, create_window, open_in_window

D = dt.date
FILES = [str(f) for f in deepstate_files("20241101", 20)]
KURAKHOVE = densify_geometry(shapely.box(37.20, 47.93, 37.40, 48.03))


def _launch(qtbot, paths=()):
    create_app()
    window = create_window(list(paths))
    qtbot.addWidget(window)
    return window


def _loaded(qtbot, window, demo: bool = False) -> None:
    vm = window.app_vm
    qtbot.waitUntil(
        lambda: (
            vm.dataset.catalog() is not None
            and not vm.dataset.loading()
            and vm.dataset.is_demo() == demo
        ),
        timeout=60000,
    )
    qtbot.waitUntil(lambda: not vm.runner.busy, timeout=60000)


def _figures(qtbot, window) -> None:
    regions = window.regions.vm
    qtbot.waitUntil(lambda: regions.stats(regions.regions()[0].id) is not None, timeout=30000)


def _quit(window) -> None:
    window.regions.autosave.flush()
    window.close()


def _work_session(qtbot):
    window = _launch(qtbot, FILES)
    _loaded(qtbot, window)
    vm = window.app_vm
    vm.layers.set_color(SERIES, "#00aa44")
    vm.layers.set_opacity(SERIES, 0.7)
    vm.layers.move("Rivers", 0)
    vm.timeline.set_dates(D(2024, 11, 3), D(2024, 11, 17))
    vm.timeline.set_compare(True)
    window.regions.vm.add_loaded([("Kurakhove", "#3cb44b", KURAKHOVE)], "test")
    _figures(qtbot, window)
    return window


def test_quit_and_relaunch_reopen_the_session_not_the_demo(qtbot) -> None:
    first = _work_session(qtbot)
    _quit(first)
    again = _launch(qtbot)
    _loaded(qtbot, again)
    vm = again.app_vm
    assert sorted(vm.dataset.paths()) == sorted(FILES)
    assert not vm.is_demo()
    assert (vm.timeline.date_a(), vm.timeline.date_b()) == (D(2024, 11, 3), D(2024, 11, 17))
    assert vm.timeline.compare()
    assert vm.timeline.shown_date() == D(2024, 11, 17)
    layer = vm.layers.layer(SERIES)
    assert (layer.color, layer.opacity) == ("#00aa44", 0.7)
    assert vm.layers.layers()[0].name == "Rivers"
    regions = again.regions.vm.regions()
    assert [(r.name, r.color) for r in regions] == [("Kurakhove", "#3cb44b")]
    _figures(qtbot, again)
    assert not again.docks["welcome"].isVisibleTo(again)


def test_demo_only_on_a_true_first_launch(qtbot) -> None:
    first = _launch(qtbot)
    _loaded(qtbot, first, demo=True)
    _quit(first)
    again = _launch(qtbot)
    qtbot.wait(300)
    assert again.app_vm.dataset.catalog() is None
    assert not again.app_vm.dataset.loading()
    assert again.docks["welcome"].isVisibleTo(again)


def test_data_closed_before_quitting_is_not_reopened(qtbot) -> None:
    first = _launch(qtbot, FILES)
    _loaded(qtbot, first)
    assert first.app_vm.session.last_path.exists()
    first.app_vm.dataset.close()
    assert not first.app_vm.session.last_path.exists()
    _quit(first)
    again = _launch(qtbot)
    qtbot.wait(300)
    assert again.app_vm.dataset.catalog() is None
    assert not again.app_vm.dataset.loading()
    assert not again.app_vm.is_demo()


def test_regions_never_show_figures_from_the_demo(qtbot) -> None:
    window = _work_session(qtbot)
    regions = window.regions.vm
    window.app_vm.open_demo()
    _loaded(qtbot, window, demo=True)
    qtbot.waitUntil(lambda: regions.stats(regions.regions()[0].id) is None, timeout=30000)
    qtbot.wait(400)  # past the stats debounce: still nothing computed on the demo
    assert regions.stats(regions.regions()[0].id) is None
    caption = window.regions.panel.caption.text()
    assert caption.startswith("No data: these regions belong to 20 files in deepstate/daily")
    assert caption.endswith("not to the demo.")
    window.app_vm.open_paths(FILES)
    _loaded(qtbot, window)
    _figures(qtbot, window)


def test_relaunch_shows_no_data_until_the_regions_data_is_loaded(qtbot) -> None:
    _quit(_work_session(qtbot))
    again = _launch(qtbot)
    regions, session = again.regions.vm, again.app_vm.session
    while_loading = []

    def on_loading(loading: bool) -> None:
        if loading:
            first = regions.regions()[0].id
            while_loading.append((regions.stats(first), session.regions_have_data()))

    again.app_vm.dataset.sig_loading_changed.connect(on_loading)
    _loaded(qtbot, again)
    assert while_loading == [(None, False)]
    _figures(qtbot, again)


def test_project_file_round_trip_and_command_line(qtbot, tmp_path) -> None:
    window = _work_session(qtbot)
    project = tmp_path / "kurakhove.frontline"
    assert window.app_vm.session.save_project(project)
    document = json.loads(project.read_text(encoding="utf-8"))
    assert document["timeline"]["date_b"] == "2024-11-17"
    assert document["regions"]["features"]["features"][0]["properties"]["name"] == "Kurakhove"
    _quit(window)
    other = _launch(qtbot, [str(project)])  # frontline-atlas FILE.frontline
    _loaded(qtbot, other)
    vm = other.app_vm
    assert sorted(vm.dataset.paths()) == sorted(FILES)
    assert vm.timeline.date_a() == D(2024, 11, 3)
    assert [r.name for r in other.regions.vm.regions()] == ["Kurakhove"]  # replaced, not added
    open_in_window(other, [str(project)])
    _loaded(qtbot, other)
    assert len(other.regions.vm.regions()) == 1


def test_bad_project_file_is_one_line_and_keeps_the_session(qtbot, tmp_path) -> None:
    window = _work_session(qtbot)
    bad = tmp_path / "bad.frontline"
    bad.write_text("{not json", encoding="utf-8")
    open_in_window(window, [str(bad)])
    message = window.statusBar().currentMessage()
    assert str(bad) in message
    assert "\n" not in message
    assert sorted(window.app_vm.dataset.paths()) == sorted(FILES)


@pytest.fixture(autouse=True)
def _fresh_settings(monkeypatch):
    """Qt fixes the settings file's folder at its first use in the process: start empty."""
    import ui.main_window

    monkeypatch.setattr(ui.main_window, "show_error", lambda *_a: None)
    create_app()
    settings = QSettings()
    settings.clear()
    settings.sync()
    yield
    settings.clear()
    settings.sync()


@pytest.mark.parametrize("content", [b"\x00\xff garbage", b'{"format": "frontline-atlas-session"}'])
def test_unreadable_last_session_is_one_line_and_the_app_starts(qtbot, content) -> None:
    from viewmodels.session import default_last_session_path

    path = default_last_session_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    QSettings().setValue("app/launched", True)
    window = _launch(qtbot)
    window.show()
    qtbot.waitUntil(lambda: str(path) in window.statusBar().currentMessage(), timeout=10000)
    assert "\n" not in window.statusBar().currentMessage()
    assert window.app_vm.dataset.catalog() is None
