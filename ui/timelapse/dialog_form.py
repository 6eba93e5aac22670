"""The choices of the time-lapse dialog: series, dates, step, rate, size, output and options.

The form starts from the app's state (the series on the timeline, its last year of dates, Full
HD MP4 in the last folder used) and says :attr:`ChoicesForm.sig_choices_edited` on every edit;
:meth:`ChoicesForm.choices` reads it back as a :class:`~ui.timelapse.request.Choices`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from geo.page import PIXEL_PRESETS
from ui.timelapse.request import Choices

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from ui.timelapse.request import ExportContext

CUSTOM = "custom"
STEP_LABELS = {"snapshot": "each snapshot", "day": "each day", "week": "each week"}


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ChoicesForm(QWidget):
    """See the module docstring."""

    sig_choices_edited = Signal()
    """The user changed a choice."""

    def __init__(
        self,
        context: ExportContext,
        steps: Sequence[str],
        folder: str,
        on_browse: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self.series = QComboBox()
        self.series.addItems(context.catalog.series_names())
        self.series.setCurrentText(context.series)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        self.step = QComboBox()
        for step in steps:
            self.step.addItem(STEP_LABELS.get(step, f"each {step}"), step)
        self.fps = _spin(QDoubleSpinBox(), 1, 60, 8, " fps")
        self.size_choice = QComboBox()
        for name, (w, h) in PIXEL_PRESETS.items():
            self.size_choice.addItem(f"{w}×{h} ({name})", (w, h))
        self.size_choice.addItem("other size…", CUSTOM)
        self.size_choice.setCurrentIndex(list(PIXEL_PRESETS).index("landscape"))
        self.width_box = _spin(QSpinBox(), 16, 7680, 1280)
        self.height_box = _spin(QSpinBox(), 16, 7680, 720)
        self.out = QLineEdit(str(Path(folder) / "timelapse.mp4"))
        self.browse = QPushButton("Browse…")
        self.browse.clicked.connect(on_browse)
        self.title = QLineEdit()
        self.title.setPlaceholderText("default: the series and the date of each frame")
        self.chart = QCheckBox("Inset chart of area over time")
        self.changes = QCheckBox("Highlight the change since the first frame")
        self.regions = QCheckBox(f"Drawn regions and their numbers ({len(context.regions)})")
        self.regions.setEnabled(bool(context.regions))
        self.regions.setChecked(bool(context.regions))
        self.csv = QCheckBox("Also write the numbers of every frame as CSV")
        self._lay_out()
        self._on_series_changed()
        for signal in self._edit_signals():
            signal.connect(self.sig_choices_edited)
        self.series.currentTextChanged.connect(self._on_series_changed)
        self.size_choice.currentIndexChanged.connect(self._on_size_changed)
        self._on_size_changed()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.addRow("Series", self.series)
        form.addRow("From", _row(self.date_from, "to", self.date_to))
        form.addRow("One frame for", _row(self.step, self.fps))
        form.addRow("Size", _row(self.size_choice, self.width_box, "×", self.height_box))
        form.addRow("Title", self.title)
        form.addRow("File", _row(self.out, self.browse))
        for box in (self.chart, self.changes, self.regions, self.csv):
            form.addRow("", box)

    def _edit_signals(self) -> list:
        return [
            self.series.currentTextChanged,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
            self.step.currentIndexChanged,
            self.fps.valueChanged,
            self.size_choice.currentIndexChanged,
            self.width_box.valueChanged,
            self.height_box.valueChanged,
            self.out.editingFinished,
            self.title.editingFinished,
            *(box.toggled for box in (self.chart, self.changes, self.regions, self.csv)),
        ]

    def _on_series_changed(self) -> None:
        """Limit the dates to the series' range; start with its last year."""
        dates = self._context.catalog.dates(self.series.currentText())
        first, last = dates[0], dates[-1]
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDateRange(qdate(first), qdate(last))
        self.date_from.setDate(qdate(max(first, last - dt.timedelta(days=365))))
        self.date_to.setDate(qdate(last))

    def _on_size_changed(self) -> None:
        preset = self.size_choice.currentData()
        custom = preset == CUSTOM
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)
        if not custom:
            self.width_box.setValue(preset[0])
            self.height_box.setValue(preset[1])

    def out_path(self) -> Path:
        return Path(self.out.text().strip())

    def set_out_path(self, path: Path) -> None:
        self.out.setText(str(path))
        self.sig_choices_edited.emit()

    def choices(self) -> Choices:
        """The choices the form shows."""
        out = self.out_path()
        return Choices(
            out=out,
            series=self.series.currentText(),
            date_from=pydate(self.date_from.date()),
            date_to=pydate(self.date_to.date()),
            step=self.step.currentData(),
            fps=self.fps.value(),
            size=(self.width_box.value(), self.height_box.value()),
            title=self.title.text().strip(),
            chart=self.chart.isChecked(),
            changes=self.changes.isChecked(),
            regions=self.regions.isChecked(),
            csv=out.with_suffix(".csv") if self.csv.isChecked() else None,
        )


def _spin(box: QSpinBox | QDoubleSpinBox, low: float, high: float, value: float, suffix: str = ""):
    box.setRange(low, high)  # type: ignore[arg-type]
    box.setValue(value)  # type: ignore[arg-type]
    box.setSuffix(suffix)
    return box


def _row(*items: QWidget | str) -> QWidget:
    from PySide6.QtWidgets import QLabel

    holder = QWidget()
    line = QHBoxLayout(holder)
    line.setContentsMargins(0, 0, 0, 0)
    for item in items:
        line.addWidget(QLabel(item) if isinstance(item, str) else item)
    return holder
