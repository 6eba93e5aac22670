"""The mapping between a display-metre view rectangle and a device rectangle.

The canvas and :meth:`ui.map.MapView.render_into` both paint through a :class:`Frame`, so the
screen, an image and a printer page get the same picture at their own resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTransform


@dataclass(frozen=True)
class Frame:
    """A view in display metres laid onto a device rectangle, north up, aspect preserved.

    Attributes
    ----------
    x0, y0, x1, y1 : float
        The visible display-metre rectangle (x east, y north).
    target : QRectF
        Where it lands on the device, in device pixels.
    scale : float
        Device pixels per 96-dpi pixel (pen widths and marker sizes are multiplied by it).
    """

    x0: float
    y0: float
    x1: float
    y1: float
    target: QRectF
    scale: float = 1.0

    @classmethod
    def fitted(cls, view: QRectF, target: QRectF, scale: float = 1.0) -> Frame:
        """The smallest frame around ``view`` (centre kept) with ``target``'s aspect ratio."""
        width, height = max(view.width(), 1e-6), max(view.height(), 1e-6)
        aspect = target.width() / max(target.height(), 1e-9)
        if width / height < aspect:
            width = height * aspect
        else:
            height = width / aspect
        cx, cy = view.center().x(), view.center().y()
        return cls(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2, target, scale)

    @property
    def metres_per_pixel(self) -> float:
        """Display metres per device pixel."""
        return (self.x1 - self.x0) / max(self.target.width(), 1e-9)

    @property
    def center(self) -> tuple[float, float]:
        """Centre of the view in display metres."""
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def view_rect(self) -> QRectF:
        """The display-metre rectangle (top() is the southern edge, as in pyqtgraph)."""
        return QRectF(self.x0, self.y0, self.x1 - self.x0, self.y1 - self.y0)

    def transform(self) -> QTransform:
        """Display metres → device pixels (y flipped: north is up)."""
        sx = self.target.width() / (self.x1 - self.x0)
        sy = self.target.height() / (self.y1 - self.y0)
        return QTransform(
            sx, 0.0, 0.0, -sy, self.target.left() - self.x0 * sx, self.target.top() + self.y1 * sy
        )

