"""Files the window reads on its own thread (a checkpoint's metadata at File > Load, a lesson) are read only
when they are regular files of a bounded size: a FIFO or a device is refused at once, never waited on (defect 6)."""

from __future__ import annotations

import os
import threading
import time

import pytest

from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs (POSIX)")


@pytest.fixture
def fifo(tmp_path):
    """A FIFO that a writer opens after 5 s (so a reader that blocks on it is released, and measured)."""
    path = tmp_path / "pipe.npz"
    os.mkfifo(path)
    stop = threading.Event()

    def writer():
        if not stop.wait(5.0):
            with open(path, "wb") as f:
                f.write(b"PK\x03\x04")

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    yield path
    stop.set()
    try:  # release a writer still waiting for a reader
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        os.close(fd)
    except OSError:
        pass
    thread.join(6.0)


def test_file_load_of_a_fifo_does_not_block_the_window(qtbot, window, fifo):
    """Before: File > Load read the metadata on the window's thread and waited for a writer forever."""
    t0 = time.monotonic()
    window.load_checkpoint(str(fifo))
    assert time.monotonic() - t0 < 2.0
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=WAIT_MS)
    assert "not a regular file" in window.banner.label.text()
    assert window.info is not None  # the model that was there stays


@pytest.mark.parametrize("where", ["fifo", "/dev/zero"])
def test_a_lesson_on_a_fifo_or_a_device_is_refused_at_once(qtbot, window, fifo, where):
    path = fifo if where == "fifo" else "/dev/zero"
    t0 = time.monotonic()
    assert not window.lessons.open_path(path)
    assert time.monotonic() - t0 < 2.0
    assert "not a regular file" in window.banner.label.text() and not window.lessons.active
