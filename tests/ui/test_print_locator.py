"""The locator inset: the map frame stays visible on it, whatever the map's extent."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from geo.page import extent_to_display
from geo.page_layout import Box
from ui.map.frame import Frame
from ui.printing.locator import FRAME_RED, frame_on_inset, paint_locator
from ui.printing.units import PageUnits

WIDE = (15.0, 40.0, 48.0, 54.0)
"""Lon/lat box wider and taller than what the inset shows."""
SMALL = (36.9, 47.8, 37.6, 48.2)


def _frame(extent: tuple[float, float, float, float]) -> Frame:
    x0, y0, x1, y1 = extent_to_display(extent)
    return Frame.fitted(QRectF(x0, y0, x1 - x0, y1 - y0), QRectF(0, 0, 600, 400))


def _paint(
    extent: tuple[float, float, float, float], px_per_mm: float
) -> tuple[np.ndarray, QRectF]:
    units = PageUnits(px_per_mm)
    box = Box(2.0, 2.0, 15.0, 12.0)
    target = units.rect(box.x, box.y, box.w, box.h)
    image = QImage(
        round(target.right()) + 10, round(target.bottom()) + 10, QImage.Format.Format_RGB32
    )
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    paint_locator(painter, units, box, _frame(extent))
    painter.end()
    bits = image.constBits()
    pixels = np.frombuffer(bits, np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return pixels[:, : image.width(), 2::-1].copy(), target  # a copy: the image dies here


def _red(pixels: np.ndarray) -> np.ndarray:
    want = np.array([FRAME_RED.red(), FRAME_RED.green(), FRAME_RED.blue()])
    return np.abs(pixels.astype(int) - want).sum(axis=2) < 60


def test_a_view_wider_than_the_inset_keeps_its_four_sides_on_the_inset() -> None:
    x0, y0, x1, y1 = extent_to_display((21.0, 43.6, 41.5, 53.6))
    inset = Frame.fitted(QRectF(x0, y0, x1 - x0, y1 - y0), QRectF(10, 10, 200, 160))
    inner = QRectF(11, 11, 198, 158)
    rect = frame_on_inset(_frame(WIDE), inset, inner)
    assert inner.contains(rect)
    assert rect == inner


@pytest.mark.parametrize("px_per_mm", [5.67, 11.8])
def test_the_frame_of_a_wide_view_is_drawn_on_every_edge_of_a_small_inset(
    qtlog: Any, px_per_mm: float
) -> None:
    pixels, target = _paint(WIDE, px_per_mm)
    red = _red(pixels)
    left, top = int(target.left()), int(target.top())
    right, bottom = int(target.right()), int(target.bottom())
    assert red[top + 1 : top + 4, left:right].any(axis=0).mean() > 0.8
    assert red[bottom - 4 : bottom, left:right].any(axis=0).mean() > 0.8
    assert red[top:bottom, left + 1 : left + 4].any(axis=1).mean() > 0.8
    assert red[top:bottom, right - 4 : right].any(axis=1).mean() > 0.8
    assert not [r.message for r in qtlog.records if "QPen" in r.message]


def test_a_small_view_is_a_red_mark_inside_the_inset_only() -> None:
    pixels, target = _paint(SMALL, 11.8)
    red = _red(pixels)
    assert red.sum() > 20
    ys, xs = np.nonzero(red)
    assert target.contains(QRectF(xs.min(), ys.min(), xs.max() - xs.min(), ys.max() - ys.min()))
