"""What the kept libraries import from their stand-ins (``packaging/stub_libs.py``): Pillow's
image libraries, GDAL's OpenSSL, libdbus' libsystemd."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import fiona
import numpy as np
import PIL
import pytest

from tests.packaging.modules import load, system_library
from tests.paths import ROOT

stub_libs = load("stub_libs")

SITE = Path(PIL.__file__).parents[1]
FIONA_LIBS = Path(fiona.__file__).parents[1] / "fiona.libs"
pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("cc", "nm", "readelf"))
    or not (SITE / "pillow.libs").is_dir()
    or not FIONA_LIBS.is_dir(),
    reason="needs cc, binutils and the Linux wheels of Pillow and fiona",
)
SIGNING = {
    "BIO_free", "BIO_new_mem_buf", "EVP_DigestInit", "EVP_DigestUpdate", "EVP_MD_CTX_free",
    "EVP_MD_CTX_new", "EVP_PKEY_free", "EVP_PKEY_size", "EVP_SignFinal", "EVP_sha256",
    "PEM_read_bio_PrivateKey",
}  # fmt: skip
"""What GDAL's ``CPL_RSA_SHA256_Sign`` (OAuth2 for Google Cloud, over the network) uses."""

_ENCODE = """
import sys
from pathlib import Path
import numpy as np
import PIL
from ui.timelapse.encoders import GifWriter, WebpWriter
assert PIL.__file__.startswith(sys.argv[1]), PIL.__file__
frames = np.zeros((2, 60, 80, 4), np.uint8)
frames[0, 10:30, 10:50, 2] = 200
frames[1, 20:50, 30:70, 1] = 180
for suffix, writer in (("gif", GifWriter), ("webp", WebpWriter)):
    out = Path(sys.argv[1]) / f"lapse.{suffix}"
    encoder = writer(out, (80, 60), 10)
    for frame in frames:
        encoder.add(frame, 3)
    encoder.close()
    print(out.name, out.stat().st_size)
"""


def _defined(path: Path) -> set[str]:
    out = subprocess.run(["nm", "-D", "--defined-only", str(path)], capture_output=True, text=True)
    return {line.split()[-1].split("@")[0] for line in out.stdout.splitlines()}


def test_gdal_uses_openssl_only_to_sign_for_google_cloud() -> None:
    """Fails when a new GDAL calls more of OpenSSL: its stand-in would then need a review."""
    gdal = next(FIONA_LIBS.glob("libgdal-fiona-*"))
    imported = stub_libs.imported(str(gdal))
    assert imported & _defined(next(FIONA_LIBS.glob("libcrypto-fiona-*"))) == SIGNING
    assert not imported & _defined(next(FIONA_LIBS.glob("libssl-fiona-*")))


def _pillow_with_stand_ins(tmp_path: Path) -> None:
    """A copy of Pillow in ``tmp_path`` whose :data:`STUBBED` libraries are stand-ins."""
    shutil.copytree(SITE / "PIL", tmp_path / "PIL")
    shutil.copytree(SITE / "pillow.libs", tmp_path / "pillow.libs")
    entries = [
        (f"pillow.libs/{p.name}", str(p), "BINARY") for p in (SITE / "pillow.libs").iterdir()
    ]
    entries += [(f"PIL/{p.name}", str(p), "EXTENSION") for p in (SITE / "PIL").glob("*.so")]
    out, _freed = stub_libs.stub_unused(entries, tmp_path / "stubs")
    replaced = [(name, src) for name, src, _ in out if Path(src).parent == tmp_path / "stubs"]
    assert {Path(n).name.split("-")[0] for n, _ in replaced} == {
        "libtiff", "libjpeg", "libopenjp2", "libxcb"
    }  # fmt: skip
    for name, src in replaced:
        shutil.copyfile(src, tmp_path / name)


def test_the_apps_gif_and_webp_writers_work_with_pillows_stand_ins(tmp_path: Path) -> None:
    """Importing ``_imaging`` calls ``opj_version`` and ``TIFFGetVersion``; GIF and WebP need
    none of the replaced libraries."""
    _pillow_with_stand_ins(tmp_path)
    env = {"PYTHONPATH": f"{tmp_path}:{ROOT}", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", _ENCODE, str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    from PIL import Image

    for suffix in ("gif", "webp"):
        with Image.open(tmp_path / f"lapse.{suffix}") as image:
            assert (image.size, getattr(image, "n_frames", 1)) == ((80, 60), 2)
            image.seek(1)
            assert np.asarray(image.convert("RGB"))[35, 50, 1] > 120  # the second frame's green


def test_libdbus_takes_only_systemds_socket_activation_from_it() -> None:
    """Fails when a new libdbus calls more of libsystemd: its stand-in would need a review."""
    dbus, systemd = system_library("libdbus-1.so.3"), system_library("libsystemd.so.0")
    if dbus is None or systemd is None:
        pytest.skip("needs the system's libdbus and libsystemd")
    imported = stub_libs.imported(str(dbus)) & _defined(systemd)
    assert imported == {"sd_listen_fds", "sd_is_socket"}


@pytest.mark.skipif(shutil.which("dbus-run-session") is None, reason="needs dbus-daemon")
def test_a_dbus_client_talks_to_the_bus_with_the_stand_in(tmp_path: Path) -> None:
    dbus, systemd = system_library("libdbus-1.so.3"), system_library("libsystemd.so.0")
    if dbus is None or systemd is None:
        pytest.skip("needs the system's libdbus and libsystemd")
    entries = [("libdbus-1.so.3", str(dbus), "BINARY"), ("libsystemd.so.0", str(systemd), "BINARY")]
    out, freed = stub_libs.stub_unused(entries, tmp_path)
    assert Path(out[1][1]).parent == tmp_path
    assert "libgcrypt.so.20" in freed
    ask = ["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus"]
    ask += ["/org/freedesktop/DBus", "org.freedesktop.DBus.GetId"]
    command = ["dbus-run-session", "--", "env", f"LD_LIBRARY_PATH={tmp_path}", "LD_DEBUG=libs"]
    done = subprocess.run([*command, *ask], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"{tmp_path}/libsystemd.so.0" in done.stderr  # the stand-in was loaded …
    assert "string" in done.stdout  # … and the bus answered
