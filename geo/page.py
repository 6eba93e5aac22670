"""A printed map page as a pure description, and its defaults (no Qt).

A :class:`Page` says everything a printed or exported map shows: paper (or a pixel size for
social media), orientation and margins, the lon/lat extent of the map frame, the layers with their
style, the series geometries and the dates they show, the comparison of two dates with its
numbers, the regions, the texts (title, subtitle, date stamp, source and method lines, notes) and
which furniture to draw. ``ui.printing.render_page`` paints one on any Qt paint device; the app
captures one from its state and the ``snapshot`` command builds one from its arguments
(:mod:`geo.page_build`).

Sizes are millimetres on the page and type sizes points, so a page reads the same at any
resolution. Where the boxes of the page go is decided here too (:func:`layout`), so it can be
tested without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from geo.basemap import ATTRIBUTION_SHORT
from geo.layer_style import LayerStyle
from geo.series import DEEPSTATE

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Sequence

    from shapely.geometry.base import BaseGeometry

    from geo.delta import Delta

BBox = tuple[float, float, float, float]
"""(min lon, min lat, max lon, max lat) in degrees."""

MM_PER_INCH = 25.4
PAPER_MM: dict[str, tuple[float, float]] = {
    "A4": (210.0, 297.0),
    "A3": (297.0, 420.0),
    "letter": (215.9, 279.4),
}
"""Paper sizes, portrait (width, height) in millimetres."""
PIXEL_PRESETS: dict[str, tuple[int, int]] = {
    "square": (1080, 1080),
    "landscape": (1920, 1080),
    "portrait": (1080, 1920),
}
"""Pixel sizes for social media (width, height)."""
PIXEL_PAGE_SHORT_MM = 1080 / 144.0 * MM_PER_INCH
"""A pixel-sized page is laid out as if its shorter side were this long (190.5 mm: 1080 px at
144 dpi), so every size shows the same layout, scaled: a 640×360 GIF is a 1920×1080 frame made
smaller, a 4K frame the same one sharper (at a fixed 144 dpi, 640×360 was a 113 mm page whose
title and legend left the map a strip)."""
DEFAULT_MARGIN_MM = 10.0
METHOD_LINE = "Areas: geodesic on the WGS84 ellipsoid, after dissolving each date's features."
TITLE_PT, SUBTITLE_PT, STAMP_PT, BODY_PT, SMALL_PT = 17.0, 11.0, 9.0, 8.0, 6.5
"""Type sizes of the page, in points."""
MM_PER_PT = MM_PER_INCH / 72.0
"""One typographic point (1/72 inch), in millimetres."""
_LINE_MM_PER_PT = MM_PER_PT * 1.3
"""Height of a line of type per point of size (30 % leading)."""

_SUBJECTS = {DEEPSTATE: "Russian-occupied territory"}
_ISW_WORDS = ("assessed", "claimed", "kursk", "partisan", "infiltration", "held before")


LayerSpec = LayerStyle
"""One layer of the map, bottom first in :attr:`MapContent.layers` (as the layer panel): the
same description the app and project files use (:class:`geo.layer_style.LayerStyle`)."""


@dataclass(frozen=True)
class RegionSpec:
    """A region drawn by hand: name, ``#rrggbb`` colour and lon/lat polygon."""

    name: str
    color: str
    geometry: BaseGeometry
    visible: bool = True


@dataclass(frozen=True)
class CompareSpec:
    """A comparison of dates A and B of one series: what the map draws and the table lists.

    ``date_a``/``date_b`` are the dates of the snapshots actually used (``*_actual``).
    ``rows`` holds the :class:`~geo.delta.Delta` of the whole series first, then one per
    visible region (``region`` names it): the numbers the panels show.
    """

    series: str
    date_a: dt.date
    date_b: dt.date
    gained: BaseGeometry
    lost: BaseGeometry
    outline_a: BaseGeometry
    outline_b: BaseGeometry
    rows: tuple[Delta, ...] = ()


@dataclass(frozen=True)
class MapContent:
    """What the map frame shows.

    Attributes
    ----------
    layers : tuple of LayerSpec
        Every layer, bottom first, with its style.
    shown : tuple of (str, BaseGeometry)
        The shown geometry of each series layer (lon/lat).
    dates : tuple of (str, date)
        The date of the snapshot each shown series draws (``*_actual``).
    compare : CompareSpec or None
        Gained, lost and the outlines of A and B, drawn above the series.
    regions : tuple of RegionSpec
        Regions drawn by hand, above everything but the labels.
    """

    layers: tuple[LayerSpec, ...] = ()
    shown: tuple[tuple[str, BaseGeometry], ...] = ()
    dates: tuple[tuple[str, dt.date], ...] = ()
    compare: CompareSpec | None = None
    regions: tuple[RegionSpec, ...] = ()

    def visible_series(self) -> list[str]:
        """Names of the visible series layers that have a geometry, bottom first."""
        shown = {name for name, _g in self.shown}
        return [
            layer.name
            for layer in self.layers
            if layer.kind == "series" and layer.visible and layer.name in shown
        ]

    def layer(self, name: str) -> LayerSpec | None:
        """The layer called ``name``, or None."""
        return next((layer for layer in self.layers if layer.name == name), None)


@dataclass(frozen=True)
class Furniture:
    """Which items of the page to draw besides the map frame."""

    legend: bool = True
    scale_bar: bool = True
    north_arrow: bool = True
    locator: bool = True
    delta_table: bool = True
    labels: bool = True
    source: bool = True
    method: bool = True
    notes: bool = True


@dataclass(frozen=True)
class Page:
    """A whole page (see module docstring).

    Attributes
    ----------
    extent : BBox
        The lon/lat box the map frame shows; widened to the frame's aspect, never cropped.
    paper : str
        A key of :data:`PAPER_MM`; ignored when ``pixels`` is set.
    landscape : bool
        Orientation of the paper.
    margin_mm : float
        White margin on every side.
    pixels : (int, int) or None
        A pixel size instead of paper (laid out at :meth:`default_dpi`).
    content : MapContent
    title, subtitle, date_stamp, source, method, notes : str
        The texts; an empty one is left out.
    furniture : Furniture
    """

    extent: BBox
    content: MapContent = field(default_factory=MapContent)
    paper: str = "A4"
    landscape: bool = True
    margin_mm: float = DEFAULT_MARGIN_MM
    pixels: tuple[int, int] | None = None
    title: str = ""
    subtitle: str = ""
    date_stamp: str = ""
    source: str = ""
    method: str = METHOD_LINE
    notes: str = ""
    furniture: Furniture = field(default_factory=Furniture)

    def size_mm(self) -> tuple[float, float]:
        """(width, height) of the page in millimetres."""
        if self.pixels is not None:
            px_w, px_h = self.pixels
            dpi = self.default_dpi()
            return px_w / dpi * MM_PER_INCH, px_h / dpi * MM_PER_INCH
        w, h = paper_mm(self.paper)
        return (h, w) if self.landscape else (w, h)

    def size_px(self, dpi: float) -> tuple[int, int]:
        """(width, height) in pixels at ``dpi``: exactly :attr:`pixels` when set."""
        if self.pixels is not None:
            return self.pixels
        w, h = self.size_mm()
        return round(w / MM_PER_INCH * dpi), round(h / MM_PER_INCH * dpi)

    def default_dpi(self) -> float:
        """The resolution a pixel page is laid out at (:data:`PIXEL_PAGE_SHORT_MM`), else
        150 dpi."""
        if self.pixels is None:
            return 150.0
        return max(min(self.pixels), 1) / PIXEL_PAGE_SHORT_MM * MM_PER_INCH


def paper_mm(name: str) -> tuple[float, float]:
    """Portrait (width, height) of a paper size, case-insensitive; ``ValueError`` if unknown."""
    for key, size in PAPER_MM.items():
        if key.casefold() == name.casefold():
            return size
    raise ValueError(f"unknown page size {name!r} (use {', '.join(PAPER_MM)})")


def format_date(day: dt.date) -> str:
    """``20 Nov 2024``."""
    return f"{day.day} {day:%b %Y}"


def subject(series: str) -> str:
    """What a series shows, for a title: DeepState's layer is Russian-occupied territory."""
    return _SUBJECTS.get(series, series)


def default_title(content: MapContent) -> str:
    """``Russian-occupied territory, 20 Nov 2024`` from the compared or first visible series."""
    dates = dict(content.dates)
    if content.compare is not None:
        return f"{subject(content.compare.series)}, {format_date(content.compare.date_b)}"
    series = content.visible_series()
    if not series:
        return "Front line"
    day = dates.get(series[0])
    name = subject(series[0]) if len(series) == 1 else "Front line in Ukraine"
    return name + (f", {format_date(day)}" if day is not None else "")


def series_label(content: MapContent, name: str) -> str:
    """A series' legend label, with its date when the series drawn show different dates."""
    dates = dict(content.dates)
    drawn = {dates[s] for s in content.visible_series() if s in dates}
    day = dates.get(name)
    if (content.compare is None and len(drawn) <= 1) or day is None:
        return name
    return f"{name}, {format_date(day)}"


def default_subtitle(content: MapContent) -> str:
    """``Change since 1 Nov 2024`` when comparing, else empty."""
    if content.compare is None:
        return ""
    return f"Change since {format_date(content.compare.date_a)}"


def date_stamp(content: MapContent) -> str:
    """``Data as of …`` from the snapshot dates actually drawn (never the export time)."""
    if content.compare is not None:
        a, b = (format_date(d) for d in (content.compare.date_a, content.compare.date_b))
        return f"Data as of {a} (A) and {b} (B)"
    dates = dict(content.dates)
    series = [s for s in content.visible_series() if s in dates]
    if not series:
        return ""
    by_day: dict[dt.date, list[str]] = {}
    for name in series:
        by_day.setdefault(dates[name], []).append(name)
    if len(by_day) == 1:
        return f"Data as of {format_date(dates[series[0]])}"
    return "Data as of " + "; ".join(
        f"{format_date(day)} ({', '.join(names)})" for day, names in by_day.items()
    )


def provider(series: str, source: str = "") -> str:
    """Who published a series, from its name and the file it came from."""
    text = f"{series} {source}".casefold()
    if series == DEEPSTATE or "deepstate" in text:
        return "DeepStateMap"
    if "isw" in text or any(word in series.casefold() for word in _ISW_WORDS):
        return "ISW / AEI's Critical Threats"
    return series


def source_line(providers: Iterable[str]) -> str:
    """``Data: DeepStateMap. Basemap: …`` with every provider once, in order."""
    names = list(dict.fromkeys(p for p in providers if p))
    data = f"Data: {', '.join(names)}. " if names else ""
    return data + ATTRIBUTION_SHORT + "."


def nice_length(max_ground_m: float) -> float:
    """The largest 1, 2 or 5 × 10^n metres not above ``max_ground_m`` (scale-bar lengths; the
    canvas's and the page's scale bar, ``ui.map.scale_bar``)."""
    import math

    if max_ground_m <= 0:
        return 0.0
    power = 10.0 ** math.floor(math.log10(max_ground_m))
    for step in (5.0, 2.0, 1.0):
        if step * power <= max_ground_m:
            return step * power
    return power


def format_length(metres: float) -> str:
    """``500 m``, ``2 km``, ``100 km``."""
    if metres >= 1000:
        return f"{metres / 1000:g} km"
    return f"{metres:g} m"


def union_bounds(boxes: Sequence[BBox], pad: float = 0.04) -> BBox | None:
    """The box around ``boxes`` widened by ``pad`` of its size on every side (None if none)."""
    if not boxes:
        return None
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    dx, dy = (x1 - x0) * pad, (y1 - y0) * pad
    return (x0 - dx, y0 - dy, x1 + dx, y1 + dy)


def line_mm(points: float) -> float:
    """Height of one line of type of ``points`` points, in millimetres."""
    return points * _LINE_MM_PER_PT


def extent_to_display(extent: BBox, samples: int = 11) -> tuple[float, float, float, float]:
    """Display-metre bounds (x0, y0, x1, y1) of a lon/lat box, edges sampled (LCC bends them)."""
    from geo.projection import lonlat_box_to_display

    return lonlat_box_to_display(extent, samples)
