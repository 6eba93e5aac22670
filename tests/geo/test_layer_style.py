"""geo.layer_style: one layer description for the app, printed pages and project files."""

from __future__ import annotations

import pytest

from geo.layer_style import LayerStyle
from geo.page import LayerSpec
from geo.session_file import Session

LAND = LayerStyle("Land", "basemap", True, "#f3f0e8", 1.0)


def test_pages_and_project_files_use_the_one_type() -> None:
    assert LayerSpec is LayerStyle
    assert Session.__dataclass_fields__["layers"].type == "tuple[LayerStyle, ...]"


def test_json_round_trip() -> None:
    assert LAND.to_json() == {
        "name": "Land",
        "kind": "basemap",
        "visible": True,
        "color": "#f3f0e8",
        "opacity": 1.0,
    }
    assert LayerStyle.from_json(LAND.to_json()) == LAND


def test_version_1_leniency_is_kept() -> None:
    item = {"name": "Rivers", "kind": "basemap", "color": "#7fa9c9", "opacity": 1}
    assert LayerStyle.from_json(item) == LayerStyle("Rivers", "basemap", False, "#7fa9c9", 1.0)


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        ({"name": 3}, "'name' has the wrong type (int)"),
        ({**LAND.to_json(), "visible": "yes"}, "'visible' has the wrong type (str)"),
        ({**LAND.to_json(), "kind": "raster"}, "needs name, kind, visible, color and opacity"),
        ({**LAND.to_json(), "opacity": None}, "needs name, kind, visible, color and opacity"),
        ("Land", "needs name, kind, visible, color and opacity"),
    ],
)
def test_a_bad_layer_says_what_is_wrong(item: object, reason: str) -> None:
    with pytest.raises(ValueError, match=r"layer|wrong type") as info:
        LayerStyle.from_json(item)
    assert reason in str(info.value)
