"""Stand-ins for PyAV's unused codec libraries (``packaging/stub_libs.py``)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import av
import pytest

from tests.packaging.modules import load

stub_libs = load("stub_libs")
prune = load("prune")

AV_LIBS = Path(av.__file__).parents[1] / "av.libs"
pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("cc", "nm", "readelf")) or not AV_LIBS.is_dir(),
    reason="needs cc, binutils and PyAV's Linux wheel",
)


def _lib(stem: str) -> Path:
    return next(AV_LIBS.glob(f"{stem}-*.so*"))


def _defined(path: Path) -> set[str]:
    out = subprocess.run(
        ["nm", "-D", "--defined-only", "--with-symbol-versions", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    symbols = [line.split() for line in out.splitlines()]
    return {fields[2] for fields in symbols if len(fields) == 3 and fields[1] != "A"}


def _entries(*paths: Path) -> list[tuple[str, str, str]]:
    return [(f"av.libs/{p.name}", str(p), "BINARY") for p in paths]


def test_a_stand_in_defines_what_ffmpeg_imports_with_the_same_versions(tmp_path: Path) -> None:
    avcodec, vpl, x264 = _lib("libavcodec"), _lib("libvpl"), _lib("libx264")
    out, _freed = stub_libs.stub_unused(_entries(avcodec, vpl, x264), tmp_path)
    assert [Path(src).parent == tmp_path for _, src, _ in out] == [False, True, False]
    stub = Path(out[1][1])
    assert stub.stat().st_size < vpl.stat().st_size
    wanted = {s for s in _defined(vpl) if s.split("@")[0] in stub_libs.imported(str(avcodec))}
    assert wanted
    assert any("@@LIBVPL_2.0" in s for s in wanted)
    assert _defined(stub) == wanted
    soname = subprocess.run(["readelf", "-d", str(stub)], capture_output=True, text=True).stdout
    assert f"[{vpl.name.split('.so')[0]}.so" in soname


def test_what_only_a_replaced_library_needed_drops_out(tmp_path: Path) -> None:
    """GnuTLS' stand-in needs no nettle, gmp or libunistring: they leave the build."""
    gnutls_deps = ("libnettle", "libhogweed", "libgmp", "libunistring")
    paths = [_lib("libavformat"), _lib("libgnutls"), *map(_lib, gnutls_deps)]
    out, freed = stub_libs.stub_unused(_entries(*paths), tmp_path)
    kept = prune.drop_orphans(out, freed)
    assert [Path(name).name for name, _, _ in kept] == [paths[0].name, paths[1].name]
    assert Path(kept[1][1]).parent == tmp_path


def test_only_unused_libraries_are_replaced() -> None:
    replaced = [
        "av.libs/libx265-f5385bb8.so.216",
        "av.libs/libgnutls-71454fd1.so.30.42.0",
        "fiona.libs/libcurl-fiona-1d984654.so.4.8.0",
        "pyproj.libs/libcurl-8b9c369e.so.4.8.0",
        "fiona.libs/libgeos_c-fiona-3b303efa.so.1.17.2",
        "fiona.libs/libcrypto-fiona-4b285575.so.1.1",
        "fiona.libs/libssl-fiona-6c758070.so.1.1",
        "pillow.libs/libtiff-20b7e810.so.6.3.0",
        "pillow.libs/libjpeg-6dc8d115.so.62.4.0",
        "pillow.libs/libopenjp2-e530e1bf.so.2.5.4",
        "pillow.libs/libxcb-9065bb12.so.1.1.0",
        "av.libs/libxcb-shm-0be6dfbf.so.0.0.0",
    ]
    kept = [
        "av.libs/libx264-d6533a8d.so.165",
        "av.libs/libavcodec-5e6b81c2.so.62.28.102",
        "av.libs/libavfilter-b5da520e.so.11.14.102",
        "pillow.libs/libwebp-51b0b3f7.so.7.2.0",
        "pillow.libs/libwebpmux-8fb1c9f6.so.3.1.2",
        "pillow.libs/libsharpyuv-0066295b.so.0.1.2",
        "fiona.libs/libjpeg-fiona-320f4797.so.9.6.0",
        "fiona.libs/libsqlite3-fiona-83998bda.so.0.8.6",
        "fiona.libs/libgdal-fiona-e8f6bdb0.so.35.3.9.2",
        "shapely.libs/libgeos_c-ac38a227.so.1.20.5",
        "libx265-f5385bb8.so.216",
    ]
    assert all(stub_libs.STUBBED.search(name) for name in replaced)
    assert not any(stub_libs.STUBBED.search(name) for name in kept)
