"""Render the map canvas to PNGs in out/ for looking at (offscreen Qt is enough).

Full extent on 2024-11-20 with a comparison against 2024-11-01, then zoomed on Kurakhove, and a
300 dpi ``render_into`` of the zoomed view. Reads the real DeepState files in place.

    QT_QPA_PLATFORM=offscreen python tools/shot_canvas.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import shapely  # noqa: E402
from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.paths import DEEPSTATE  # noqa: E402
from ui.map import MapView  # noqa: E402
from viewmodels.basemap_viewmodel import loaded_basemap  # noqa: E402
from viewmodels.layers_viewmodel import LayersViewModel  # noqa: E402
from viewmodels.map_viewmodel import CompareGeometries, MapViewModel  # noqa: E402

SERIES = "DeepState occupied"
KURAKHOVE = (37.0, 47.82, 37.56, 48.14)


def deepstate_day(stamp: str) -> shapely.Geometry:
    """One DeepState file as a lon/lat geometry."""
    text = (DEEPSTATE / f"deepstatemap_data_{stamp}.geojson").read_text()
    return shapely.get_geometry(shapely.from_geojson(text), 0)


def main() -> None:
    """Write out/canvas_full.png, out/canvas_kurakhove.png and out/canvas_kurakhove_300dpi.png."""
    app = QApplication.instance() or QApplication([])
    out = ROOT / "out"
    out.mkdir(exist_ok=True)
    a, b = deepstate_day("20241101"), deepstate_day("20241120")
    map_vm, layers_vm = MapViewModel(), LayersViewModel()
    layers_vm.set_series_layers([SERIES])
    view = MapView(map_vm, layers_vm, basemap=loaded_basemap())
    view.resize(1400, 900)
    view.show()
    map_vm.set_shown({SERIES: b})
    map_vm.set_compare(CompareGeometries(SERIES, b.difference(a), a.difference(b), a, b))
    view.fit_to_data()
    app.processEvents()
    view.grab().save(str(out / "canvas_full.png"))
    view.zoom_to_lonlat(KURAKHOVE)
    app.processEvents()
    view.grab().save(str(out / "canvas_kurakhove.png"))
    image = QImage(3300, 2100, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(11811)
    image.setDotsPerMeterY(11811)
    painter = QPainter(image)
    view.render_into(painter, QRectF(0, 0, 3300, 2100))
    painter.end()
    image.save(str(out / "canvas_kurakhove_300dpi.png"))
    print("wrote", *sorted(p.name for p in out.glob("canvas_*.png")))


if __name__ == "__main__":
    main()
