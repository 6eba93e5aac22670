"""Millimetres and points of a page → device pixels of whatever the page is painted on."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPen

from geo.page import MM_PER_INCH
from ui.map.styles import LABEL_FONT_FAMILY

POINTS_PER_INCH = 72.0


@dataclass(frozen=True)
class PageUnits:
    """A page laid onto a device rectangle: ``px_per_mm`` device pixels per millimetre.

    Attributes
    ----------
    px_per_mm : float
    left, top : float
        Device position of the page's top-left corner.
    """

    px_per_mm: float
    left: float = 0.0
    top: float = 0.0

    @property
    def dpi(self) -> float:
        """Device pixels per inch of the page."""
        return self.px_per_mm * MM_PER_INCH

    @property
    def scale(self) -> float:
        """Device pixels per 96-dpi pixel: what the canvas's widths and marks are multiplied by."""
        return self.dpi / 96.0

    def mm(self, value: float) -> float:
        """A length in millimetres, in device pixels."""
        return value * self.px_per_mm

    def pt(self, value: float) -> float:
        """A length in points, in device pixels."""
        return value / POINTS_PER_INCH * self.dpi

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        """A page rectangle in millimetres, in device pixels."""
        return QRectF(self.left + self.mm(x), self.top + self.mm(y), self.mm(w), self.mm(h))

    def font(self, points: float, bold: bool = False, italic: bool = False) -> QFont:
        """The page's typeface at ``points``, sized in device pixels (exact on any device)."""
        font = QFont(LABEL_FONT_FAMILY)
        font.setPixelSize(max(1, round(self.pt(points))))
        font.setBold(bold)
        font.setItalic(italic)
        font.setFeature(QFont.Tag("liga"), 0)  # "ff" stays two letters in a PDF's text
        return font

    def pen(self, color: QColor | str, width_pt: float, dash: bool = False) -> QPen:
        """A pen ``width_pt`` points wide."""
        pen = QPen(QColor(color))
        pen.setWidthF(max(self.pt(width_pt), 0.01))
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        if dash:
            pen.setStyle(Qt.PenStyle.DashLine)
        return pen
