"""Paths a page draws: clipped to the view itself (tight) and with whole-number vertices."""

from __future__ import annotations

import shapely
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform

from geo.projection import project_geometry
from ui.map.geometry_paths import TIGHT_MARGIN_PX, PathCache

LAND = shapely.Polygon(
    [(30.0 + 0.01 * i, 46.0 + 0.3 * (i % 2)) for i in range(400)] + [(34.0, 52.0), (30.0, 52.0)]
)


def _elements(path) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    return [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def _view() -> QRectF:
    x0, y0, x1, y1 = project_geometry(shapely.box(31.0, 48.0, 32.0, 49.0)).bounds
    return QRectF(x0, y0, x1 - x0, y1 - y0)


def test_a_tight_cache_clips_to_the_view_and_a_few_pixels() -> None:
    view, mpp = _view(), 500.0
    tight = PathCache(tight=True).path(LAND, mpp, view).boundingRect()
    pad = TIGHT_MARGIN_PX * mpp + mpp  # and the vertex grid
    assert view.adjusted(-pad, -pad, pad, pad).contains(tight)
    loose = PathCache().path(LAND, mpp, view).boundingRect()
    assert loose.width() > 2 * view.width()


def test_simplified_vertices_are_whole_numbers_and_stay_within_the_tolerance() -> None:
    cache = PathCache()
    points = _elements(cache.path(LAND, 100.0))
    assert points
    assert all(x == round(x) and y == round(y) for x, y in points)
    exact = project_geometry(LAND)
    worst = max(exact.exterior.distance(shapely.Point(p)) for p in points)
    assert worst <= 50.0
    full = _elements(cache.path(LAND, None))
    assert any(x != round(x) for x, _y in full)


def test_device_paths_put_the_display_path_on_whole_device_pixels() -> None:
    view, mpp = _view(), 500.0
    transform = QTransform(1 / mpp, 0.0, 0.0, -1 / mpp, 37.4, 2000.6)
    cache = PathCache(tight=True)
    device = _elements(cache.device_path(LAND, transform, mpp, view))
    display = [transform.map(QPointF(x, y)) for x, y in _elements(cache.path(LAND, mpp, view))]
    assert device
    assert all(x == round(x) and y == round(y) for x, y in device)
    assert len(device) == len(display)
    pairs = zip(device, display, strict=True)
    worst = max(max(abs(x - p.x()), abs(y - p.y())) for (x, y), p in pairs)
    assert worst <= 1.0  # half a pixel of rounding here, and the metre grid's fraction of one
    assert cache.device_path(LAND, transform, mpp, view) is cache.device_path(
        LAND, transform, mpp, view
    )
