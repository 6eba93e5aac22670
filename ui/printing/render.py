"""Paint a :class:`~geo.page.Page` with any ``QPainter``: PDF, SVG, image, printer or screen.

Stable API (the time-lapse builds every frame on it)::

    renderer = PageRenderer()                  # keeps map items and basemap between pages
    renderer.render(painter, page)             # fills the painter's whole device
    renderer.render(painter, page, target)     # or a device rectangle (page scaled to fit)
    render_page(painter, page)                 # one page with a shared default renderer

The page is scaled to fit the target, centred; millimetres and points become device pixels
through the device's actual size, so a page reads the same at 96, 300 or 1200 dpi. The map frame
is painted by :func:`ui.map.picture.paint_map`, the canvas's own code, from items built by
:class:`~ui.printing.scene.MapScene`; it needs no widget and no display (the offscreen platform
plugin is enough). Nothing of the map is drawn outside its frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from geo.page import extent_to_display
from geo.page_layout import layout
from ui.map.basemap_items import METRES_PER_DEGREE
from ui.map.frame import Frame
from ui.map.labels import frame_bbox_lonlat
from ui.map.picture import paint_map
from ui.printing import furniture
from ui.printing.scene import MapScene
from ui.printing.units import PageUnits

if TYPE_CHECKING:
    from collections.abc import Callable

    from geo.basemap_data import BasemapData
    from geo.page import BBox, Page
    from geo.page_layout import PageLayout
    from ui.map.picture import MapPicture

    BasemapSource = Callable[[str, BBox], BasemapData]

FRAME_INK = QColor("#404040")
FRAME_PT = 0.6


def headless_basemap(lod: str, frame_bbox: BBox) -> BasemapData:
    """The basemap at level ``lod`` around a frame's lon/lat box, read without the canvas."""
    from ui.printing.basemap import clip_box, page_basemap

    return page_basemap(lod, clip_box(frame_bbox))


def page_units(page: Page, target: QRectF) -> PageUnits:
    """Millimetres to device pixels for ``page`` scaled to fit ``target``, centred."""
    w_mm, h_mm = page.size_mm()
    px_per_mm = min(target.width() / w_mm, target.height() / h_mm)
    left = target.left() + (target.width() - w_mm * px_per_mm) / 2
    top = target.top() + (target.height() - h_mm * px_per_mm) / 2
    return PageUnits(px_per_mm, left, top)


def map_frame(page: Page, units: PageUnits, boxes: PageLayout) -> Frame:
    """The page's extent laid onto its map box (widened to the box's aspect, never cropped)."""
    x0, y0, x1, y1 = extent_to_display(page.extent)
    target = units.rect(boxes.map.x, boxes.map.y, boxes.map.w, boxes.map.h)
    return Frame.fitted(QRectF(x0, y0, x1 - x0, y1 - y0), target, units.scale)


class PageRenderer:
    """Paints pages (see module docstring).

    Parameters
    ----------
    basemap : callable, optional
        ``(lod, frame lon/lat bbox) -> BasemapData``. The app passes its canvas's loaded
        basemap; by default the page reads what it needs (:func:`headless_basemap`).
    """

    def __init__(self, basemap: BasemapSource | None = None) -> None:
        self._basemap = basemap or headless_basemap
        self._scene = MapScene()

    def render(self, painter: QPainter, page: Page, target: QRectF | None = None) -> None:
        """Paint ``page`` into ``target`` (device pixels; the whole device by default)."""
        if target is None:
            device = painter.device()
            target = QRectF(0.0, 0.0, device.width(), device.height())
        units = page_units(page, target)
        boxes = layout(page)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(units.rect(0, 0, *page.size_mm()), QColor("white"))
        frame = map_frame(page, units, boxes)
        self.render_map(painter, page, frame)
        painter.setPen(units.pen(FRAME_INK, FRAME_PT))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(units.rect(boxes.map.x, boxes.map.y, boxes.map.w, boxes.map.h))
        furniture.paint_furniture(painter, page, units, boxes, frame)
        painter.restore()

    def map_picture(self, page: Page, frame: Frame) -> MapPicture:
        """What the map frame of ``page`` paints through ``frame`` (the time-lapse's raster
        frames adapt it: :class:`ui.timelapse.raster_cache.FrameRenderer`)."""
        from geo.basemap import choose_lod

        lod = choose_lod(frame.metres_per_pixel / METRES_PER_DEGREE)
        basemap = self._basemap(lod, frame_bbox_lonlat(frame))
        return self._scene.picture(page.content, basemap, labels=page.furniture.labels)

    def render_map(self, painter: QPainter, page: Page, frame: Frame) -> None:
        """Paint only the map frame of ``page`` through ``frame`` (clipped to its target)."""
        f = page.furniture
        picture = self.map_picture(page, frame)
        paint_map(painter, frame, picture, scale_bar=f.scale_bar, north_arrow=f.north_arrow)


_DEFAULT: list[PageRenderer] = []


def render_page(
    painter: QPainter,
    page: Page,
    target: QRectF | None = None,
    renderer: PageRenderer | None = None,
) -> None:
    """Paint ``page`` with ``renderer`` (a shared headless :class:`PageRenderer` by default)."""
    if renderer is None:
        if not _DEFAULT:
            _DEFAULT.append(PageRenderer())
        renderer = _DEFAULT[0]
    renderer.render(painter, page, target)
