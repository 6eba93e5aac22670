"""What a hostile case is, and small writers of valid and broken data for the generators.

Every input is generated in the case's temporary folder when the battery runs; nothing hostile is
stored in the repository.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

#: A polygon near Donetsk (lon/lat), the shape every good snapshot uses.
SQUARE = [[37.0, 48.0], [37.5, 48.0], [37.5, 48.5], [37.0, 48.5], [37.0, 48.0]]
SMALLER = [[37.0, 48.0], [37.4, 48.0], [37.4, 48.4], [37.0, 48.4], [37.0, 48.0]]
DATES = ("2024-01-01", "2024-01-02")


@dataclass
class Spec:
    """What a generator built: the runs to make and what each must end with.

    ``expect`` is ``error`` (exit 1, one ``error:`` line naming ``names``), ``ok`` (exit 0, only
    ``warning:`` lines) or ``either`` (one of the two, cleanly).
    """

    paths: list[str]
    expect: str = "error"
    names: str = ""
    commands: tuple[str, ...] = ("inspect", "areas", "delta")
    extra: dict[str, list[str]] = field(default_factory=dict)

    def runs(self) -> list[list[str]]:
        """The argument lists of every run of this case."""
        out = []
        for command in self.commands:
            args = [command, *self.paths]
            if command == "delta":
                args += ["--from", DATES[0], "--to", DATES[1]]
            out.append(args + self.extra.get(command, []))
        return out


@dataclass(frozen=True)
class Case:
    """A named generator of one hostile input, filed under a failure class."""

    klass: str
    name: str
    build: Callable[[Path], Spec]

    @property
    def key(self) -> str:
        """``class:name``, unique in the battery."""
        return f"{self.klass}:{self.name}"


CASES: list[Case] = []


def case(klass: str, name: str) -> Callable[[Callable[[Path], Spec]], Callable[[Path], Spec]]:
    """Register the decorated generator as a case of ``klass``."""

    def register(build: Callable[[Path], Spec]) -> Callable[[Path], Spec]:
        CASES.append(Case(klass, name, build))
        return build

    return register


def feature(coords: Any = None, properties: Any = None) -> dict[str, Any]:
    """A GeoJSON Polygon feature (``SQUARE`` by default)."""
    geometry = {"type": "Polygon", "coordinates": [coords if coords is not None else SQUARE]}
    return {"type": "Feature", "properties": properties or {}, "geometry": geometry}


def collection(*features: dict[str, Any], crs: str | None = None) -> dict[str, Any]:
    """A FeatureCollection, with a GeoJSON 2008 ``crs`` member when ``crs`` is given."""
    document: dict[str, Any] = {"type": "FeatureCollection", "features": list(features)}
    if crs is not None:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    return document


def write_json(path: Path, document: Any) -> Path:
    """``document`` as JSON (``allow_nan`` so NaN and Infinity can be written on purpose)."""
    path.write_text(json.dumps(document, allow_nan=True))
    return path


def one_file(folder: Path, name: str, data: bytes, expect: str = "error") -> Spec:
    """A case of one file ``name`` holding ``data``, expected to be named in the error."""
    (folder / name).write_bytes(data)
    return Spec([str(folder / name)], expect, names=name)


def good_pair(folder: Path) -> list[Path]:
    """Two valid snapshots, one per date of :data:`DATES`."""
    first = write_json(folder / f"front_{DATES[0]}.geojson", collection(feature()))
    second = write_json(folder / f"front_{DATES[1]}.geojson", collection(feature(SMALLER)))
    return [first, second]


def zip_of(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip holding ``members`` (name → bytes)."""
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def geojson_bytes(coords: Any = None, **properties: Any) -> bytes:
    """A one-feature FeatureCollection as bytes."""
    return json.dumps(collection(feature(coords, properties))).encode()


def kml_bytes(coordinates: str, body_prefix: str = "", doctype: str = "") -> bytes:
    """A KML document with one Placemark polygon whose outer ring is ``coordinates``."""
    return (
        f'<?xml version="1.0"?>{doctype}<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
        f"{body_prefix}<Placemark><name>x</name><Polygon><outerBoundaryIs><LinearRing>"
        f"<coordinates>{coordinates}</coordinates></LinearRing></outerBoundaryIs></Polygon>"
        "</Placemark></Document></kml>"
    ).encode()


RING_TEXT = " ".join(f"{x},{y}" for x, y in SQUARE)
