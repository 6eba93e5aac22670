"""What a file may cost to read, stated once, and the guarded reads that enforce it.

Files come from strangers, so every read is bounded: only regular files are opened (a FIFO would
block forever, ``/dev/zero`` never ends), nothing larger than :data:`MAX_FILE_BYTES` is read into
memory, and compressed data (gzip, zip and KMZ members) is decompressed as a stream that stops at
:data:`MAX_FILE_BYTES` or at a ratio of :data:`MAX_RATIO`, whatever the archive's header claims.
Parsing costs up to ~20 bytes of memory per byte of GeoJSON text (a Python list object per
``[],``), so the size limit keeps a hostile file inside 1 GB; the largest real snapshot we know of
is 4 MB. Work that grows faster than the input is bounded too: features per layer, overlapping
feature pairs (dissolving n features that all overlap is quadratic), vertices of a feature,
archive members, nesting. Every refusal is a :class:`~geo.errors.ReadError` whose one-line
reason names the limit.
"""

from __future__ import annotations

import errno
import os
import stat
import zlib
from typing import IO, TYPE_CHECKING

import numpy as np
import shapely

from geo.errors import ReadError

if TYPE_CHECKING:
    import zipfile

#: Largest file (or decompressed member) read into memory: 8x the largest real snapshot.
MAX_FILE_BYTES = 32 << 20
#: Largest decompressed / compressed ratio; real GeoJSON and shapefiles compress 5-20x.
MAX_RATIO = 200
#: Below this decompressed size the ratio is not checked (a tiny file of zeros is harmless).
RATIO_FLOOR_BYTES = 1 << 20
#: Entries in one archive's directory; real archives hold fewer than ten.
MAX_ARCHIVE_ENTRIES = 10_000
#: Members of one archive that are read (geodata); the DeepState corpus zipped is 769.
MAX_ARCHIVE_MEMBERS = 1_000
#: Bytes extracted from one archive in total (its members are read one after another).
MAX_ARCHIVE_BYTES = 256 << 20
#: Features in one layer; real snapshots hold a few thousand.
MAX_FEATURES = 200_000
#: Vertices of one feature (validity checks and repairs grow faster than linearly in them);
#: the largest real polygon has ~48k.
MAX_FEATURE_VERTICES = 250_000
#: Vertices of an invalid feature that is still repaired (GEOS's repair of a polygon with many
#: self-intersections grows faster than linearly: 20k zigzags take 2 s).
MAX_REPAIR_VERTICES = 50_000
#: Pairs of features whose boxes overlap, per feature (plus a floor) before a dissolve is refused;
#: real layers touch a few neighbours each.
MAX_OVERLAPS_PER_FEATURE = 10
MIN_OVERLAPS_ALLOWED = 100_000
#: Nesting of KML folders and multi-geometries followed.
MAX_NESTING = 64
#: Vertices a region may have after its edges are densified (a region the size of Ukraine has ~10k).
MAX_REGION_VERTICES = 1_000_000
#: Regions in one region file; a user draws a handful.
MAX_REGIONS = 1_000
#: Where a region may lie (lon_min, lat_min, lon_max, lat_max): the display projection is centred
#: on 32°E 49°N and stays sane over this box; a region outside it is not a front-line region.
REGION_BOUNDS = (-60.0, 0.0, 120.0, 85.0)

_CHUNK = 1 << 20
_NOT_REGULAR = "not a regular file (a folder, pipe, socket or device), not read"


def _size_text(count: int) -> str:
    return f"{count / (1 << 20):.0f} MB" if count >= 1 << 20 else f"{count} bytes"


def too_large(display: str, what: str = "file") -> ReadError:
    """The error for data beyond :data:`MAX_FILE_BYTES`."""
    return ReadError(display, f"the {what} is larger than {_size_text(MAX_FILE_BYTES)}, not read")


def check_regular(
    path: str | os.PathLike[str], display: str, limit: int = MAX_FILE_BYTES
) -> os.stat_result:
    """``os.stat`` of ``path`` (symlinks followed) if it is a regular file of at most ``limit``.

    Raises
    ------
    ReadError
        Missing, unreadable, not a regular file (folder, FIFO, socket, device) or too large.
    """
    try:
        info = os.stat(path)
    except OSError as error:
        raise ReadError(display, f"cannot read: {error.strerror or error}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(display, _NOT_REGULAR)
    if info.st_size > limit:
        raise ReadError(display, f"the file is larger than {_size_text(limit)}, not read")
    return info


def read_regular(path: str | os.PathLike[str], display: str) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`; ReadError otherwise.

    The file is opened non-blocking and checked with ``fstat`` on the open descriptor, so a FIFO
    or device swapped in after a check is still refused, and the read stops at the limit even if
    the file grows meanwhile.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:  # a FIFO or socket without a writer
            raise ReadError(display, "not a regular file (a pipe or socket), not read") from None
        raise ReadError(display, f"cannot read: {error.strerror or error}") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ReadError(display, _NOT_REGULAR)
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise ReadError(display, f"cannot read: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise too_large(display)
    return data


def _check_ratio(display: str, produced: int, consumed: int) -> None:
    if produced > RATIO_FLOOR_BYTES and produced > MAX_RATIO * max(consumed, 1):
        raise ReadError(
            display,
            f"decompresses more than {MAX_RATIO} times its size (a compression bomb?), not read",
        )


def gunzip(data: bytes, display: str) -> bytes:
    """Decompress gzip ``data`` (every member) within the size and ratio limits."""
    out: list[bytes] = []
    produced = 0
    rest = data
    try:
        while rest:
            stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
            pending = rest
            while pending and not stream.eof:
                chunk = stream.decompress(pending, _CHUNK)
                pending = stream.unconsumed_tail
                produced += len(chunk)
                if produced > MAX_FILE_BYTES:
                    raise too_large(display, "decompressed file")
                _check_ratio(display, produced, len(data) - len(pending))
                out.append(chunk)
            if not stream.eof:
                raise ReadError(display, "cannot read: the gzip data is truncated")
            rest = stream.unused_data.lstrip(b"\0")
    except zlib.error as error:
        raise ReadError(display, f"cannot read: not valid gzip data ({error})") from None
    return b"".join(out)


def copy_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, sink: IO[bytes], display: str, budget: int
) -> int:
    """Stream one zip member into ``sink`` within the limits; return the bytes written.

    The member's declared sizes are not trusted: the count is made on what actually comes out.
    ``budget`` is what the archive may still extract in total.
    """
    if info.flag_bits & 0x1:
        raise ReadError(display, "the member is encrypted (it needs a password), not read")
    limit = min(MAX_FILE_BYTES, budget)
    written = 0
    with archive.open(info) as source:
        while chunk := source.read(_CHUNK):
            written += len(chunk)
            if written > limit:
                what = "member" if limit == MAX_FILE_BYTES else "archive's content"
                raise too_large(display, what)
            _check_ratio(display, written, info.compress_size)
            sink.write(chunk)
    return written


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str) -> bytes:
    """The bytes of one zip member, within the limits (see :func:`copy_member`)."""
    import io

    buffer = io.BytesIO()
    copy_member(archive, info, buffer, display, MAX_FILE_BYTES)
    return buffer.getvalue()


def first_bad_coordinate(geometries: np.ndarray) -> tuple[int, float, float] | None:
    """The index and (x, y) of the first coordinate that is not a finite lon/lat, if any.

    Finite, longitude within ±180 and latitude within ±90; ``None`` entries are skipped.
    """
    present = np.flatnonzero(~shapely.is_missing(geometries))
    if present.size == 0:
        return None
    coords = shapely.get_coordinates(geometries[present])
    if coords.size == 0 or _within_lonlat(coords):
        return None  # the usual case: no need to know which feature each position is in
    coords, owner = shapely.get_coordinates(geometries[present], return_index=True)
    with np.errstate(invalid="ignore"):
        bad = ~(np.isfinite(coords).all(axis=1))
        bad |= np.abs(coords[:, 0]) > 180.0
        bad |= np.abs(coords[:, 1]) > 90.0
    first = np.flatnonzero(bad)[0]
    return int(present[owner[first]]), float(coords[first, 0]), float(coords[first, 1])


def _within_lonlat(coords: np.ndarray) -> bool:
    """Whether every (x, y) is finite with ``|x| <= 180`` and ``|y| <= 90`` (NaN compares false)."""
    x, y = coords[:, 0], coords[:, 1]  # per column: a reduction along axis 0 is 6x slower
    return bool(x.min() >= -180.0 and x.max() <= 180.0 and y.min() >= -90.0 and y.max() <= 90.0)


def check_lonlat(geometries: np.ndarray, display: str, stage: str = "") -> None:
    """ReadError naming the first coordinate of ``geometries`` that is not a lon/lat position."""
    found = first_bad_coordinate(geometries)
    if found is None:
        return
    index, x, y = found
    where = f" {stage}" if stage else ""
    raise ReadError(
        display,
        f"feature {index + 1} has coordinate ({x:.6g}, {y:.6g}){where}, "
        "not a longitude/latitude position (finite, within ±180/±90)",
    )
