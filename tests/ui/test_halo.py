"""A label's halo outline on vector pages: the glyphs' shape in fewer, whole-pixel points."""

from __future__ import annotations

import shapely
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from ui.map.halo import halo_outline
from ui.map.styles import label_font


def _points(path: QPainterPath) -> list[tuple[float, float]]:
    return [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def _lines(path: QPainterPath) -> shapely.MultiLineString:
    polygons = path.toSubpathPolygons()
    return shapely.MultiLineString([[(p.x(), p.y()) for p in polygon] for polygon in polygons])


def test_a_halo_outline_follows_the_glyphs_in_fewer_whole_pixel_points(qapp: object) -> None:
    font = label_font(9.0, True, 300 / 96)
    glyphs = QPainterPath()
    glyphs.addText(QPointF(0.0, 0.0), font, "Zaporizhzhya")
    halo = halo_outline("Zaporizhzhya", font)
    points = _points(halo)
    assert 0 < len(points) < 0.7 * glyphs.elementCount()
    assert all(x == round(x) and y == round(y) for x, y in points)
    exact, simple = _lines(glyphs), _lines(halo)
    assert max(exact.distance(shapely.Point(p)) for p in points) <= 1.0
    assert simple.hausdorff_distance(exact) <= 1.5
    assert halo_outline("Zaporizhzhya", label_font(9.0, True, 300 / 96)) is halo


def test_text_without_glyphs_has_no_halo(qapp: object) -> None:
    assert halo_outline("   ", label_font(9.0)).isEmpty()
