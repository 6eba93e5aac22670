"""Colours, pen widths and fonts of the map, and helpers that scale them for any paint device.

Widths are given in screen pixels at 96 dpi and multiplied by the device's ``px_scale``
(``logicalDpiX / 96``), so a 300 dpi print draws a 1 px line 3.1 device pixels wide and looks like
the screen; pens are cosmetic, so the view's metres-to-pixels transform never scales them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPaintDevice,
    QPaintEngine,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

from ui.map.hatch import draw_hatched_path, hatches_as_lines

SEA = QColor("#c9dde9")
"""Within the basemap's extent, everything not land is sea."""
NO_BASEMAP = QColor("#e4e4e1")
"""Beyond the basemap's extent: neither land nor sea is known there, so neither is drawn."""
GAINED = QColor(165, 0, 38, 215)
"""Compare mode: area taken by the series between date A and date B (crimson, hatched)."""
LOST = QColor(255, 190, 0, 225)
"""Compare mode: area the series lost between date A and date B (amber, cross-hatched).

Neither is a flat fill like a series layer, so no series colour can be mistaken for them, and
lost (outside B's fill) is amber with a dark outline so it stands out beside any fill."""
GAINED_INK = QColor("#4d0012")
"""Hatch and outline of the gained area."""
LOST_INK = QColor("#1a2a6c")
"""Hatch and outline of the lost area (also its text colour: amber text does not read)."""
OUTLINE_A = QColor("#303030")
OUTLINE_B = QColor("#101010")
LABEL_FONT_FAMILY = "Sans Serif"
LABEL_HALO = QColor(255, 255, 255, 210)
OVERLAY_INK = QColor("#202020")


@dataclass(frozen=True)
class Style:
    """How one layer is painted.

    Attributes
    ----------
    fill : QColor or None
        Fill colour (with alpha) or None for no fill.
    line : QColor or None
        Outline colour or None for no outline.
    width_px : float
        Outline width in 96-dpi pixels.
    dash : bool
        Dashed outline.
    pattern : Qt.BrushStyle
        How the fill colour is laid: solid, or a hatch (compare mode's gained and lost).
    """

    fill: QColor | None
    line: QColor | None
    width_px: float = 1.0
    dash: bool = False
    pattern: Qt.BrushStyle = Qt.BrushStyle.SolidPattern


def px_scale(device: QPaintDevice | None) -> float:
    """Device pixels per 96-dpi pixel (1 on screens and default images, ~3.1 at 300 dpi)."""
    if device is None:
        return 1.0
    dpi = device.logicalDpiX()
    return max(dpi, 1) / 96.0


def make_pen(color: QColor, width_px: float, scale: float, dash: bool = False) -> QPen:
    """A cosmetic pen ``width_px * scale`` device pixels wide."""
    pen = QPen(color)
    pen.setCosmetic(True)
    pen.setWidthF(width_px * scale)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if dash:
        pen.setStyle(Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([4.0, 3.0])
    return pen


def apply_style(painter: QPainter, style: Style, scale: float) -> None:
    """Set the painter's brush and pen for ``style``."""
    if style.fill is None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        brush = QBrush(style.fill, style.pattern)
        if style.pattern != Qt.BrushStyle.SolidPattern and scale != 1.0:
            brush.setTransform(QTransform.fromScale(scale, scale))
        painter.setBrush(brush)
    if style.line is None:
        painter.setPen(Qt.PenStyle.NoPen)
    else:
        vector = is_vector(painter)
        pen = make_pen(
            opaque_on_paper(style.line) if vector else style.line, style.width_px, scale, style.dash
        )
        painter.setPen(scaled_pen(pen, painter) if vector else pen)


def scaled_pen(pen: QPen, painter: QPainter) -> QPen:
    """A cosmetic pen as a plain pen of the same device width under the painter's transform.

    SVG readers (librsvg, browsers without ``vector-effect``) draw a cosmetic pen under the
    map's metres-to-page transform as a hairline or not at all; a plain pen of the width in
    the painter's user units looks the same everywhere.
    """
    t = painter.worldTransform()
    k = math.hypot(t.m11(), t.m12())
    if not pen.isCosmetic() or k <= 0:
        return pen
    plain = QPen(pen)
    plain.setCosmetic(False)
    plain.setWidthF(pen.widthF() / k)
    if pen.style() == Qt.PenStyle.CustomDashLine:
        plain.setDashPattern(pen.dashPattern())
    return plain


def is_vector(painter: QPainter) -> bool:
    """Whether ``painter`` writes a vector file (PDF, SVG, a printer, a picture)."""
    engine = painter.paintEngine()
    return engine is not None and engine.type() in _VECTOR_ENGINES


def opaque_on_paper(color: QColor) -> QColor:
    """``color`` as it looks over white, made opaque.

    Qt's PDF writer turns every stroke with a translucent pen into a filled outline of the
    stroke (ten times the size and the time for the basemap's rivers and borders), so vector
    output strokes with the opaque colour that the translucent one gives on light land.
    """
    alpha = color.alphaF()
    if alpha >= 1.0:
        return color
    channels = (color.red(), color.green(), color.blue())
    r, g, b = (round(c * alpha + 255 * (1.0 - alpha)) for c in channels)
    return QColor(r, g, b)


def with_alpha(color: str | QColor, opacity: float) -> QColor:
    """``color`` with its alpha set to ``opacity`` (0..1)."""
    result = QColor(color)
    result.setAlphaF(min(1.0, max(0.0, opacity)))
    return result


def series_style(color: str, opacity: float) -> Style:
    """A series layer: translucent fill, outline in the same hue, darker and more opaque.

    The outline is one pixel wide: Qt strokes antialiased cosmetic pens up to 1 px with its fast
    line rasteriser, while 1.1 px goes through the general stroker at 30x the cost (about 10 ms
    for a day of DeepState at full extent).
    """
    line = QColor(color).darker(130)
    line.setAlphaF(min(1.0, 0.4 + opacity))
    return Style(with_alpha(color, opacity), line, 1.0)


def label_font(point_size: float, bold: bool = False, scale: float = 1.0) -> QFont:
    """A label font of ``point_size`` points on a device with ``scale`` (see :func:`px_scale`).

    The size is set in device pixels (points × 96/72 × scale) because text is drawn as paths,
    which Qt would otherwise lay out at the screen's resolution whatever the device.
    """
    font = QFont(LABEL_FONT_FAMILY)
    font.setPixelSize(max(1, round(point_size * 96.0 / 72.0 * scale)))
    font.setBold(bold)
    return font


_VECTOR_ENGINES = (QPaintEngine.Type.Pdf, QPaintEngine.Type.SVG, QPaintEngine.Type.Picture)


def draw_haloed_text(
    painter: QPainter, origin: QPointF, font: QFont, text: str, ink: QColor, scale: float
) -> None:
    """Text with a light halo, drawn as offset copies (glyph-cached, far cheaper than stroking).

    On a vector device (PDF, SVG, printer) the halo is a stroked outline of the glyphs instead
    (:func:`ui.map.halo.halo_outline`), so the text is written once and a PDF's text reads (and
    copies) as it should.
    """
    painter.setFont(font)
    if is_vector(painter):
        from ui.map.halo import halo_outline

        origin = QPointF(round(origin.x()), round(origin.y()))
        outline = halo_outline(text, font).translated(origin)
        painter.strokePath(outline, make_pen(opaque_on_paper(LABEL_HALO), 2.4, scale))
        painter.setPen(ink)
        painter.drawText(origin, text)
        return
    painter.setPen(LABEL_HALO)
    step = max(1.0, 1.2 * scale)
    for dx, dy in ((-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)):
        painter.drawText(QPointF(origin.x() + dx * step, origin.y() + dy * step), text)
    painter.setPen(ink)
    painter.drawText(origin, text)


FAST_STROKE_PX = 1.0
"""Qt rasterises antialiased cosmetic pens up to this width with its fast line algorithm."""


def draw_styled_path(painter: QPainter, path: QPainterPath, style: Style, scale: float) -> None:
    """Fill and stroke ``path`` in ``style`` (see :func:`apply_style`).

    On a high-resolution image (``scale`` ≥ 1.5, e.g. a 300 dpi page), a pen wider than
    :data:`FAST_STROKE_PX` goes
    through Qt's general stroker, about 30 times slower; such a stroke is drawn instead as
    one-pixel strokes shifted over a disc of the pen's width, in the opaque colour the pen shows
    on paper (overlapping shifts must not darken a translucent pen). Screens and vector files
    keep the plain pen. Pages get hatches as lines (:mod:`ui.map.hatch`).
    """
    if hatches_as_lines(painter, style, scale):
        draw_hatched_path(painter, path, style, scale)
        return
    apply_style(painter, style, scale)
    width = style.width_px * scale
    if _outline_hides_edge(painter, style, scale):
        _fill_then_outline(painter, path)
        return
    if style.line is None or scale < 1.5 or width <= FAST_STROKE_PX + 0.25 or is_vector(painter):
        if style.line is not None and scale > 1.0 and not is_vector(painter):
            _fast_if_close(painter, width)
        painter.drawPath(path)
        return
    if style.fill is not None:
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(path)
        painter.restore()
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(make_pen(opaque_on_paper(style.line), FAST_STROKE_PX, 1.0, style.dash))
    world = painter.worldTransform()
    for dx, dy in disc_offsets((width - FAST_STROKE_PX) / 2):
        painter.setWorldTransform(world * QTransform.fromTranslate(dx, dy))
        painter.drawPath(path)
    painter.restore()


def _fast_if_close(painter: QPainter, width: float) -> None:
    """On an image page, a pen at most a quarter pixel wider than :data:`FAST_STROKE_PX` is
    drawn at that width: a 0.7 px oblast line on a 144 dpi page (1.05 px) took Qt's general
    stroker, 190 ms of a 1920x1080 page, for a difference no one sees."""
    if FAST_STROKE_PX < width <= FAST_STROKE_PX + 0.25:
        pen = painter.pen()
        pen.setWidthF(FAST_STROKE_PX)
        painter.setPen(pen)


EDGE_COVER_ALPHA = 0.5
"""An outline at least this opaque hides the fill's aliased edge pixels beneath it."""


def _outline_hides_edge(painter: QPainter, style: Style, scale: float) -> bool:
    """Whether the fill may skip antialiasing because the outline covers its edge.

    Qt's antialiased fill of a large polygon costs about five times its aliased fill (3 ms
    against 0.6 ms for a day of DeepState at full extent), while an antialiased one-pixel
    outline drawn over the aliased edge leaves the picture as it was (at most 18/255 on edge
    pixels, seen in a 6x crop). Only on screen-resolution raster devices with a solid fill.
    """
    return (
        style.fill is not None
        and style.line is not None
        and style.pattern == Qt.BrushStyle.SolidPattern
        and style.line.alphaF() >= EDGE_COVER_ALPHA
        and style.width_px * scale >= FAST_STROKE_PX
        and scale < 1.5
        and painter.testRenderHint(QPainter.RenderHint.Antialiasing)
        and not is_vector(painter)
    )


def _fill_then_outline(painter: QPainter, path: QPainterPath) -> None:
    """The fill aliased, then the outline antialiased (the painter holds brush and pen)."""
    pen = painter.pen()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.drawPath(path)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    brush = painter.brush()
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setBrush(brush)


def disc_offsets(radius: float) -> list[tuple[float, float]]:
    """Shifts within ``radius`` device pixels on a half-pixel grid (whole pixels beyond 1.5)."""
    step = 0.5 if radius <= 1.5 else 1.0
    reach = int(radius / step + 0.5)
    limit = (radius + 0.2 * step) ** 2
    steps = [i * step for i in range(-reach, reach + 1)]
    return [(x, y) for x in steps for y in steps if x * x + y * y <= limit]
