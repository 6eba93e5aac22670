"""ui.timelapse.encoders: MP4, GIF and WebP from BGRX frames (counts, durations, size, colours)."""

from __future__ import annotations

import av
import numpy as np
import pytest
from PIL import Image

from ui.timelapse.encoders import even_size, open_writer

W, H, FPS = 96, 64, 10
BACKGROUND_BGR = (200, 180, 40)  # rgb (40, 180, 200)
SQUARE_BGR = (0, 0, 220)  # red


def _frame(k: int) -> np.ndarray:
    frame = np.zeros((H, W, 4), np.uint8)
    frame[..., :3] = BACKGROUND_BGR
    frame[20:40, 4 + 6 * k : 24 + 6 * k, :3] = SQUARE_BGR
    return frame


def _write(path, kind: str, counts: list[int]) -> None:
    writer = open_writer(path, kind, (W, H), FPS)
    for k, count in enumerate(counts):
        writer.add(_frame(k), count)
    writer.close()


def _durations(path) -> tuple[int, list[int]]:
    with Image.open(path) as image:
        durations = []
        for k in range(image.n_frames):
            image.seek(k)
            image.load()
            durations.append(image.info["duration"])
        return image.n_frames, durations


def test_mp4_repeats_frames_at_the_rate_and_keeps_colours(tmp_path) -> None:
    path = tmp_path / "a.mp4"
    _write(path, "mp4", [3, 1, 1, 4])
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(stream)]
        assert (stream.codec_context.name, stream.codec_context.pix_fmt) == ("h264", "yuv420p")
        assert stream.average_rate == FPS
    assert len(frames) == 9
    assert frames[0].shape == (H, W, 3)
    last = frames[-1].astype(int)
    assert np.abs(last[30, 4 + 18 + 10] - (220, 0, 0)).max() <= 6
    assert np.abs(last[5, 5] - (40, 180, 200)).max() <= 6


def test_mp4_refuses_an_odd_size(tmp_path) -> None:
    with pytest.raises(ValueError, match="even width and height"):
        open_writer(tmp_path / "odd.mp4", "mp4", (W + 1, H), FPS)
    assert even_size(1081, 1920) == (1080, 1920)


@pytest.mark.parametrize("kind", ["gif", "webp"])
def test_animations_hold_each_frame_for_its_count(tmp_path, kind: str) -> None:
    path = tmp_path / f"a.{kind}"
    _write(path, kind, [3, 1, 1, 4])
    count, durations = _durations(path)
    assert (count, durations) == (4, [300, 100, 100, 400])
    with Image.open(path) as image:
        image.seek(3)
        rgb = np.asarray(image.convert("RGB")).astype(int)
    assert image.size == (W, H)
    assert np.abs(rgb[30, 4 + 18 + 10] - (220, 0, 0)).max() <= 6
    assert np.abs(rgb[5, 5] - (40, 180, 200)).max() <= 6


def test_gif_merges_identical_frames_and_keeps_the_clock_at_24_fps(tmp_path) -> None:
    path = tmp_path / "b.gif"
    writer = open_writer(path, "gif", (W, H), 24)
    for frame in (_frame(0), _frame(0), _frame(1), _frame(2)):
        writer.add(frame, 1)
    writer.close()
    count, durations = _durations(path)
    assert count == 3
    assert sum(durations) == 170  # 4 frames at 24 fps = 166.7 ms, in hundredths
    assert durations[0] == 80
