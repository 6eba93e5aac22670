"""File → Export time-lapse…: the choices, a preview of three frames, progress and Cancel.

The dialog only gathers :class:`~ui.timelapse.request.Choices`; the export runs in an
:class:`~viewmodels.timelapse_viewmodel.ExportViewModel` on its own worker thread, and the
previews on another runner (only the latest request is applied), so the window stays responsive.
The file dialog is the module function :func:`ask_out_path`, looked up on every use so tests can
replace it (STYLE.md §8).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from geo.errors import AtlasError, one_line
from geo.timelapse import STEPS
from ui.timelapse.dialog_form import ChoicesForm
from ui.timelapse.request import PREVIEW_BOX, build_job, render_previews

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtGui import QCloseEvent, QImage

    from ui.timelapse.export import ExportReport, TimelapseJob
    from ui.timelapse.request import Choices, ExportContext
    from viewmodels.tasks import TaskRunner
    from viewmodels.timelapse_viewmodel import ExportViewModel

FILTER = "MP4 video (*.mp4);;GIF (*.gif);;WebP (*.webp);;PDF, a page per date (*.pdf)"
PREVIEW_DELAY_MS = 400
"""The preview is redrawn this long after the last change of a choice."""
ERROR_STYLE = "color:#a00000"


def ask_out_path(parent: QWidget, current: str) -> str:
    """The file to write, or "" when the user cancels."""
    return QFileDialog.getSaveFileName(parent, "Export time-lapse", current, FILTER)[0]


def format_left(seconds: float | None) -> str:
    """``about 1:05 left`` (empty before the pace is known)."""
    if seconds is None:
        return ""
    whole = round(seconds)
    return f"about {whole // 60}:{whole % 60:02d} left"


class TimelapseDialog(QDialog):
    """See the module docstring."""

    def __init__(
        self,
        context: ExportContext,
        export_vm: ExportViewModel,
        preview_runner: TaskRunner,
        folder: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export time-lapse")
        self._context = context
        self._vm = export_vm
        self._previews = preview_runner
        self.form = ChoicesForm(context, STEPS, folder, self._on_browse_clicked)
        self.thumbs = [QLabel() for _ in range(3)]
        self.thumb_dates = [QLabel() for _ in range(3)]
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.export_button = QPushButton("Export")
        self.cancel_button = QPushButton("Close")
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._lay_out()
        self._bind()
        self._preview_timer.start()

    def _lay_out(self) -> None:
        previews = QGridLayout()
        for index, (thumb, date) in enumerate(zip(self.thumbs, self.thumb_dates, strict=True)):
            thumb.setMinimumSize(*PREVIEW_BOX)
            thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
            thumb.setStyleSheet("background:#f0f0f0")
            previews.addWidget(thumb, 0, index)
            previews.addWidget(date, 1, index, Qt.AlignmentFlag.AlignHCenter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        column = QVBoxLayout(self)
        column.addWidget(self.form)
        column.addLayout(previews)
        column.addWidget(self.status)
        column.addLayout(buttons)
        self.progress.setVisible(False)

    def _bind(self) -> None:
        self.form.sig_choices_edited.connect(self._on_form_edited)
        self._preview_timer.timeout.connect(self._on_preview_timer_timeout)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self._vm.sig_running_changed.connect(self._on_export_running_changed)
        self._vm.sig_progress_changed.connect(self._on_export_progress_changed)
        self._vm.sig_finished.connect(self._on_export_finished)
        self._vm.sig_failed.connect(self._on_export_failed)
        self._vm.sig_cancelled.connect(self._on_export_cancelled)

    def choices(self) -> Choices:
        """What the form says now."""
        return self.form.choices()

    def _on_browse_clicked(self) -> None:
        path = ask_out_path(self, str(self.form.out_path()))
        if path:
            self.form.set_out_path(Path(path))

    def _on_form_edited(self) -> None:
        self._preview_timer.start()

    def _job_or_message(self) -> TimelapseJob | None:
        """The job the form asks for, or None after showing why there is none."""
        try:
            return build_job(self._context, self.choices())
        except (AtlasError, ValueError) as exc:
            self._show_status(one_line(exc), error=True)
            return None

    def _on_preview_timer_timeout(self) -> None:
        job = self._job_or_message()
        self.export_button.setEnabled(job is not None and not self._vm.running)
        if job is None:
            return
        plan = job.plan
        self._show_status(
            f"{len(plan.frames)} frames, {plan.video_frames} video frames, "
            f"{plan.duration_s:.1f} s at {plan.fps:g} fps"
        )
        self._previews.submit(
            lambda: render_previews(job),
            self._on_previews_done,
            self._on_previews_failed,
            channel="timelapse-preview",
        )

    def _on_previews_done(self, previews: list[tuple[dt.date, QImage]]) -> None:
        if not isValid(self):  # the dialog was closed and deleted while the previews rendered
            return
        names = ("First", "Middle", "Last") if len(previews) == 3 else ("First", "Last", "")
        for k, (thumb, label) in enumerate(zip(self.thumbs, self.thumb_dates, strict=True)):
            if k < len(previews):
                date, image = previews[k]
                thumb.setPixmap(QPixmap.fromImage(image))
                label.setText(f"{names[k]}: {date.isoformat()}")
            else:
                thumb.clear()
                label.clear()

    def _on_previews_failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self._show_status(f"preview failed: {one_line(error)}", error=True)

    def _on_export_clicked(self) -> None:
        job = self._job_or_message()
        if job is not None:
            self._vm.start(job)

    def _on_cancel_clicked(self) -> None:
        if self._vm.running:
            self._vm.cancel()
            self._show_status("Cancelling…")
        else:
            self.reject()

    def _on_export_running_changed(self, running: bool) -> None:
        self.form.setEnabled(not running)
        self.export_button.setEnabled(not running)
        self.cancel_button.setText("Cancel" if running else "Close")
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self._show_status("Preparing the first frame…")

    def _on_export_progress_changed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        left = format_left(self._vm.seconds_left())
        self._show_status(f"Frame {done} of {total}" + (f" · {left}" if left else ""))

    def _on_export_finished(self, report: ExportReport) -> None:
        self._show_status(
            f"Wrote {report.path} ({report.frames} frames, {report.duration_s:.1f} s)"
            + (f" and {report.csv.name}" if report.csv is not None else "")
        )

    def _on_export_failed(self, message: str) -> None:
        self._show_status(f"Export failed: {message}", error=True)

    def _on_export_cancelled(self) -> None:
        self._show_status("Cancelled: nothing was written.")

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the dialog cancels a running export (nothing half-written is left)."""
        self._vm.cancel()
        super().closeEvent(event)
