"""ui.printing.png: the page PNG decodes to the rendered pixels, at its size and dpi."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image
from PySide6.QtGui import QColor, QImage

from ui.printing.png import ROWS_PER_BLOCK, png_bytes


def _image(width: int, height: int) -> tuple[QImage, np.ndarray]:
    rng = np.random.default_rng(width * 7 + height)
    want = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    for y in range(height):
        for x in range(width):
            image.setPixelColor(x, y, QColor(*(int(v) for v in want[y, x])))
    return image, want


@pytest.mark.parametrize("size", [(1, 1), (37, 5), (9, ROWS_PER_BLOCK * 2 + 3)])
def test_the_png_decodes_to_the_same_pixels_size_and_dpi(size: tuple[int, int]) -> None:
    image, want = _image(*size)
    data = png_bytes(image, 300.0)
    decoded = Image.open(io.BytesIO(data))
    assert decoded.size == size
    assert decoded.mode == "RGB"
    assert decoded.info["dpi"] == pytest.approx((300.0, 300.0), abs=0.01)
    assert np.array_equal(np.asarray(decoded), want)
    by_qt = QImage.fromData(data, "PNG")
    assert by_qt.pixelColor(size[0] - 1, size[1] - 1) == QColor(*(int(v) for v in want[-1, -1]))


def test_flat_colours_compress() -> None:
    image = QImage(600, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#c9dde9"))
    assert len(png_bytes(image, 96.0)) < 600 * 400 * 3 // 50
