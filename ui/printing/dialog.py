"""The page layout dialog of Print and Export map: texts, paper, orientation, items, dpi, preview.

It only edits a :class:`~ui.printing.choices.PrintChoices`; the caller turns the choices into a
page (``make_page``) for the live preview and, once accepted, prints or exports it.
"""

from __future__ import annotations

from dataclasses import fields, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from geo.page import Furniture
from ui.printing.choices import PAPERS, PrintChoices
from ui.printing.render import render_page

if TYPE_CHECKING:
    from collections.abc import Callable

    from geo.page import Page
    from ui.printing.render import PageRenderer

PAPER_LABELS = {
    "A4": "A4",
    "A3": "A3",
    "letter": "Letter",
    "square": "1080 × 1080 px (square)",
    "landscape": "1920 × 1080 px (wide)",
    "portrait": "1080 × 1920 px (tall)",
}
ITEM_LABELS = {
    "legend": "Legend",
    "scale_bar": "Scale bar",
    "north_arrow": "North arrow",
    "locator": "Locator inset",
    "delta_table": "Table of km² (comparing)",
    "labels": "Place names",
    "source": "Source line",
    "method": "Method line",
    "notes": "Notes",
}
PREVIEW_PX = 380
PREVIEW_DELAY_MS = 200


class PageDialog(QDialog):
    """Edit :class:`PrintChoices` with a preview of the page.

    Parameters
    ----------
    choices : PrintChoices
        The choices to start from (the remembered ones).
    make_page : callable
        Choices → the page they give (for the preview and the default texts).
    renderer : PageRenderer
        Paints the preview.
    export : bool
        Show the PNG resolution (Export map); False for Print.
    """

    def __init__(
        self,
        choices: PrintChoices,
        make_page: Callable[[PrintChoices], Page],
        renderer: PageRenderer,
        export: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export map" if export else "Print map")
        self._make_page, self._renderer = make_page, renderer
        defaults = make_page(replace(choices, title="", subtitle=""))
        self.title = QLineEdit(choices.title, placeholderText=defaults.title)
        self.subtitle = QLineEdit(choices.subtitle, placeholderText=defaults.subtitle or "none")
        self.notes = QPlainTextEdit(choices.notes, placeholderText="Optional notes beside the map")
        self.notes.setFixedHeight(64)
        self.paper = QComboBox()
        for key in PAPERS:
            self.paper.addItem(PAPER_LABELS[key], key)
        self.paper.setCurrentIndex(PAPERS.index(choices.paper))
        self.orientation = QComboBox()
        self.orientation.addItems(["Landscape", "Portrait"])
        self.orientation.setCurrentIndex(0 if choices.landscape else 1)
        self.dpi = QSpinBox(minimum=30, maximum=1200, singleStep=50, suffix=" dpi")
        self.dpi.setValue(round(choices.dpi))
        self.items = {name: QCheckBox(label) for name, label in ITEM_LABELS.items()}
        for name, box in self.items.items():
            box.setChecked(bool(getattr(choices.furniture, name)))
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_PX, round(PREVIEW_PX * 0.75))
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._compose(export)
        self._connect()
        self._on_timer_timeout()

    def _compose(self, export: bool) -> None:
        form = QFormLayout()
        form.addRow("Title", self.title)
        form.addRow("Subtitle", self.subtitle)
        form.addRow("Notes", self.notes)
        form.addRow("Page", self.paper)
        form.addRow("Orientation", self.orientation)
        if export:
            form.addRow("PNG resolution", self.dpi)
        grid = QGridLayout()
        for i, box in enumerate(self.items.values()):
            grid.addWidget(box, i // 3, i % 3)
        form.addRow("Show", grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Export…" if export else "Print preview…"
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        row = QHBoxLayout()
        row.addLayout(form, 1)
        row.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.dpi.setVisible(export)

    def _connect(self) -> None:
        for edit in (self.title, self.subtitle):
            edit.textChanged.connect(self._on_choice_changed)
        self.notes.textChanged.connect(self._on_choice_changed)
        self.paper.currentIndexChanged.connect(self._on_choice_changed)
        self.orientation.currentIndexChanged.connect(self._on_choice_changed)
        for box in self.items.values():
            box.toggled.connect(self._on_choice_changed)

    def choices(self) -> PrintChoices:
        """The choices as the dialog shows them."""
        furniture = Furniture(**{f.name: self.items[f.name].isChecked() for f in fields(Furniture)})
        return PrintChoices(
            title=self.title.text().strip(),
            subtitle=self.subtitle.text().strip(),
            notes=self.notes.toPlainText().strip(),
            paper=str(self.paper.currentData()),
            landscape=self.orientation.currentIndex() == 0,
            dpi=float(self.dpi.value()),
            furniture=furniture,
        )

    def preview_image(self) -> QImage:
        """The page as the preview shows it (at most :data:`PREVIEW_PX` wide or tall)."""
        page = self._make_page(self.choices())
        w_mm, h_mm = page.size_mm()
        scale = PREVIEW_PX / max(w_mm, h_mm)
        image = QImage(round(w_mm * scale), round(h_mm * scale), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        try:
            render_page(painter, page, QRectF(image.rect()), self._renderer)
        finally:
            painter.end()
        return image

    def _on_choice_changed(self, *_args: object) -> None:
        self.orientation.setEnabled(self.choices().pixels() is None)
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        self.preview.setPixmap(QPixmap.fromImage(self.preview_image()))
