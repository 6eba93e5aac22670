"""Time-lapse export of the whole DeepState corpus: one frame per snapshot at 1280×720.

Writes an MP4 and a GIF (to a temporary folder, deleted afterwards) of every DeepState day
(769 snapshots, 2024-07-08 → 2026-08-22), 25 fps, the inset chart on, and prints the total
seconds and the milliseconds per frame split into numbers (the two deltas of each frame and
its page description), render (painting the page) and encode (the writer). The three stages run
on three threads, one frame apart, so their sum exceeds the total. The CPU seconds of the process
and the load average are printed too: on a shared machine the wall time says more about the
neighbours than about the export.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_timelapse.py [--frames N]

The loader's cache is used (a warm cache is the usual case); loading is reported apart.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QGuiApplication  # noqa: E402

from geo.loader import load_paths  # noqa: E402
from geo.page import Page  # noqa: E402
from geo.timelapse import plan_timelapse  # noqa: E402
from geo.timelapse_page import FrameOptions  # noqa: E402
from tests.paths import DEEPSTATE  # noqa: E402
from ui.cli_snapshot import layer_specs  # noqa: E402
from ui.timelapse.export import TimelapseJob, run_export  # noqa: E402

SERIES = "DeepState occupied"
SIZE = (1280, 720)
FPS = 25.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=0, help="only the first N snapshots")
    args = parser.parse_args()
    _app = QGuiApplication([])
    start = time.perf_counter()
    catalog = load_paths([DEEPSTATE])
    print(f"load: {time.perf_counter() - start:.1f} s")
    dates = catalog.dates(SERIES)
    last = dates[args.frames - 1] if args.frames else dates[-1]
    plan = plan_timelapse(catalog, SERIES, dates[0], last, "snapshot", FPS, 1.0, 2.0)
    options = FrameOptions(
        base=Page(extent=(0.0, 0.0, 1.0, 1.0)), layers=layer_specs(catalog, None), chart=True
    )
    print(f"{len(plan.frames)} frames ({plan.video_frames} video frames) at {SIZE[0]}x{SIZE[1]}")
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("mp4", "gif"):
            job = TimelapseJob(catalog, plan, options, Path(folder) / f"front.{kind}", SIZE)
            start, cpu = time.perf_counter(), time.process_time()
            report = run_export(job)
            total, cpu = time.perf_counter() - start, time.process_time() - cpu
            size_mb = report.path.stat().st_size / 1e6
            per = 1000 / report.frames
            print(
                f"{kind}: {total:6.1f} s total ({cpu:.1f} s of CPU), {size_mb:5.1f} MB; per frame "
                f"{total * per:5.1f} ms; each stage (they overlap on three threads): numbers "
                f"{report.numbers_s * per:5.1f}, render {report.render_s * per:5.1f}, encode "
                f"{report.encode_s * per:5.1f} ms"
            )
    print(f"load average at the end: {', '.join(f'{v:.1f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
