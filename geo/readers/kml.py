"""KML and KMZ with the standard library: the installed GDAL has no KML driver.

Placemarks become features; the innermost named Folder (else the Document, else the file) is the
layer, so a file whose folders hold different layers yields several series. A Placemark's ``name``,
its ``ExtendedData`` values and its ``TimeStamp/when`` (as ``when``) become attributes.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from xml.etree import ElementTree

import numpy as np
import shapely

from geo import formats
from geo.errors import ReadError, one_line
from geo.limits import MAX_NESTING, read_member, read_regular
from geo.model import Repair
from geo.readers.archives import MEMBER_ERRORS, open_zip
from geo.readers.base import LONLAT, Context, RawLayer, reader, suffix_is, to_lonlat

_CONTAINERS = ("Document", "Folder")


def _tag(element: ElementTree.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _child(element: ElementTree.Element, name: str) -> ElementTree.Element | None:
    return next((c for c in element if _tag(c) == name), None)


def _text(element: ElementTree.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _ring(boundary: ElementTree.Element | None) -> np.ndarray | None:
    if boundary is None:
        return None
    coordinates = next((e for e in boundary.iter() if _tag(e) == "coordinates"), None)
    tuples = [t.split(",") for t in _text(coordinates).split()]
    points = np.asarray([[float(t[0]), float(t[1])] for t in tuples if len(t) >= 2])
    if len(points) < 3:
        return None
    return points


def _polygons(
    element: ElementTree.Element, skipped: list[int], depth: int = 0
) -> list[shapely.Polygon]:
    """The polygons of a geometry element, recursing into MultiGeometry."""
    kind = _tag(element)
    if kind == "MultiGeometry":
        if depth > MAX_NESTING:
            raise ValueError(f"MultiGeometry nested more than {MAX_NESTING} deep")
        return [p for child in element for p in _polygons(child, skipped, depth + 1)]
    if kind != "Polygon":
        if kind in ("Point", "LineString", "LinearRing", "Model", "Track"):
            skipped[0] += 1
        return []
    shell = _ring(_child(element, "outerBoundaryIs"))
    if shell is None:
        return []
    holes = [_ring(h) for h in element if _tag(h) == "innerBoundaryIs"]
    return [shapely.Polygon(shell, [h for h in holes if h is not None])]


def _attributes(placemark: ElementTree.Element) -> dict[str, Any]:
    row: dict[str, Any] = {}
    name = _child(placemark, "name")
    if name is not None:
        row["name"] = _text(name)
    for element in placemark.iter():
        tag = _tag(element)
        if tag in ("Data", "SimpleData") and element.get("name"):
            value = _child(element, "value") if tag == "Data" else element
            row[str(element.get("name"))] = _text(value)
        elif tag == "TimeStamp":
            row["when"] = _text(_child(element, "when"))
    return row


def _walk(
    element: ElementTree.Element,
    layer: str,
    out: dict[str, list[tuple[Any, dict[str, Any]]]],
    depth: int = 0,
) -> int:
    """Collect (geometry, attributes) per layer under ``element``; return non-polygons skipped."""
    if depth > MAX_NESTING:
        raise ValueError(f"folders nested more than {MAX_NESTING} deep")
    skipped = [0]
    for child in element:
        tag = _tag(child)
        if tag in _CONTAINERS:
            name = _text(_child(child, "name")) or layer
            skipped[0] += _walk(child, name, out, depth + 1)
        elif tag == "Placemark":
            polygons = [p for g in child for p in _polygons(g, skipped)]
            if polygons or not any(_tag(g) in ("Point", "LineString") for g in child):
                geometry = shapely.MultiPolygon(polygons) if polygons else None
                out.setdefault(layer, []).append((geometry, _attributes(child)))
    return skipped[0]


def parse_kml(data: bytes, path: str, context: Context) -> list[RawLayer]:
    """The layers of a KML document given as bytes."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ReadError(context.display, "the KML declares XML entities, not read") from None
    except ElementTree.ParseError as error:
        raise ReadError(context.display, f"not valid KML ({one_line(error)})") from None
    stem = PurePath(path).stem
    found: dict[str, list[tuple[Any, dict[str, Any]]]] = {}
    try:
        skipped = _walk(root, stem, found)
    except (ValueError, IndexError) as error:
        raise ReadError(context.display, f"malformed KML ({error})") from None
    if not found:
        raise ReadError(context.display, "no Placemark with a polygon in the KML")
    layers = []
    for name, items in found.items():
        geometries = np.empty(len(items), dtype=object)
        geometries[:] = [g for g, _ in items]
        geometries, _, repairs = to_lonlat(geometries, LONLAT, context.display)
        if skipped:
            repairs.append(Repair("skipped_non_polygon", skipped, context.display))
        layers.append(
            RawLayer(
                source=context.display,
                layer=name,
                names=(name, PurePath(path).name, *context.outer),
                geometries=geometries,
                properties=[row for _, row in items],
                repairs=repairs,
            )
        )
    return layers


@reader("KML", suffix_is(*formats.KML), priority=10)
def read_kml(path: str, context: Context) -> list[RawLayer]:
    """Read a KML file (coordinates are always WGS84 lon/lat by the KML specification)."""
    return parse_kml(read_regular(path, context.display), path, context)


@reader("KMZ", suffix_is(*formats.KMZ), priority=10)
def read_kmz(path: str, context: Context) -> list[RawLayer]:
    """Read ``doc.kml`` (or the first ``.kml``) inside a KMZ archive."""
    with open_zip(path, context.display) as archive:
        names = [n for n in archive.namelist() if n.lower().endswith(".kml")]
        if not names:
            raise ReadError(context.display, "the KMZ holds no .kml document")
        member = "doc.kml" if "doc.kml" in names else names[0]
        try:
            data = read_member(archive, archive.getinfo(member), context.display)
        except MEMBER_ERRORS as error:
            reason = one_line(error, type(error).__name__)
            raise ReadError(context.display, f"cannot extract {member} ({reason})") from None
    return parse_kml(data, path, Context(f"{context.display}!{member}", context.outer))
