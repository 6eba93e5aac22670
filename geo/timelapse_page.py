"""Each time-lapse frame as a printed page: the page of ``snapshot`` plus the frame's caption.

A frame's page is :func:`geo.page_build.build_page` on the frame's snapshot (title, "Data as of …"
from the snapshot shown, source and method lines, legend, scale bar), with the caption as the
page's notes: the km² gained and lost since the previous frame and the net since the first, for
the series and for each region. With ``changes`` the page compares the first frame's snapshot
with the shown one, so the change since the first frame is drawn in the gained/lost colours and
listed in the delta table (the first frame compares its snapshot with itself, so every page
has the same layout and the map does not jump).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from geo.page import format_date
from geo.page_build import build_page
from geo.units import format_km2

if TYPE_CHECKING:
    from collections.abc import Sequence

    from geo.model import Catalog
    from geo.page import BBox, LayerSpec, Page
    from geo.regions import Region
    from geo.timelapse import FrameNumbers, TimelapsePlan


@dataclass(frozen=True)
class FrameOptions:
    """What every page of a time-lapse shows besides the map.

    Attributes
    ----------
    base : Page
        Paper or pixel size, margins, furniture, and a title if the user typed one.
    layers : sequence of LayerSpec
        Basemap and series layers with their style, bottom first.
    extent : BBox or None
        The lon/lat box of every frame; None fits every frame's data (the same box for all).
    regions : sequence of Region
        Regions drawn on the map, with their numbers in the caption.
    changes : bool
        Draw the change since the first frame in the gained/lost colours.
    chart : bool
        Add the inset chart of area over time (painted by the renderer).
    """

    base: Page
    layers: Sequence[LayerSpec]
    extent: BBox | None = None
    regions: Sequence[Region] = ()
    changes: bool = False
    chart: bool = False


def _signed(km2: float) -> str:
    return format_km2(km2, signed=True)


def caption(plan: TimelapsePlan, index: int, numbers: Sequence[FrameNumbers]) -> str:
    """The km² line(s) of frame ``index``: since the previous frame, and net since the first.

    ``numbers`` holds the whole series first, then one entry per region.
    """
    frame = plan.frames[index]
    whole, regions = numbers[0], numbers[1:]
    first = format_date(plan.first.date)
    if frame.previous is None:
        lines = [f"{format_km2(whole.area_km2)} held on {first}, the first frame."]
        lines += [f"{r.region}: {format_km2(r.area_km2)} held." for r in regions]
        return " ".join(lines)
    lines = [
        f"Since {format_date(frame.previous.date)}: {format_km2(whole.gained_km2)} gained, "
        f"{format_km2(whole.lost_km2)} lost.",
        f"Since {first}: net {_signed(whole.net_since_first_km2)}.",
    ]
    lines += [
        f"{r.region}: {_signed(r.net_km2)} since the previous frame, "
        f"{_signed(r.net_since_first_km2)} since {first}."
        for r in regions
    ]
    return " ".join(lines)


def frame_extent(catalog: Catalog, plan: TimelapsePlan, options: FrameOptions) -> BBox | None:
    """One lon/lat box for every frame: the chosen extent, or the pages of all frames' data."""
    if options.extent is not None:
        return options.extent
    boxes = []
    for index in (0, len(plan.frames) - 1):
        page = build_page(
            catalog, options.layers, plan.frames[index].snapshot.date, regions=options.regions
        )
        boxes.append(page.extent)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def frame_page(
    catalog: Catalog,
    plan: TimelapsePlan,
    index: int,
    numbers: Sequence[FrameNumbers],
    options: FrameOptions,
    extent: BBox | None,
) -> Page:
    """The page of frame ``index`` (see the module docstring)."""
    shown = plan.frames[index].snapshot.date
    base = replace(options.base, notes=caption(plan, index, numbers))
    if options.changes:
        return build_page(
            catalog,
            options.layers,
            plan.first.date,
            compare=(plan.series, shown),
            regions=options.regions,
            extent=extent,
            page=base,
        )
    return build_page(
        catalog, options.layers, shown, regions=options.regions, extent=extent, page=base
    )
