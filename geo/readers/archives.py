"""Zip archives: every readable member, zips inside zips included.

Each archive is extracted to its *own* temporary folder, never a shared one: ISW's control-map zips
of different dates hold the same inner file names, and a shared folder would silently mix dates.
A member that fails becomes a layer with a ``problem``; the archive's other members still load.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from geo import formats
from geo.errors import ReadError, one_line
from geo.limits import (
    MAX_ARCHIVE_BYTES,
    MAX_ARCHIVE_ENTRIES,
    MAX_ARCHIVE_MEMBERS,
    check_regular,
    copy_member,
)
from geo.readers.base import Context, RawLayer, find_reader, reader, suffix_is
from geo.readers.shapefile import SIDECARS

#: Members that start a read; shapefile sidecars are extracted with their ``.shp``.
ENTRY_SUFFIXES = formats.READABLE
"""Archive members read: what some reader accepts (a ``.json.gz`` inside a zip as well)."""
#: What extracting one member may raise: encrypted (RuntimeError), a compression method zipfile
#: does not know (NotImplementedError), corrupt data, a bad CRC, a full disk.
MEMBER_ERRORS = (
    RuntimeError,
    NotImplementedError,
    OSError,
    ValueError,
    EOFError,
    zlib.error,
    zipfile.BadZipFile,
)
#: Zips inside zips are followed this deep; deeper nesting (or a zip quine) is refused.
MAX_DEPTH = 4


def _safe_parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in PurePosixPath(name).parts if p not in ("", ".", "..", "/"))


def _entries(archive: zipfile.ZipFile) -> list[str]:
    names = [i.filename for i in archive.infolist() if not i.is_dir()]
    skip = ("__macosx/",)
    return sorted(
        n
        for n in names
        if n.lower().endswith(ENTRY_SUFFIXES)
        and not n.lower().startswith(skip)
        and not PurePosixPath(n).name.startswith("._")
    )


class _Budget:
    """What one archive may still extract, in bytes (:data:`~geo.limits.MAX_ARCHIVE_BYTES`)."""

    def __init__(self) -> None:
        self.left = MAX_ARCHIVE_BYTES


def _extract(
    archive: zipfile.ZipFile, member: str, folder: Path, display: str, budget: _Budget
) -> Path:
    """Extract ``member`` (and its shapefile sidecars) under ``folder``; return its path.

    Every byte is counted as it comes out (see :func:`geo.limits.copy_member`).
    """
    wanted = [member]
    if member.lower().endswith(".shp"):
        base = member[: -len(".shp")]
        names = set(archive.namelist())
        wanted += [base + s for s in SIDECARS if base + s in names]
        wanted += [base + s.upper() for s in SIDECARS if base + s.upper() in names]
    for name in wanted:
        target = folder.joinpath(*_safe_parts(name))
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as sink:
            budget.left -= copy_member(archive, archive.getinfo(name), sink, display, budget.left)
    return folder.joinpath(*_safe_parts(member))


def _read_member(
    archive: zipfile.ZipFile, member: str, folder: Path, context: Context, budget: _Budget
) -> list[RawLayer]:
    """Read one member from its own folder, removed as soon as it is read; never raises."""
    display = f"{context.display}!{member}"
    parts = _safe_parts(member) or (member,)
    outer = (*reversed(parts[:-1]), Path(context.display.rsplit("!", 1)[-1]).name, *context.outer)
    try:
        entry = find_reader(member, display)
        local = _extract(archive, member, folder, display, budget)
        return entry.function(str(local), Context(display, outer))
    except ReadError as error:
        return [RawLayer(source=display, layer=parts[-1], names=(), problem=error.reason)]
    except MEMBER_ERRORS as error:
        return [RawLayer(source=display, layer=parts[-1], names=(), problem=_member_problem(error))]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _member_problem(error: BaseException) -> str:
    return f"cannot extract this member ({one_line(error, type(error).__name__)})"


@reader("Zip archive", suffix_is(*formats.ZIP), priority=5)
def read_zip(path: str, context: Context) -> list[RawLayer]:
    """Read every geodata member of a zip, each from a private temporary folder."""
    if context.display.count("!") >= MAX_DEPTH:
        raise ReadError(context.display, f"archives nested more than {MAX_DEPTH} deep")
    archive = open_zip(path, context.display)
    with archive, tempfile.TemporaryDirectory(prefix="atlas-zip-") as folder:
        members = _entries(archive)
        if not members:
            raise ReadError(context.display, "the archive holds no file Frontline Atlas reads")
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise ReadError(
                context.display, f"the archive holds more than {MAX_ARCHIVE_MEMBERS} data files"
            )
        budget = _Budget()
        layers: list[RawLayer] = []
        for index, member in enumerate(members):
            member_folder = Path(folder) / str(index)
            member_folder.mkdir()
            layers += _read_member(archive, member, member_folder, context, budget)
    return layers


def open_zip(path: str, display: str) -> zipfile.ZipFile:
    """A regular file opened as a zip of at most :data:`~geo.limits.MAX_ARCHIVE_ENTRIES` entries."""
    check_regular(path, display, MAX_ARCHIVE_BYTES)
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        reason = one_line(error, type(error).__name__)
        raise ReadError(display, f"not a readable zip archive ({reason})") from None
    if len(archive.infolist()) > MAX_ARCHIVE_ENTRIES:
        archive.close()
        raise ReadError(display, f"the archive holds more than {MAX_ARCHIVE_ENTRIES} entries")
    return archive
