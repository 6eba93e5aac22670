"""Time-lapse export on real DeepState days: MP4, GIF, WebP and PDF, captions, pixels, Cancel.

Short ranges and small frames keep it quick: eight days of November 2024 at 640×360.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from geo.loader import load_paths
from geo.page import Page, format_date
from geo.timelapse import plan_timelapse
from geo.timelapse_page import FrameOptions, frame_extent
from geo.units import format_km2
from tests.paths import DEEPSTATE
from ui.cli import run_command
from ui.cli_snapshot import layer_specs
from ui.timelapse.export import TimelapseJob
from ui.timelapse.frames import image_array, render_image
from viewmodels.timelapse_viewmodel import ExportCancelled

D = dt.date
SERIES = "DeepState occupied"
DAYS = [D(2024, 11, d) for d in (1, 2, 3, 4, 5, 6, 7, 8)]
FILES = [str(DEEPSTATE / f"deepstatemap_data_{d:%Y%m%d}.geojson") for d in DAYS]
SIZE = (640, 360)
FPS = 5.0


@pytest.fixture(scope="module")
def catalog(qapp):
    return load_paths(FILES, use_cache=False)


def _job(catalog, out: Path, *, step="snapshot", chart=True, csv=None, size=SIZE) -> TimelapseJob:
    plan = plan_timelapse(catalog, SERIES, DAYS[0], DAYS[-1], step, FPS, 0.4, 0.6)
    options = FrameOptions(
        base=Page(extent=(0, 0, 1, 1)), layers=layer_specs(catalog, None), chart=chart
    )
    return TimelapseJob(catalog, plan, options, out, size, csv)


def _delta_json(start: dt.date, end: dt.date, capsys) -> dict:
    status = run_command(
        ["delta", *FILES, "--from", start.isoformat(), "--to", end.isoformat(), "--format", "json"]
    )
    assert status == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def mp4(catalog, tmp_path_factory) -> TimelapseJob:
    """One MP4 of the eight days, asked for at an odd size."""
    job = _job(catalog, tmp_path_factory.mktemp("mp4") / "front.mp4", size=(641, 361))
    job()
    return job


def test_mp4_decodes_to_every_video_frame_at_the_size_and_rate(mp4) -> None:
    with av.open(str(mp4.out)) as container:
        stream = container.streams.video[0]
        frames = list(container.decode(stream))
        assert stream.average_rate == FPS
        assert stream.codec_context.pix_fmt == "yuv420p"
    assert len(frames) == mp4.plan.video_frames == 8 + 2 + 3
    assert (frames[0].width, frames[0].height) == (640, 360)  # made even for yuv420p
    assert sorted(p.name for p in mp4.out.parent.iterdir()) == ["front.mp4"]


def test_a_video_frame_matches_the_png_page_of_its_date(catalog, mp4, tmp_path) -> None:
    job = mp4
    k = 4  # 2024-11-05
    frame = job.plan.frames[k]
    with av.open(str(job.out)) as container:
        decoded = list(container.decode(video=0))[frame.start]
    video = decoded.to_ndarray(format="rgb24", src_colorspace="ITU709").astype(int)
    options = job.page_options("mp4")
    page, _numbers = job.frame(k, options, frame_extent(catalog, job.plan, options))
    png = tmp_path / "page.png"
    assert render_image(page).save(str(png))
    reference = np.asarray(Image.open(png).convert("RGB")).astype(int)
    difference = np.abs(video - reference)
    assert difference.mean() < 1.5  # measured 0.56: H.264 at crf 20 keeps the map's colours
    assert np.percentile(difference, 99) < 16  # measured 7 (edges and text, chroma subsampled)
    other = image_array(render_image(job.frame(0, options, None)[0]))[..., 2::-1].astype(int)
    assert np.abs(video - other).mean() > difference.mean()  # not just any map matches


def test_each_pdf_page_shows_its_snapshot_and_the_km2_of_delta(catalog, tmp_path, capsys) -> None:
    job = _job(catalog, tmp_path / "pages.pdf", csv=tmp_path / "numbers.csv")
    report = job()
    assert report.frames == len(job.plan.frames) == 8
    for k in (1, 5):
        text = subprocess.run(
            ["pdftotext", "-raw", "-f", str(k + 1), "-l", str(k + 1), str(report.path), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        words = " ".join(text.split())
        shown, previous = DAYS[k], DAYS[k - 1]
        assert f"Data as of {format_date(shown)}" in words
        step = _delta_json(previous, shown, capsys)
        total = _delta_json(DAYS[0], shown, capsys)
        assert f"Since {format_date(previous)}: {format_km2(step['gained_km2'])} gained" in words
        assert f"{format_km2(step['lost_km2'])} lost" in words
        assert f"net {format_km2(total['net_km2'], signed=True)}" in words
    rows = (tmp_path / "numbers.csv").read_text().splitlines()
    assert len(rows) == 1 + 8


@pytest.mark.parametrize("kind", ["gif", "webp"])
def test_gif_and_webp_have_a_frame_per_snapshot_and_its_duration(catalog, tmp_path, kind) -> None:
    job = _job(catalog, tmp_path / f"front.{kind}", step="day", chart=False)
    job()
    with Image.open(job.out) as image:
        assert image.size == SIZE
        durations = []
        for k in range(image.n_frames):
            image.seek(k)
            image.load()
            durations.append(image.info["duration"])
    expected = [round(f.count * 1000 / FPS) for f in job.plan.frames]
    assert durations == expected  # 200 ms a frame, the first and last held
    assert durations[0] == 200 + 400
    assert durations[-1] == 200 + 600


def test_a_cancelled_export_leaves_no_file(catalog, tmp_path) -> None:
    job = _job(catalog, tmp_path / "front.mp4", csv=tmp_path / "numbers.csv")
    seen: list[int] = []
    with pytest.raises(ExportCancelled):
        job(lambda done, _total: seen.append(done), lambda: len(seen) >= 2)
    assert seen == [1, 2]
    assert list(tmp_path.iterdir()) == []


def test_animate_command_writes_the_file_and_refuses_bad_input(tmp_path, capsys) -> None:
    out = tmp_path / "front.gif"
    args = ["animate", *FILES[:3], "--from", "2024-11-01", "--to", "2024-11-03"]
    status = run_command([*args, "--size", "640x360", "--out", str(out)])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert f"wrote {out}: 3 frames" in captured.out
    with Image.open(out) as image:
        assert image.n_frames == 3
    for bad, needle in (
        (["--out", str(tmp_path / "x.avi")], "cannot write .avi"),
        (["--size", "320x180", "--out", str(tmp_path / "x.mp4")], "360 to 7680"),
        (["--fps", "0", "--out", str(tmp_path / "x.mp4")], "frames per second"),
    ):
        status = run_command([*args, *bad])
        err = capsys.readouterr().err
        assert status != 0
        assert err.count("\n") == 1
        assert needle in err
    early = run_command(["animate", *FILES[:3], "--from", "2024-10-01", "--to", "2024-11-03",
                         "--out", str(tmp_path / "x.mp4")])  # fmt: skip
    assert early != 0
    assert "before the first snapshot" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["front.gif"]


def test_the_inset_chart_follows_the_frame_in_the_series_colour(catalog, tmp_path) -> None:
    job = _job(catalog, tmp_path / "front.mp4")
    options = job.page_options("mp4")
    colour = next(s.color for s in options.layers if s.name == SERIES)
    frame, _numbers = job.frame(3, options, None)
    assert frame.chart is not None
    assert frame.chart.color == colour
    assert frame.chart.marker == DAYS[3]
    assert list(frame.chart.dates) == DAYS
    assert list(frame.chart.km2) == [s.area_km2 for s in catalog.snapshots(SERIES)]
