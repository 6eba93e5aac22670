"""Slim the PyInstaller build: Qt plugins the app never loads, the libraries only they need,
Qt's translations, the second copy of the PROJ database, and the libraries' symbol tables.

Used by ``frontline-atlas.spec`` on the Analysis' binary list, before the folder is written.
Only libraries that the dropped plugins needed (by ``DT_NEEDED``) and nothing else needs are
dropped, so a library some code opens with ``dlopen`` is never touched.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from elf_files import Entry, load_segments, needed

UNUSED_PLUGINS = re.compile(
    r"PySide6/Qt/plugins/("
    r"platformthemes/libqgtk3|tls/|networkinformation/|egldeviceintegrations/|generic/"
    r"|platforms/lib(qeglfs|qlinuxfb|qvnc|qvkkhrdisplay|qminimalegl|qminimal)\b"
    r"|imageformats/libq(tiff|webp|tga|wbmp|icns)\b"
    r")"
    r"|^lib(ssl|crypto)\.so\.3$"
)
"""GTK3 theme (drags in the GTK stack), TLS and network reachability (the app never touches
the network), embedded-device platforms and input plugins, image formats the app never reads
(it reads SVG and PNG icons; JPEG and GIF stay for Qt's PDF writer and pasted images), and
the OpenSSL that PyInstaller adds for QtNetwork's TLS plugin (nothing else needs it: checked
with ``readelf -d`` over the build)."""


FROM_THE_SYSTEM = re.compile(r"^libcups\.so\.2$")
"""CUPS' client library, which Qt's ``printsupport/libcupsprintersupport`` plugin needs, is left
to the system with its 7 MB of dependencies (GnuTLS, libunistring, p11-kit, nettle, gmp, Avahi,
…). Printers exist only where CUPS is installed, and there the system has its own
``libcups.so.2`` (its soname has not changed since CUPS 1.2), which the plugin then loads.
Without it the plugin fails to load, Qt has no printer support plugin, and ``QPrinter`` and the
print dialogs fall back to Qt's own PDF output ("Print to File (PDF)")."""


def drop_unused_plugins(binaries: list[Entry]) -> list[Entry]:
    """``binaries`` without the unused plugins and the libraries only they needed."""
    return _drop_with_orphans(binaries, UNUSED_PLUGINS)


def leave_to_the_system(binaries: list[Entry]) -> list[Entry]:
    """``binaries`` without :data:`FROM_THE_SYSTEM` and the libraries only it needed."""
    return _drop_with_orphans(binaries, FROM_THE_SYSTEM)


def _drop_with_orphans(binaries: list[Entry], pattern: re.Pattern[str]) -> list[Entry]:
    if shutil.which("readelf") is None:
        return [e for e in binaries if not pattern.search(_dest(e))]
    dropped = [e for e in binaries if pattern.search(_dest(e))]
    candidates: set[str] = set()
    for entry in dropped:
        candidates |= needed(entry[1])
    return drop_orphans([e for e in binaries if e not in dropped], candidates)


def drop_orphans(binaries: list[Entry], candidates: set[str]) -> list[Entry]:
    """``binaries`` without the ``candidates`` (sonames) that no kept file needs any more.

    Only libraries that something dropped or replaced needed are candidates, so a library that
    code opens with ``dlopen`` (never anyone's ``DT_NEEDED``) is never touched.
    """
    kept = list(binaries)
    while True:
        still_needed: set[str] = set()
        for entry in kept:
            still_needed |= needed(entry[1])
        orphans = [e for e in kept if Path(e[0]).name in candidates - still_needed]
        if not orphans:
            return kept
        for entry in orphans:
            candidates |= needed(entry[1])
        kept = [e for e in kept if e not in orphans]


UNUSED_DATA = re.compile(
    r"^PySide6/Qt/translations/"
    r"|^pyqtgraph/icons/peegee/"
    r"|^fiona/gdal_data/(grib2_|jpfgdgml_|ruian_|inspire_|gml_registry|gfs\.xsd|s57|vdv452"
    r"|pci_|ozi_|seed_|default\.rsc|MM_m_|plscenesconf|osmconf|ecw_cs|GDALLogo|gdalicon"
    r"|\w+\.xsd$|\w+_output\.schema\.json$)"
)
"""Qt's own translations (the interface is English only and installs no ``QTranslator``);
pyqtgraph's logo (1 MB), which only its ``mkQApp`` uses, when pyqtgraph makes the
``QApplication`` itself; and GDAL's data for formats the app never opens (GDAL reads shapefiles
and GeoPackages only): GRIB, GML and its application schemas (JPGIS, RUIAN, INSPIRE), S-57,
VDV-452, PCIDSK, OziExplorer, DGN, MiraMon, Planet, OSM, ECW, the VRT and tile-index schemas,
the command-line tools' JSON schemas and logos. What stays: ``header.dxf`` (GDAL finds its data
folder by it), ``tms_*.json`` (the GeoPackage driver reads them), the CRS tables a shapefile's
``.prj`` can lead to (``stateplane.csv``, ``esri_StatePlane_extra.wkt``, ``epsg.wkt``,
``cubewerx_extra.wkt``) and the licence."""
FIONA_PROJ = "fiona/proj_data/"
PYPROJ_PROJ = "pyproj/proj_dir/share/proj/"


def _dest(entry: Entry) -> str:
    return entry[0].replace("\\", "/")


def drop_unused_data(datas: list[Entry]) -> list[Entry]:
    """``datas`` without the files no code of the app reads (:data:`UNUSED_DATA`)."""
    return [e for e in datas if not UNUSED_DATA.search(_dest(e))]


def layout_version(db: str) -> tuple[int, int]:
    """``DATABASE.LAYOUT.VERSION`` (major, minor) of a PROJ ``proj.db``."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as con:
        rows = dict(con.execute("SELECT key, value FROM metadata WHERE key LIKE 'DATABASE.%'"))
    return int(rows["DATABASE.LAYOUT.VERSION.MAJOR"]), int(rows["DATABASE.LAYOUT.VERSION.MINOR"])


def one_proj_data(datas: list[Entry]) -> list[Entry]:
    """``datas`` with one PROJ data folder (pyproj's) when it can also serve fiona's GDAL.

    PROJ opens a ``proj.db`` of the same layout major version and a minor version at least its
    own, so pyproj's database serves fiona's (older or equal) PROJ when its layout is the same
    major and not an older minor. Without fiona's folder, the runtime hook
    ``pyi_rth_proj_data.py`` points ``PROJ_DATA`` at pyproj's.
    """
    dbs = {_dest(e): e[1] for e in datas if _dest(e).endswith("/proj.db")}
    fiona_db, pyproj_db = dbs.get(FIONA_PROJ + "proj.db"), dbs.get(PYPROJ_PROJ + "proj.db")
    if fiona_db is None or pyproj_db is None:
        return datas
    (fiona_major, fiona_minor), (major, minor) = layout_version(fiona_db), layout_version(pyproj_db)
    if major != fiona_major or minor < fiona_minor:
        return datas
    return [e for e in datas if not _dest(e).startswith(FIONA_PROJ)]


PAGE = 4096


def loads_aligned(path: Path) -> bool:
    """Whether every ``PT_LOAD`` segment of a 64-bit ELF file maps at a page-aligned offset.

    The dynamic loader refuses a library otherwise ("ELF load command address/offset not
    page-aligned"): ``strip`` leaves some libraries that ``patchelf`` rewrote (auditwheel's
    numpy.libs) in that state, so a stripped copy is used only when this holds.
    """
    segments = load_segments(path.read_bytes())
    return segments is not None and all(
        (s.vaddr - s.offset) % max(s.align, PAGE) == 0 for s in segments
    )


def _is_elf(path: str) -> bool:
    with open(path, "rb") as file:
        return file.read(4) == b"\x7fELF"


def _has_checksum(path: Path) -> bool:
    """A FIPS ``.hmac``/``.chk`` file beside it: its bytes must not change (libgcrypt)."""
    names = (f".{path.name}.hmac", f"{path.name}.hmac", f"{Path(path.stem)}.chk")
    return any((path.parent / name).exists() for name in names)


def strip_binaries(binaries: list[Entry], work: Path) -> list[Entry]:
    """``binaries`` with stripped copies (``strip --strip-unneeded``) of the ELF files.

    PyInstaller's own ``strip=True`` strips every file blindly and broke numpy's OpenBLAS;
    here a copy is kept only when it still loads (:func:`loads_aligned`).
    """
    if shutil.which("strip") is None:
        return binaries
    work.mkdir(parents=True, exist_ok=True)
    out = []
    for name, src, kind in binaries:
        if _is_elf(src) and not _has_checksum(Path(src)):
            copy = work / _dest((name, src, kind)).replace("/", "__")
            shutil.copyfile(src, copy)
            done = subprocess.run(["strip", "--strip-unneeded", str(copy)], check=False)
            if done.returncode == 0 and loads_aligned(copy):
                src = str(copy)
        out.append((name, src, kind))
    return out
