"""The status bar: cursor readout, load progress with Cancel, and the last message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

if TYPE_CHECKING:
    from viewmodels.cursor_viewmodel import CursorReadout, CursorViewModel
    from viewmodels.dataset_viewmodel import DatasetViewModel
    from viewmodels.load_threads import LoadProgress


def format_readout(r: CursorReadout) -> str:
    """``48.12345° N 37.12345° E — inside DeepState (2024-11-20) · outside ISW (…)``.

    Every visible series is listed with the date its layer shows, top layer first.
    """
    if r.lon is None or r.lat is None:
        return ""
    ns, ew = ("N" if r.lat >= 0 else "S"), ("E" if r.lon >= 0 else "W")
    where = f"{abs(r.lat):.5f}° {ns} {abs(r.lon):.5f}° {ew}"
    parts = [
        f"{'inside' if hit.covered else 'outside'} {hit.series} ({hit.note})"
        if hit.covered is not None
        else f"{hit.series} ({hit.note})"
        for hit in r.hits
    ]
    return " — ".join([where, " · ".join(parts)]) if parts else where


class StatusView(QStatusBar):
    """Binds the cursor and dataset viewmodels to labels, a progress bar and a Cancel button."""

    def __init__(
        self, cursor: CursorViewModel, dataset: DatasetViewModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.cursor_vm, self.dataset_vm = cursor, dataset
        self.readout = QLabel()
        self.message = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(dataset.cancel)
        self.addWidget(self.readout, 1)
        self.addPermanentWidget(self.message)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        cursor.sig_readout_changed.connect(self._on_cursor_readout_changed)
        dataset.sig_loading_changed.connect(self._on_dataset_loading_changed)
        dataset.sig_progress_changed.connect(self._on_dataset_progress_changed)
        dataset.sig_message_changed.connect(self.message.setText)
        self._on_dataset_loading_changed(dataset.loading())

    def _on_cursor_readout_changed(self, readout: CursorReadout) -> None:
        self.readout.setText(format_readout(readout))

    def _on_dataset_loading_changed(self, loading: bool) -> None:
        self.progress.setVisible(loading)
        self.cancel_button.setVisible(loading)
        if loading:
            self.message.setText("loading…")

    def _on_dataset_progress_changed(self, progress: LoadProgress) -> None:
        if progress.fraction < 0:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(progress.fraction * 1000))
        self.progress.setFormat(progress.text or "%p%")
