"""Hatched gained and lost areas on pages: lines in SVG and PDF, the same spacing at any dpi."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath

from geo.loader import load_paths
from tests.ui.test_printing import KURAKHOVE, NOV, _compare_page
from ui.map.compare_style import HATCH_LIGHT
from ui.map.hatch import HATCH_CELL_PX, hatch_lines
from ui.map.styles import Style, draw_styled_path
from ui.printing.devices import export_page

if TYPE_CHECKING:
    from pathlib import Path

    from geo.model import Catalog

SVG = "{http://www.w3.org/2000/svg}"
BDIAG = Qt.BrushStyle.BDiagPattern


@pytest.fixture(scope="module")
def deepstate() -> Catalog:
    return load_paths(NOV)


@pytest.mark.parametrize("pattern", [Qt.BrushStyle.BDiagPattern, Qt.BrushStyle.DiagCrossPattern])
def test_hatch_lines_cross_the_box_on_a_grid_of_the_cell(pattern: Qt.BrushStyle) -> None:
    box, cell = QRectF(3.0, 5.0, 100.0, 40.0), 12.5
    lines = hatch_lines(box, cell, pattern)
    starts = [lines.elementAt(i) for i in range(0, lines.elementCount(), 2)]
    ends = [lines.elementAt(i) for i in range(1, lines.elementCount(), 2)]
    padded = box.adjusted(-1e-6, -1e-6, 1e-6, 1e-6)
    directions = set()
    for a, b in zip(starts, ends, strict=True):
        assert padded.contains(a.x, a.y)
        assert padded.contains(b.x, b.y)
        slope = (b.y - a.y) / (b.x - a.x)
        directions.add(round(slope))
        offset = a.x + a.y if slope < 0 else a.x - a.y
        assert math.isclose(offset / cell, round(offset / cell), abs_tol=1e-9)
    assert directions == ({-1} if pattern == Qt.BrushStyle.BDiagPattern else {-1, 1})
    assert len(starts) >= (box.width() + box.height()) / cell - 2


def test_svg_page_draws_the_hatch_and_keeps_every_label_after_it(
    qapp: object, deepstate: Catalog, tmp_path: Path
) -> None:
    path = export_page(_compare_page(deepstate, KURAKHOVE), tmp_path / "page.svg")
    root = ET.parse(path).getroot()
    clips = {c.get("id"): c.find(f"{SVG}path") for c in root.iter(f"{SVG}clipPath")}
    light = [
        g
        for g in root.iter(f"{SVG}g")
        if g.get("stroke") == HATCH_LIGHT.name() and g.find(f"{SVG}path") is not None
    ]
    assert light, "no hatch lines in the SVG"
    labels = 0
    for group in root.iter(f"{SVG}g"):
        texts = [t.text for t in group.iter(f"{SVG}text") if t.text]
        clip = re.fullmatch(r"url\(#(.+)\)", group.get("clip-path", ""))
        if not texts or clip is None:
            continue
        labels += len(texts)
        d = clips[clip.group(1)].get("d")  # type: ignore[union-attr]
        assert d.count("L") == 4, f"{texts} clipped to {d[:40]!r}, not to the map frame"
    assert labels >= 5


def _run_starts(scale: float) -> list[int]:
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("black"))
    painter = QPainter(image)
    outline = QPainterPath()
    outline.addRect(QRectF(20.0, 20.0, 360.0, 360.0))
    draw_styled_path(painter, outline, Style(QColor("white"), None, pattern=BDIAG), scale)
    painter.end()
    bright = [image.pixelColor(x, 200).lightness() > 100 for x in range(30, 370)]
    return [x for x in range(1, len(bright)) if bright[x] and not bright[x - 1]]


@pytest.mark.parametrize("scale", [1.5625, 3.125, 6.25])
def test_an_image_page_hatch_has_the_screen_spacing_on_paper(qapp: object, scale: float) -> None:
    starts = _run_starts(scale)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert len(gaps) >= 3
    assert all(abs(gap - HATCH_CELL_PX * scale) <= 1.0 for gap in gaps)
