"""Run a time-lapse export: for each frame its numbers, its page, its picture, into the file.

:class:`TimelapseJob` is the immutable request captured on the main thread (or from the command
line); calling it runs the whole export, on whatever thread calls it, reporting
``progress(done, total)`` after each frame and stopping with
:class:`~viewmodels.timelapse_viewmodel.ExportCancelled` when ``cancelled()`` turns true. The file
is written beside the target under a temporary name and moved into place only when complete
(:func:`geo.atomic.atomic_path`), so a cancelled or failed export leaves nothing; the CSV of the
numbers is written after the animation, the same way.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from geo.atomic import atomic_path, write_bytes_atomically
from geo.errors import one_line
from geo.timelapse import FrameNumbers, frame_deltas, numbers_csv
from geo.timelapse_page import frame_extent, frame_page
from ui.printing.devices import ExportError
from ui.timelapse.encoders import even_size
from ui.timelapse.frames import FramePage, chart_for, open_sink
from viewmodels.timelapse_viewmodel import ExportCancelled

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from geo.model import Catalog
    from geo.page import BBox
    from geo.timelapse import TimelapsePlan
    from geo.timelapse_page import FrameOptions
    from ui.timelapse.frames import PdfSink, PictureSink

KINDS = ("mp4", "gif", "webp", "pdf")
"""The files a time-lapse can be written to, by suffix."""
CHART_INK = "#b22222"
"""The inset chart's curve when the series has no layer style (it takes the layer's colour)."""
DEFAULT_SIZE = (1920, 1080)
"""Full HD, the size of a video when none is chosen."""


def output_kind(path: Path) -> str:
    """``mp4``, ``gif``, ``webp`` or ``pdf`` from the suffix; ``ValueError`` otherwise."""
    kind = path.suffix.lower().lstrip(".")
    if kind not in KINDS:
        listed = ", ".join(f".{k}" for k in KINDS)
        what = path.suffix or "a file without suffix"
        raise ValueError(f"{path}: cannot write {what} (use {listed})")
    return kind


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote and how long its parts took.

    ``numbers_s`` is the deltas and page descriptions, ``render_s`` the painting, ``encode_s`` the
    writer, in seconds.
    """

    path: Path
    frames: int
    video_frames: int
    duration_s: float
    size: tuple[int, int]
    numbers_s: float
    render_s: float
    encode_s: float
    csv: Path | None


@dataclass(frozen=True)
class TimelapseJob:
    """One export (see the module docstring).

    Attributes
    ----------
    catalog : Catalog
    plan : TimelapsePlan
    options : FrameOptions
        The pages' base, layers, extent, regions, changes and chart.
    out : Path
        ``.mp4``, ``.gif``, ``.webp`` or ``.pdf``.
    size : (int, int) or None
        Frame size in pixels (MP4: made even); None is :data:`DEFAULT_SIZE` for a video and the
        base page's paper for a PDF.
    csv : Path or None
        Where to write the numbers behind every frame.
    """

    catalog: Catalog
    plan: TimelapsePlan
    options: FrameOptions
    out: Path
    size: tuple[int, int] | None = None
    csv: Path | None = None

    def __call__(
        self,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ExportReport:
        return run_export(self, progress, cancelled)

    def page_options(self, kind: str) -> FrameOptions:
        """The options with the base page sized for ``kind``: pixels for a video."""
        if kind == "pdf" and self.size is None:
            return self.options
        size = self.size or DEFAULT_SIZE
        pixels = even_size(*size) if kind == "mp4" else size
        return replace(self.options, base=replace(self.options.base, pixels=pixels))

    def numbers(self, index: int) -> list[FrameNumbers]:
        """Frame ``index``'s numbers: the whole series, then each region."""
        targets = (None, *self.options.regions)
        return [
            FrameNumbers.from_deltas(*frame_deltas(self.catalog, self.plan, index, region))
            for region in targets
        ]

    def frame(
        self, index: int, options: FrameOptions, extent: BBox | None
    ) -> tuple[FramePage, list[FrameNumbers]]:
        """Frame ``index`` as a page to paint, and its numbers."""
        numbers = self.numbers(index)
        page = frame_page(self.catalog, self.plan, index, numbers, options, extent)
        chart = None
        if options.chart:
            layer = next((s for s in options.layers if s.name == self.plan.series), None)
            color = layer.color if layer is not None else CHART_INK
            chart = chart_for(self.catalog, self.plan, index, color)
        return FramePage(page, chart), numbers


def _write_errors() -> tuple[type[Exception], ...]:
    """What a writer raises when the file cannot be written (full disk, encoder failure)."""
    import av

    return (OSError, av.FFmpegError)


def _write_frames(
    job: TimelapseJob,
    sink: PictureSink | PdfSink,
    options: FrameOptions,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> tuple[list[list[FrameNumbers]], float]:
    """Every frame's numbers and page into ``sink``; the numbers and the seconds they took.

    The next frame's numbers (its deltas and page) are computed on a second thread while the
    sink paints the current one: GEOS and numpy release the GIL, so two cores share the work.
    """
    extent = frame_extent(job.catalog, job.plan, options)

    def timed(index: int) -> tuple[FramePage, list[FrameNumbers], float]:
        start = time.perf_counter()
        page, rows = job.frame(index, options, extent)
        return page, rows, time.perf_counter() - start

    numbers: list[list[FrameNumbers]] = []
    seconds = 0.0
    total = len(job.plan.frames)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="atlas-numbers") as ahead:
        upcoming = ahead.submit(timed, 0)
        for index, frame in enumerate(job.plan.frames):
            if cancelled is not None and cancelled():
                raise ExportCancelled
            page, rows, spent = upcoming.result()
            if index + 1 < total:
                upcoming = ahead.submit(timed, index + 1)
            numbers.append(rows)
            seconds += spent
            sink.add(page, frame.count)
            if progress is not None:
                progress(index + 1, total)
    return numbers, seconds


def run_export(
    job: TimelapseJob,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportReport:
    """Write ``job.out`` (and ``job.csv``); see the module docstring.

    Raises
    ------
    ExportCancelled
        ``cancelled()`` turned true; nothing was written.
    ExportError
        The file could not be written (one line naming it); nothing was left behind.
    """
    kind = output_kind(job.out)
    options = job.page_options(kind)
    size = options.base.size_px(options.base.default_dpi())
    try:
        with atomic_path(job.out) as temp:
            sink = open_sink(temp, kind, size, job.plan.fps)
            try:
                numbers, numbers_s = _write_frames(job, sink, options, progress, cancelled)
                sink.close()
            except BaseException:
                sink.abort()
                raise
        if job.csv is not None:
            write_bytes_atomically(job.csv, numbers_csv(job.plan, numbers).encode())
    except _write_errors() as exc:
        raise ExportError(f"{job.out}: {one_line(exc)}") from exc
    return ExportReport(
        path=job.out,
        frames=len(job.plan.frames),
        video_frames=job.plan.video_frames,
        duration_s=job.plan.duration_s,
        size=size,
        numbers_s=numbers_s,
        render_s=sink.render_s,
        encode_s=sink.encode_s,
        csv=job.csv,
    )
