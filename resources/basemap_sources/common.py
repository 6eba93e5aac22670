"""Shared build-time settings: the extent, and how sources are found on this machine."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

#: The basemap's extent (min lon, min lat, max lon, max lat): Ukraine and its neighbours.
EXTENT = (20.0, 43.0, 42.0, 56.0)

REPO = Path(__file__).resolve().parents[2]


class SourceMissingError(RuntimeError):
    """A packaged source is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Source:
    """One packaged input: where it was found, its version and its licence."""

    key: str
    package: str
    version: str
    licence: str
    path: Path


def first_existing(env: str, candidates: list[Path], hint: str) -> Path:
    """Return ``$env`` if set, else the first existing candidate, else raise with ``hint``."""
    if os.environ.get(env):
        path = Path(os.environ[env])
        if not path.exists():
            raise SourceMissingError(f"{env}={path} does not exist")
        return path
    for path in candidates:
        if path.exists():
            return path
    raise SourceMissingError(f"not found ({', '.join(map(str, candidates))}); {hint}")
