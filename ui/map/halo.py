"""The outline a label's halo strokes on vector pages (PDF, SVG, printers).

A halo is a stroke several device pixels wide around the glyphs, so it needs their shape, not
their curves: the outline is flattened, simplified to half a device pixel and put on whole
device pixels. A PDF then holds about half the numbers the glyphs' own curves would take, each
a short whole number (the halos were a fifth of a full-extent page's content and of its time),
and working it out costs less than rounding every point of the curves in Python.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import shapely
from pyqtgraph.functions import ndarray_from_qpolygonf
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from ui.map.geometry_paths import path_from_geometry

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

TOLERANCE_PX = 0.5
"""How far the simplified outline may stray from the glyphs, in device pixels."""
_OUTLINES: dict[tuple[str, str], QPainterPath] = {}
_MAX_OUTLINES = 2048


def halo_outline(text: str, font: QFont) -> QPainterPath:
    """The simplified glyph outline of ``text`` at the origin, kept: pages repeat their labels."""
    key = (text, font.toString())
    outline = _OUTLINES.get(key)
    if outline is None:
        if len(_OUTLINES) >= _MAX_OUTLINES:
            _OUTLINES.clear()
        outline = _OUTLINES[key] = _simplified_outline(text, font)
    return outline


def _simplified_outline(text: str, font: QFont) -> QPainterPath:
    glyphs = QPainterPath()
    glyphs.addText(QPointF(0.0, 0.0), font, text)
    polygons = glyphs.toSubpathPolygons()  # the arrays below view their memory: kept alive
    contours = [ndarray_from_qpolygonf(p) for p in polygons if p.size() >= 2]
    if not contours:
        return QPainterPath()
    which = np.repeat(np.arange(len(contours)), [len(c) for c in contours])
    points = np.concatenate(contours).astype(float)
    del contours, polygons
    lines = shapely.linestrings(points, indices=which)
    return path_from_geometry(shapely.simplify(lines, TOLERANCE_PX), 1.0)
