"""Menu and toolbar actions, declared as data: text, menu, shortcut and the command they run.

Each command receives the :class:`ui.main_window.MainWindow`; commands that need a dialog go
through the window (dialogs live at the edge), all others straight to the app's viewmodel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.main_window import MainWindow


@dataclass(frozen=True)
class ActionSpec:
    """One action: where it appears, how it is triggered, and what it runs."""

    key: str
    text: str
    menu: str
    command: Callable[[MainWindow], object]
    shortcuts: tuple[str, ...] = ()
    toolbar: bool = False
    separator_before: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open_files", "&Open files…", "&File", lambda w: w.open_files(), ("Ctrl+O",), True),
    ActionSpec(
        "open_folder", "Open &folder…", "&File", lambda w: w.open_folder(), ("Ctrl+Shift+O",), True
    ),
    ActionSpec("open_demo", "Open &demo dataset", "&File", lambda w: w.app_vm.open_demo()),
    ActionSpec("cancel_load", "&Cancel loading", "&File", lambda w: w.app_vm.cancel_load()),
    ActionSpec("close_data", "C&lose data", "&File", lambda w: w.app_vm.close_data(), ("Ctrl+W",)),
    ActionSpec("quit", "&Quit", "&File", lambda w: w.close(), ("Ctrl+Q",), separator_before=True),
    ActionSpec("fit", "&Fit to data", "&View", lambda w: w.app_vm.fit(), ("Ctrl+0",), True),
    ActionSpec(
        "zoom_in", "Zoom &in", "&View", lambda w: w.app_vm.zoom(1.5), ("Ctrl++", "Ctrl+="), True
    ),
    ActionSpec(
        "zoom_out", "Zoom &out", "&View", lambda w: w.app_vm.zoom(1 / 1.5), ("Ctrl+-",), True
    ),
    ActionSpec(
        "reset_layout",
        "&Reset layout",
        "&View",
        lambda w: w.reset_layout(),
        separator_before=True,
    ),
    ActionSpec(
        "play", "&Play / pause", "&Time", lambda w: w.app_vm.toggle_playing(), ("Space",), True
    ),
    ActionSpec("step_back", "Step &back", "&Time", lambda w: w.app_vm.step(-1), ("Alt+Left", "[")),
    ActionSpec(
        "step_forward", "Step &forward", "&Time", lambda w: w.app_vm.step(1), ("Alt+Right", "]")
    ),
    ActionSpec(
        "compare",
        "&Compare dates A and B",
        "&Time",
        lambda w: w.app_vm.toggle_compare(),
        ("C",),
        True,
    ),
    ActionSpec("about", "&About Frontline Atlas", "&Help", lambda w: w.show_about(), ("F1",)),
)


def shortcut_hint(key: str) -> str:
    """The shortcuts of action ``key`` as the platform writes them (``Alt+Left, [``)."""
    spec = next(s for s in ACTIONS if s.key == key)
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(QKeySequence(s).toString(native) for s in spec.shortcuts)


def tooltip(key: str) -> str:
    """``Step back (Alt+Left, [)``: the action's text without mnemonics, and its shortcuts."""
    spec = next(s for s in ACTIONS if s.key == key)
    text = spec.text.replace("&", "")
    hint = shortcut_hint(key)
    return f"{text} ({hint})" if hint else text


def build_actions(window: MainWindow) -> dict[str, QAction]:
    """Create the actions, put them in their menus and the toolbar; return them by key."""
    actions: dict[str, QAction] = {}
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("toolbar_main")
    for spec in ACTIONS:
        action = QAction(spec.text, window)
        action.setObjectName(f"action_{spec.key}")
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setToolTip(tooltip(spec.key))
        action.triggered.connect(lambda _checked=False, s=spec: s.command(window))
        menu = window.menu(spec.menu)
        if spec.separator_before:
            menu.addSeparator()
        menu.addAction(action)
        window.addAction(action)
        if spec.toolbar:
            toolbar.addAction(action)
        actions[spec.key] = action
    return actions
