"""Place labels: which places to show at a zoom, and where, without overlaps.

Places come from a provider (``geo.places.places_in(bbox, min_population)`` in the app) as objects
with ``name``, ``lon``, ``lat`` and ``population``. The zoom decides the smallest population
shown (big cities at the overview, towns and villages when zoomed in); placement is greedy in
device space, largest population first, trying four positions around the dot and dropping a
label whose rectangle would overlap one already placed.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from geo.projection import display_box_to_lonlat, to_display
from ui.map.styles import draw_haloed_text, label_font, make_pen

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from geo.projection import BBox
    from ui.map.frame import Frame

_THRESHOLDS: tuple[tuple[float, int], ...] = (
    (2500.0, 700_000),
    (1200.0, 250_000),
    (600.0, 80_000),
    (250.0, 25_000),
    (100.0, 8_000),
    (40.0, 2_000),
)


class PlaceLike(Protocol):
    """What a label needs from a place."""

    @property
    def name(self) -> str: ...
    @property
    def lon(self) -> float: ...
    @property
    def lat(self) -> float: ...
    @property
    def population(self) -> int: ...


@dataclass(frozen=True)
class PlacedLabel:
    """One label laid out in device pixels."""

    text: str
    dot: QPointF
    rect: QRectF
    point_size: float
    bold: bool


def min_population(screen_metres_per_pixel: float) -> int:
    """Smallest population labelled at a zoom given in display metres per 96-dpi pixel."""
    for limit, population in _THRESHOLDS:
        if screen_metres_per_pixel > limit:
            return population
    return 0


def frame_bbox_lonlat(frame: Frame) -> tuple[float, float, float, float]:
    """The lon/lat bbox that covers the frame (edges sampled, since LCC bends them)."""
    return _view_bbox_lonlat(frame.x0, frame.y0, frame.x1, frame.y1)


@lru_cache(maxsize=16)
def _view_bbox_lonlat(x0: float, y0: float, x1: float, y1: float) -> BBox:
    """Kept: a page asks for its frame's box for the basemap and for the places, and a
    time-lapse for every frame of one extent (each answer inverts 36 points)."""
    return display_box_to_lonlat((x0, y0, x1, y1), 9)


def _style_for(population: int) -> tuple[float, bool]:
    if population >= 1_000_000:
        return 10.0, True
    if population >= 200_000:
        return 9.0, True
    if population >= 20_000:
        return 8.5, False
    return 8.0, False


def _reserved(frame: Frame) -> list[QRectF]:
    """Device rectangles of the scale bar (lower left) and north arrow (upper right)."""
    s, t = frame.scale, frame.target
    return [
        QRectF(t.left(), t.bottom() - 48 * s, 190 * s, 48 * s),
        QRectF(t.right() - 60 * s, t.top(), 60 * s, 76 * s),
    ]


def _label_fonts(scale: float) -> Callable[[float, bool], tuple[QFont, QFontMetricsF]]:
    """The label font and its metrics per (point size, bold), each made once per layout (a
    font and its metrics cost more than measuring a name with them)."""
    made: dict[tuple[float, bool], tuple[QFont, QFontMetricsF]] = {}

    def font_of(size: float, bold: bool) -> tuple[QFont, QFontMetricsF]:
        pair = made.get((size, bold))
        if pair is None:
            font = label_font(size, bold, scale)
            pair = made[(size, bold)] = (font, QFontMetricsF(font))
        return pair

    return font_of


def _candidates(dot: QPointF, width: float, height: float, gap: float) -> list[QRectF]:
    x, y = dot.x(), dot.y()
    return [
        QRectF(x + gap, y - height / 2, width, height),
        QRectF(x - gap - width, y - height / 2, width, height),
        QRectF(x - width / 2, y - gap - height, width, height),
        QRectF(x - width / 2, y + gap, width, height),
    ]


_LAYOUTS: OrderedDict[tuple, list[PlacedLabel]] = OrderedDict()
_MAX_LAYOUTS = 8


def layout_labels(places: Sequence[PlaceLike], frame: Frame) -> list[PlacedLabel]:
    """Greedy, overlap-free placement of ``places`` in the frame's device rectangle.

    Labels avoid each other, every dot, and the corners taken by the scale bar and north arrow.
    The last few layouts are kept: the pages of a time-lapse, or a page exported again, show
    the same places in the same frame.
    """
    key: tuple = (frame.x0, frame.y0, frame.x1, frame.y1, frame.target.getRect(), frame.scale)
    key += tuple(places)
    labels = _LAYOUTS.get(key)
    if labels is None:
        labels = _LAYOUTS[key] = _placed(places, frame)
        while len(_LAYOUTS) > _MAX_LAYOUTS:
            _LAYOUTS.popitem(last=False)
    _LAYOUTS.move_to_end(key)
    return list(labels)


def _placed(places: Sequence[PlaceLike], frame: Frame) -> list[PlacedLabel]:
    ordered = sorted(places, key=lambda p: -int(p.population))
    if not ordered:
        return []
    xs, ys = to_display(np.array([p.lon for p in ordered]), np.array([p.lat for p in ordered]))
    transform = frame.transform()
    placed: list[PlacedLabel] = []
    taken = _reserved(frame)
    font_of = _label_fonts(frame.scale)
    for place, x, y in zip(ordered, xs, ys, strict=True):
        dot = transform.map(QPointF(float(x), float(y)))
        if not frame.target.contains(dot):
            continue
        if any(t.contains(dot) for t in taken):
            continue
        size, bold = _style_for(int(place.population))
        metrics = font_of(size, bold)[1]
        width, height = metrics.horizontalAdvance(place.name) + 2, metrics.height()
        for rect in _candidates(dot, width, height, 4.0 * frame.scale):
            if frame.target.contains(rect) and not any(rect.intersects(t) for t in taken):
                radius = 3.0 * frame.scale
                taken += [rect, QRectF(dot.x() - radius, dot.y() - radius, 2 * radius, 2 * radius)]
                placed.append(PlacedLabel(place.name, dot, rect, size, bold))
                break
    return placed


def paint_labels(
    painter: QPainter, labels: Sequence[PlacedLabel], color: str, scale: float
) -> None:
    """Draw dots and haloed text in device pixels (the painter's transform is reset)."""
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    ink = QColor(color)
    painter.setPen(make_pen(QColor(255, 255, 255), 1.0, scale))
    painter.setBrush(ink)
    radius = 2.4 * scale
    for label in labels:
        painter.drawEllipse(label.dot, radius, radius)
    font_of = _label_fonts(scale)
    for label in labels:
        font, metrics = font_of(label.point_size, label.bold)
        baseline = QPointF(label.rect.left() + 1, label.rect.top() + metrics.ascent())
        draw_haloed_text(painter, baseline, font, label.text, ink, scale)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.restore()
