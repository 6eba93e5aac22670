"""A page of what the app shows: the on-screen extent, layers, dates, comparison and regions.

What is printed is what the user saw: the series as the map draws them (each with the date of
its snapshot), the comparison of dates A and B with the numbers of the Comparison panel (the
same ``geo.delta.Delta``) and, for each visible region, the delta inside it; layer colours,
opacity and visibility as in the layer panel; the extent the canvas reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geo.page import CompareSpec, MapContent, RegionSpec
from geo.page_build import content_extent, fill_page
from geo.regions import Region

if TYPE_CHECKING:
    from geo.model import Catalog
    from geo.page import Page
    from ui.printing.choices import PrintChoices
    from viewmodels.app_viewmodel import AppViewModel

UKRAINE_BBOX = (22.0, 44.2, 40.3, 52.5)


def visible_regions(window: Any) -> list[Region]:
    """The regions drawn in ``window`` that are visible, as ``geo.regions.Region`` s."""
    feature = getattr(window, "regions", None)
    if feature is None:
        return []
    return [Region(r.name, r.lonlat, r.color) for r in feature.vm.regions() if r.visible]


def _compare(app_vm: AppViewModel, catalog: Catalog, regions: list[Region]) -> CompareSpec | None:
    from geo.delta import compute_delta

    drawn, result = app_vm.map.compare(), app_vm.compare.result()
    if drawn is None or result is None or not app_vm.timeline.compare():
        return None
    a, b = result.from_actual, result.to_actual
    rows = [result, *(compute_delta(catalog, result.series, a, b, r) for r in regions)]
    return CompareSpec(
        result.series, a, b, drawn.gained, drawn.lost, drawn.outline_a, drawn.outline_b, tuple(rows)
    )


def capture_content(app_vm: AppViewModel, regions: list[Region]) -> MapContent:
    """The map's content as the app shows it now."""
    layers = tuple(app_vm.layers.layers())  # the layer panel's styles are the page's
    shown = app_vm.map.series_shown()
    geometries = [(n, s.geometry) for n, s in shown.items() if s.geometry is not None]
    dates = [(n, s.date) for n, s in shown.items() if s.date is not None]
    catalog = app_vm.dataset.catalog()
    compare = _compare(app_vm, catalog, regions) if catalog is not None else None
    return MapContent(
        layers,
        tuple(geometries),
        tuple(dates),
        compare,
        tuple(RegionSpec(r.name, r.color, r.geometry) for r in regions),
    )


def capture_page(window: Any, choices: PrintChoices) -> Page:
    """The page of ``window``'s map with ``choices`` (texts left empty get their defaults)."""
    app_vm: AppViewModel = window.app_vm
    content = capture_content(app_vm, visible_regions(window))
    extent = app_vm.map.view_bbox() or content_extent(content) or UKRAINE_BBOX
    return fill_page(choices.base_page(extent), extent, content, app_vm.dataset.catalog())
