"""Animated recordings for slides: frames in, an animated GIF, APNG, WebP (Pillow) or MP4 (PyAV, when
installed: ``pip install "rnn-lab[mp4]"``) out, encoded on a thread of its own.

``Recording(path)`` takes raw RGB frames (``submit``, from the window's thread, which only copies the
pixels it grabbed) with their capture times, scales them down to ``max_side`` and writes them:

- GIF is written as the frames come (``GifStream``): each frame only the rectangle that changed, with
  its own palette; identical frames lengthen the previous one. Memory: one frame.
- MP4 (H.264) is written as the frames come, by PyAV.
- APNG and WebP keep every frame zlib-compressed (screens compress about 20x) and are written by
  Pillow at the end, reading them back one at a time (APNG in one palette, WebP lossless).

A frame's duration is the time until the next one was captured (the timer's rate, 10 per second by
default, or slower when the window was busy), so the recording plays in real time.
"""

from __future__ import annotations

import queue
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import numpy as np
from PIL import GifImagePlugin, Image

FPS = 10
MAX_SIDE = 1280  # pixels: frames are scaled down to fit (a whole window at 1280x800 stays as it is)
MAX_SECONDS = 600  # a recording stops itself after ten minutes
QUEUE_FRAMES = 20  # frames waiting for the encoder; more are dropped (and counted), never queued forever


def mp4_available() -> bool:
    """True when PyAV (with an H.264 encoder) is installed."""
    try:
        import av  # noqa: F401
    except ImportError:
        return False
    try:
        av.codec.Codec("libx264", "w")
    except Exception:  # noqa: BLE001 - any failure: no encoder
        return False
    return True


FORMATS = {"gif": "GIF", "apng": "APNG", "webp": "WebP", "mp4": "MP4"}
SUFFIXES = {"gif": ".gif", "apng": ".png", "webp": ".webp", "mp4": ".mp4"}


def formats() -> list[str]:
    """The formats this installation can write."""
    return [f for f in FORMATS if f != "mp4" or mp4_available()]


def format_of(path: str | Path) -> str:
    """The format a file name asks for (".png" and ".apng" are APNG); ValueError for others."""
    suffix = Path(path).suffix.lower()
    for fmt, ext in SUFFIXES.items():
        if suffix == ext or (fmt == "apng" and suffix == ".apng"):
            return fmt
    raise ValueError(f"a recording is a .gif, .png (APNG), .webp or .mp4 file, not {suffix or 'no suffix'!r}")


# ------------------------------------------------------------------------------------------ writers
def make_palette(first: Image.Image, colors: list[tuple[int, int, int]]) -> Image.Image:
    """A palette image of 255 colours: ``colors`` exactly (the window's series colours), and as many
    more of the first frame's (median cut) as make 255 (index 255 stays free: GIF's transparent)."""
    n = len(colors)
    own = first.quantize(colors=255 - n, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    entries = own.getpalette()[:3 * (255 - n)]
    entries += [v for rgb in colors for v in rgb]
    palette = Image.new("P", (1, 1))
    palette.putpalette(entries + entries[:3] * (255 - len(entries) // 3))  # exactly 255 entries
    return palette


class GifStream:
    """An animated GIF written frame by frame with Pillow's GIF encoder (``getheader``, ``getdata``).

    One palette for the whole recording (255 colours from the first frame and ``colors``, the window's
    series colours), so a colour looks the same in every frame; each frame is the rectangle that
    changed, the unchanged pixels in it transparent (index 255)."""

    TRANSPARENT = 255

    def __init__(self, path: Path, colors: list[tuple[int, int, int]] = ()) -> None:
        self.fp = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.colors = list(colors)
        self.palette: Image.Image | None = None
        self.previous: np.ndarray | None = None
        self.pending: tuple[Image.Image, tuple[int, int]] | None = None
        self.pending_t = 0.0
        self.frames = 0
        self._written = 0

    def _index(self, im: Image.Image) -> Image.Image:
        return im.quantize(palette=self.palette, dither=Image.Dither.NONE)

    def add(self, frame: Image.Image, t: float) -> None:
        pixels = np.asarray(frame)
        if self.previous is None:
            self.palette = make_palette(frame, self.colors)
            first = self._index(frame)
            header, _ = GifImagePlugin.getheader(first.copy(), None, {"loop": 0})
            for chunk in header:
                self.fp.write(chunk)
            self.pending, self.pending_t = (first, (0, 0)), t
        else:
            same = pixels == self.previous
            diff = ~(same[..., 0] & same[..., 1] & same[..., 2])  # (3x faster than .all(axis=2))
            if not diff.any():  # the same picture: the previous frame stays longer
                self.previous = pixels
                return
            rows, cols = np.flatnonzero(diff.any(axis=1)), np.flatnonzero(diff.any(axis=0))
            box = (int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1)
            self._flush(t)
            # Within the changed rectangle, pixels that did not change are transparent: the previous
            # frame shows through, and long runs of one index cost the compression almost nothing.
            part = self._index(frame.crop(box))
            index = np.asarray(part).copy()
            index[~diff[box[1]:box[3], box[0]:box[2]]] = self.TRANSPARENT
            delta = Image.fromarray(index, mode="P")
            delta.putpalette(part.getpalette())
            self.pending, self.pending_t = (delta, box[:2]), t
        self.previous = pixels
        self.frames += 1

    def _flush(self, until: float) -> None:
        im, offset = self.pending
        duration = max(20, int(round((until - self.pending_t) * 100)) * 10)  # GIF counts in 1/100 s
        extra = {"transparency": self.TRANSPARENT} if self._written else {}  # (the first frame is whole)
        self._written += 1
        for chunk in GifImagePlugin.getdata(im, offset, duration=duration, disposal=1, **extra):
            self.fp.write(chunk)

    def close(self, end: float) -> None:
        if self.pending is not None:
            self._flush(end)
        self.fp.write(b";")
        self.fp.close()


class Mp4Stream:
    """H.264 in MP4 with PyAV, frame by frame (sizes rounded down to even numbers, as yuv420p needs)."""

    def __init__(self, path: Path, fps: int) -> None:
        import av

        self.av = av
        self.container = av.open(str(path), mode="w")
        self.stream = None
        self.fps, self.frames = fps, 0
        self.t0: float | None = None

    def add(self, frame: Image.Image, t: float) -> None:
        w, h = frame.size[0] // 2 * 2, frame.size[1] // 2 * 2
        if self.stream is None:
            self.stream = self.container.add_stream("libx264", rate=self.fps)
            self.stream.width, self.stream.height = w, h
            self.stream.pix_fmt = "yuv420p"
            self.stream.time_base = Fraction(1, 1000)
            self.stream.options = {"crf": "23", "preset": "veryfast"}
            self.t0 = t
        if frame.size != (w, h):
            frame = frame.crop((0, 0, w, h))
        vf = self.av.VideoFrame.from_image(frame)
        vf.pts = int(round((t - self.t0) * 1000))
        vf.time_base = Fraction(1, 1000)
        for packet in self.stream.encode(vf):
            self.container.mux(packet)
        self.frames += 1

    def close(self, end: float) -> None:
        if self.stream is not None:
            for packet in self.stream.encode():
                self.container.mux(packet)
        self.container.close()


class _StoredFrames(Image.Image):
    """Stored frames seen by Pillow's writers as one multi-frame image, decoded one at a time."""

    def __init__(self, frames: list[tuple[bytes, tuple[int, int]]], mode: str = "RGB",
                 palette: list[int] | None = None) -> None:
        super().__init__()
        self._frames, self._frame_mode, self._palette_entries = frames, mode, palette
        self.n_frames = len(frames)
        self.is_animated = self.n_frames > 1
        self._index = -1
        self.info = {}
        self.seek(0)

    def seek(self, frame: int) -> None:
        if frame == self._index:
            return
        if not 0 <= frame < self.n_frames:
            raise EOFError("no more frames")  # (how Pillow's frame iterators know the end)
        data, size = self._frames[frame]
        decoded = Image.frombytes(self._frame_mode, size, zlib.decompress(data))
        if self._palette_entries is not None:
            decoded.putpalette(self._palette_entries)
            decoded.load()
            self.palette = decoded.palette
        self.im, self._mode, self._size, self._index = decoded.im, self._frame_mode, size, frame

    def tell(self) -> int:
        return self._index


class PillowAnimation:
    """APNG or WebP: frames kept zlib-compressed, written by Pillow at the end. APNG frames take one
    palette (as GIF's: a third of the size of full-colour frames); WebP is lossless, its encoder told to
    look for the smallest file (UI pictures: about half of a GIF's size)."""

    def __init__(self, path: Path, fmt: str, colors: list[tuple[int, int, int]] = ()) -> None:
        self.path, self.fmt, self.colors = path, fmt, list(colors)
        self.palette: Image.Image | None = None
        self.stored: list[tuple[bytes, tuple[int, int]]] = []
        self.times: list[float] = []
        self.previous: bytes | None = None
        self.frames = 0

    def add(self, frame: Image.Image, t: float) -> None:
        if self.fmt == "apng":
            if self.palette is None:
                self.palette = make_palette(frame, self.colors)
            frame = frame.quantize(palette=self.palette, dither=Image.Dither.NONE)
        raw = frame.tobytes()
        if raw == self.previous:  # the same picture: the previous frame stays longer
            return
        self.previous = raw
        self.stored.append((zlib.compress(raw, 1), frame.size))
        self.times.append(t)
        self.frames += 1

    def close(self, end: float) -> None:
        if not self.stored:
            raise ValueError("no frames were recorded")
        ends = self.times[1:] + [end]
        durations = [max(20, int(round((b - a) * 1000))) for a, b in zip(self.times, ends)]
        options = {"save_all": True, "duration": durations, "loop": 0}
        if self.fmt == "apng":
            frames = _StoredFrames(self.stored, "P", self.palette.getpalette())
            frames.save(self.path, "PNG", default_image=False, disposal=0, blend=0, **options)
        else:
            frames = _StoredFrames(self.stored)
            frames.save(self.path, "WEBP", lossless=True, method=1, minimize_size=True, **options)


def fit(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``image`` scaled to fit ``size`` (not enlarged), centred on its own top-left colour (the target
    was resized during the recording: the frames keep the first one's size)."""
    scale = min(size[0] / image.width, size[1] / image.height, 1.0)
    if scale < 1.0:
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))),
                             Image.Resampling.BILINEAR)
    canvas = Image.new("RGB", size, image.getpixel((0, 0)))
    canvas.paste(image, ((size[0] - image.width) // 2, (size[1] - image.height) // 2))
    return canvas


# ------------------------------------------------------------------------------------------ the thread
@dataclass
class Result:
    path: Path
    frames: int = 0  # frames in the file (identical frames merged)
    captured: int = 0  # frames captured
    dropped: int = 0  # frames the encoder could not take in time
    seconds: float = 0.0  # length of the recording
    size: tuple[int, int] = (0, 0)  # frame size written
    bytes: int = 0
    error: str | None = None
    extra: dict = field(default_factory=dict)


class Recording:
    """One recording: ``submit`` frames from any thread, ``finish`` when done (see the module docstring)."""

    def __init__(self, path: str | Path, fmt: str | None = None, fps: int = FPS, max_side: int = MAX_SIDE,
                 on_done: Callable[[Result], None] | None = None, colors: list[tuple[int, int, int]] = ()) -> None:
        self.path = Path(path)
        self.fmt = fmt or format_of(self.path)
        if self.fmt not in formats():
            raise ValueError(f"this installation cannot write {FORMATS.get(self.fmt, self.fmt)} recordings"
                             + (" (install PyAV: pip install av)" if self.fmt == "mp4" else ""))
        self.fps, self.max_side = int(fps), int(max_side)
        self.colors = list(colors)  # colours a GIF's palette must have (the series colours)
        self.on_done = on_done
        self.result = Result(self.path)
        self._queue: queue.Queue = queue.Queue(maxsize=QUEUE_FRAMES)
        self._done = threading.Event()
        self._first: float | None = None
        self._last = 0.0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._thread = threading.Thread(target=self._run, name="rnnlab-recording", daemon=True)
        self._thread.start()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def submit(self, pixels: bytes, width: int, height: int, bytes_per_line: int, t: float | None = None,
               wait: bool = False) -> bool:
        """One RGB888 frame (rows ``bytes_per_line`` apart) captured at time ``t`` (seconds; default now).
        False if it was dropped because the encoder is behind (``wait``: wait for it instead, as a
        recording made offscreen does)."""
        t = time.monotonic() if t is None else float(t)
        self._first = t if self._first is None else self._first
        self._last = t
        self.result.captured += 1
        try:
            while wait and not self._done.is_set():
                try:
                    self._queue.put((pixels, width, height, bytes_per_line, t), timeout=0.2)
                    return True
                except queue.Full:
                    continue
            self._queue.put_nowait((pixels, width, height, bytes_per_line, t))
        except queue.Full:
            self.result.dropped += 1
            return False
        return True

    def finish(self, end: float | None = None) -> None:
        """No more frames: write the end of the file (on the recording's thread; ``on_done`` then)."""
        end = (self._last + 1.0 / self.fps) if end is None else float(end)
        while not self._done.is_set():  # (a writer that failed has stopped taking frames)
            try:
                self._queue.put(("end", end), timeout=0.2)
                return
            except queue.Full:
                continue

    def wait(self, timeout: float | None = None) -> Result:
        self._done.wait(timeout)
        return self.result

    def _scaled(self, image: Image.Image) -> Image.Image:
        w, h = image.size
        scale = min(1.0, self.max_side / max(w, h))
        if scale < 1.0:
            image = image.resize((max(2, round(w * scale)), max(2, round(h * scale))), Image.Resampling.BILINEAR,
                                 reducing_gap=2.0)
        return image

    def _writer(self):
        if self.fmt == "gif":
            return GifStream(self.path, self.colors)
        if self.fmt == "mp4":
            return Mp4Stream(self.path, self.fps)
        return PillowAnimation(self.path, self.fmt, self.colors)

    def _run(self) -> None:
        result = self.result
        writer = None
        try:
            writer = self._writer()
            while True:
                item = self._queue.get()
                if item[0] == "end":
                    end = item[1]
                    break
                pixels, width, height, bpl, t = item
                image = self._scaled(Image.frombuffer("RGB", (width, height), pixels, "raw", "RGB", bpl, 1))
                if result.size == (0, 0):
                    result.size = image.size  # every frame has the first one's size
                elif image.size != result.size:
                    image = fit(image, result.size)
                writer.add(image, t)
            writer.close(end)
            result.frames = writer.frames
            result.seconds = max(0.0, end - (self._first if self._first is not None else end))
            result.bytes = self.path.stat().st_size
        except Exception as exc:  # noqa: BLE001 - reported to the window, never raised on a thread
            result.error = f"{type(exc).__name__}: {exc}"
            fp = getattr(writer, "fp", None)
            if fp is not None and not fp.closed:
                fp.close()
            while not self._queue.empty():  # free the frames still waiting
                self._queue.get_nowait()
        finally:
            self._done.set()
            if self.on_done is not None:
                self.on_done(result)
