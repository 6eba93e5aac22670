"""Dates typed in any order, checked when committed; a calendar that stays on the screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QTableView

from tests.shell.deepstate import deepstate_files
from ui.date_entry import DateEntry, keep_on_screen
from ui.timeline_view import COMPARE_HINT, TimelineView
from viewmodels.timeline_viewmodel import TimelineViewModel

D = dt.date


def _timeline(qtbot):
    from geo.loader import load_paths

    files = [*deepstate_files("20241101", 5), *deepstate_files("20241110", 11)]
    vm = TimelineViewModel()
    vm.set_catalog(load_paths(files))
    view = TimelineView(vm)
    qtbot.addWidget(view)
    view.show()
    return vm, view


def _type(qtbot, entry: DateEntry, text: str) -> None:
    entry.field.selectAll()
    qtbot.keyClicks(entry.field, text)
    qtbot.keyClick(entry.field, Qt.Key.Key_Return)


def test_b_before_a_is_typed_and_kept(qtbot) -> None:
    vm, view = _timeline(qtbot)
    _type(qtbot, view.date_a, "2024-11-15")
    assert vm.date_a() == D(2024, 11, 15)
    with qtbot.assertNotEmitted(vm.sig_date_b_changed):
        view.date_b.field.selectAll()
        qtbot.keyClicks(view.date_b.field, "2024-11-03")  # not committed yet
    qtbot.keyClick(view.date_b.field, Qt.Key.Key_Return)
    assert (vm.date_a(), vm.date_b()) == (D(2024, 11, 15), D(2024, 11, 3))
    assert view.date_b.field.text() == "2024-11-03"


def test_other_forms_and_focus_out_commit(qtbot) -> None:
    vm, view = _timeline(qtbot)
    view.date_a.field.setFocus()
    view.date_a.field.selectAll()
    qtbot.keyClicks(view.date_a.field, "12 Nov 2024")
    view.date_a.field.clearFocus()
    view.date_a.commit()  # what focus-out does (offscreen focus is unreliable)
    assert vm.date_a() == D(2024, 11, 12)
    assert view.date_a.field.text() == "2024-11-12"


def test_bad_text_is_refused_in_red_and_nothing_changes(qtbot) -> None:
    vm, view = _timeline(qtbot)
    before = vm.date_b()
    _type(qtbot, view.date_b, "2024-13-01")
    assert vm.date_b() == before
    assert "not a" in view.note.text()
    assert "#c0392b" in view.date_b.field.styleSheet()
    qtbot.keyClick(view.date_b.field, Qt.Key.Key_Escape)
    assert view.date_b.field.text() == before.isoformat()
    assert view.date_b.error() == ""


def test_day_before_the_first_snapshot_is_refused(qtbot) -> None:
    vm, view = _timeline(qtbot)
    _type(qtbot, view.date_a, "2024-10-01")
    assert vm.date_a() == D(2024, 11, 1)
    assert view.note.text() == "2024-10-01 is before the first snapshot (2024-11-01)"


def test_day_without_snapshot_says_which_is_used(qtbot) -> None:
    vm, view = _timeline(qtbot)
    _type(qtbot, view.date_a, "2024-11-07")
    assert vm.date_a() == D(2024, 11, 7)
    assert "A: no snapshot on 2024-11-07: 2024-11-05 is used" in view.note.text()
    vm.set_compare(True)
    assert COMPARE_HINT in view.note.text()


def test_calendar_by_keyboard_and_on_screen(qtbot) -> None:
    vm, view = _timeline(qtbot)
    screen = QGuiApplication.primaryScreen().availableGeometry()
    view.move(screen.right() - view.width() // 2, screen.bottom() - 10)  # half off-screen
    qtbot.keyClick(view.date_b.field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = view.date_b.calendar
    assert calendar.isVisible()
    assert screen.contains(calendar.geometry())
    grid = calendar.findChild(QTableView)  # the calendar's keyboard-driven day grid
    qtbot.keyClick(grid, Qt.Key.Key_Left)  # one day back
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert vm.date_b() == D(2024, 11, 19)
    assert not calendar.isVisible()


def test_keep_on_screen_moves_inside() -> None:
    screen = QRect(0, 0, 1280, 720)
    assert keep_on_screen(QRect(1200, 650, 300, 200), screen) == QRect(980, 520, 300, 200)
    assert keep_on_screen(QRect(-50, -10, 300, 200), screen) == QRect(0, 0, 300, 200)
