"""Project files in the window: File → Open project… / Save project…, and ``.frontline`` paths.

The session itself (what is captured, restored and saved) is
:class:`viewmodels.session.SessionViewModel`; this module is the edge: file dialogs (module
functions looked up on every use, so tests replace them), menu actions and error messages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog

from geo.session_file import SUFFIX

if TYPE_CHECKING:

    from PySide6.QtWidgets import QWidget

    from ui.main_window import MainWindow

PROJECT_FILTER = f"Frontline Atlas project (*{SUFFIX})"


def ask_project_path(parent: QWidget, save: bool, folder: str) -> str:
    """The project file to write (``save``) or open; "" when the user cancels."""
    if save:
        start = str(Path(folder) / f"project{SUFFIX}") if folder else f"project{SUFFIX}"
        name = QFileDialog.getSaveFileName(parent, "Save project", start, PROJECT_FILTER)[0]
        if name and not name.endswith(SUFFIX):
            name += SUFFIX
        return name
    return QFileDialog.getOpenFileName(parent, "Open project", folder, PROJECT_FILTER)[0]


def is_project(path: str) -> bool:
    """Whether ``path`` names a project file (by its suffix)."""
    return path.lower().endswith(SUFFIX)


def open_paths_or_projects(window: MainWindow, paths: list[str]) -> None:
    """Open the data ``paths``; a project file among them restores its session instead."""
    projects = [p for p in paths if is_project(p)]
    data = [p for p in paths if not is_project(p)]
    if projects:
        window.app_vm.session.open_project(projects[-1])
    if data:
        window.app_vm.open_paths(data)


def save_project(window: MainWindow) -> None:
    """Ask where, then write the session (regions included)."""
    path = ask_project_path(window, True, window.app_vm.settings.last_folder())
    if path and window.app_vm.session.save_project(path):
        window.statusBar().showMessage(f"project saved: {path}", 10000)


def open_project(window: MainWindow) -> None:
    """Ask which, then reopen it (replacing what is open)."""
    path = ask_project_path(window, False, window.app_vm.settings.last_folder())
    if path:
        window.app_vm.session.open_project(path)


def install_session(window: MainWindow) -> None:
    """Add the project actions to the File menu (above Quit) and show session errors."""
    menu = window.menu("&File")
    actions = menu.actions()
    quit_action = window.actions_by_key.get("quit")
    if quit_action in actions and actions.index(quit_action) > 0:
        before = actions[actions.index(quit_action) - 1]
        quit_action = before if before.isSeparator() else quit_action
    for key, text, shortcut, command in (
        ("open_project", "Open &project…", "Ctrl+Shift+P", open_project),
        ("save_project", "&Save project…", "Ctrl+S", save_project),
    ):
        action = QAction(text, window)
        action.setObjectName(f"action_{key}")
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _c=False, run=command: run(window))
        if quit_action is None:
            menu.addAction(action)
        else:
            menu.insertAction(quit_action, action)
        window.addAction(action)
        window.actions_by_key[key] = action
    window.app_vm.session.sig_error_raised.connect(
        lambda message: window.statusBar().showMessage(message, 15000)
    )
