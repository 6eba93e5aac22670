"""The build scripts in ``packaging/`` as modules, imported the way the spec imports them."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

from tests.paths import ROOT


def load(name: str) -> ModuleType:
    """``packaging/<name>.py`` (the folder goes on ``sys.path``, as in the spec)."""
    folder = str(ROOT / "packaging")
    if folder not in sys.path:
        sys.path.append(folder)
    return importlib.import_module(name)
