"""Paint time-lapse frames: each one a page of the printing renderer, plus the inset chart.

A video frame is the PNG page of :mod:`ui.printing.devices` at the frame's pixel size (its
opaque ``ARGB32`` pixels are the blue, green, red, x order the encoders take); a PDF gets the same
page painted as vectors, one page per frame.
Sinks time their two halves, so the benchmark can report render and encode separately.
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QPdfWriter

from geo.page_layout import layout
from ui.printing.devices import VECTOR_DPI, page_image, page_layout
from ui.printing.render import PageRenderer, page_units
from ui.timelapse.encoders import open_writer
from ui.timelapse.inset_chart import AreaChart, paint_area_chart
from ui.timelapse.raster_cache import FrameRenderer

if TYPE_CHECKING:
    from pathlib import Path

    from geo.model import Catalog
    from geo.page import Page
    from geo.timelapse import TimelapsePlan
    from ui.timelapse.encoders import FrameWriter

CHART_WIDTH, CHART_HEIGHT = 0.34, 0.26
"""The inset chart's share of the map frame's width and height."""
CHART_MARGIN_MM = 3.0


@dataclass(frozen=True)
class FramePage:
    """A frame: its page, and the inset chart painted over the map frame (or None)."""

    page: Page
    chart: AreaChart | None = None


def chart_for(catalog: Catalog, plan: TimelapsePlan, index: int, color: str) -> AreaChart:
    """The series' area from the first to the last frame in ``color``, the marker on frame
    ``index``."""
    first, last = plan.first.date, plan.frames[-1].snapshot.date
    held = [s for s in catalog.snapshots(plan.series) if first <= s.date <= last]
    return AreaChart(
        dates=[s.date for s in held],
        km2=[s.area_km2 for s in held],
        marker=plan.frames[index].snapshot.date,
        color=color,
    )


def paint_chart(painter: QPainter, frame: FramePage, target: QRectF | None = None) -> None:
    """The inset chart in the top-left corner of the map frame of the page in ``target``."""
    if frame.chart is None:
        return
    if target is None:
        device = painter.device()
        target = QRectF(0.0, 0.0, device.width(), device.height())
    units = page_units(frame.page, target)
    box = layout(frame.page).map
    margin = CHART_MARGIN_MM
    rect = units.rect(box.x + margin, box.y + margin, box.w * CHART_WIDTH, box.h * CHART_HEIGHT)
    paint_area_chart(painter, units, rect, frame.chart)


def render_image(frame: FramePage, renderer: PageRenderer | None = None) -> QImage:
    """The frame as an image of its page's pixel size (the PNG page of :mod:`ui.printing`)."""
    image = page_image(frame.page, renderer=renderer or PageRenderer())
    if frame.chart is not None:
        painter = QPainter(image)
        try:
            paint_chart(painter, frame)
        finally:
            painter.end()
    return image


def image_array(image: QImage) -> np.ndarray:
    """A copy of an opaque 32-bit image's pixels as ``(H, W, 4)`` uint8 (blue, green, red, x)."""
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : width * 4].reshape(height, width, 4).copy()


class PictureSink:
    """Rasterises each page and hands the pixels to a video/animation writer.

    Its renderer freezes the basemap below the data (:mod:`ui.timelapse.raster_cache`). The
    writer runs on a thread of its own, one frame behind the painting (the encoders release the
    GIL), so painting frame k+1 overlaps encoding frame k; frames reach the writer in order.
    """

    def __init__(self, writer: FrameWriter) -> None:
        self._writer = writer
        self._renderer = FrameRenderer()
        self._encoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="atlas-encode")
        self._pending: Future[None] | None = None
        self.render_s = 0.0
        self.encode_s = 0.0

    def add(self, frame: FramePage, count: int) -> None:
        start = time.perf_counter()
        pixels = image_array(render_image(frame, self._renderer))
        self.render_s += time.perf_counter() - start
        self._wait()
        self._pending = self._encoder.submit(self._encode, pixels, count)

    def _encode(self, pixels: np.ndarray, count: int) -> None:
        start = time.perf_counter()
        self._writer.add(pixels, count)
        self.encode_s += time.perf_counter() - start

    def _wait(self) -> None:
        """Wait for the frame being encoded; its error, if any, is raised here."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def close(self) -> None:
        self._wait()
        self._encoder.shutdown()
        start = time.perf_counter()
        self._writer.close()
        self.encode_s += time.perf_counter() - start

    def abort(self) -> None:
        self._encoder.shutdown(wait=True)
        self._writer.abort()


class PdfSink:
    """One vector PDF page per frame (repeated frames are one page)."""

    def __init__(self, path: Path) -> None:
        self._writer = QPdfWriter(str(path))
        self._writer.setResolution(VECTOR_DPI)
        self._writer.setCreator("Frontline Atlas")
        self._renderer = PageRenderer()
        self._painter: QPainter | None = None
        self.render_s = 0.0
        self.encode_s = 0.0

    def add(self, frame: FramePage, count: int) -> None:
        start = time.perf_counter()
        self._writer.setPageLayout(page_layout(frame.page))
        if self._painter is None:
            self._painter = QPainter(self._writer)
        else:
            self._writer.newPage()
        self._renderer.render(self._painter, frame.page)
        paint_chart(self._painter, frame)
        self.render_s += time.perf_counter() - start

    def close(self) -> None:
        start = time.perf_counter()
        if self._painter is not None:
            self._painter.end()
        self.encode_s += time.perf_counter() - start

    def abort(self) -> None:
        if self._painter is not None:
            self._painter.end()


def open_sink(path: Path, kind: str, size: tuple[int, int], fps: float) -> PictureSink | PdfSink:
    """A sink writing ``kind`` (``mp4``, ``gif``, ``webp`` or ``pdf``) pages to ``path``.

    ``size`` is the pixel size of the pages (a video's frame size).
    """
    if kind == "pdf":
        return PdfSink(path)
    return PictureSink(open_writer(path, kind, size, fps))
