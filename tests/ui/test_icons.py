"""The committed icon PNGs are renders of the committed SVG (resources/icons/render_icons.py)."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from PySide6.QtGui import QImage

from geo.resources import resource_path

_spec = importlib.util.spec_from_file_location(
    "render_icons", resource_path("icons", "render_icons.py")
)
assert _spec is not None
assert _spec.loader is not None
render_icons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_icons)


def _channels(image: QImage) -> np.ndarray:
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    data = np.frombuffer(argb.constBits(), dtype=np.uint8, count=argb.sizeInBytes())
    return data.reshape(argb.height(), argb.bytesPerLine())[:, : 4 * argb.width()].astype(int)


@pytest.mark.parametrize("size", render_icons.SIZES)
def test_png_matches_the_svg(qapp: object, size: int) -> None:
    committed = QImage(str(resource_path("icons", "png", f"{size}.png")))
    fresh = render_icons.render(size)
    assert committed.width() == size
    assert committed.height() == size
    diff = np.abs(_channels(committed) - _channels(fresh))
    assert diff.max() <= 8, "stale PNG: run resources/icons/render_icons.py again"


def test_app_window_icon_is_set(qapp: object) -> None:
    from ui.app import create_app

    app = create_app()
    assert not app.windowIcon().isNull()
    assert app.desktopFileName() == "frontline-atlas"
