"""Files the OS hands over as QFileOpenEvent (macOS) reach the window like argv paths."""

from __future__ import annotations

import signal

import pytest
from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.paths import DEEPSTATE
from ui.file_open import FileOpenFilter
from ui.handover import install_handover

DAY = str(DEEPSTATE / "deepstatemap_data_20240708.geojson")


@pytest.fixture
def restore_signals():
    handlers = {n: signal.getsignal(n) for n in (signal.SIGTERM, signal.SIGINT)}
    yield
    signal.set_wakeup_fd(-1)
    for number, handler in handlers.items():
        signal.signal(number, handler)


def test_event_reaches_the_handler(qapp) -> None:
    opened: list[list[str]] = []
    file_open = FileOpenFilter()
    file_open.set_handler(opened.append)
    qapp.installEventFilter(file_open)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(DAY))
        QApplication.sendEvent(qapp, QFileOpenEvent(QUrl.fromLocalFile("/data/b.shp")))
    finally:
        qapp.removeEventFilter(file_open)
    assert opened == [[DAY], ["/data/b.shp"]]


def test_events_before_the_window_are_replayed(qapp) -> None:
    file_open = FileOpenFilter()
    qapp.installEventFilter(file_open)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(DAY))
    finally:
        qapp.removeEventFilter(file_open)
    assert file_open.pending() == [DAY]
    opened: list[list[str]] = []
    file_open.set_handler(opened.append)
    assert opened == [[DAY]]
    assert file_open.pending() == []


def test_other_events_pass_through(qapp) -> None:
    file_open = FileOpenFilter()
    assert not file_open.eventFilter(qapp, QEvent(QEvent.Type.FileOpen))  # not a QFileOpenEvent
    assert not file_open.eventFilter(qapp, QEvent(QEvent.Type.Show))


def test_handover_opens_the_file_and_raises_the_window(qtbot, qapp, restore_signals) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    opened: list[list[str]] = []
    file_open = install_handover(qapp, window, opened.append)
    try:
        QApplication.sendEvent(qapp, QFileOpenEvent(DAY))
    finally:
        qapp.removeEventFilter(file_open)
    assert opened == [[DAY]]
    assert not window.isMinimized()
