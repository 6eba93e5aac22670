"""From the dialog's choices to an export job, and the preview frames of a job.

:class:`ExportContext` is what the app shows when the dialog opens (captured once, immutable: the
export never reads the live window), :class:`Choices` what the user picked. :func:`build_job`
joins them; :func:`render_previews` paints the first, middle and last frames off the UI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from geo.page import Page
from geo.timelapse import plan_timelapse
from geo.timelapse_page import FrameOptions, frame_extent
from ui.timelapse.export import TimelapseJob, output_kind
from ui.timelapse.frames import render_image

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from pathlib import Path

    from PySide6.QtGui import QImage

    from geo.model import Catalog
    from geo.page import BBox, LayerSpec
    from geo.regions import Region

PREVIEW_BOX = (320, 200)
"""Each preview thumbnail fits this box (pixels), keeping the frame's aspect."""


@dataclass(frozen=True)
class ExportContext:
    """The app's state when the dialog opened.

    Attributes
    ----------
    catalog : Catalog
    series : str
        The series the timeline shows.
    extent : BBox or None
        The map's shown extent (lon/lat).
    layers : sequence of LayerSpec
        Every layer with the style it has on screen, bottom first.
    regions : sequence of Region
        The regions drawn by hand.
    """

    catalog: Catalog
    series: str
    extent: BBox | None
    layers: Sequence[LayerSpec]
    regions: Sequence[Region] = ()


@dataclass(frozen=True)
class Choices:
    """What the user asked for, in the dialog or on the command line.

    ``size`` None is Full HD for a video and A4 landscape for a PDF; ``csv`` is where to write
    the numbers behind every frame (None: nowhere).
    """

    out: Path
    series: str
    date_from: dt.date
    date_to: dt.date
    step: str = "snapshot"
    fps: float = 8.0
    size: tuple[int, int] | None = None
    title: str = ""
    chart: bool = False
    changes: bool = False
    regions: bool = True
    csv: Path | None = None
    hold_first_s: float = 1.0
    hold_last_s: float = 2.0


def build_job(context: ExportContext, choices: Choices) -> TimelapseJob:
    """The export ``choices`` ask for (``QueryError``/``ValueError`` with a one-line message)."""
    output_kind(choices.out)
    plan = plan_timelapse(
        context.catalog,
        choices.series,
        choices.date_from,
        choices.date_to,
        choices.step,
        choices.fps,
        choices.hold_first_s,
        choices.hold_last_s,
    )
    extent = context.extent or (0.0, 0.0, 1.0, 1.0)
    options = FrameOptions(
        base=Page(extent=extent, title=choices.title),
        layers=context.layers,
        extent=context.extent,
        regions=context.regions if choices.regions else (),
        changes=choices.changes,
        chart=choices.chart,
    )
    return TimelapseJob(context.catalog, plan, options, choices.out, choices.size, choices.csv)


def render_previews(job: TimelapseJob) -> list[tuple[dt.date, QImage]]:
    """The first, middle and last frames as they will be encoded, scaled to a thumbnail."""
    options = job.page_options(output_kind(job.out))
    extent = frame_extent(job.catalog, job.plan, options)
    previews = []
    for index in job.plan.preview_indices():
        frame, _numbers = job.frame(index, options, extent)
        image = render_image(frame).scaled(
            *PREVIEW_BOX,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        previews.append((job.plan.frames[index].snapshot.date, image))
    return previews
