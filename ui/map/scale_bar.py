"""Scale bar, true at the centre of the view.

LCC is conformal but not equal-scale: ``geo.projection.scale_factor`` gives display metres per
ground metre at the view centre, so the bar's ground length is exact there (and within about 1 %
anywhere in the data's extent). Lengths are 1-2-5 round numbers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from geo.page import format_length, nice_length
from geo.projection import scale_factor, to_lonlat
from ui.map.styles import OVERLAY_INK, draw_haloed_text, label_font, make_pen

if TYPE_CHECKING:
    from ui.map.frame import Frame

MAX_LENGTH_PX = 140.0
"""The bar is at most this long, in 96-dpi pixels."""


@lru_cache(maxsize=256)
def _scale_at(lon: float, lat: float) -> float:
    return scale_factor(lon, lat)


def bar_for(frame: Frame) -> tuple[float, float]:
    """(ground metres, device pixels) of the bar for this frame."""
    cx, cy = frame.center
    lon, lat = to_lonlat(np.array([cx]), np.array([cy]))
    k = _scale_at(round(float(lon[0]), 2), round(float(lat[0]), 2))
    ground_per_px = frame.metres_per_pixel / k
    metres = nice_length(MAX_LENGTH_PX * frame.scale * ground_per_px)
    return metres, metres / ground_per_px


def paint_scale_bar(painter: QPainter, frame: Frame) -> QRectF:
    """Draw the bar in the lower-left corner; returns the rectangle it used (device pixels)."""
    metres, length = bar_for(frame)
    s = frame.scale
    left = frame.target.left() + 14 * s
    bottom = frame.target.bottom() - 14 * s
    height = 5 * s
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    box = QRectF(left - 6 * s, bottom - 28 * s, length + 12 * s, 32 * s)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 170))
    painter.drawRoundedRect(box, 3 * s, 3 * s)
    painter.setPen(make_pen(OVERLAY_INK, 1.0, s))
    half = length / 2
    painter.setBrush(OVERLAY_INK)
    painter.drawRect(QRectF(left, bottom - height, half, height))
    painter.setBrush(QColor("white"))
    painter.drawRect(QRectF(left + half, bottom - height, half, height))
    font = label_font(8.0, scale=s)
    draw_haloed_text(
        painter, QPointF(left, bottom - height - 4 * s), font, format_length(metres), OVERLAY_INK, s
    )
    painter.restore()
    return box
