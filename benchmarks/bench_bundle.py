"""The built executable (``./dev bundle``): launch → first paint, size on disk, build time.

    .venv/bin/python benchmarks/bench_bundle.py [--build]

Launch → first paint is timed from spawning ``dist/frontline-atlas/frontline-atlas``
(offscreen, private user folders, no file: the demo) to the ``first-paint`` line that
``FRONTLINE_ATLAS_FIRST_PAINT_PROBE`` makes it print (median of 5; target ≤ 1.0 s, as from
source). The source tree (``python main.py``) is launched the same way, alternating with the
build, so that the difference is what the build itself costs; both also report the CPU time the
process had used when it painted, which the load of a shared machine disturbs far less than the
wall clock. ``--build`` rebuilds first and times it; otherwise the time of the last
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


SOURCE = [sys.executable, str(ROOT / "main.py")]
TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a running process (``/proc/PID/stat``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def first_paint_s(home: Path, command: list[str] | None = None) -> tuple[float, float]:
    """Seconds from spawning ``command`` (the build) to its first paint; its CPU seconds then."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRONTLINE_ATLAS_FIRST_PAINT_PROBE="1")
    for key in ("CONFIG", "CACHE", "DATA"):
        env[f"XDG_{key}_HOME"] = str(home / key.lower())
    env["FRONTLINE_ATLAS_INSTANCE"] = f"fa-bench-{os.getpid()}"
    start = time.time()
    with subprocess.Popen(
        command or [str(EXE)], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        line = next(t for t in process.stdout if t.startswith("first-paint "))
        cpu = _cpu_s(process.pid)
        process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"{command or EXE} exited with {process.returncode}")
    return float(line.split()[1]) - start, cpu


def _line(name: str, runs: list[tuple[float, float]]) -> str:
    walls, cpus = [r[0] for r in runs], [r[1] for r in runs]
    return (
        f"{name} launch → first paint: {', '.join(f'{w:.2f}' for w in walls)} s,"
        f" median {statistics.median(walls):.2f} s; CPU by then: median"
        f" {statistics.median(cpus):.2f} s"
    )


def size_mb() -> float:
    """The build folder's size on disk (allocated blocks, like ``du``)."""
    blocks = sum(p.lstat().st_blocks for p in DIST.rglob("*"))
    return blocks * 512 / 1e6


def report() -> None:
    """Print the three numbers (or why they are missing)."""
    if not EXE.is_file():
        print("bundle: no dist/frontline-atlas (run ./dev bundle)")
        return
    built: list[tuple[float, float]] = []
    source: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(5):
            built.append(first_paint_s(Path(tmp) / "build"))
            source.append(first_paint_s(Path(tmp) / "source", SOURCE))
    print(_line("bundle", built) + " (target ≤ 1.0)")
    print(_line("source tree (python main.py)", source))
    print(f"load average while measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"bundle size on disk: {size_mb():.0f} MB (aim ≤ 250)")
    if BUILD_SECONDS.is_file():
        print(f"bundle build time (last ./dev bundle): {BUILD_SECONDS.read_text().strip()} s")


if __name__ == "__main__":
    if "--build" in sys.argv:
        start = time.monotonic()
        subprocess.run([str(ROOT / "dev"), "bundle"], check=True)
        print(f"bundle build time: {time.monotonic() - start:.0f} s (measured here)")
    report()
