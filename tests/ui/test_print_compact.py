"""Vector pages spell their map in whole device pixels: what Qt's PDF writer compresses (half
of a page's time) stays short. See ``ui.map.geometry_paths`` and ``ui.map.styles``."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from dataclasses import asdict
from typing import TYPE_CHECKING

import pytest

from geo.loader import load_paths
from geo.page import LayerSpec
from geo.page_build import build_page
from tests.paths import DEEPSTATE
from ui.printing.devices import export_page
from viewmodels.layers_viewmodel import LayersViewModel

if TYPE_CHECKING:
    from pathlib import Path

    from geo.model import Catalog

NOV = [str(DEEPSTATE / f"deepstatemap_data_202411{d:02d}.geojson") for d in (1, 20)]
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
_PATH_OPS = {"m", "l", "c"}


@pytest.fixture(scope="module")
def deepstate() -> Catalog:
    return load_paths(NOV)


def _content(pdf: Path) -> str:
    """The longest decompressed stream of the file: the page's content."""
    streams = []
    for raw in _STREAM.findall(pdf.read_bytes()):
        try:
            streams.append(zlib.decompress(raw))
        except zlib.error:
            continue
    return max(streams, key=len).decode("latin-1")


def _path_numbers(content: str) -> list[str]:
    numbers: list[str] = []
    for line in content.splitlines():
        tokens = line.split()
        if tokens and tokens[-1] in _PATH_OPS:
            numbers += tokens[:-1]
    return numbers


def test_a_comparison_page_writes_its_paths_in_whole_numbers(
    qapp: object, deepstate: Catalog, tmp_path: Path
) -> None:
    vm = LayersViewModel()
    vm.set_series_layers(deepstate.series_names())
    layers = [LayerSpec(**asdict(layer)) for layer in vm.layers()]
    series = deepstate.series_names()[0]
    page = build_page(
        deepstate, layers, dt.date(2024, 11, 1), compare=(series, dt.date(2024, 11, 20))
    )
    numbers = _path_numbers(_content(export_page(page, tmp_path / "page.pdf")))
    assert len(numbers) > 20_000  # the map: land, rivers, borders, the front lines, halos
    fractional = [n for n in numbers if "." in n]
    assert len(fractional) < 0.05 * len(numbers)
