"""Paint the map (layers, overlays, place labels, scale bar, north arrow) into any painter.

The canvas's :meth:`~ui.map.map_view.MapView.render_into` and the page renderer
(``ui.printing``) both call :func:`paint_map` with a :class:`MapPicture` — the canvas with its own
items, the renderer with items built from a page description and no widget — so what is printed
is drawn by the code that draws the screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ui.map.foreground import paint_item_tree
from ui.map.labels import layout_labels, paint_labels
from ui.map.north_arrow import paint_north_arrow
from ui.map.scale_bar import paint_scale_bar
from ui.map.styles import NO_BASEMAP

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtGui import QPainter, QTransform
    from PySide6.QtWidgets import QGraphicsItem

    from ui.map.frame import Frame
    from ui.map.labels import PlaceLike
    from ui.map.layer_items import GeometryLayerItem


def _no_places(_frame: Frame) -> list[PlaceLike]:
    return []


@dataclass
class MapPicture:
    """Everything :func:`paint_map` draws, bottom first.

    Attributes
    ----------
    layers : sequence of GeometryLayerItem
        Geometry layers (basemap, series, comparison), bottom first; hidden ones are skipped.
    overlays : sequence of (QGraphicsItem, QTransform)
        Items painted with their children above the layers (drawn regions), each with the
        transform from its scene coordinates to display metres.
    places : callable
        The places to label in a frame.
    label_color : str
        Ink of the place labels.
    """

    layers: Sequence[GeometryLayerItem] = ()
    overlays: Sequence[tuple[QGraphicsItem, QTransform]] = ()
    places: Callable[[Frame], Sequence[PlaceLike]] = field(default=_no_places)
    label_color: str = "#202020"


def paint_map(
    painter: QPainter,
    frame: Frame,
    picture: MapPicture,
    *,
    scale_bar: bool = True,
    north_arrow: bool = True,
) -> None:
    """Paint ``picture`` through ``frame``, clipped to ``frame.target``.

    Pens, marks and type scale with ``frame.scale`` (device pixels per 96-dpi pixel), so the
    picture reads the same on a screen, a 300 dpi image and a PDF.
    """
    painter.save()
    painter.setClipRect(frame.target)
    painter.fillRect(frame.target, NO_BASEMAP)
    for item in picture.layers:
        if item.isVisible():
            item.render_frame(painter, frame)
    for overlay, to_view in sorted(picture.overlays, key=lambda pair: pair[0].zValue()):
        paint_item_tree(painter, overlay, to_view * frame.transform(), frame.scale)
    labels = layout_labels(picture.places(frame), frame)
    paint_labels(painter, labels, picture.label_color, frame.scale)
    if scale_bar:
        paint_scale_bar(painter, frame)
    if north_arrow:
        paint_north_arrow(painter, frame)
    painter.restore()
