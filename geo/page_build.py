"""Build a :class:`~geo.page.Page` from loaded data, headless (the ``snapshot`` command, tests).

The map shows every series on ``date`` (the latest snapshot on or before it); with a
``compare`` date it also shows the comparison of one series from ``date`` to ``compare`` (gained,
lost, outlines A and B) and lists its numbers for the whole series and for each region. The
default extent fits the series shown (and the regions).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from geo.delta import compute_delta
from geo.errors import QueryError
from geo.page import (
    CompareSpec,
    LayerSpec,
    MapContent,
    Page,
    RegionSpec,
    date_stamp,
    default_subtitle,
    default_title,
    provider,
    source_line,
    union_bounds,
)

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from geo.model import Catalog
    from geo.page import BBox
    from geo.regions import Region


def compare_spec(
    catalog: Catalog,
    series: str,
    date_a: dt.date,
    date_b: dt.date,
    regions: Sequence[Region] = (),
) -> CompareSpec:
    """The comparison of ``series`` from ``date_a`` to ``date_b``, with one row per region."""
    whole = compute_delta(catalog, series, date_a, date_b)
    rows = [whole, *(compute_delta(catalog, series, date_a, date_b, r) for r in regions)]
    return CompareSpec(
        series=series,
        date_a=whole.from_actual,
        date_b=whole.to_actual,
        gained=whole.gained,
        lost=whole.lost,
        outline_a=catalog.at(series, whole.from_actual).geometry,
        outline_b=catalog.at(series, whole.to_actual).geometry,
        rows=tuple(rows),
    )


def map_content(
    catalog: Catalog,
    layers: Sequence[LayerSpec],
    date: dt.date,
    compare: CompareSpec | None = None,
    regions: Sequence[Region] = (),
) -> MapContent:
    """Every series layer's snapshot on ``date`` (series with none yet are left out)."""
    shown, dates = [], []
    for layer in layers:
        if layer.kind != "series" or layer.name not in catalog.series:
            continue
        try:
            snapshot = catalog.at(layer.name, date)
        except QueryError:
            continue
        shown.append((layer.name, snapshot.geometry))
        dates.append((layer.name, snapshot.date))
    specs = tuple(RegionSpec(r.name, r.color, r.geometry) for r in regions)
    return MapContent(tuple(layers), tuple(shown), tuple(dates), compare, specs)


def content_extent(content: MapContent) -> BBox | None:
    """Lon/lat box around the visible series, the comparison and the regions, padded 4 %."""
    boxes = [g.bounds for name, g in content.shown if name in content.visible_series()]
    if content.compare is not None:
        boxes += [content.compare.outline_a.bounds, content.compare.outline_b.bounds]
    boxes += [r.geometry.bounds for r in content.regions if r.visible]
    return union_bounds([b for b in boxes if len(b) == 4 and b[0] <= b[2]])


def data_sources(catalog: Catalog, content: MapContent) -> str:
    """The page's source line from the providers of the series drawn."""
    names = content.visible_series()
    if content.compare is not None and content.compare.series not in names:
        names.append(content.compare.series)
    providers = []
    for name in names:
        snapshots = catalog.series.get(name, [])
        providers.append(provider(name, snapshots[0].source if snapshots else ""))
    return source_line(providers)


def build_page(
    catalog: Catalog,
    layers: Sequence[LayerSpec],
    date: dt.date,
    *,
    compare: tuple[str, dt.date] | None = None,
    regions: Sequence[Region] = (),
    extent: BBox | None = None,
    page: Page | None = None,
) -> Page:
    """A page of ``catalog`` on ``date`` with default texts (title, dates, sources).

    Parameters
    ----------
    catalog : Catalog
    layers : sequence of LayerSpec
        Every layer (basemap and series), bottom first.
    date : datetime.date
        Date shown; with ``compare`` it is date A.
    compare : (series, date B), optional
        Compare ``series`` from ``date`` to date B.
    regions : sequence of Region
    extent : BBox, optional
        Lon/lat box of the map; by default the data's (``ValueError`` if there is none).
    page : Page, optional
        Paper, margins, furniture and any texts already chosen (non-empty texts are kept).

    Raises
    ------
    QueryError
        A date before the first snapshot of the compared series.
    """
    spec = None
    if compare is not None:
        spec = compare_spec(catalog, compare[0], date, compare[1], regions)
    content = map_content(catalog, layers, spec.date_b if spec else date, spec, regions)
    box = extent or content_extent(content)
    if box is None:
        raise QueryError(f"nothing to show on {date.isoformat()}: no snapshot on or before it")
    return fill_page(page or Page(extent=box), box, content, catalog)


def fill_page(base: Page, extent: BBox, content: MapContent, catalog: Catalog | None) -> Page:
    """``base`` showing ``content`` in ``extent``, with the default texts where it has none.

    The date stamp and the source line always come from the content (never typed, never the
    export time).
    """
    return replace(
        base,
        extent=extent,
        content=content,
        title=base.title or default_title(content),
        subtitle=base.subtitle or default_subtitle(content),
        date_stamp=date_stamp(content),
        source=data_sources(catalog, content) if catalog is not None else base.source,
    )
