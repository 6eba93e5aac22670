"""Printed pages from real data: PDF text and fonts, vector output, PNG pixels, SVG, printer."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import asdict, replace
from typing import TYPE_CHECKING

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from geo.loader import load_paths
from geo.page import LayerSpec, Page
from geo.page_build import build_page
from geo.page_layout import layout
from geo.projection import DISPLAY_CRS
from geo.units import format_number
from tests.paths import DEEPSTATE, ISW
from ui.printing.devices import export_page, page_image, print_page
from viewmodels.layers_viewmodel import LayersViewModel

if TYPE_CHECKING:
    from pathlib import Path

    from geo.model import Catalog

NOV = [str(DEEPSTATE / f"deepstatemap_data_202411{d:02d}.geojson") for d in (1, 2, 3, 20)]
KURAKHOVE = (37.1, 47.85, 37.45, 48.1)
NOV1, NOV20 = dt.date(2024, 11, 1), dt.date(2024, 11, 20)
POPPLER = shutil.which("pdftotext") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


def _layers(catalog: Catalog) -> list[LayerSpec]:
    vm = LayersViewModel()
    vm.set_series_layers(catalog.series_names())
    return [LayerSpec(**asdict(layer)) for layer in vm.layers()]


@pytest.fixture(scope="module")
def deepstate() -> Catalog:
    return load_paths(NOV)


def _compare_page(catalog: Catalog, extent: tuple[float, ...] | None = None) -> Page:
    series = catalog.series_names()[0]
    return build_page(
        catalog,
        _layers(catalog),
        NOV1,
        compare=(series, NOV20),
        extent=extent,  # type: ignore[arg-type]
    )


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@needs_poppler
def test_comparison_pdf_has_its_texts_embedded_fonts_and_no_raster(
    qapp: object, deepstate: Catalog, tmp_path: Path
) -> None:
    page = _compare_page(deepstate)
    out = export_page(page, tmp_path / "page.pdf")
    text = " ".join(_run("pdftotext", "-layout", str(out), "-").split())
    net = page.content.compare.rows[0].net_km2  # type: ignore[union-attr]
    assert "Russian-occupied territory, 20 Nov 2024" in text
    assert "Change since 1 Nov 2024" in text
    assert "Data as of 1 Nov 2024 (A) and 20 Nov 2024 (B)" in text
    assert format_number(net, 1, signed=True) in text
    assert format_number(net, 1, signed=True) == "+384.5"
    assert "Data: DeepStateMap." in text
    assert "Areas: geodesic on the WGS84 ellipsoid" in text
    fonts = _run("pdffonts", str(out)).splitlines()[2:]
    assert fonts
    assert all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    images = _run("pdfimages", "-list", str(out)).splitlines()[2:]
    assert images == []
    assert out.stat().st_size < 2_000_000


Frame = tuple[tuple[float, float, float, float], float, tuple[float, float]]


def _display_frame(page: Page, dpi: float) -> Frame:
    """Pixel box of the map frame and display metres per pixel, computed without the renderer."""
    box = layout(page).map
    px = dpi / 25.4
    left, top, width, height = box.x * px, box.y * px, box.w * px, box.h * px
    forward = Transformer.from_crs("EPSG:4326", DISPLAY_CRS, always_xy=True)
    west, south, east, north = page.extent
    t = np.linspace(0, 1, 21)
    lon = np.concatenate([west + t * (east - west)] * 2 + [np.full(21, west), np.full(21, east)])
    lat = np.concatenate(
        [np.full(21, south), np.full(21, north)] + [south + t * (north - south)] * 2
    )
    x, y = forward.transform(lon, lat)
    cx, cy = (x.min() + x.max()) / 2, (y.min() + y.max()) / 2
    mpp = max((x.max() - x.min()) / width, (y.max() - y.min()) / height)
    return (left, top, width, height), float(mpp), (float(cx), float(cy))


def _crimson(rgb: np.ndarray) -> np.ndarray:
    r, g, b = (rgb[..., i].astype(int) for i in range(3))
    return (r > 110) & (g < 80) & (b < 110) & (r - g > 80)


def test_kurakhove_png_has_the_gained_colour_exactly_where_gained_projects(
    qapp: object, deepstate: Catalog
) -> None:
    page = _compare_page(deepstate, KURAKHOVE)
    image = page_image(page, 150.0)
    (left, top, width, height), mpp, (cx, cy) = _display_frame(page, 150.0)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.width(), 4)
    rgb = pixels[..., [2, 1, 0]]
    step = 3
    cols = np.arange(int(left) + 2, int(left + width) - 2, step)
    rows = np.arange(int(top) + 2, int(top + height) - 2, step)
    px, py = np.meshgrid(cols, rows)
    x = cx + (px + 0.5 - (left + width / 2)) * mpp
    y = cy - (py + 0.5 - (top + height / 2)) * mpp
    forward = Transformer.from_crs("EPSG:4326", DISPLAY_CRS, always_xy=True)
    gained = page.content.compare.gained  # type: ignore[union-attr]
    projected = shapely.transform(gained, lambda c: np.column_stack(forward.transform(*c.T)))
    inner = projected.buffer(-4 * mpp)
    outer = projected.buffer(4 * mpp)
    inside = shapely.contains_xy(inner, x, y)
    outside = ~shapely.contains_xy(outer, x, y)
    crimson = _crimson(rgb[py, px])
    assert inside.sum() > 2000
    assert crimson[inside].mean() > 0.6
    assert crimson[outside].mean() < 0.002
    margin = rgb[int(top) : int(top + height), : int(left) - 2]
    assert (margin == 255).all()  # nothing of the map beyond its frame


def test_png_size_is_the_page_size_times_dpi(qapp: object, deepstate: Catalog) -> None:
    page = build_page(deepstate, _layers(deepstate), NOV20)
    image = page_image(page, 150.0)
    assert (image.width(), image.height()) == (1754, 1240)
    portrait = replace(page, landscape=False, paper="letter")
    image = page_image(portrait, 96.0)
    assert (image.width(), image.height()) == (816, 1056)
    social = replace(page, pixels=(1080, 1920))
    assert page_image(social).size().toTuple() == (1080, 1920)


def test_svg_parses_clips_and_holds_the_dates_as_text(
    qapp: object, deepstate: Catalog, tmp_path: Path
) -> None:
    out = export_page(_compare_page(deepstate, KURAKHOVE), tmp_path / "page.svg")
    root = ET.parse(out).getroot()
    assert root.get("version") == "1.1"
    tags = [element.tag.rsplit("}", 1)[-1] for element in root.iter()]
    assert "clipPath" in tags
    assert any(e.get("clip-path") for e in root.iter())
    text = " ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text"))
    assert "Data as of 1 Nov 2024 (A) and 20 Nov 2024 (B)" in text


@needs_poppler
def test_printing_through_qprinter_to_a_pdf_file_works_offscreen(
    qapp: object, deepstate: Catalog, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_page(printer, _compare_page(deepstate, KURAKHOVE))
    text = _run("pdftotext", str(tmp_path / "printed.pdf"), "-")
    assert "Russian-occupied territory, 20 Nov 2024" in text


@needs_poppler
def test_multi_series_isw_page_lists_every_series_and_credits_isw(
    qapp: object, tmp_path: Path
) -> None:
    catalog = load_paths([str(ISW / "arcgis_geojson_nikkei")])
    page = build_page(catalog, _layers(catalog), dt.date(2022, 8, 23))
    assert len(page.content.visible_series()) >= 4
    out = export_page(page, tmp_path / "isw.pdf")
    text = " ".join(_run("pdftotext", str(out), "-").split())  # wrapped legend rows in order
    assert "ISW" in text
    assert "Data as of 23 Aug 2022" in text
    for series in page.content.visible_series():
        assert series in text


def _labels(page: Page, dpi: float) -> list[object]:
    from PySide6.QtCore import QRectF

    from ui.map.labels import layout_labels
    from ui.printing.render import PageRenderer, map_frame, page_units

    w, h = page.size_px(dpi)
    units = page_units(page, QRectF(0, 0, w, h))
    frame = map_frame(page, units, layout(page))
    picture = PageRenderer().map_picture(page, frame)
    return [frame, *layout_labels(picture.places(frame), frame)]


def test_place_labels_at_print_scale_never_collide_and_read_the_same_at_any_dpi(
    qapp: object, deepstate: Catalog
) -> None:
    page = build_page(deepstate, _layers(deepstate), NOV20)
    placed = {}
    for dpi in (96.0, 300.0, 1200.0):
        frame, *labels = _labels(page, dpi)
        rects = [label.rect for label in labels]  # type: ignore[attr-defined]
        assert len(rects) > 10
        for i, rect in enumerate(rects):
            assert frame.target.contains(rect)  # type: ignore[attr-defined]
            assert not any(rect.intersects(other) for other in rects[i + 1 :])
        placed[dpi] = sorted(label.text for label in labels)  # type: ignore[attr-defined]
    assert placed[96.0] == placed[300.0] == placed[1200.0]
