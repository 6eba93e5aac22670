"""Closing the window ends every worker thread of the app and its features (no idle threads)."""

from __future__ import annotations

import threading

from tests.paths import DEEPSTATE
from ui.app import create_app, create_window
from viewmodels.tasks import TaskRunner

FILES = [str(DEEPSTATE / "deepstatemap_data_20241101.geojson")]


def _task_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("atlas-task")}


def test_closing_the_window_ends_every_task_thread(qtbot) -> None:
    before = _task_threads()
    create_app()
    window = create_window(FILES)
    qtbot.addWidget(window)
    dataset = window.app_vm.dataset
    qtbot.waitUntil(lambda: dataset.catalog() is not None and not dataset.loading(), timeout=30000)
    runners = [*window.findChildren(TaskRunner), *window.app_vm.findChildren(TaskRunner)]
    assert len(runners) >= 4  # the app's, printing's, the time-lapse's two, search's
    for runner in runners:  # each starts its worker thread
        with qtbot.waitSignal(runner.sig_task_done, timeout=30000):
            runner.submit(lambda: None, lambda _v: None)
    assert len(_task_threads() - before) >= len(runners)  # the app runner also reads the basemap
    window.close()
    qtbot.waitUntil(lambda: not (_task_threads() - before), timeout=30000)
