"""The build's slimming rules (``packaging/prune.py``): what they drop and what they keep."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

import numpy
import pytest

from tests.packaging.modules import load

prune = load("prune")

NUMPY_LIBS = Path(numpy.__file__).parents[1] / "numpy.libs"


def _proj_db(path: Path, major: int, minor: int) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as con, con:
        con.execute("CREATE TABLE metadata (key TEXT, value TEXT)")
        con.executemany(
            "INSERT INTO metadata VALUES (?, ?)",
            [
                ("DATABASE.LAYOUT.VERSION.MAJOR", str(major)),
                ("DATABASE.LAYOUT.VERSION.MINOR", str(minor)),
            ],
        )
    return str(path)


def _datas(
    tmp_path: Path, fiona: tuple[int, int], pyproj: tuple[int, int]
) -> list[tuple[str, str, str]]:
    return [
        ("fiona/proj_data/proj.db", _proj_db(tmp_path / "f" / "proj.db", *fiona), "DATA"),
        ("fiona/proj_data/proj.ini", __file__, "DATA"),
        ("fiona/gdal_data/header.dxf", __file__, "DATA"),
        (
            "pyproj/proj_dir/share/proj/proj.db",
            _proj_db(tmp_path / "p" / "proj.db", *pyproj),
            "DATA",
        ),
    ]


@pytest.mark.parametrize(("fiona", "pyproj"), [((1, 3), (1, 4)), ((1, 4), (1, 4))])
def test_pyprojs_proj_data_serves_an_older_or_equal_layout(
    tmp_path: Path, fiona: tuple[int, int], pyproj: tuple[int, int]
) -> None:
    kept = [name for name, _, _ in prune.one_proj_data(_datas(tmp_path, fiona, pyproj))]
    assert kept == ["fiona/gdal_data/header.dxf", "pyproj/proj_dir/share/proj/proj.db"]


@pytest.mark.parametrize(
    ("fiona", "pyproj"), [((1, 5), (1, 4)), ((2, 0), (1, 4)), ((1, 4), (2, 0))]
)
def test_both_proj_data_folders_stay_when_the_layouts_disagree(
    tmp_path: Path, fiona: tuple[int, int], pyproj: tuple[int, int]
) -> None:
    datas = _datas(tmp_path, fiona, pyproj)
    assert prune.one_proj_data(datas) == datas


def test_qt_translations_are_dropped_and_nothing_else() -> None:
    datas = [
        ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
        ("PySide6\\Qt\\translations\\qtbase_fr.qm", "x", "DATA"),
        ("resources/basemap.gpkg", "x", "DATA"),
    ]
    assert prune.drop_unused_data(datas) == [datas[2]]


def test_unused_plugins_and_openssl_are_dropped() -> None:
    names = [
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "libssl.so.3",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "fiona.libs/libssl-fiona-6c758070.so.1.1",
    ]
    dropped = [n for n in names if prune.UNUSED_PLUGINS.search(n)]
    assert dropped == names[:3]


@pytest.mark.skipif(shutil.which("strip") is None, reason="binutils strip missing")
def test_a_stripped_library_is_used_only_when_it_still_loads(tmp_path: Path) -> None:
    """strip misaligns numpy's patchelf-rewritten OpenBLAS; shapely's GEOS survives it."""
    openblas = next(NUMPY_LIBS.glob("libscipy_openblas*.so*"))
    geos = next((Path(numpy.__file__).parents[1] / "shapely.libs").glob("libgeos_c*"))
    entries = [
        (f"numpy.libs/{openblas.name}", str(openblas), "BINARY"),
        (geos.name, str(geos), "BINARY"),
    ]
    assert prune.loads_aligned(openblas)
    out = prune.strip_binaries(entries, tmp_path)
    assert out[0] == entries[0]
    assert Path(out[1][1]).parent == tmp_path
    assert Path(out[1][1]).stat().st_size < geos.stat().st_size
    copy = tmp_path / "openblas"
    shutil.copyfile(openblas, copy)
    subprocess.run(["strip", "--strip-unneeded", str(copy)], check=True)
    assert not prune.loads_aligned(copy)


def test_gdal_keeps_only_the_data_of_shapefiles_geopackages_and_crs() -> None:
    """Fails when a new GDAL ships a data file this rule does not know: decide where it goes."""
    import fiona

    folder = Path(fiona.__file__).parent / "gdal_data"
    kept = {
        p.name
        for p in folder.iterdir()
        if not prune.UNUSED_DATA.search(f"fiona/gdal_data/{p.name}")
    }
    tile_grids = {name for name in kept if name.startswith("tms_")}
    assert tile_grids
    assert kept - tile_grids == {
        "LICENSE.TXT", "header.dxf", "trailer.dxf", "stateplane.csv",
        "esri_StatePlane_extra.wkt", "epsg.wkt", "cubewerx_extra.wkt",
    }  # fmt: skip
    assert len(list(folder.iterdir())) > 3 * len(kept)


def test_pyqtgraphs_logo_goes_and_its_menu_icons_stay() -> None:
    import pyqtgraph

    icons = Path(pyqtgraph.__file__).parent / "icons"
    names = [f"pyqtgraph/{p.relative_to(icons.parent)}" for p in icons.rglob("*.*")]
    gone = {n for n in names if prune.UNUSED_DATA.search(n)}
    assert gone
    assert all("/peegee/" in n for n in gone)
    assert {"pyqtgraph/icons/auto.png", "pyqtgraph/icons/lock.png"} <= set(names) - gone
