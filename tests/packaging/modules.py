"""The build scripts in ``packaging/`` as modules, imported the way the spec imports them."""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from tests.paths import ROOT


def load(name: str) -> ModuleType:
    """``packaging/<name>.py`` (the folder goes on ``sys.path``, as in the spec)."""
    folder = str(ROOT / "packaging")
    if folder not in sys.path:
        sys.path.append(folder)
    return importlib.import_module(name)


def system_library(soname: str) -> Path | None:
    """The system's 64-bit library ``soname`` (``ldconfig -p``), or None."""
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    out = subprocess.run([ldconfig, "-p"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.strip().startswith(soname + " ") and "x86-64" in line:
            return Path(line.rsplit("=> ", 1)[1])
    return None
