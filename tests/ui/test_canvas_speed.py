"""What the timeline-step speed-ups keep: the same picture, drawn with less work.

A real DeepState day at full extent; the cheaper drawing (aliased fill under an antialiased
outline, cached scale bar and north arrow, no blit for an empty group) is compared with the
plain drawing pixel by pixel.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
import pytest
import shapely
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from geo.projection import project_geometry
from geo.regions import densify_geometry
from geo.shown import shown_on
from tests.paths import DEEPSTATE
from tests.shell.deepstate import SERIES, read_catalog
from ui.app import create_app, create_window
from ui.map.cached_group import CachedGroupItem
from ui.map.frame import Frame
from ui.map.geometry_paths import PathCache, path_from_geometry
from ui.map.layer_items import GeometryLayerItem
from ui.map.mark_cache import CachedMark
from ui.map.north_arrow import paint_north_arrow
from ui.map.prefetch import IDLE_MS, PathPrefetcher
from ui.map.scale_bar import paint_scale_bar
from ui.map.styles import Style, apply_style, draw_styled_path, series_style

SIZE = (900, 700)
pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture(scope="module")
def day() -> shapely.Geometry:
    text = (DEEPSTATE / "deepstatemap_data_20241120.geojson").read_text()
    return shapely.get_geometry(shapely.from_geojson(text), 0)


def _frame(day: shapely.Geometry) -> Frame:
    x0, y0, x1, y1 = project_geometry(day).bounds
    return Frame.fitted(QRectF(x0, y0, x1 - x0, y1 - y0), QRectF(0, 0, *SIZE))


def _pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : width * 4].reshape(height, width, 4).astype(int)


def _image() -> QImage:
    image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#f0efe9"))
    return image


def _draw_day(day: shapely.Geometry, style: Style, plain: bool) -> QImage:
    image = _image()
    frame = _frame(day)
    path = path_from_geometry(shapely.simplify(project_geometry(day), frame.metres_per_pixel / 2))
    painter = QPainter(image)
    painter.setTransform(frame.transform())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if plain:
        apply_style(painter, style, 1.0)
        painter.drawPath(path)
    else:
        draw_styled_path(painter, path, style, 1.0)
    painter.end()
    return image


def test_aliased_fill_under_outline_looks_the_same(day) -> None:
    style = series_style("#d62728", 0.35)
    plain = _pixels(_draw_day(day, style, plain=True))
    fast = _pixels(_draw_day(day, style, plain=False))
    diff = np.abs(plain - fast).max(axis=2)
    changed = diff > 0
    assert changed.sum() < 0.01 * diff.size
    assert diff.max() <= 32
    assert (np.abs(plain - _pixels(_image())).max(axis=2) > 0).sum() > 0.05 * diff.size


def test_translucent_outline_keeps_the_antialiased_fill(day) -> None:
    faint = Style(QColor(214, 39, 40, 90), QColor(120, 20, 20, 60), 1.0)
    plain = _pixels(_draw_day(day, faint, plain=True))
    assert np.array_equal(plain, _pixels(_draw_day(day, faint, plain=False)))


def test_vector_pages_get_one_path_per_style(day, tmp_path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(tmp_path / "day.svg"))
    generator.setSize(QSize(100, 100))
    painter = QPainter(generator)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    path = path_from_geometry(shapely.box(0, 0, 10, 10))
    draw_styled_path(painter, path, series_style("#d62728", 0.35), 1.0)
    painter.end()
    assert (tmp_path / "day.svg").read_text().count("<path") == 1


def test_cached_mark_is_drawn_directly_then_blitted_the_same(day) -> None:
    calls: list[Frame] = []

    def counted(painter: QPainter, frame: Frame) -> QRectF:
        calls.append(frame)
        return paint_north_arrow(painter, frame)

    mark, frame = CachedMark(counted), _frame(day)
    images = []
    for _ in range(3):
        image = _image()
        painter = QPainter(image)
        mark.paint(painter, frame)
        painter.end()
        images.append(_pixels(image))
    assert len(calls) == 2  # drawn directly once, then once into the kept pixmap
    assert np.abs(images[0] - images[1]).max() <= 2
    assert np.array_equal(images[1], images[2])
    moved = Frame.fitted(frame.view_rect().translated(1e4, 0), frame.target)
    image = _image()
    painter = QPainter(image)
    mark.paint(painter, moved)
    painter.end()
    assert calls[-1] == moved


def test_cached_scale_bar_matches_the_direct_one(day) -> None:
    mark, frame = CachedMark(paint_scale_bar), _frame(day)
    direct = _image()
    painter = QPainter(direct)
    paint_scale_bar(painter, frame)
    painter.end()
    for _ in range(2):
        cached = _image()
        painter = QPainter(cached)
        mark.paint(painter, frame)
        painter.end()
    assert np.abs(_pixels(direct) - _pixels(cached)).max() <= 2


def test_empty_group_draws_no_pixmap() -> None:
    item = GeometryLayerItem(PathCache())
    group = CachedGroupItem(lambda: False)
    group.set_members([item])
    image = _image()
    painter = QPainter(image)
    group.paint(painter)
    painter.end()
    assert group._cache.pixmap is None
    item.set_entries([(shapely.box(30, 47, 31, 48), series_style("#d62728", 0.35))])
    painter = QPainter(image)
    painter.setTransform(_frame(shapely.box(29, 46, 32, 49)).transform())
    group.paint(painter)
    painter.end()
    assert group._cache.pixmap is not None


def _no_projection(_geometry):
    raise AssertionError("projected again")


def _kurakhove_view() -> QRectF:
    x0, y0, x1, y1 = project_geometry(shapely.box(37.1, 47.9, 37.5, 48.1)).bounds
    return QRectF(x0, y0, x1 - x0, y1 - y0)


def _painted_item(geometry: shapely.Geometry, view: QRectF | None = None) -> GeometryLayerItem:
    """A series item painted once at full extent (or zoomed on ``view``)."""
    item = GeometryLayerItem(PathCache())
    item.set_entries([(geometry, series_style("#d62728", 0.35))])
    frame = _frame(geometry)
    if view is not None:
        frame = Frame.fitted(view, frame.target)
    image = _image()
    painter = QPainter(image)
    painter.setTransform(frame.transform())
    item.paint_content(painter, 1.0)
    painter.end()
    return item


@pytest.mark.parametrize("zoomed", [False, True])
def test_idle_canvas_prepares_the_nearby_snapshots(qtbot, monkeypatch, zoomed) -> None:
    catalog = read_catalog("20241101", 6)
    shown = shown_on(catalog, dt.date(2024, 11, 3))
    item = _painted_item(shown[SERIES].geometry, _kurakhove_view() if zoomed else None)
    cache, (mpp, view) = item._cache, item.painted_at()
    nearby = [s.geometry for s in shown[SERIES].nearby]
    assert [s.date.day for s in shown[SERIES].nearby] == [4, 2, 5, 1]
    prefetcher = PathPrefetcher(cache)
    prefetcher.follow(shown, {SERIES: item})
    qtbot.wait(4 * IDLE_MS)
    assert not any(cache.has_path(g, mpp, view) for g in nearby)  # nothing before a paint
    prefetcher.painted()
    qtbot.waitUntil(lambda: prefetcher.pending() == 0, timeout=5000)
    assert all(cache.has_path(g, mpp, view) for g in nearby)
    fresh = PathCache()
    expected = [fresh.path(g, mpp, view) for g in nearby]
    monkeypatch.setattr("ui.map.geometry_paths.project_geometry", _no_projection)
    got = [cache.path(g, mpp, view) for g in nearby]  # a step now only paints
    assert [p.elementCount() for p in got] == [p.elementCount() for p in expected]
    assert [p.boundingRect() for p in got] == [p.boundingRect() for p in expected]


def test_steps_in_quick_succession_and_hidden_layers_prepare_nothing(qtbot) -> None:
    catalog = read_catalog("20241101", 6)
    item = _painted_item(shown_on(catalog, dt.date(2024, 11, 3))[SERIES].geometry)
    prefetcher = PathPrefetcher(item._cache)
    for day in (3, 4, 5):
        prefetcher.painted()
        prefetcher.follow(shown_on(catalog, dt.date(2024, 11, day)), {SERIES: item})
    qtbot.wait(4 * IDLE_MS)  # each step came before its paint: still nothing made
    assert prefetcher.pending() == 3  # 6, 4 and 3 around the 5th
    item.setVisible(False)
    prefetcher.follow(shown_on(catalog, dt.date(2024, 11, 6)), {SERIES: item})
    assert prefetcher.pending() == 0


def test_empty_marks_are_not_painted(qtbot) -> None:
    """Search ring, measure points and region handles cost a repaint each while empty."""
    create_app()
    window = create_window([])
    qtbot.addWidget(window)

    def shown() -> list:
        items = window.map_view.view_box.addedItems
        return [i for i in items if isinstance(i, pg.ScatterPlotItem) and i.isVisible()]

    assert (
        len([i for i in window.map_view.view_box.addedItems if isinstance(i, pg.ScatterPlotItem)])
        >= 3
    )
    assert shown() == []
    regions = window.regions.vm
    box = densify_geometry(shapely.box(37.2, 47.93, 37.4, 48.03))
    (region_id,) = regions.add_loaded([("Kurakhove", "#3cb44b", box)], "test")
    regions.select(region_id)
    assert len(shown()) == 1
    regions.select(None)
    assert shown() == []
