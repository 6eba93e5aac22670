"""Zip archives: every readable member, zips inside zips included.

Each archive is extracted to its *own* temporary folder, never a shared one: ISW's control-map zips
of different dates hold the same inner file names, and a shared folder would silently mix dates.
A member that fails becomes a layer with a ``problem``; the archive's other members still load.
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from geo.errors import ReadError
from geo.readers.base import Context, RawLayer, find_reader, reader, suffix_is
from geo.readers.shapefile import SIDECARS

#: Members that start a read; shapefile sidecars are extracted with their ``.shp``.
ENTRY_SUFFIXES = (".shp", ".geojson", ".json", ".geojson.gz", ".gpkg", ".kml", ".kmz", ".zip")
MAX_MEMBER_BYTES = 2_000_000_000
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


def _extract(archive: zipfile.ZipFile, member: str, folder: Path) -> Path:
    """Extract ``member`` (and its shapefile sidecars) under ``folder``; return its path."""
    wanted = [member]
    if member.lower().endswith(".shp"):
        base = member[: -len(".shp")]
        names = set(archive.namelist())
        wanted += [base + s for s in SIDECARS if base + s in names]
        wanted += [base + s.upper() for s in SIDECARS if base + s.upper() in names]
    for name in wanted:
        info = archive.getinfo(name)
        if info.file_size > MAX_MEMBER_BYTES:
            raise ValueError(f"member {name} is too large ({info.file_size} bytes)")
        target = folder.joinpath(*_safe_parts(name))
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(info) as source, open(target, "wb") as sink:
            while chunk := source.read(1 << 20):
                sink.write(chunk)
    return folder.joinpath(*_safe_parts(member))


def _read_member(
    archive: zipfile.ZipFile, member: str, folder: Path, context: Context
) -> list[RawLayer]:
    display = f"{context.display}!{member}"
    parts = _safe_parts(member)
    outer = (*reversed(parts[:-1]), Path(context.display.rsplit("!", 1)[-1]).name, *context.outer)
    try:
        entry = find_reader(member, display)
        local = _extract(archive, member, folder)
        return entry.function(str(local), Context(display, outer))
    except ReadError as error:
        return [RawLayer(source=display, layer=parts[-1], names=(), problem=error.reason)]
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        return [RawLayer(source=display, layer=parts[-1], names=(), problem=str(error))]


@reader("Zip archive", suffix_is(".zip"), priority=5)
def read_zip(path: str, context: Context) -> list[RawLayer]:
    """Read every geodata member of a zip, each from a private temporary folder."""
    if context.display.count("!") >= MAX_DEPTH:
        raise ReadError(context.display, f"archives nested more than {MAX_DEPTH} deep")
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        raise ReadError(context.display, f"not a readable zip archive ({error})") from None
    with archive, tempfile.TemporaryDirectory(prefix="atlas-zip-") as folder:
        members = _entries(archive)
        if not members:
            raise ReadError(context.display, "the archive holds no file Frontline Atlas reads")
        layers: list[RawLayer] = []
        for index, member in enumerate(members):
            member_folder = Path(folder) / str(index)
            member_folder.mkdir()
            layers += _read_member(archive, member, member_folder, context)
    return layers
