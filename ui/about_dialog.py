"""Help → About: the app and its data credits, with the Markdown rendered (tables, code, links).

A message box showed the attribution file's Markdown as raw text (pipes and backticks); here a
read-only text browser renders it, scrolls, and never grows beyond the screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ui.layout import available_geometry


def about_dialog(parent: QWidget | None, markdown: str) -> QDialog:
    """The About dialog showing ``markdown`` rendered."""
    dialog = QDialog(parent)
    dialog.setWindowTitle("About Frontline Atlas")
    browser = QTextBrowser(dialog)
    browser.setOpenExternalLinks(False)  # the app never touches the network
    browser.setMarkdown(markdown)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    screen = available_geometry(parent or dialog)
    dialog.resize(min(760, round(screen.width() * 0.8)), min(560, round(screen.height() * 0.8)))
    dialog.browser = browser  # type: ignore[attr-defined]
    return dialog


def show_about(parent: QWidget, markdown: str) -> None:
    """Show the About dialog (modal)."""
    about_dialog(parent, markdown).exec()
