"""Write files atomically: to a temporary file beside the target, then moved into place.

A crash, a full disk or a failed writer never leaves half a file at the target, and an existing
file there stays intact until the new one is complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path``; moved onto ``path`` when the block ends without error.

    The temporary file has the target's name inside a private hidden folder beside it, so writers
    that choose their format by suffix (or add side files, like SQLite journals) behave as for
    the target. The folder and anything left in it are removed afterwards, error or not.

    Examples
    --------
    >>> with atomic_path(tmp_dir / "out.csv") as temp:  # doctest: +SKIP
    ...     temp.write_text("a,b\\n")
    """
    target = Path(path)
    folder = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    temp = folder / target.name
    try:
        yield temp
        os.replace(temp, target)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def write_bytes_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, synced to disk before the move."""
    with atomic_path(path) as temp, temp.open("xb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
