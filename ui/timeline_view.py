"""The timeline: slider over the series' dates, playback, step, dates A and B, compare, series."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from geo.shown import snapshot_note
from ui.actions import shortcut_hint, tooltip
from ui.bind import Bindings
from ui.date_entry import DateEntry
from viewmodels.timeline_viewmodel import SPEEDS

if TYPE_CHECKING:
    import datetime as dt

    from viewmodels.timeline_viewmodel import TimelineViewModel

GAP_MARK = QColor("#c0392b")
"""Ticks under the slider where the next snapshot is more than a day later."""


COMPARE_HINT = "while comparing, the slider moves B"


class GapSlider(QSlider):
    """A horizontal slider over snapshot indices that marks the data's gaps with red ticks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.marks: list[int] = []

    def set_marks(self, marks: list[int]) -> None:
        self.marks = marks
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.marks or self.maximum() <= self.minimum():
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        span = self.width() - handle.width()
        painter = QPainter(self)
        painter.setPen(GAP_MARK)
        bottom = self.height() - 1
        for index in self.marks:
            x = handle.width() // 2 + QStyle.sliderPositionFromValue(
                self.minimum(), self.maximum(), index, span
            )
            painter.drawLine(x, bottom - 4, x, bottom)
        painter.end()


class TimelineView(QWidget):
    """Binds a :class:`TimelineViewModel` both ways; only formats dates."""

    def __init__(self, vm: TimelineViewModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vm = vm
        self._bindings = Bindings(self)
        self._build()
        self._bind()
        self._sync_all()

    def _build(self) -> None:
        icon = self.style().standardIcon
        pixmap = QStyle.StandardPixmap
        self.back_button, self.play_button, self.forward_button = (
            QToolButton(),
            QToolButton(),
            QToolButton(),
        )
        self.back_button.setIcon(icon(pixmap.SP_MediaSeekBackward))
        self.play_button.setIcon(icon(pixmap.SP_MediaPlay))
        self.play_button.setCheckable(True)
        self.forward_button.setIcon(icon(pixmap.SP_MediaSeekForward))
        self.back_button.setToolTip(tooltip("step_back"))
        self.play_button.setToolTip(tooltip("play"))
        self.forward_button.setToolTip(tooltip("step_forward"))
        self.speed_combo = QComboBox()
        self.speed_combo.setToolTip("Playback speed: snapshots per second")
        for speed in SPEEDS:
            self.speed_combo.addItem(f"{speed:g}/s", speed)
        self.slider = GapSlider()
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.first_label, self.last_label = QLabel(), QLabel()
        for label in (self.first_label, self.last_label):
            label.setStyleSheet("color:#666")
        self.date_label = QLabel("—")
        bold = QFont(self.date_label.font())
        bold.setBold(True)
        self.date_label.setFont(bold)
        self.date_label.setMinimumWidth(
            self.date_label.fontMetrics().horizontalAdvance("0000-00-00 ")
        )
        self.date_label.setToolTip("The date shown on the map")
        self.series_combo = QComboBox()
        self.series_combo.setToolTip("The series shown, compared and charted")
        self.series_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date_a, self.date_b = DateEntry(), DateEntry()
        hint = "type a day and press Enter; a day without a snapshot uses the latest before it"
        self.date_a.field.setToolTip(f"Date A, compared from ({hint})")
        self.date_b.field.setToolTip(f"Date B, compared to ({hint}); {COMPARE_HINT}")
        self.note = QLabel(wordWrap=False)
        self.note.setStyleSheet("color:#555")
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.compare_check = QCheckBox("Compare A → B")
        self.compare_check.setToolTip(tooltip("compare"))
        self._lay_out()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for widget in (self.back_button, self.play_button, self.forward_button, self.speed_combo):
            top.addWidget(widget)
        top.addSpacing(8)
        top.addWidget(self.first_label)
        top.addWidget(self.slider, 1)
        top.addWidget(self.last_label)
        top.addSpacing(8)
        top.addWidget(self.date_label)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("Series"))
        bottom.addWidget(self.series_combo)
        bottom.addSpacing(12)
        for text, edit in (("A", self.date_a), ("B", self.date_b)):
            bottom.addWidget(QLabel(text))
            bottom.addWidget(edit)
        bottom.addSpacing(12)
        bottom.addWidget(self.compare_check)
        bottom.addSpacing(8)
        bottom.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setMaximumHeight(self.sizeHint().height())

    def _bind(self) -> None:
        vm, bindings = self.vm, self._bindings
        to_vm, connect = bindings.to_viewmodel, bindings.connect
        to_vm(self.slider.valueChanged, vm.set_shown_index)
        to_vm(self.play_button.toggled, vm.set_playing)
        to_vm(self.series_combo.currentTextChanged, vm.set_series)
        to_vm(self.compare_check.toggled, vm.set_compare)
        connect(self.back_button.clicked, self._on_back_button_clicked)
        connect(self.forward_button.clicked, self._on_forward_button_clicked)
        connect(self.speed_combo.currentIndexChanged, self._on_speed_combo_changed)
        connect(self.date_a.sig_date_committed, self._on_date_a_committed)
        connect(self.date_b.sig_date_committed, self._on_date_b_committed)
        for entry in (self.date_a, self.date_b):
            connect(entry.sig_error_changed, self._show_note)
        connect(vm.sig_series_names_changed, self._sync_series)
        connect(vm.sig_series_changed, self._sync_series)
        connect(vm.sig_dates_changed, self._sync_dates)
        connect(vm.sig_shown_date_changed, self._sync_shown)
        connect(vm.sig_date_a_changed, self._sync_ab)
        connect(vm.sig_date_b_changed, self._sync_ab)
        connect(vm.sig_compare_changed, self._sync_compare)
        connect(vm.sig_playing_changed, self._sync_playing)
        connect(vm.sig_speed_changed, self._sync_speed)
        connect(vm.sig_controls_enabled_changed, self._sync_enabled)

    def close(self) -> bool:
        """Disconnect from the viewmodel (it outlives this view), then close as widgets do."""
        self._bindings.unbind()
        return super().close()

    def _on_back_button_clicked(self) -> None:
        self.vm.step(-1)

    def _on_forward_button_clicked(self) -> None:
        self.vm.step(1)

    def _on_speed_combo_changed(self, index: int) -> None:
        self.vm.set_speed(self.speed_combo.itemData(index))

    def _on_date_a_committed(self, day: dt.date) -> None:
        self._on_date_committed(self.date_a, day)

    def _on_date_b_committed(self, day: dt.date) -> None:
        self._on_date_committed(self.date_b, day)

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
            edit.set_range(dates[0] if dates else None, dates[-1] if dates else None)
        self._sync_enabled(self.vm.controls_enabled())
        self.first_label.setText(dates[0].isoformat() if dates else "")
        self.last_label.setText(dates[-1].isoformat() if dates else "")
        gaps = self.vm.gap_indices()
        self.slider.set_marks(gaps)
        self.slider.setToolTip(
            f"{len(dates)} snapshots; red ticks: {len(gaps)} gaps (days without a snapshot)"
            f" — step with {shortcut_hint('step_back')} / {shortcut_hint('step_forward')}"
            if gaps
            else f"{len(dates)} snapshots"
        )
        self._sync_shown()
        self._sync_ab()

    def _sync_enabled(self, enabled: bool) -> None:
        controls = (self.slider, self.play_button, self.date_a, self.date_b, self.compare_check)
        for widget in (*controls, self.back_button, self.forward_button):
            widget.setEnabled(enabled)

    def _sync_shown(self) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(max(0, self.vm.shown_index()))
        date = self.vm.shown_date()
        self.date_label.setText(date.isoformat() if date else "—")

    def _sync_ab(self) -> None:
        for edit, date in ((self.date_a, self.vm.date_a()), (self.date_b, self.vm.date_b())):
            if date != edit.date() or edit.error():
                edit.set_date(date)
        self._show_note()

    def _on_date_committed(self, entry: DateEntry, day: dt.date) -> None:
        """A typed or picked day: refused in the field when it cannot be compared."""
        ok, message = snapshot_note(self.vm.dates(), day)
        if not ok:
            entry.show_error(message)
            return
        if entry is self.date_a:
            self.vm.set_date_a(day)
        else:
            self.vm.set_date_b(day)
        self._show_note()

    def _show_note(self, *_args: object) -> None:
        """A refused date in red; else which snapshots A and B use; else the compare hint."""
        errors = [e.error() for e in (self.date_a, self.date_b) if e.error()]
        if errors:
            self.note.setStyleSheet("color:#b00")
            self.note.setText(errors[0])
            self.note.setToolTip(errors[0])
            return
        dates = self.vm.dates()
        notes = [
            f"{name}: {snapshot_note(dates, day)[1]}"
            for name, day in (("A", self.vm.date_a()), ("B", self.vm.date_b()))
            if day is not None and dates and snapshot_note(dates, day)[1]
        ]
        if self.vm.compare():
            notes.append(COMPARE_HINT)
        self.note.setStyleSheet("color:#555")
        self.note.setText("; ".join(notes))
        self.note.setToolTip(self.note.text())

    def _sync_compare(self) -> None:
        with QSignalBlocker(self.compare_check):
            self.compare_check.setChecked(self.vm.compare())
        self._show_note()

    def _sync_playing(self) -> None:
        with QSignalBlocker(self.play_button):
            self.play_button.setChecked(self.vm.playing())
        pixmap = QStyle.StandardPixmap.SP_MediaPause if self.vm.playing() else None
        self.play_button.setIcon(
            self.style().standardIcon(pixmap or QStyle.StandardPixmap.SP_MediaPlay)
        )

    def _sync_speed(self) -> None:
        index = self.speed_combo.findData(self.vm.speed())
        if index >= 0:
            with QSignalBlocker(self.speed_combo):
                self.speed_combo.setCurrentIndex(index)
