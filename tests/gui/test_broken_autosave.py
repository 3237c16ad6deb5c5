"""JSON nested deep enough to raise RecursionError (defect 8): refused with a message by every reader of a
user's JSON (checkpoint metadata, lessons, the window's saved settings); an autosave that cannot be read or
loaded is moved aside with a message and the app starts anyway."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rnn_lab.engine.checkpoint import META_KEY, CheckpointError, read_checkpoint_arrays, read_checkpoint_meta
from rnn_lab.engine.lessons import load_lesson
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import Trainer
from rnn_lab.gui.autosave import Autosave
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS

ROOT = Path(__file__).resolve().parents[2]
DEEP = "[" * 200_000 + "]" * 200_000


def deep_checkpoint(path: Path) -> Path:
    """A checkpoint whose metadata is a deeply nested JSON array."""
    np.savez(path, **{META_KEY: np.frombuffer(DEEP.encode(), dtype=np.uint8)})
    return path


def trained_checkpoint(path: Path, steps: int = 5) -> Path:
    from rnn_lab.engine.checkpoint import save_checkpoint

    trainer = Trainer(make_task(default_config("adder", hidden=4)))
    trainer.fit(max_steps=steps)
    return save_checkpoint(path, trainer)


def test_deep_json_is_a_message_for_every_reader(tmp_path, settings):
    """Before: RecursionError from json.loads, uncaught by the window's slots."""
    with pytest.raises(RecursionError):
        json.loads(DEEP)
    with pytest.raises(CheckpointError, match="nested 200000 levels deep"):
        read_checkpoint_meta(deep_checkpoint(tmp_path / "deep.npz"))
    lesson = tmp_path / "deep.json"
    lesson.write_text(DEEP)
    with pytest.raises(ValueError, match="nested 200000 levels deep"):
        load_lesson(lesson)
    from rnn_lab.gui import window_settings

    settings.setValue("config/char", DEEP)

    class Window:  # what restore() touches
        task_configs: dict = {}

        def __init__(self):
            self.settings = settings

        def restoreGeometry(self, g):  # noqa: N802
            pass

        def restoreState(self, s, v):  # noqa: N802
            pass

    w = Window()
    window_settings.restore(w)  # ignores them, with a warning in the log
    assert "char" not in w.task_configs


def test_an_autosave_that_cannot_be_read_is_moved_aside_with_a_message(qtbot, window, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(Autosave, "ask", lambda self, text: asked.append(text) or True)
    autosave = Autosave(window, window.controller, folder=tmp_path)
    deep_checkpoint(autosave.path)
    assert not autosave.offer_restore() and asked == []  # before: RecursionError, and the app did not start
    assert not autosave.path.exists()
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("autosave.broken-")]
    assert len(moved) == 1 and moved[0].read_bytes()[:2] == b"PK"  # kept, not deleted: the user may want it
    assert window.banner.isVisible() and moved[0].name in window.banner.label.text()
    assert "nested" in window.banner.label.text()


def test_an_autosave_that_fails_to_load_is_moved_aside_and_the_window_works(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(Autosave, "ask", lambda self, text: True)
    autosave = Autosave(window, window.controller, folder=tmp_path)
    trained_checkpoint(autosave.path)
    arrays, _ = read_checkpoint_arrays(autosave.path)
    arrays["param.rnn0.Wh"] = np.full_like(arrays["param.rnn0.Wh"], np.nan)  # reads, describes, but cannot load
    with open(autosave.path, "wb") as f:
        np.savez(f, **arrays)
    assert autosave.offer_restore()
    autosave.restore()
    qtbot.waitUntil(lambda: any(p.name.startswith("autosave.broken-") for p in tmp_path.iterdir()), timeout=WAIT_MS)
    assert not autosave.path.exists()
    qtbot.waitUntil(lambda: "NaN" in window.banner.label.text() and "moved" in window.banner.label.text(),
                    timeout=WAIT_MS)
    window.controller.step(2)  # the window still trains the model it had
    qtbot.waitUntil(lambda: window.step == 2, timeout=WAIT_MS)


@pytest.mark.skipif(os.name != "posix", reason="XDG folders and SIGINT")
def test_the_app_starts_with_a_broken_autosave(tmp_path):
    """Before: five exits in a row (RecursionError at start-up), and one segfault."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_STATE_HOME=str(tmp_path / "state"))
    folder = tmp_path / "data" / "rnn-lab"
    folder.mkdir(parents=True)
    deep_checkpoint(folder / "autosave.npz")
    proc = subprocess.Popen([sys.executable, "main.py", "--worker", "thread", "--task", "adder"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        end = time.monotonic() + 60
        while time.monotonic() < end and proc.poll() is None and (folder / "autosave.npz").exists():
            time.sleep(0.1)
        time.sleep(1.0)
        assert proc.poll() is None, proc.communicate()[1][-2000:]  # running: the window is up
        proc.send_signal(signal.SIGINT)  # Ctrl+C in the terminal closes the window
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err[-2000:]
    assert "RecursionError" not in err and "Traceback" not in err
    assert [p.name.startswith("autosave.broken-") for p in folder.iterdir()].count(True) == 1
