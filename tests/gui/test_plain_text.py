"""User text (a file name, words of a corpus, a lesson, a checkpoint's contents) is shown as text, never
interpreted as markup: labels showing it are plain text, tooltips and message boxes escape it (defect 12)."""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QLabel, QWidget

from rnn_lab.engine.tasks.registry import default_config
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import open_window

MARK = "<b>bold"  # (no "/": it is also a file name; an unclosed tag renders bold all the same)


def rendered_as_markup(window) -> list[str]:
    """Every place in the window where the marker would be rendered as markup (a bold 'bold')."""
    bad = []
    for label in window.findChildren(QLabel):
        text = label.text()
        rich = label.textFormat() == Qt.TextFormat.RichText or (
            label.textFormat() == Qt.TextFormat.AutoText and Qt.mightBeRichText(text))
        if MARK in text and rich:
            bad.append(f"label {label.objectName() or type(label.parent()).__name__}: {text[:80]!r}")
    for widget in window.findChildren(QWidget):
        tip = widget.toolTip()
        if MARK in tip and Qt.mightBeRichText(tip):
            bad.append(f"tooltip of {type(widget).__name__}: {tip[:80]!r}")
    return bad


def test_html_in_a_file_name_is_shown_as_text(qtbot, settings, tmp_path):
    """Before: the status bar's task label (auto-detected rich text) showed the name in bold, and the data
    label's tooltip too."""
    folder = tmp_path / f"{MARK} & <i>it"
    folder.mkdir()
    data = folder / f"{MARK}.txt"
    data.write_text("".join(f"{a}+{a}".ljust(7) + "_" + str(2 * a).ljust(4) + "\n" for a in range(100)))
    config = default_config("seq2seq", data=str(data), hidden=8, embed=4, batch=4)  # (its description names the file)
    window, controller = open_window(qtbot, settings, config)
    try:
        assert MARK in window.info["description"]
        assert MARK in window.status.task.text()  # shown, literally
        assert rendered_as_markup(window) == []
    finally:
        window.close()
        controller.close()


def test_the_error_box_shows_an_exception_as_text(qtbot, monkeypatch, tmp_path):
    """An unexpected error's message may hold a file name: the box that shows it is plain text."""
    import sys

    from PyQt6.QtWidgets import QMessageBox

    from rnn_lab.gui.app import install_excepthook

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append((self.textFormat(), self.text())) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(tmp_path / "log.txt", interactive=True)
    try:
        raise OSError(f"cannot open {MARK}.txt")
    except OSError:
        sys.excepthook(*sys.exc_info())
    assert shown and MARK in shown[0][1] and shown[0][0] == Qt.TextFormat.PlainText


def test_the_autosave_question_never_renders_what_the_file_says(qtbot, window, tmp_path, monkeypatch):
    import json

    import numpy as np

    from rnn_lab.engine.checkpoint import META_KEY, read_checkpoint_arrays, save_checkpoint
    from rnn_lab.engine.tasks.registry import make_task
    from rnn_lab.engine.trainer import Trainer
    from rnn_lab.gui.autosave import Autosave

    trainer = Trainer(make_task(default_config("adder", hidden=4)))
    trainer.fit(max_steps=3)
    autosave = Autosave(window, window.controller, folder=tmp_path)
    save_checkpoint(autosave.path, trainer)
    arrays, meta = read_checkpoint_arrays(autosave.path)
    meta["saved_at"] = f"{MARK}<img src='x'>"
    arrays[META_KEY] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    with open(autosave.path, "wb") as f:
        np.savez(f, **arrays)
    asked = []
    monkeypatch.setattr(type(autosave), "ask", lambda self, text: asked.append(text) or False)
    autosave.offer_restore()
    assert asked and not Qt.mightBeRichText(asked[0]) and "step 3" in asked[0]


def test_words_of_the_corpus_in_tooltips_are_text(qtbot):
    """A word model's tokens are whatever the corpus holds: "<b>bold" is a word there."""
    import numpy as np
    from PyQt6.QtWidgets import QTableWidget

    from rnn_lab.gui.widgets.unit_colors import fill_top5_grid

    grid = QTableWidget(6, 2)
    qtbot.addWidget(grid)
    fill_top5_grid(grid, ["the", MARK], np.array([0.1, -0.2]), [[(MARK, 0.5)], [("cat", 0.4)]])
    tips = [grid.item(r, c).toolTip() for r in range(6) for c in range(2) if grid.item(r, c)]
    assert any("&lt;b&gt;bold" in t for t in tips)  # escaped: shown as the characters
    assert not any(MARK in t and Qt.mightBeRichText(t) for t in tips)
