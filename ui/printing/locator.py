"""The locator inset: Ukraine and its neighbours, with the map frame drawn on them.

The inset uses the display projection too, so the map frame is a true rectangle on it (turned by
nothing: both maps are north-up along the same central meridian). Its countries come from the
basemap's coarsest level, projected once per process; for each inset size they are clipped to
what the inset shows, simplified to half a device pixel and laid out in device pixels, so the
inset costs a few kilobytes of a PDF rather than the whole of Europe's outlines, and its pens are
plain device-pixel widths (under the metres transform a hairline needed a pen wider than Qt
accepts: "QPen::setWidthF: Setting a pen width that is out of range").
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath

from geo.page import extent_to_display
from ui.map.frame import Frame
from ui.map.geometry_paths import path_from_geometry, project_geometry
from ui.map.styles import SEA

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from geo.page_layout import Box
    from ui.printing.units import PageUnits

    InsetPaths = tuple[Frame, QPainterPath, QPainterPath]

INSET_EXTENT = (21.0, 43.6, 41.5, 53.6)
"""Lon/lat box the inset shows: Ukraine with a rim of its neighbours."""
UKRAINE = QColor("#f3f0e8")
NEIGHBOURS = QColor("#dcdad3")
BORDER = QColor("#7a7a7a")
FRAME_RED = QColor("#c0002a")
FRAME_PT = 1.0
"""Width of the map frame's outline on the inset."""
INSET_TOLERANCE_PX = 1.5
"""Simplification of the inset's coasts and borders, in device pixels: a locator needs their
shape, not their detail (at 300 dpi, 0.13 mm; a third less for the PDF writer to compress)."""
DOT_PX = 6.0
"""A map frame narrower than this many 96-dpi pixels on the inset is drawn as a dot."""


@cache
def _countries() -> tuple[BaseGeometry, BaseGeometry]:
    """(Ukraine, every other country) in display metres."""
    import shapely

    from geo.basemap import default_basemap

    features = default_basemap().features("countries", None, "lo")
    iso = features.attributes["iso"]
    geometries = features.geometries
    ukraine = shapely.GeometryCollection(list(shapely.get_parts(geometries[iso == "UA"])))
    others = shapely.GeometryCollection(list(shapely.get_parts(geometries[iso != "UA"])))
    return project_geometry(ukraine), project_geometry(others)


def _device_path(geometry: BaseGeometry, inset: Frame) -> QPainterPath:
    """``geometry`` clipped to the inset's view, simplified (:data:`INSET_TOLERANCE_PX`), in
    whole device pixels (a vector file writes a whole number in half the bytes)."""
    import shapely

    view = inset.view_rect()
    margin = 4.0 * inset.metres_per_pixel
    box = view.adjusted(-margin, -margin, margin, margin)
    clipped = shapely.clip_by_rect(geometry, box.left(), box.top(), box.right(), box.bottom())
    simple = shapely.simplify(
        clipped, INSET_TOLERANCE_PX * inset.metres_per_pixel, preserve_topology=False
    )
    return path_from_geometry(simple, 1.0, inset.transform())


@lru_cache(maxsize=8)
def _inset_paths(target: tuple[float, float, float, float], scale: float) -> InsetPaths:
    """(Ukraine, every other country) as device paths for an inset at ``target`` (x, y, w, h)."""
    x0, y0, x1, y1 = extent_to_display(INSET_EXTENT)
    inset = Frame.fitted(QRectF(x0, y0, x1 - x0, y1 - y0), QRectF(*target), scale)
    ukraine, others = _countries()
    return inset, _device_path(ukraine, inset), _device_path(others, inset)


def frame_on_inset(frame: Frame, inset: Frame, inner: QRectF) -> QRectF:
    """The device rectangle of ``frame``'s view on the inset, kept within ``inner``.

    A view wider or taller than the inset keeps its sides on the inset's edge, so all four
    stay visible instead of being clipped away.
    """
    rect = inset.transform().mapRect(frame.view_rect())
    return rect.intersected(inner) if rect.intersects(inner) else rect


def paint_locator(painter: QPainter, units: PageUnits, box: Box, frame: Frame) -> None:
    """Draw the inset in ``box`` with ``frame``'s view outlined (a dot when it is tiny)."""
    target = units.rect(box.x, box.y, box.w, box.h)
    inset, ukraine, others = _inset_paths(target.getRect(), units.scale)
    painter.save()
    painter.setClipRect(target)
    painter.fillRect(target, SEA)
    painter.setPen(units.pen(BORDER, 0.35))
    painter.setBrush(NEIGHBOURS)
    painter.drawPath(others)
    painter.setBrush(UKRAINE)
    painter.drawPath(ukraine)
    pen = units.pen(FRAME_RED, FRAME_PT)
    half = pen.widthF() / 2
    rect = frame_on_inset(frame, inset, target.adjusted(half, half, -half, -half))
    painter.setPen(pen)
    if rect.width() < DOT_PX * units.scale:
        painter.setBrush(FRAME_RED)
        radius = DOT_PX / 2 * units.scale
        painter.drawEllipse(rect.center(), radius, radius)
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
    painter.restore()
    painter.save()
    painter.setPen(units.pen(BORDER, 0.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(target)
    painter.restore()
