"""Video and animation writers: MP4 (H.264 through PyAV), GIF and animated WebP (through Pillow).

Every writer takes frames as they are rendered, one at a time, and never holds the whole
animation in memory: a frame is an ``(H, W, 4)`` uint8 array in the memory order of a
``QImage.Format_RGB32`` image on a little-endian machine (blue, green, red, unused), so a
rendered page goes to the encoder without a copy. ``add(frame, count)`` shows it for ``count``
video frames: the MP4 repeats the already converted picture (x264 codes a repeat as skipped
blocks, almost free), GIF and WebP write it once with a longer duration.

Writers write to the path they are given; :mod:`ui.timelapse.export` hands them a temporary
path beside the target and moves the file into place only when it is complete.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, BinaryIO, Protocol

import numpy as np

if TYPE_CHECKING:
    from pathlib import Path

    from PIL import Image

VIDEO_FORMATS = ("mp4", "gif", "webp")
"""File suffixes written by :func:`open_writer` (PDF pages are written by the page renderer)."""
MP4_CRF = "20"
"""x264 constant rate factor: visually lossless for flat map colours at a small size."""
MP4_PRESET = "superfast"
WEBP_QUALITY = 90
WEBP_METHOD = 2
"""libwebp effort 0-6: 2 took 0.57 of the time of the default 4 at 1920×1080, files 4 % larger."""
GIF_COLOURS = 256
TRANSPARENT = 255
"""The GIF palette index of "unchanged since the frame before"."""


class FrameWriter(Protocol):
    """What the exporter needs of a writer."""

    def add(self, frame: np.ndarray, count: int) -> None:
        """Append ``frame`` (see the module docstring) shown for ``count`` video frames."""

    def close(self) -> None:
        """Finish the file (flush the encoder, write the trailer)."""

    def abort(self) -> None:
        """Release the file without finishing it (the exporter deletes it)."""


def even_size(width: int, height: int) -> tuple[int, int]:
    """The largest even size within ``width`` × ``height`` (yuv420p halves both dimensions)."""
    return width - width % 2, height - height % 2


def frame_times_ms(start: int, count: int, fps: float) -> tuple[int, int]:
    """Start and end of video frames ``start … start + count`` in ms, rounded without drift."""
    return round(start * 1000 / fps), round((start + count) * 1000 / fps)


def _rgb_image(frame: np.ndarray) -> Image.Image:
    from PIL import Image

    height, width = frame.shape[:2]
    return Image.frombuffer("RGB", (width, height), frame, "raw", "BGRX", frame.strides[0], 1)


class Mp4Writer:
    """H.264 in MP4, yuv420p (what every player and social site accepts), BT.709 tagged."""

    def __init__(self, path: Path, size: tuple[int, int], fps: float) -> None:
        import av

        if size != even_size(*size):
            raise ValueError(f"MP4 needs an even width and height, not {size[0]}×{size[1]}")
        self._container = av.open(
            str(path), mode="w", format="mp4", options={"movflags": "+faststart"}
        )
        rate = Fraction(fps).limit_denominator(1001)
        self._stream = self._container.add_stream("libx264", rate=rate)
        self._stream.width, self._stream.height = size
        self._stream.pix_fmt = "yuv420p"
        self._stream.options = {"crf": MP4_CRF, "preset": MP4_PRESET}
        context = self._stream.codec_context
        context.colorspace = context.color_primaries = context.color_trc = 1  # BT.709
        self._pts = 0

    def add(self, frame: np.ndarray, count: int) -> None:
        import av

        picture = av.VideoFrame.from_ndarray(frame, format="bgra").reformat(
            format="yuv420p", dst_colorspace="ITU709"
        )
        for _ in range(count):
            picture.pts = self._pts
            self._pts += 1
            self._container.mux(self._stream.encode(picture))

    def close(self) -> None:
        self._container.mux(self._stream.encode(None))
        self._container.close()

    def abort(self) -> None:
        self._container.close()


class GifWriter:
    """Animated GIF, looping, streamed frame by frame.

    Each frame keeps only the rectangle that changed since the one before (disposal "leave in
    place") with its own palette of up to 255 colours; inside it, pixels that did not change are
    the transparent index 255, which LZW packs into almost nothing, so a front line that moves a
    few pixels costs a few pixels. One frame is held back: a frame identical to the one before
    only lengthens it.
    Durations are in hundredths of a second, rounded on the running clock so the total is right.
    """

    def __init__(self, path: Path, size: tuple[int, int], fps: float) -> None:
        self._file: BinaryIO = path.open("wb")
        self._size = size
        self._fps = fps
        self._shown: np.ndarray | None = None
        self._pending: np.ndarray | None = None
        self._pending_start = 0
        self._pending_count = 0

    def add(self, frame: np.ndarray, count: int) -> None:
        if self._pending is not None and np.array_equal(frame, self._pending):
            self._pending_count += count
            return
        self._flush()
        self._pending = frame.copy()
        self._pending_count = count

    def close(self) -> None:
        self._flush()
        self._file.write(b";")
        self._file.close()

    def abort(self) -> None:
        self._file.close()

    def _flush(self) -> None:
        if self._pending is None:
            return
        from PIL import GifImagePlugin, Image

        frame, start, count = self._pending, self._pending_start, self._pending_count
        colours = _colours(frame)
        changed = None if self._shown is None else colours != self._shown
        x0, y0, x1, y1 = _changed_box(changed, frame.shape)
        crop = np.ascontiguousarray(frame[y0:y1, x0:x1])
        picture = _rgb_image(crop).quantize(
            GIF_COLOURS - 1, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
        palette = picture.getpalette() or []
        picture.putpalette(palette + [0] * (3 * GIF_COLOURS - len(palette)))
        params: dict[str, int] = {"disposal": 1}
        if changed is None:
            header, _used = GifImagePlugin.getheader(picture, info={"loop": 0})
            self._file.write(b"".join(header))
        else:
            indices = np.asarray(picture).copy()
            indices[~changed[y0:y1, x0:x1]] = TRANSPARENT
            transparent = Image.fromarray(indices, "P")
            transparent.putpalette(picture.getpalette() or [])
            picture, params["transparency"] = transparent, TRANSPARENT
        begin, end = frame_times_ms(start, count, self._fps)
        params["duration"] = (round(end / 10) - round(begin / 10)) * 10
        for chunk in GifImagePlugin.getdata(picture, (x0, y0), include_color_table=True, **params):
            self._file.write(chunk)
        self._shown = colours
        self._pending, self._pending_start = None, start + count


def _colours(frame: np.ndarray) -> np.ndarray:
    """Each pixel's blue, green and red as one ``uint32`` (the unused byte cleared)."""
    height, width = frame.shape[:2]
    packed = np.ascontiguousarray(frame).view(np.uint32).reshape(height, width)
    return packed & np.uint32(0x00FFFFFF)


def _changed_box(changed: np.ndarray | None, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    """``x0, y0, x1, y1`` around the ``changed`` pixels (the whole frame for the first one)."""
    height, width = shape[:2]
    if changed is None:
        return 0, 0, width, height
    rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
    if len(rows) == 0:
        return 0, 0, 1, 1
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


class WebpWriter:
    """Animated WebP, looping, through Pillow's libwebp animation encoder.

    Pillow's ``save(save_all=True)`` wants every frame as an image at once (2 GB for 769 frames
    at 1280×720), so the frames go to the same encoder object it uses, one by one; libwebp keeps
    them compressed and merges identical consecutive frames itself.
    """

    def __init__(self, path: Path, size: tuple[int, int], fps: float) -> None:
        from PIL import _webp

        self._path = path
        self._fps = fps
        self._encoder = _webp.WebPAnimEncoder(size, 0, 0, False, 3, 5, False, False)
        self._next = 0

    def add(self, frame: np.ndarray, count: int) -> None:
        begin, _end = frame_times_ms(self._next, count, self._fps)
        image = _rgb_image(frame)
        self._encoder.add(image.getim(), begin, False, WEBP_QUALITY, 100, WEBP_METHOD)
        self._next += count

    def close(self) -> None:
        end, _ = frame_times_ms(self._next, 0, self._fps)
        self._encoder.add(None, end, False, WEBP_QUALITY, 100, 0)
        data = self._encoder.assemble(b"", b"", b"")
        if data is None:
            raise OSError(f"{self._path.name}: the WebP encoder returned nothing")
        self._path.write_bytes(data)

    def abort(self) -> None:
        self._encoder = None


def open_writer(path: Path, kind: str, size: tuple[int, int], fps: float) -> FrameWriter:
    """A writer of ``kind`` (one of :data:`VIDEO_FORMATS`) at ``path``."""
    writers: dict[str, type[Mp4Writer | GifWriter | WebpWriter]] = {
        "mp4": Mp4Writer,
        "gif": GifWriter,
        "webp": WebpWriter,
    }
    return writers[kind](path, size, fps)
