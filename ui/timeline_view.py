"""The timeline: slider over the series' dates, playback, step, dates A and B, compare, series."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewmodels.timeline_viewmodel import SPEEDS

if TYPE_CHECKING:
    from viewmodels.timeline_viewmodel import TimelineViewModel


def _qdate(date: dt.date) -> QDate:
    return QDate(date.year, date.month, date.day)


def _pydate(qdate: QDate) -> dt.date:
    return dt.date(qdate.year(), qdate.month(), qdate.day())


class TimelineView(QWidget):
    """Binds a :class:`TimelineViewModel` both ways; only formats dates."""

    def __init__(self, vm: TimelineViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self._build()
        self._bind()
        self._sync_all()

    def _build(self) -> None:
        self.series_combo = QComboBox()
        self.back_button = QToolButton(text="◀")
        self.play_button = QToolButton(text="▶", checkable=True)
        self.forward_button = QToolButton(text="▶|")
        self.speed_combo = QComboBox()
        for speed in SPEEDS:
            self.speed_combo.addItem(f"{speed:g}/s", speed)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.date_label = QLabel("—")
        self.date_a = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_b = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.compare_check = QCheckBox("Compare A → B")
        top = QHBoxLayout()
        for widget in (self.back_button, self.play_button, self.forward_button, self.speed_combo):
            top.addWidget(widget)
        top.addWidget(self.slider, 1)
        top.addWidget(self.date_label)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("Series"))
        bottom.addWidget(self.series_combo, 1)
        bottom.addWidget(QLabel("A"))
        bottom.addWidget(self.date_a)
        bottom.addWidget(QLabel("B"))
        bottom.addWidget(self.date_b)
        bottom.addWidget(self.compare_check)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bottom)
        layout.addStretch(1)

    def _bind(self) -> None:
        vm = self.vm
        self.slider.valueChanged.connect(vm.set_shown_index)
        self.play_button.toggled.connect(vm.set_playing)
        self.back_button.clicked.connect(lambda: vm.step(-1))
        self.forward_button.clicked.connect(lambda: vm.step(1))
        self.speed_combo.currentIndexChanged.connect(
            lambda i: vm.set_speed(self.speed_combo.itemData(i))
        )
        self.series_combo.currentTextChanged.connect(vm.set_series)
        self.date_a.dateChanged.connect(lambda d: vm.set_date_a(_pydate(d)))
        self.date_b.dateChanged.connect(lambda d: vm.set_date_b(_pydate(d)))
        self.compare_check.toggled.connect(vm.set_compare)
        vm.sig_series_names_changed.connect(self._sync_series)
        vm.sig_series_changed.connect(self._sync_series)
        vm.sig_dates_changed.connect(self._sync_dates)
        vm.sig_shown_date_changed.connect(self._sync_shown)
        vm.sig_date_a_changed.connect(self._sync_ab)
        vm.sig_date_b_changed.connect(self._sync_ab)
        vm.sig_compare_changed.connect(self._sync_compare)
        vm.sig_playing_changed.connect(self._sync_playing)
        vm.sig_speed_changed.connect(self._sync_speed)

    def _sync_all(self) -> None:
        self._sync_series()
        self._sync_dates()
        self._sync_compare()
        self._sync_playing()
        self._sync_speed()

    def _sync_series(self) -> None:
        with QSignalBlocker(self.series_combo):
            self.series_combo.clear()
            self.series_combo.addItems(self.vm.series_names())
            self.series_combo.setCurrentText(self.vm.series())

    def _sync_dates(self) -> None:
        dates = self.vm.dates()
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, max(0, len(dates) - 1))
        for edit in (self.date_a, self.date_b):
            with QSignalBlocker(edit):
                if dates:
                    edit.setDateRange(_qdate(dates[0]), _qdate(dates[-1]))
        enabled = bool(dates)
        for widget in (self.slider, self.play_button, self.date_a, self.date_b, self.compare_check):
            widget.setEnabled(enabled)
        self._sync_shown()
        self._sync_ab()

    def _sync_shown(self) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(max(0, self.vm.shown_index()))
        date = self.vm.shown_date()
        self.date_label.setText(date.isoformat() if date else "—")

    def _sync_ab(self) -> None:
        for edit, date in ((self.date_a, self.vm.date_a()), (self.date_b, self.vm.date_b())):
            if date is not None:
                with QSignalBlocker(edit):
                    edit.setDate(_qdate(date))

    def _sync_compare(self) -> None:
        with QSignalBlocker(self.compare_check):
            self.compare_check.setChecked(self.vm.compare())

    def _sync_playing(self) -> None:
        with QSignalBlocker(self.play_button):
            self.play_button.setChecked(self.vm.playing())
        self.play_button.setText("❚❚" if self.vm.playing() else "▶")

    def _sync_speed(self) -> None:
        index = self.speed_combo.findData(self.vm.speed())
        if index >= 0:
            with QSignalBlocker(self.speed_combo):
                self.speed_combo.setCurrentIndex(index)
