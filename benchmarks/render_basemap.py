"""Render the offline basemap alone with plain QPainter, to look at it (out/basemap_*.png).

Usage: ``python benchmarks/render_basemap.py``. Two pictures: the whole of Ukraine and a zoom
on Kupiansk, projected with :func:`geo.projection.to_display`.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from geo.basemap import Basemap, choose_lod
from geo.places import PlaceIndex
from geo.projection import to_display

OUT = Path(__file__).resolve().parents[1] / "out"
VIEWS = {
    "ukraine": ((22.0, 44.0, 40.5, 52.5), 1600, 50_000),
    "kupiansk": ((37.0, 49.35, 38.3, 50.05), 1400, 1_000),
}
SEA, LAND, UKRAINE, LAKE = "#cfe3f0", "#f4f1ea", "#fbfaf5", "#b5d3e8"


class Canvas:
    """Display-projection window onto a QImage."""

    def __init__(self, bbox: tuple[float, float, float, float], width: int) -> None:
        lon = np.linspace(bbox[0], bbox[2], 50)
        lat = np.linspace(bbox[1], bbox[3], 50)
        x, y = to_display(*np.meshgrid(lon, lat))
        self.x0, self.x1, self.y0, self.y1 = x.min(), x.max(), y.min(), y.max()
        self.scale = width / (self.x1 - self.x0)
        self.image = QImage(
            width, int((self.y1 - self.y0) * self.scale), QImage.Format.Format_RGB32
        )
        self.image.fill(QColor(SEA))
        self.bbox = bbox
        self.degrees_per_pixel = (bbox[2] - bbox[0]) / width

    def xy(self, lonlat: np.ndarray) -> np.ndarray:
        x, y = to_display(lonlat[:, 0], lonlat[:, 1])
        return np.column_stack([(x - self.x0) * self.scale, (self.y1 - y) * self.scale])

    def path(self, geometries: np.ndarray) -> QPainterPath:
        path = QPainterPath()
        parts = shapely.get_parts(geometries)
        rings = shapely.get_rings(parts)
        for part in rings if len(rings) else parts:
            points = self.xy(shapely.get_coordinates(part)).tolist()
            path.addPolygon(QPolygonF([QPointF(px, py) for px, py in points]))
        return path


def _layer(
    painter: QPainter, canvas: Canvas, geometries: np.ndarray, pen: QPen, brush: object
) -> None:
    painter.setPen(pen)
    painter.setBrush(brush)
    painter.drawPath(canvas.path(geometries))


def _pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)
    return pen


def _labels(painter: QPainter, canvas: Canvas, index: PlaceIndex, min_population: int) -> None:
    painter.setFont(QFont("DejaVu Sans", 9))
    placed: list[QRectF] = []
    for place in index.places_in(canvas.bbox, min_population, limit=150):
        px, py = canvas.xy(np.array([[place.lon, place.lat]]))[0].tolist()
        rect = QRectF(px + 4, py - 14, 8 * len(place.name), 16)
        if any(rect.intersects(r) for r in placed):
            continue
        placed.append(rect)
        painter.setPen(_pen("#222222", 1))
        painter.setBrush(QBrush(QColor("#222222")))
        painter.drawEllipse(QPointF(px, py), 2.5, 2.5)
        painter.setPen(_pen("#ffffff", 3))
        path = QPainterPath()
        path.addText(px + 5, py - 3, painter.font(), place.name)
        painter.strokePath(path, _pen("#ffffff", 3))
        painter.fillPath(path, QColor("#222222"))


def render(name: str, basemap: Basemap, index: PlaceIndex) -> Path:
    """Draw one view and save it as ``out/basemap_<name>.png``."""
    bbox, width, min_population = VIEWS[name]
    canvas = Canvas(bbox, width)
    lod = choose_lod(canvas.degrees_per_pixel)
    painter = QPainter(canvas.image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    no_pen = QPen(Qt.PenStyle.NoPen)
    _layer(painter, canvas, basemap.features("land", bbox, lod).geometries, no_pen, QColor(LAND))
    countries = basemap.features("countries", bbox, lod)
    ukraine = countries.geometries[countries.attributes["iso"] == "UA"]
    land = shapely.union_all(basemap.features("land", bbox, lod).geometries)
    _layer(painter, canvas, shapely.intersection(ukraine, land), no_pen, QColor(UKRAINE))
    _layer(painter, canvas, basemap.features("lakes", bbox, lod).geometries, no_pen, QColor(LAKE))
    _layer(
        painter,
        canvas,
        basemap.features("rivers", bbox, lod).geometries,
        _pen("#6fa3cc", 1),
        Qt.BrushStyle.NoBrush,
    )
    oblasts = basemap.features("oblasts", bbox, lod).geometries
    _layer(
        painter, canvas, oblasts, _pen("#9a8f80", 0.8, Qt.PenStyle.DashLine), Qt.BrushStyle.NoBrush
    )
    _layer(
        painter,
        canvas,
        basemap.features("borders", bbox, lod).geometries,
        _pen("#5d4b6b", 2),
        Qt.BrushStyle.NoBrush,
    )
    _labels(painter, canvas, index, min_population)
    painter.setPen(_pen("#444444", 1))
    painter.setFont(QFont("DejaVu Sans", 8))
    painter.drawText(8, canvas.image.height() - 8, f"LOD {lod}")
    painter.end()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"basemap_{name}.png"
    canvas.image.save(str(path))
    return path


def main() -> None:
    """Render both views and print how long each took."""
    app = QGuiApplication.instance() or QGuiApplication([])
    basemap = Basemap()
    index = PlaceIndex(basemap)
    for name in VIEWS:
        start = time.perf_counter()
        path = render(name, basemap, index)
        print(f"{path}: {time.perf_counter() - start:.2f} s")
    del app


if __name__ == "__main__":
    main()
