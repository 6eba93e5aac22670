"""The locator inset: Ukraine and its neighbours, with the map frame drawn on them.

The inset uses the display projection too, so the map frame is a true rectangle on it (turned by
nothing: both maps are north-up along the same central meridian). Its countries come from the
basemap's coarsest level and are projected once per process.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from geo.page import extent_to_display
from ui.map.frame import Frame
from ui.map.geometry_paths import path_from_geometry, project_geometry
from ui.map.styles import SEA, scaled_pen

if TYPE_CHECKING:
    from geo.page_layout import Box
    from ui.printing.units import PageUnits

INSET_EXTENT = (21.0, 43.6, 41.5, 53.6)
"""Lon/lat box the inset shows: Ukraine with a rim of its neighbours."""
UKRAINE = QColor("#f3f0e8")
NEIGHBOURS = QColor("#dcdad3")
BORDER = QColor("#7a7a7a")
FRAME_RED = QColor("#c0002a")


@cache
def _countries() -> tuple[QPainterPath, QPainterPath]:
    """(Ukraine, every other country) as display-metre paths."""
    import shapely

    from geo.basemap import default_basemap

    features = default_basemap().features("countries", None, "lo")
    iso = features.attributes["iso"]
    geometries = features.geometries
    ukraine = shapely.GeometryCollection(list(shapely.get_parts(geometries[iso == "UA"])))
    others = shapely.GeometryCollection(list(shapely.get_parts(geometries[iso != "UA"])))
    return (
        path_from_geometry(project_geometry(ukraine)),
        path_from_geometry(project_geometry(others)),
    )


def _map_pen(pen: QPen, painter: QPainter) -> QPen:
    """``pen`` (device pixels wide) for drawing under the inset's metres transform."""
    pen.setCosmetic(True)
    return scaled_pen(pen, painter)


def paint_locator(painter: QPainter, units: PageUnits, box: Box, frame: Frame) -> None:
    """Draw the inset in ``box`` with ``frame``'s view outlined (a dot when it is tiny)."""
    target = units.rect(box.x, box.y, box.w, box.h)
    x0, y0, x1, y1 = extent_to_display(INSET_EXTENT)
    inset = Frame.fitted(QRectF(x0, y0, x1 - x0, y1 - y0), target, units.scale)
    ukraine, others = _countries()
    painter.save()
    painter.setClipRect(target)
    painter.fillRect(target, SEA)
    painter.setTransform(inset.transform(), combine=True)
    painter.setPen(_map_pen(units.pen(BORDER, 0.35), painter))
    painter.setBrush(NEIGHBOURS)
    painter.drawPath(others)
    painter.setBrush(UKRAINE)
    painter.drawPath(ukraine)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    view = frame.view_rect()
    painter.setPen(_map_pen(units.pen(FRAME_RED, 1.0), painter))
    metres_per_px = inset.metres_per_pixel
    if view.width() < 6 * metres_per_px * units.scale:
        painter.setBrush(FRAME_RED)
        radius = 3 * metres_per_px * units.scale
        painter.drawEllipse(view.center(), radius, radius)
    else:
        painter.drawRect(view)
    painter.restore()
    painter.save()
    painter.setPen(units.pen(BORDER, 0.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(target)
    painter.restore()
