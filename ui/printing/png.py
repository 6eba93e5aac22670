"""A fast PNG writer for rendered pages: no row filter, zlib level 1, the dpi in ``pHYs``.

Pillow and Qt's libpng writer choose a filter for every row by trying all five, which is most of
the cost of a 300 dpi A4 page (about 0.3 s of CPU for 8.7 million pixels, even uncompressed). A
map is flat colours and thin antialiased edges: unfiltered rows compress as well (a DeepState page
1.01 MB against Pillow's 1.17 MB) in under half the time. The format is the PNG specification's
minimum: signature, ``IHDR`` (8-bit RGB), ``pHYs``, ``IDAT``, ``IEND``.
"""

from __future__ import annotations

import struct
import zlib
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtGui import QImage

if TYPE_CHECKING:
    from pathlib import Path

SIGNATURE = b"\x89PNG\r\n\x1a\n"
ROWS_PER_BLOCK = 256
"""Rows handed to zlib at a time (bounds the extra memory to a few megabytes)."""
LEVEL = 1


def _chunk(tag: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))


def png_bytes(image: QImage, dpi: float) -> bytes:
    """``image`` (any format; alpha is dropped) as the bytes of a PNG file saying ``dpi``."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    pixels = np.frombuffer(rgb.constBits(), np.uint8, height * stride).reshape(height, stride)
    compressor = zlib.compressobj(LEVEL)
    parts = []
    block = np.zeros((ROWS_PER_BLOCK, width * 3 + 1), np.uint8)  # column 0: filter type None
    for top in range(0, height, ROWS_PER_BLOCK):
        rows = pixels[top : top + ROWS_PER_BLOCK, : width * 3]
        block[: len(rows), 1:] = rows
        parts.append(compressor.compress(block[: len(rows)].tobytes()))
    parts.append(compressor.flush())
    per_metre = round(dpi / 0.0254)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"".join(
        [
            SIGNATURE,
            _chunk(b"IHDR", header),
            _chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
            _chunk(b"IDAT", b"".join(parts)),
            _chunk(b"IEND", b""),
        ]
    )


def write_png_file(image: QImage, path: Path | str, dpi: float) -> None:
    """Write ``image`` to ``path`` as a PNG (see :func:`png_bytes`)."""
    with open(path, "wb") as file:
        file.write(png_bytes(image, dpi))
