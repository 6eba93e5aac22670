"""Screen marks (scale bar, north arrow) kept as small pixmaps while the view stands still.

Each mark costs 1-2 ms to draw (projecting the view centre, haloed text, a stroked glyph), and a
timeline step repaints the canvas without moving the view. So once a mark has been drawn twice
for the same frame its picture is kept in a pixmap of its own rectangle and blitted until the
frame changes; while the view moves (a new frame every paint) it is drawn directly, as before.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.map.frame import Frame

MARGIN_PX = 6.0
"""Room around the rectangle a mark reports (antialiased edges, text halo)."""


class CachedMark:
    """A mark painted by ``paint(painter, frame) -> rect`` (device pixels), cached per frame.

    Parameters
    ----------
    paint : callable
        Paints the mark for a frame into a painter whose transform it resets, and returns the
        rectangle it used.
    """

    def __init__(self, paint: Callable[[QPainter, Frame], QRectF]) -> None:
        self._paint = paint
        self._frame: Frame | None = None
        self._rect = QRectF()
        self._pixmap: QPixmap | None = None

    def paint(self, painter: QPainter, frame: Frame) -> None:
        """Draw the mark of ``frame``, from the kept pixmap when the frame has not changed."""
        if frame != self._frame:
            self._frame, self._pixmap = frame, None
            self._rect = self._paint(painter, frame)
            return
        if self._pixmap is None:
            self._pixmap = self._render(frame, painter.device().devicePixelRatioF())
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(self._rect.topLeft(), self._pixmap)
        painter.restore()

    def _render(self, frame: Frame, dpr: float) -> QPixmap:
        rect = self._rect.adjusted(-MARGIN_PX, -MARGIN_PX, MARGIN_PX, MARGIN_PX).toAlignedRect()
        self._rect = QRectF(rect)
        pixmap = QPixmap(max(1, round(rect.width() * dpr)), max(1, round(rect.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(Qt.GlobalColor.transparent)
        shifted = replace(frame, target=frame.target.translated(-QPointF(rect.topLeft())))
        target = QPainter(pixmap)
        self._paint(target, shifted)
        target.end()
        return pixmap
