"""Which files a load of some paths reads: folders recursed, a shapefile as one entry.

Kept apart from :mod:`geo.loader` (and free of numpy and shapely) so that a command answered from
the cache lists its files without importing the geometry stack. Plain ``os.path`` strings, not
``pathlib``: a folder of 769 files is listed in a few milliseconds.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from geo.formats import SIDECARS, readable

if TYPE_CHECKING:
    from collections.abc import Iterable


def _sidecar_of(path: str) -> str | None:
    """The ``.shp`` a sidecar file belongs to, if ``path`` is a sidecar and the .shp exists."""
    folder, name = os.path.split(path)
    lowered = name.lower()
    if not lowered.endswith(SIDECARS):
        return None
    for suffix in SIDECARS:
        if lowered.endswith(suffix):
            shp = os.path.join(folder, name[: -len(suffix)] + ".shp")
            return shp if os.path.exists(shp) else None
    return None


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """The files a load of ``paths`` would read, folders recursed, a shapefile as one entry.

    A file named explicitly is always listed (if unreadable it becomes a Problem when loaded); in
    folders only files some reader accepts are listed. Sidecars (``.dbf``, ``.shx``...) stand for
    their ``.shp``. Paths are absolute and normalised, in a stable order, without duplicates.
    """
    found: dict[str, None] = {}
    for given in paths:
        path = os.path.abspath(given)  # normalised: messages name /a/b, not /a/x/../b
        if os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    child = os.path.join(folder, name)
                    if name.startswith("._") or _sidecar_of(child) is not None:
                        continue  # macOS resource forks; sidecars stand for their .shp
                    if readable(child):
                        found[child] = None
        else:
            found[_sidecar_of(path) or path] = None
    return list(found)
