"""Hatched fills drawn as explicit lines clipped to the shape, for pages.

Qt's SVG writer drops hatch brushes (the gained and lost areas of a comparison came out blank),
the tiling patterns its PDF writer makes are refused by some readers (poppler: "Singular matrix
in tiling pattern fill"), and its raster hatch is 8 device pixels whatever the brush transform,
so a 300 dpi page got a hatch three times finer than the screen's. On vector files and on
images at any scale but 1, a hatch is drawn as what it looks like on screen: lines one 96-dpi
pixel wide every :data:`HATCH_CELL_PX` 96-dpi pixels, in device space, clipped to the path.

The lines are cut to the painter's clip (the map frame) by hand and the path *replaces* the
clip while they are drawn: asked to intersect the two, Qt's SVG writer wrote the intersection
as a staircase of 4 MB. The clip before is set again afterwards as a path, because the SVG
writer misses a rectangle clip coming back from ``QPainter.restore`` (what followed was clipped
to the hatched shape: every label vanished).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPainterPath, QPen

if TYPE_CHECKING:
    from ui.map.styles import Style

HATCH_CELL_PX = 8.0
"""Spacing of hatch lines along x and y, in 96-dpi pixels (Qt's pattern cell)."""
_FORWARD = {Qt.BrushStyle.FDiagPattern, Qt.BrushStyle.DiagCrossPattern}
"""Patterns with lines from top-left to bottom-right ("\\")."""
_BACKWARD = {Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.DiagCrossPattern}
"""Patterns with lines from bottom-left to top-right ("/")."""
_LINE_ENGINES = (QPaintEngine.Type.SVG, QPaintEngine.Type.Pdf)


def hatches_as_lines(painter: QPainter, style: Style, scale: float) -> bool:
    """Whether ``style`` has a diagonal hatch that ``painter`` should get as lines: on vector
    files, and on images at any other scale than the screen's (Qt's raster hatch keeps 8 device
    pixels whatever the brush transform: 0.7 mm on a 300 dpi page, 2 mm on screen)."""
    engine = painter.paintEngine()
    hatched = style.pattern in _FORWARD or style.pattern in _BACKWARD
    if hatched and style.fill is not None and abs(scale - 1.0) > 0.01:
        return True
    return (
        hatched and style.fill is not None and engine is not None and engine.type() in _LINE_ENGINES
    )


def hatch_lines(box: QRectF, cell: float, pattern: Qt.BrushStyle) -> QPainterPath:
    """The hatch lines of ``pattern`` across ``box``, on a grid of ``cell`` from the origin."""
    lines = QPainterPath()
    x0, y0, x1, y1 = box.left(), box.top(), box.right(), box.bottom()
    if pattern in _BACKWARD:  # x + y = c
        for k in range(math.floor((x0 + y0) / cell), math.ceil((x1 + y1) / cell) + 1):
            c = k * cell
            start, end = max(x0, c - y1), min(x1, c - y0)
            if start < end:
                lines.moveTo(QPointF(start, c - start))
                lines.lineTo(QPointF(end, c - end))
    if pattern in _FORWARD:  # x - y = c
        for k in range(math.floor((x0 - y1) / cell), math.ceil((x1 - y0) / cell) + 1):
            c = k * cell
            start, end = max(x0, c + y0), min(x1, c + y1)
            if start < end:
                lines.moveTo(QPointF(start, start - c))
                lines.lineTo(QPointF(end, end - c))
    return lines


def draw_hatched_path(painter: QPainter, path: QPainterPath, style: Style, scale: float) -> None:
    """Fill ``path`` with ``style``'s hatch as lines, then stroke its outline (if any)."""
    from ui.map.styles import apply_style

    assert style.fill is not None
    previous = painter.clipPath() if painter.hasClipping() else None
    painter.save()
    world = painter.worldTransform()
    box = world.mapRect(path.boundingRect())
    painter.resetTransform()
    if painter.hasClipping():  # lines end at the frame: the path can replace its clip
        box = box.intersected(painter.clipBoundingRect())
    painter.setWorldTransform(world)
    painter.setClipPath(path, Qt.ClipOperation.ReplaceClip)
    painter.resetTransform()
    pen = QPen(style.fill, scale)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(hatch_lines(box, HATCH_CELL_PX * scale, style.pattern))
    painter.restore()
    if previous is not None:  # restore() hands a rectangle clip back as a region: SVG ignores it
        painter.setClipPath(previous)
    if style.line is not None:
        apply_style(painter, replace(style, fill=None), scale)
        painter.drawPath(path)
