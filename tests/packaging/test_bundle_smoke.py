"""Smoke test of the built executable (``./dev bundle``), offline: every command runs inside
``unshare -n``, a network namespace with no interface but a downed loopback.

Skipped unless ``dist/frontline-atlas/frontline-atlas`` exists; ``.ci/run`` builds it first.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.launch import instance_socket, private_env, stale_build_reason, terminate, wait_for_path
from tests.paths import DEEPSTATE, ISW, ROOT

EXE = ROOT / "dist" / "frontline-atlas" / "frontline-atlas"
STALE = stale_build_reason(EXE, ROOT)
DAYS = [DEEPSTATE / f"deepstatemap_data_2024070{d}.geojson" for d in (8, 9)]
LATER = DEEPSTATE / "deepstatemap_data_20240801.geojson"
WEB_MERCATOR = [
    ISW / "shapefiles_2022" / f"AssessedRussianAdvancesinUkraine{d}" for d in ("MAY22", "JUL25")
]

pytestmark = [
    pytest.mark.skipif(bool(STALE), reason=STALE),
    pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare (util-linux) missing"),
]


HIDDEN = (ROOT / ".venv", Path(sys.base_prefix), ROOT / "resources", ROOT / "geo")
"""Hidden from the build while it runs (as root): the venv, the Python installation and the
checkout's data files and model, so it can only use what it carries."""
_HIDE = (
    'for d in "$@"; do [ "$d" = -- ] && break; mount -t tmpfs none "$d"; shift; done;'
    ' shift; exec "$@"'
)


def _offline(*args: str) -> list[str]:
    """``args`` run in a fresh network namespace; as root, also with :data:`HIDDEN` hidden."""
    if os.geteuid() != 0:
        return ["unshare", "-rn", *args]
    return ["unshare", "-nm", "sh", "-c", _HIDE, "sh", *map(str, HIDDEN), "--", *args]


def _env(tmp_path: Path) -> dict[str, str]:
    env = private_env(tmp_path, QT_QPA_PLATFORM="offscreen", PATH="/usr/bin:/bin")
    return {k: v for k, v in env.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _offline(str(EXE), *args),
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=180,
        check=False,
    )


def test_the_build_sees_no_python_and_no_checkout() -> None:
    if os.geteuid() != 0:
        pytest.skip("hiding folders needs a mount namespace (root)")
    listing = subprocess.run(
        _offline("ls", "-A", *map(str, HIDDEN)), capture_output=True, text=True
    )
    assert listing.returncode == 0, listing.stderr
    assert [line for line in listing.stdout.splitlines() if line and not line.endswith(":")] == []


def test_the_namespace_has_no_network() -> None:
    out = subprocess.run(_offline("cat", "/proc/net/dev"), capture_output=True, text=True)
    interfaces = [line.split(":")[0].strip() for line in out.stdout.splitlines()[2:]]
    assert interfaces == ["lo"]
    route = subprocess.run(_offline("cat", "/proc/net/route"), capture_output=True, text=True)
    assert len(route.stdout.strip().splitlines()) <= 1  # at most a header: no route anywhere


def test_version_and_help_without_a_window(tmp_path: Path) -> None:
    from ui.app_args import version

    result = _run(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert version() in result.stdout
    assert version() != "unknown"
    assert "--install-desktop" in _run(tmp_path, "--help").stdout


@pytest.mark.parametrize("command", [["--version"], ["areas", str(DAYS[0])]])
def test_commands_without_a_window_never_load_qt(tmp_path: Path, command: list[str]) -> None:
    """PyInstaller's PySide6 runtime hook imported QtCore in every process (0.15 s of CPU)."""
    env = {**_env(tmp_path), "LD_DEBUG": "files"}
    result = subprocess.run(
        _offline(str(EXE), *command), capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = [line for line in result.stderr.splitlines() if "generating link map" in line]
    assert any("libpython" in line for line in loaded)  # LD_DEBUG reached the build
    assert not [line for line in loaded if "libQt6" in line]


def test_inspect_reads_real_files(tmp_path: Path) -> None:
    result = _run(tmp_path, "inspect", *map(str, DAYS))
    assert result.returncode == 0, result.stderr
    assert "2024-07-08" in result.stdout
    assert "2024-07-09" in result.stdout


def _json_from_source(*args: str) -> object:
    """What the source tree prints for the command ``args`` with ``--format json``."""
    source = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return json.loads(source.stdout)


def test_delta_compares_two_dates_like_the_source_tree(tmp_path: Path) -> None:
    """Same geodesic numbers as from source: the build carries working PROJ/GDAL data."""
    args = ["delta", *map(str, (*DAYS, LATER)), "--from", "2024-07-08", "--to", "2024-08-01"]
    args.append("--by-oblast")  # the oblasts come from the basemap inside the build
    built = _run(tmp_path, *args, "--format", "json")
    assert built.returncode == 0, built.stderr
    got, want = json.loads(built.stdout), _json_from_source(*args)
    assert got == want
    rows = got if isinstance(got, list) else [got]
    assert any(row["gained_km2"] > 0 for row in rows)


def test_fiona_and_pyproj_share_one_proj_database(tmp_path: Path) -> None:
    """fiona reads the shapefiles' Web Mercator CRS, pyproj reprojects them, fiona writes the
    change as a GeoPackage in EPSG:4326: all through the one PROJ data folder the build carries."""
    import fiona

    assert len(list(EXE.parent.rglob("proj.db"))) == 1
    args = ["delta", *map(str, WEB_MERCATOR), "--from", "2022-05-22", "--to", "2022-07-25"]
    gpkg = tmp_path / "change.gpkg"
    built = _run(tmp_path, *args, "--format", "json", "--export-geometry", str(gpkg))
    assert built.returncode == 0, built.stderr
    assert json.loads(built.stdout) == _json_from_source(*args)
    with fiona.open(gpkg) as layer:
        assert layer.crs.to_epsg() == 4326
        assert len(layer) > 0


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    result = _run(tmp_path, "areas", str(tmp_path / "missing.geojson"))
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def _has_snapshot() -> bool:
    from ui.cli import build_parser

    return "snapshot" in build_parser().format_help()


@pytest.mark.skipif(not _has_snapshot(), reason="printing (snapshot) not built yet")
def test_snapshot_exports_a_page(tmp_path: Path) -> None:
    out = tmp_path / "page.pdf"
    args = ["snapshot", *map(str, DAYS), "--date", "2024-07-09", "--compare", "2024-07-08"]
    result = _run(tmp_path, *args, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("suffix", ["mp4", "gif"])
def test_animate_writes_a_time_lapse(tmp_path: Path, suffix: str) -> None:
    """The MP4 goes through the build's FFmpeg, whose unused codec libraries are stand-ins."""
    out = tmp_path / f"lapse.{suffix}"
    days = sorted(DEEPSTATE.glob("deepstatemap_data_2024071[0-3].geojson"))
    args = ["animate", *map(str, days), "--from", "2024-07-10", "--to", "2024-07-13"]
    result = _run(tmp_path, *args, "--size", "640x360", "--out", str(out))
    assert result.returncode == 0, result.stderr
    if suffix == "gif":
        assert out.read_bytes().startswith(b"GIF89a")
        return
    import av

    with av.open(str(out)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, stream.width, stream.height) == ("h264", 640, 360)
        assert sum(1 for _ in container.decode(stream)) > 4


def test_app_opens_files_takes_a_forwarded_one_and_quits_cleanly(tmp_path: Path) -> None:
    env = _env(tmp_path)
    socket_path = instance_socket(env)
    month = sorted(DEEPSTATE.glob("deepstatemap_data_202407*.geojson"))  # ≥ 24: worker processes
    assert len(month) >= 24
    app = subprocess.Popen(
        _offline(str(EXE), *map(str, month)),
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_path(socket_path, app, 120)
        time.sleep(8.0)  # the month loads in the build's worker processes
        second = subprocess.run(
            _offline(str(EXE), str(LATER)), env=env, capture_output=True, text=True, timeout=60
        )
        assert second.returncode == 0, second.stderr
        time.sleep(2.0)
    finally:
        err = terminate(app)
    assert app.returncode == 0, err
    for bad in ("Traceback", "error:", "resource_tracker", "unknown option"):
        assert bad not in err
    assert not socket_path.exists()
    conf = (tmp_path / "config" / "frontline-atlas" / "Frontline Atlas.conf").read_text()
    assert str(LATER) in conf
    assert str(month[0]) in conf


def test_first_paint_probe(tmp_path: Path) -> None:
    env = {**_env(tmp_path), "FRONTLINE_ATLAS_FIRST_PAINT_PROBE": "1"}
    start = time.time()
    result = subprocess.run(
        _offline(str(EXE)), env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    painted = float(result.stdout.split("first-paint ")[1].split()[0])
    assert 0 < painted - start < 60
