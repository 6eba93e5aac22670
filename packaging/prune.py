"""Slim the PyInstaller build: Qt plugins the app never loads, the libraries only they need,
and the debug sections of the Python interpreter's own libraries.

Used by ``frontline-atlas.spec`` on the Analysis' binary list, before the folder is written.
Only libraries that the dropped plugins needed (by ``DT_NEEDED``) and nothing else needs are
dropped, so a library some code opens with ``dlopen`` is never touched; the wheels' own
libraries (numpy.libs, fiona.libs, …) are never stripped (``strip`` can damage libraries that
auditwheel rewrote).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

Entry = tuple[str, str, str]
"""A PyInstaller TOC entry: (name in the build, source path, type)."""

UNUSED_PLUGINS = re.compile(
    r"PySide6/Qt/plugins/("
    r"platformthemes/libqgtk3|tls/|networkinformation/|egldeviceintegrations/|generic/"
    r"|platforms/lib(qeglfs|qlinuxfb|qvnc|qvkkhrdisplay|qminimalegl|qminimal)\b"
    r")"
)
"""GTK3 theme (drags in the GTK stack), TLS and network reachability (the app never touches
the network), embedded-device platforms and input plugins."""
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")


def needed(path: str) -> set[str]:
    """The ``DT_NEEDED`` sonames of an ELF file (empty for anything else)."""
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False)
    return set(_NEEDED.findall(out.stdout))


def drop_unused_plugins(binaries: list[Entry]) -> list[Entry]:
    """``binaries`` without the unused plugins and the libraries only they needed."""
    if shutil.which("readelf") is None:
        return [e for e in binaries if not UNUSED_PLUGINS.search(e[0])]
    dropped = [e for e in binaries if UNUSED_PLUGINS.search(e[0])]
    kept = [e for e in binaries if not UNUSED_PLUGINS.search(e[0])]
    candidates: set[str] = set()
    for entry in dropped:
        candidates |= needed(entry[1])
    while True:
        still_needed: set[str] = set()
        for entry in kept:
            still_needed |= needed(entry[1])
        orphans = [e for e in kept if Path(e[0]).name in candidates - still_needed]
        if not orphans:
            return kept
        for entry in orphans:
            candidates |= needed(entry[1])
        kept = [e for e in kept if e not in orphans]


def strip_interpreter(binaries: list[Entry], work: Path) -> list[Entry]:
    """Copies of ``libpython`` and ``lib-dynload`` modules without debug sections."""
    if shutil.which("strip") is None:
        return binaries
    work.mkdir(parents=True, exist_ok=True)
    out = []
    for name, src, kind in binaries:
        if Path(name).name.startswith("libpython") or "/lib-dynload/" in name:
            copy = work / name.replace("/", "__")
            shutil.copyfile(src, copy)
            subprocess.run(["strip", "--strip-debug", str(copy)], check=True)
            src = str(copy)
        out.append((name, src, kind))
    return out
