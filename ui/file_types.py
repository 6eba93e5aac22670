"""The file types the app opens by double-click, one table for every desktop.

``ui/desktop_entry.py`` turns it into the freedesktop ``.desktop`` entry and shared-mime-info
package, ``packaging/macos.py`` into the ``Info.plist``'s ``CFBundleDocumentTypes`` and
``packaging/windows.py`` into the NSIS installer's "Open with" registration. Only the project
file ``.frontline`` is the app's own type; for the others the app is one choice among several
and never takes over the user's default. ``.zip`` is never listed: a zip is not necessarily map
data, and zipped shapefiles open through File → Open or a drop instead.
"""

from __future__ import annotations

from dataclasses import dataclass

APP_ID = "frontline-atlas"
"""The desktop file id, icon name and executable name."""
APP_NAME = "Frontline Atlas"
BUNDLE_ID = "org.frontline-atlas.FrontlineAtlas"
"""The macOS bundle identifier (reverse DNS)."""


@dataclass(frozen=True)
class FileType:
    """One document type.

    Attributes
    ----------
    mime
        The freedesktop MIME type.
    extensions
        File name extensions without the dot.
    description
        A human name for file managers.
    uti
        The macOS Uniform Type Identifier.
    own
        True for the app's own document type (it may be the default handler).
    define
        True when our shared-mime-info package must define the type (no standard database
        entry exists, or Debian's shared-mime-info 2.2 lacks it); the others are only listed.
    parent
        The MIME type this one is a sub-class of, for a defined type.
    """

    mime: str
    extensions: tuple[str, ...]
    description: str
    uti: str
    own: bool = False
    define: bool = False
    parent: str = ""


FILE_TYPES: tuple[FileType, ...] = (
    FileType(
        "application/x-frontline-atlas",
        ("frontline",),
        "Frontline Atlas project",
        "org.frontline-atlas.project",
        own=True,
        define=True,
        parent="application/json",
    ),
    FileType(
        "application/x-esri-shape",
        ("shp",),
        "ESRI Shapefile",
        "org.frontline-atlas.esri-shape",
        define=True,
    ),
    FileType("application/geo+json", ("geojson",), "GeoJSON", "org.frontline-atlas.geojson"),
    FileType("application/vnd.google-earth.kml+xml", ("kml",), "KML", "com.google.earth.kml"),
    FileType("application/vnd.google-earth.kmz", ("kmz",), "KMZ", "com.google.earth.kmz"),
    FileType(
        "application/geopackage+sqlite3",
        ("gpkg",),
        "GeoPackage",
        "org.opengeospatial.geopackage",
        define=True,
        parent="application/vnd.sqlite3",
    ),
)
