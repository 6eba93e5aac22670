"""The welcome panel: how to open data, and the demo dataset (clearly labelled synthetic)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QResizeEvent

WELCOME_TEXT = (
    "<h3>Frontline Atlas</h3>"
    "<p>Open dated territorial-control files (ISW shapefiles, DeepStateMap GeoJSON, KMZ, "
    "GeoPackage) or a whole folder of them, or drop them on the window.</p>"
    "<p>The <b>demo dataset</b> is synthetic: a made-up shape to try the app with, not a real "
    "front line.</p>"
)


class WelcomeView(QWidget):
    """Three buttons and a short explanation; each button runs a command given by the window.

    Docks don't honour a wrapped label's height-for-width, so the view asks for the height its
    text needs at its current width: the text is never clipped, however narrow the dock.
    """

    def __init__(
        self,
        open_files: Callable[[], None],
        open_folder: Callable[[], None],
        open_demo: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.text = QLabel(WELCOME_TEXT)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.buttons: dict[str, QPushButton] = {}
        for key, label, command in (
            ("files", "Open files…", open_files),
            ("folder", "Open folder…", open_folder),
            ("demo", "Open demo dataset", open_demo),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _c=False, run=command: run())
            layout.addWidget(button)
            self.buttons[key] = button
        layout.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        needed = layout.totalHeightForWidth(event.size().width()) if layout is not None else 0
        if needed > 0 and needed != self.minimumHeight():
            self.setMinimumHeight(needed)
