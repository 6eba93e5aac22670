"""North arrow: LCC meridians converge, so true north tilts away from the top of the map.

The arrow points along the meridian through the view centre, found by projecting a point a
little north of the centre.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPolygonF, QTransform

from geo.projection import to_display, to_lonlat
from ui.map.styles import LABEL_HALO, OVERLAY_INK, label_font, make_pen

if TYPE_CHECKING:
    from ui.map.frame import Frame


def north_angle_deg(frame: Frame) -> float:
    """Clockwise angle from the map's up direction to true north at the view centre."""
    cx, cy = frame.center
    lon, lat = to_lonlat(np.array([cx]), np.array([cy]))
    x, y = to_display(np.array([lon[0], lon[0]]), np.array([lat[0], min(lat[0] + 0.05, 89.9)]))
    return math.degrees(math.atan2(float(x[1] - x[0]), float(y[1] - y[0])))


def paint_north_arrow(painter: QPainter, frame: Frame) -> QRectF:
    """Draw the arrow in the upper-right corner; returns its rectangle (device pixels)."""
    s = frame.scale
    size = 30 * s
    centre = QPointF(frame.target.right() - 26 * s, frame.target.top() + 34 * s)
    arrow = QPolygonF([QPointF(0, -size / 2), QPointF(size / 5, size / 2), QPointF(0, size / 3)])
    shade = QPolygonF([QPointF(0, -size / 2), QPointF(-size / 5, size / 2), QPointF(0, size / 3)])
    turn = QTransform().translate(centre.x(), centre.y()).rotate(north_angle_deg(frame))
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(make_pen(OVERLAY_INK, 1.0, s))
    painter.setBrush(OVERLAY_INK)
    painter.drawPolygon(turn.map(arrow))
    painter.setBrush(LABEL_HALO)
    painter.drawPolygon(turn.map(shade))
    tip = turn.map(QPointF(0, -size / 2 - 4 * s))
    font = label_font(9.0, bold=True, scale=s)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, "N")
    box = path.boundingRect()
    path.translate(tip.x() - box.center().x(), tip.y() - box.bottom())
    painter.strokePath(path, make_pen(LABEL_HALO, 2.5, s))
    painter.fillPath(path, OVERLAY_INK)
    painter.restore()
    return QRectF(centre.x() - size, centre.y() - size, 2 * size, 2 * size)
