"""Lessons in the window: opening one builds its run, shows only its panels, hides and locks its
controls and shows its text; saving writes the same set-up back; leaving restores everything."""

from __future__ import annotations

from PyQt6.QtWidgets import QMessageBox

from rnn_lab.engine.lessons import builtin_lessons, load_lesson
from rnn_lab.gui.lesson_loader import panel_id, panel_ids
from tests.gui.window_fixtures import *  # noqa: F403

ADDER_LESSON = next(p for p in builtin_lessons() if "adder" in p.name)


def shown_ids(w):
    """Lesson ids of the shown docks (a panel lessons don't choose counts as its first id or class)."""
    return {panel_id(p) or type(p).__name__ for p, d in w.docks.items() if panel_ids(p) and not d.isHidden()}


def test_open_builtin_lesson_applies_it(qtbot, sync_window):
    w = sync_window
    before = shown_ids(w)
    assert {"adder", "activations"} < before  # more than the lesson's panels
    lesson = load_lesson(ADDER_LESSON)
    assert w.lessons.open_path(ADDER_LESSON)
    cfg = w.hyper.current_config()
    assert cfg.task == "adder" and cfg.lr == lesson.config["lr"] == 0.003 and cfg.eval_interval == 20
    assert w.controller.config.lr == 0.003  # the run was built with it
    assert shown_ids(w) == {"adder", "activations"}  # "curves" is the centre
    # hidden controls are gone, locked ones are shown but disabled with a reason
    assert w.hyper.editors["schedule"].isHidden() and w.hyper.labels["schedule"].isHidden()
    seed = w.hyper.editors["seed"]
    assert not seed.isHidden() and not seed.isEnabled() and seed.toolTip() == "locked by the lesson"
    assert not w.task_panel.task_combo.isEnabled()
    assert w.task_panel.task_combo.toolTip() == "locked by the lesson"
    assert w.hyper.editors["lr"].isEnabled()
    assert not w.lessons.dock.isHidden() and "carry" in w.lessons.panel.text.toPlainText()
    assert "The binary adder learns to carry" in w.lessons.dock.windowTitle()


def test_leave_lesson_restores(qtbot, sync_window):
    w = sync_window
    before = shown_ids(w)
    w.lessons.open_path(ADDER_LESSON)
    w.lessons.panel.leave_button.click()
    assert not w.lessons.active and w.lessons.dock.isHidden()
    assert shown_ids(w) == before
    assert not w.hyper.editors["schedule"].isHidden() and w.hyper.editors["seed"].isEnabled()
    assert w.task_panel.task_combo.isEnabled() and w.task_panel.task_combo.toolTip() != "locked by the lesson"
    assert w.hyper.current_config().lr == 0.003  # the model stays


def test_save_lesson_round_trip(qtbot, sync_window, tmp_path, monkeypatch):
    w = sync_window
    w.lessons.open_path(ADDER_LESSON)
    w.hyper._edited("hidden", 8)  # a rebuild field: pending, then auto-applied before the first step
    qtbot.waitUntil(lambda: w.controller.config.hidden == 8, timeout=5000)
    path = w.lessons.save(tmp_path / "mine.json", "My adder", "Para one.\n\n1. Press Space.",
                          hidden=["schedule", "optimizer"], locked=["task", "hidden"])
    saved = load_lesson(path)
    assert saved.task == "adder" and saved.config["hidden"] == 8 and saved.config["lr"] == 0.003
    assert saved.panels[0] == "curves" and set(saved.panels) == {"curves", "activations", "adder"}
    assert saved.hidden == ["schedule", "optimizer"] and saved.locked == ["task", "hidden"]
    assert saved.text == "Para one.\n\n1. Press Space." and saved.steps_hint == 500

    w.lessons.leave()
    w.controller.run_steps(2)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Discard)
    assert w.lessons.open_path(path)
    assert len(asked) == 1  # trained for 2 steps: asked before discarding, as Reset does
    assert w.controller.config.hidden == 8 and w.hyper.current_config().lr == 0.003
    assert shown_ids(w) == {"adder", "activations"}
    assert w.hyper.editors["optimizer"].isHidden() and not w.hyper.editors["hidden"].isEnabled()
    assert "My adder" in w.lessons.panel.text.toPlainText() and "1. Press Space." in w.lessons.panel.text.toPlainText()


def test_cancelled_or_bad_lesson_changes_nothing(qtbot, sync_window, tmp_path, monkeypatch):
    w = sync_window
    w.controller.run_steps(2)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not w.lessons.open_path(ADDER_LESSON)
    assert not w.lessons.active and w.controller.config.lr != 0.003 and w.step == 2
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "rnnlab-lesson"}')
    assert not w.lessons.open_path(bad)
    assert "missing key" in w.banner.label.text() and w.banner.level == "error"
    assert not w.lessons.active


def test_lessons_menu_and_save_dialog(qtbot, sync_window):
    from rnn_lab.gui.session_menu import SaveLessonDialog

    w = sync_window
    file_menu = w.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert {"Open lesson…", "Save lesson…", "Export all runs (CSV)…", "Lessons"} <= set(texts)
    lessons = next(a.menu() for a in file_menu.actions() if a.text() == "Lessons")
    entry = next(a for a in lessons.actions() if a.text() == "The binary adder learns to carry")
    assert len(lessons.actions()) == len(builtin_lessons())
    entry.trigger()
    assert w.lessons.active and w.lessons.path == ADDER_LESSON
    dlg = SaveLessonDialog(w)
    qtbot.addWidget(dlg)
    title, text, hidden, locked = dlg.choice()  # starts from the open lesson
    lesson = load_lesson(ADDER_LESSON)
    assert title == lesson.title and text == lesson.text
    assert set(hidden) == set(lesson.hidden) - {"decay_steps"} | ({"decay_steps"} & set(dlg.combos))
    assert locked == lesson.locked
    dlg.combos["lr"].setCurrentText("hidden")
    assert "lr" in dlg.choice()[2]
