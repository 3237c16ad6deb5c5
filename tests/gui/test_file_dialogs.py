"""File menu flows: opening data for a task, and loading a checkpoint whose data has moved."""

from __future__ import annotations

from PyQt6.QtWidgets import QFileDialog, QMessageBox

from rnn_lab.engine.tasks.registry import default_config
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS, open_window, trainer_of

TEXT = "the quick brown fox jumps over the lazy dog.\n" * 200  # enough for batch 32 x bptt 64


def test_open_text_file_switches_to_a_language_task(qtbot, window, tmp_path, monkeypatch):
    corpus = tmp_path / "fox.txt"
    corpus.write_text(TEXT)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(corpus), ""))
    window.open_data("file")  # from the adder: a text file means the character model
    qtbot.waitUntil(lambda: window.info["task"] == "char", timeout=WAIT_MS)
    assert trainer_of(window).config.data == str(corpus)
    assert window.task_panel.data_label.text() == f"…/{corpus.name}"
    assert str(corpus) in window.task_panel.data_label.toolTip()


def test_missing_data_file_shows_the_reason_and_keeps_the_model(qtbot, window, tmp_path):
    before = trainer_of(window)
    window.use_data("char", str(tmp_path / "missing.txt"))
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=WAIT_MS)
    assert "missing.txt" in window.banner.label.text()
    assert trainer_of(window) is before and window.info["task"] == "adder"


def test_load_asks_where_moved_data_is(qtbot, settings, tmp_path, monkeypatch):
    corpus = tmp_path / "fox.txt"
    corpus.write_text(TEXT)
    window, controller = open_window(qtbot, settings, default_config("char", data=str(corpus), hidden=8,
                                                                     embed=4, bptt=8, batch=2))
    try:
        ckpt = tmp_path / "fox.npz"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(ckpt), ""))
        window.save_checkpoint()
        qtbot.waitUntil(ckpt.exists, timeout=WAIT_MS)
        moved = tmp_path / "moved.txt"
        corpus.rename(moved)
        asked = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *a, **k: asked.append(a[1]) or (str(moved), ""))
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Discard)
        window.load_checkpoint(str(ckpt))
        qtbot.waitUntil(lambda: trainer_of(window).config.data == str(moved), timeout=WAIT_MS)
        assert len(asked) == 1 and "fox.txt" in asked[0]
    finally:
        window.close()
        controller.close()
