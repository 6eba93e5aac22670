"""A title too long for the page is cut to its lines with "…", never over the map or the dates."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import asdict, replace
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QFont

from geo.loader import load_paths
from geo.page import LayerSpec
from geo.page_build import build_page
from geo.page_layout import HEADER_MAX_LINES
from tests.paths import DEEPSTATE
from ui.printing.devices import export_page
from ui.printing.furniture import fit_lines
from viewmodels.layers_viewmodel import LayersViewModel

if TYPE_CHECKING:
    from pathlib import Path

NOV20 = DEEPSTATE / "deepstatemap_data_20241120.geojson"
PARAGRAPH = "Very long words of a title " * 200


def test_fit_lines_cuts_a_paragraph_and_an_endless_word_with_an_ellipsis(qapp: object) -> None:
    font = QFont("Sans Serif")
    font.setPixelSize(40)
    three = fit_lines(PARAGRAPH, font, 1000.0, 3)
    assert three.endswith("…")
    assert PARAGRAPH.startswith(three[:-1])
    assert 100 < len(three) < 300
    word = fit_lines("Ж" * 20_000, font, 1000.0, 3)
    assert word.endswith("…")
    assert len(word) < 100
    assert fit_lines("Kurakhove", font, 1000.0, 1) == "Kurakhove"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_a_paragraph_as_title_keeps_the_date_stamp_on_the_page(
    qapp: object, tmp_path: Path
) -> None:
    catalog = load_paths([NOV20])
    vm = LayersViewModel()
    vm.set_series_layers(catalog.series_names())
    layers = [LayerSpec(**asdict(layer)) for layer in vm.layers()]
    page = build_page(catalog, layers, dt.date(2024, 11, 20), page=None)
    page = replace(page, title=PARAGRAPH)
    out = export_page(page, tmp_path / "page.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    lines = text.splitlines()
    assert "Data as of 20 Nov 2024" in lines
    title = lines[: lines.index("Data as of 20 Nov 2024")]
    assert len([line for line in title if line.strip()]) <= HEADER_MAX_LINES
    assert title[-1].endswith("…")
