"""``python main.py --screenshot out.png --steps N`` renders the trained window to a picture."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_of_the_adder_after_training(tmp_path):
    if not (ROOT / "main.py").exists():
        pytest.skip("main.py is not there yet")
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONWARNINGS="error::RuntimeWarning")
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(out), "--steps", "200"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "step 200" in proc.stdout
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    from PyQt6.QtGui import QImage

    img = QImage(str(out)).convertToFormat(QImage.Format.Format_RGB32)
    assert (img.width(), img.height()) == (1280, 800)
    ptr = img.constBits()
    ptr.setsize(img.sizeInBytes())
    pixels = np.frombuffer(ptr, dtype=np.uint32).reshape(800, -1)[:, :1280]
    assert len(np.unique(pixels)) > 200  # text, curves, heatmaps: far from a blank window
    # the training-curve colour is on screen: the loss was drawn
    train_blue = 0xFF3B8BD9
    assert np.count_nonzero(pixels == train_blue) > 50


@pytest.mark.parametrize("args, words", [
    (["--task", "char", "--data", "missing.txt"], "missing.txt does not exist"),
    (["--checkpoint", "bad.npz"], "not an RNN Lab checkpoint"),
])
def test_a_start_that_fails_is_seen_and_exits_non_zero(tmp_path, args, words):
    """The error stays in the banner over the adder, and --screenshot says it and exits 1."""
    (tmp_path / "bad.npz").write_bytes(b"not a checkpoint")
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-m", "rnn_lab", "--screenshot", str(out), *args, "--steps", "3"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr[-2000:]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("rnn-lab: error: ")]
    assert len(errors) == 1 and words in errors[0], proc.stderr
    assert out.is_file()  # the picture shows the banner over the adder
