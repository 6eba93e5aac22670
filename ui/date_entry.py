"""A date field that can be typed: text checked when the edit is committed, plus a calendar.

A ``QDateEdit`` re-validates on every keystroke against its range, so typing ``2024-11-20``
digit by digit passed through other dates (each one sent to the timeline) or was refused half
way. Here the text is free while typing and only read on Enter or when focus leaves: a real day
is sent on, anything else is shown in red with a one-line reason and the value stays as it was.
The calendar (button, or Alt+Down / F4 in the field) is a pop-up kept inside the screen.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLineEdit, QToolButton, QWidget

from geo.dates import date_from_text

if TYPE_CHECKING:
    from PySide6.QtGui import QFocusEvent

ERROR_STYLE = "QLineEdit { border: 2px solid #c0392b; }"


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


def keep_on_screen(popup: QRect, screen: QRect) -> QRect:
    """``popup`` moved (not resized, unless larger than the screen) to lie inside ``screen``."""
    rect = QRect(popup)
    rect.setWidth(min(rect.width(), screen.width()))
    rect.setHeight(min(rect.height(), screen.height()))
    rect.moveLeft(max(screen.left(), min(rect.left(), screen.right() - rect.width() + 1)))
    rect.moveTop(max(screen.top(), min(rect.top(), screen.bottom() - rect.height() + 1)))
    return rect


class _Field(QLineEdit):
    """The text part: commits on focus out too, opens the calendar on Alt+Down / F4."""

    def __init__(self, owner: DateEntry) -> None:
        super().__init__(owner)
        self._owner = owner

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isModified():
            self._owner.commit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if alt_down or event.key() == Qt.Key.Key_F4:
            self._owner.open_calendar()
            return
        if event.key() == Qt.Key.Key_Escape and (self.isModified() or self._owner.error()):
            self._owner.revert()
            return
        super().keyPressEvent(event)


class DateEntry(QWidget):
    """A date typed as text (``2024-11-20``, ``20 Nov 2024``, …) or picked in a calendar.

    Signals
    -------
    sig_date_committed(datetime.date)
        A valid day was typed and committed, or picked in the calendar.
    sig_error_changed(str)
        The reason the committed text was refused ("" once it is fixed or replaced).
    """

    sig_date_committed = Signal(object)
    """A valid day was committed (typed + Enter / focus out, or picked in the calendar)."""
    sig_error_changed = Signal(str)
    """Why the committed text is not a date ("" when it is)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date: dt.date | None = None
        self._error = ""
        self.field = _Field(self)
        self.field.setPlaceholderText("YYYY-MM-DD")
        width = self.field.fontMetrics().horizontalAdvance("0000-00-00") + 18
        self.field.setFixedWidth(width)
        self.field.returnPressed.connect(self.commit)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip("Calendar (Alt+Down)")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        self.calendar = QCalendarWidget(self)  # a pop-up window owned (and deleted) by the field
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.activated.connect(self._on_calendar_activated)
        self.calendar.clicked.connect(self._on_calendar_activated)
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.calendar)
        close.activated.connect(self.calendar.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.field)
        layout.addWidget(self.button)
        self.setFocusProxy(self.field)

    def date(self) -> dt.date | None:
        """The last committed (or set) day."""
        return self._date

    def error(self) -> str:
        """Why the committed text was refused ("" when it was not)."""
        return self._error

    def set_date(self, date: dt.date | None) -> None:
        """Show ``date`` (from the viewmodel); never emits :attr:`sig_date_committed`."""
        self._date = date
        self.field.setText("" if date is None else date.isoformat())
        self.field.setModified(False)
        self._set_error("")

    def set_range(self, first: dt.date | None, last: dt.date | None) -> None:
        """Days the calendar offers (typed days are checked by whoever receives them)."""
        if first is not None and last is not None:
            self.calendar.setDateRange(_qdate(first), _qdate(last))

    def commit(self) -> None:
        """Read the typed text: emit the day, or show why it is not one."""
        self.field.setModified(False)
        try:
            day = date_from_text(self.field.text())
        except ValueError as exc:
            self._set_error(str(exc))
            return
        self._set_error("")
        self.field.setText(day.isoformat())
        self.sig_date_committed.emit(day)

    def revert(self) -> None:
        """Escape: back to the last good day."""
        self.set_date(self._date)

    def show_error(self, message: str) -> None:
        """Mark the field as refused for ``message`` (e.g. a day before the first snapshot)."""
        self._set_error(message)

    def open_calendar(self) -> None:
        """Pop the calendar up under the field, moved so that all of it is on the screen."""
        if self._date is not None:
            self.calendar.setSelectedDate(_qdate(self._date))
        self.calendar.adjustSize()
        below = self.mapToGlobal(QPoint(0, self.height()))
        rect = QRect(below, self.calendar.sizeHint())
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            if rect.bottom() > available.bottom():  # no room below: open above the field
                rect.moveBottom(self.mapToGlobal(QPoint(0, 0)).y() - 1)
            rect = keep_on_screen(rect, available)
        self.calendar.setGeometry(rect)
        self.calendar.show()
        self.calendar.setFocus()

    def _on_calendar_activated(self, qdate: QDate) -> None:
        self.calendar.hide()
        day = dt.date(qdate.year(), qdate.month(), qdate.day())
        self.field.setText(day.isoformat())
        self._set_error("")
        self.sig_date_committed.emit(day)

    def _set_error(self, message: str) -> None:
        self.field.setStyleSheet(ERROR_STYLE if message else "")
        self.field.setToolTip(message)
        if message != self._error:
            self._error = message
            self.sig_error_changed.emit(message)
