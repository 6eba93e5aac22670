"""What the build scripts read from ELF files (Linux): program headers and ``DT_NEEDED``."""

from __future__ import annotations

import functools
import re
import struct
import subprocess
from typing import NamedTuple

Entry = tuple[str, str, str]
"""A PyInstaller TOC entry: (name in the build, source path, type)."""
PT_LOAD = 1
_NEEDED = re.compile(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")
_SONAME = re.compile(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]")


class Segment(NamedTuple):
    """A ``PT_LOAD`` program header."""

    offset: int
    vaddr: int
    filesz: int
    align: int


def load_segments(data: bytes) -> list[Segment] | None:
    """The loadable segments of a 64-bit little-endian ELF image (None for anything else)."""
    if data[:5] != b"\x7fELF\x02" or data[5] != 1:
        return None
    (phoff,) = struct.unpack_from("<Q", data, 0x20)
    entsize, count = struct.unpack_from("<HH", data, 0x36)
    segments = []
    for index in range(count):
        kind, _, offset, vaddr, _, filesz, _, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + index * entsize
        )
        if kind == PT_LOAD:
            segments.append(Segment(offset, vaddr, filesz, align))
    return segments


def _dynamic(path: str) -> str:
    return subprocess.run(["readelf", "-dW", path], capture_output=True, text=True).stdout


@functools.cache
def needed(path: str) -> frozenset[str]:
    """The ``DT_NEEDED`` sonames of an ELF file (empty for anything else)."""
    return frozenset(_NEEDED.findall(_dynamic(path)))


def soname(path: str) -> str | None:
    """The ``DT_SONAME`` of a shared library."""
    found = _SONAME.search(_dynamic(path))
    return found.group(1) if found else None
