"""Python stand-ins for PySide6 bindings that libraries import but the app never calls.

pyqtgraph imports ``PySide6.QtOpenGL`` and ``PySide6.QtOpenGLWidgets`` unconditionally (see
``standins/QtOpenGL.py``); the app draws with QPainter only. The spec excludes the two
bindings (9 MB with ``libQt6OpenGLWidgets``) and :func:`add_standins` puts the small modules in
``standins/`` into the archive under the bindings' names. ``libQt6OpenGL`` itself stays: the
Wayland graphics-integration plugins need it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from elf_files import Entry

STANDINS = Path(__file__).with_name("standins")
MODULES = ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets")
"""The bindings replaced by a module of the same last name in :data:`STANDINS`."""


def add_standins(pure: list[Entry]) -> list[Entry]:
    """``pure`` (the Analysis' Python modules) with the stand-ins in place of the bindings."""
    kept = [e for e in pure if e[0] not in MODULES]
    for module in MODULES:
        kept.append((module, str(STANDINS / f"{module.rsplit('.', 1)[1]}.py"), "PYMODULE"))
    return kept
