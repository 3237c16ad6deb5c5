"""Recordings for slides: the encoders (frame counts, sizes, durations), ``--record FILE --steps N``
offscreen, and the window's Record action with its indicator."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from rnn_lab.gui import recording
from rnn_lab.gui.recording import Recording, format_of
from tests.gui.window_fixtures import WAIT_MS, settings, window  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]


def frames_of(width: int, height: int, n: int):
    """n frames of a bar moving over a light background, like a curve being drawn."""
    base = np.full((height, width, 3), 244, np.uint8)
    for k in range(n):
        img = base.copy()
        img[20:height - 20, 10 + 4 * k:14 + 4 * k] = (59, 139, 217)
        yield img


@pytest.mark.parametrize("fmt", ["gif", "apng", "webp"])
def test_every_frame_is_written_with_its_time(tmp_path, fmt):
    path = tmp_path / f"rec{recording.SUFFIXES[fmt]}"
    rec = Recording(path, max_side=200)
    for k, img in enumerate(frames_of(300, 120, 25)):
        rec.submit(img.tobytes(), 300, 120, 300 * 3, t=k / 10, wait=True)
    rec.submit(img.tobytes(), 300, 120, 300 * 3, t=2.5, wait=True)  # the same picture again: merged
    rec.finish(end=2.6)
    result = rec.wait(60)
    assert result.error is None and result.frames == 25 and result.captured == 26
    assert result.size == (200, 80)  # scaled to the largest side
    assert result.bytes == path.stat().st_size and abs(result.seconds - 2.6) < 1e-9
    with Image.open(path) as im:
        assert im.n_frames == 25 and im.size == (200, 80)
        durations = []
        for k in range(im.n_frames):
            im.seek(k)
            im.load()  # (WebP reads a frame's timing with its pixels)
            durations.append(im.info["duration"])
        assert durations == [100] * 24 + [200]  # real time; the repeated last picture lengthens the last frame
    with Image.open(path) as im:  # (opened again: Pillow's APNG reader loses a palette when it seeks back)
        im.seek(12)
        frame = np.asarray(im.convert("RGB"))
    bar = frame[40, int((10 + 4 * 12 + 2) * 200 / 300)]
    assert np.abs(bar.astype(int) - (59, 139, 217)).max() < 30  # the colour survived (lossy WebP: close)


def test_mp4_when_pyav_is_there(tmp_path):
    if not recording.mp4_available():
        pytest.skip("PyAV with an H.264 encoder is not installed (pip install av): MP4 is not offered")
    import av

    path = tmp_path / "rec.mp4"
    rec = Recording(path)
    for k, img in enumerate(frames_of(301, 121, 20)):
        rec.submit(img.tobytes(), 301, 121, 301 * 3, t=k / 10, wait=True)
    rec.finish()
    result = rec.wait(60)
    assert result.error is None and result.frames == 20
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (300, 120)  # even sizes for yuv420p
        assert sum(1 for _ in container.decode(stream)) == 20


def test_a_target_resized_while_recording_keeps_the_first_size(tmp_path):
    rec = Recording(tmp_path / "r.gif")
    for k, (w, h) in enumerate([(200, 100), (260, 100), (150, 90)]):
        img = np.full((h, w, 3), 30 * k, np.uint8)
        rec.submit(img.tobytes(), w, h, w * 3, t=k / 10, wait=True)
    rec.finish()
    result = rec.wait(30)
    assert result.error is None and result.frames == 3 and result.size == (200, 100)
    with Image.open(tmp_path / "r.gif") as im:
        assert im.n_frames == 3 and im.size == (200, 100)


def test_bad_names_and_failures_are_clear(tmp_path):
    with pytest.raises(ValueError, match="gif"):
        format_of(tmp_path / "movie.avi")
    assert format_of("a.PNG") == "apng" and format_of("b.apng") == "apng"
    blocked = tmp_path / "file"
    blocked.write_text("")
    with pytest.raises(OSError):
        Recording(blocked / "rec.gif")  # its folder is a file


def test_record_from_the_command_line(tmp_path):
    out = tmp_path / "adder.gif"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "main.py", "--record", str(out), "--task", "adder", "--steps", "12",
                           "--record-frames", "6", "--size", "1280x720"], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "7 frames" in proc.stdout and "1280 × 720" in proc.stdout
    with Image.open(out) as im:
        assert im.n_frames == 7 and im.size == (1280, 720)  # one before training, one after each 2 steps
    view = tmp_path / "inside.png"
    proc = subprocess.run([sys.executable, "main.py", "--record", str(view), "--task", "adder", "--steps", "3",
                           "--record-view", "Inside"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    with Image.open(view) as im:
        assert im.n_frames == 4 and im.size[0] < 1280 and im.size[1] < 800  # the view alone
    proc = subprocess.run([sys.executable, "main.py", "--record", str(tmp_path / "x.gif"), "--task", "adder",
                           "--record-view", "nonsense"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 2 and "nonsense" in proc.stderr and "Traceback" not in proc.stderr


def test_record_action_records_a_view_with_a_visible_indicator(qtbot, window, tmp_path, monkeypatch):  # noqa: F811
    from rnn_lab.gui import main_window

    path = tmp_path / "curves.webp"
    monkeypatch.setattr(main_window, "ask_recording",
                        lambda win, targets, task: (dict(targets)["Training curves"], str(path), "webp", 640))
    assert [label for label, _ in window.record_targets()][:2] == ["The whole window", "Training curves"]
    window.controller.play()
    window.toggle_recording()
    assert window.recorder.active and window.record_action.text() == "Stop recording"
    qtbot.waitUntil(lambda: window.recorder.recording.result.captured >= 4, timeout=WAIT_MS)
    assert window.recorder.indicator.isVisible() and "REC" in window.recorder.indicator.text()
    with qtbot.waitSignal(window.recorder.finished, timeout=WAIT_MS) as done:
        window.toggle_recording()
    result = done.args[0]
    assert result.error is None and result.frames >= 2 and path.exists()
    assert not window.recorder.indicator.isVisible() and window.record_action.text() == "Record…"
    assert "Saved the recording" in window.statusBar().currentMessage()
    with Image.open(path) as im:
        assert im.size == result.size and max(im.size) <= 640


def test_the_indicator_is_not_in_a_frame_of_the_whole_window(qtbot, window, tmp_path):  # noqa: F811
    from rnn_lab.gui.recorder import grab_rgb

    window.recorder.start(window, tmp_path / "w.gif", timed=False)
    assert window.recorder.indicator.isVisible()
    grabbed = []
    real = grab_rgb

    def spy(widget):
        grabbed.append(window.recorder.indicator.isVisible())
        return real(widget)

    import rnn_lab.gui.recorder as recorder_module

    recorder_module.grab_rgb = spy
    try:
        window.recorder.capture(t=0.0, wait=True)
    finally:
        recorder_module.grab_rgb = real
    assert grabbed == [False] and window.recorder.indicator.isVisible()
    window.recorder.stop()
    assert window.recorder.wait(30).frames == 1
