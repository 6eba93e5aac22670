"""The built executable (``./dev bundle``): launch → first paint, size on disk, build time.

    .venv/bin/python benchmarks/bench_bundle.py [--build]

Launch → first paint is timed from spawning ``dist/frontline-atlas/frontline-atlas``
(offscreen, private user folders, no file: the demo) to the ``first-paint`` line that
``FRONTLINE_ATLAS_FIRST_PAINT_PROBE`` makes it print (median of 5; target ≤ 1.0 s, as from
source). ``--build`` rebuilds first and times it; otherwise the time of the last
``./dev bundle`` (``build/bundle-seconds``) is reported. Targets: size ≤ 250 MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "frontline-atlas"
EXE = DIST / "frontline-atlas"
BUILD_SECONDS = ROOT / "build" / "bundle-seconds"


def first_paint_s(home: Path) -> float:
    """Seconds from spawning the built executable to its main window's first paint."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRONTLINE_ATLAS_FIRST_PAINT_PROBE="1")
    for key in ("CONFIG", "CACHE", "DATA"):
        env[f"XDG_{key}_HOME"] = str(home / key.lower())
    env["FRONTLINE_ATLAS_INSTANCE"] = f"fa-bench-{os.getpid()}"
    start = time.time()
    out = subprocess.run([str(EXE)], env=env, capture_output=True, text=True, check=True).stdout
    line = next(t for t in out.splitlines() if t.startswith("first-paint "))
    return float(line.split()[1]) - start


def size_mb() -> float:
    """The build folder's size on disk (allocated blocks, like ``du``)."""
    blocks = sum(p.lstat().st_blocks for p in DIST.rglob("*"))
    return blocks * 512 / 1e6


def report() -> None:
    """Print the three numbers (or why they are missing)."""
    if not EXE.is_file():
        print("bundle: no dist/frontline-atlas (run ./dev bundle)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        runs = [first_paint_s(Path(tmp)) for _ in range(5)]
    print(
        f"bundle launch → first paint: {', '.join(f'{r:.2f}' for r in runs)} s,"
        f" median {statistics.median(runs):.2f} s (target ≤ 1.0)"
    )
    print(f"bundle size on disk: {size_mb():.0f} MB (aim ≤ 250)")
    if BUILD_SECONDS.is_file():
        print(f"bundle build time (last ./dev bundle): {BUILD_SECONDS.read_text().strip()} s")


if __name__ == "__main__":
    if "--build" in sys.argv:
        start = time.monotonic()
        subprocess.run([str(ROOT / "dev"), "bundle"], check=True)
        print(f"bundle build time: {time.monotonic() - start:.0f} s (measured here)")
    report()
