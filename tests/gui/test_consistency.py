"""The window and the command line agree (defect 13): a preset for another task is refused by both, a
lesson whose run cannot be built does not stay open, and a note about unknown prompt characters says
what is done with them."""

from __future__ import annotations

import io
import json

import pytest

from rnn_lab.engine.cli import main
from rnn_lab.engine.lessons import builtin_lessons, load_lesson
from tests.gui.window_fixtures import *  # noqa: F403
from tests.gui.window_fixtures import WAIT_MS

ADDER_LESSON = next(p for p in builtin_lessons() if "adder" in p.name)


def run(*argv, open_window=None):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), open_window=open_window, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("argv", [["--preset", "better", "--task", "adder"],
                                  ["gui", "--preset", "shakespeare-fast", "--task", "lm"]])
def test_the_window_refuses_a_preset_for_another_task_as_train_does(argv):
    """Before: the window opened the preset's task and ignored --task; train refused the same flags."""
    opened = []
    code, out, err = run(*argv, open_window=lambda args: opened.append(args) or 0)
    assert code == 2 and opened == [] and out == ""
    assert err.startswith("rnn-lab: error: preset ") and "is for the" in err and len(err.splitlines()) == 1
    train = ["train", *[a for a in argv if a != "gui"], "--iters", "1"]
    assert run(*train)[2] == err  # the same words


def test_a_preset_with_its_own_task_or_none_still_opens():
    opened = []
    for argv in (["--preset", "better"], ["--preset", "better", "--task", "lm"]):
        assert run(*argv, open_window=lambda args: opened.append(args) or 0)[0] == 0
    assert [a.preset for a in opened] == ["better", "better"]


def test_a_lesson_whose_build_fails_is_left(qtbot, window, tmp_path):
    """Before: the build failed (banner) but the lesson stayed "active": its text, its hidden and locked
    controls, over a run that was not the lesson's."""
    doc = load_lesson(ADDER_LESSON).to_dict()
    doc.update(task="char", data=str(tmp_path / "missing.txt"), panels=["curves"], config={},
               hidden_controls=["optimizer"], locked_controls=["task"])
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    info = window.info
    assert window.lessons.open_path(path)  # the file is fine; its run is built next
    qtbot.waitUntil(lambda: not window.lessons.active, timeout=WAIT_MS)
    assert window.lessons.dock.isHidden()
    assert not window.hyper.editors["optimizer"].isHidden() and window.task_panel.task_combo.isEnabled()
    text = window.banner.label.text()
    assert "lesson" in text and "missing.txt" in text
    assert window.info is info  # the model that was there stays


def test_a_lesson_that_builds_stays_open(qtbot, window):
    assert window.lessons.open_path(ADDER_LESSON)
    qtbot.waitUntil(lambda: window.info["config"]["lr"] == 0.003, timeout=WAIT_MS)
    qtbot.wait(100)
    assert window.lessons.active and not window.lessons.dock.isHidden()


def _char_and_lm_checkpoints(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("the cat sat on the mat\nthe dog ran\n" * 30, encoding="utf-8")
    paths = {}
    for task in ("char", "lm"):
        paths[task] = tmp_path / f"{task}.npz"
        code, _, err = run("train", "--task", task, "--data", str(text), "--hidden", "4", "--embed", "4", "--batch",
                           "2", "--bptt", "4", "--iters", "1", "--save", str(paths[task]), "--quiet")
        assert code == 0, err
    return paths


def test_the_note_on_unknown_prompt_characters_says_what_happens_to_them(tmp_path):
    """Before: the char model's note said unknown characters were "read as <unk>"; they are left out."""
    paths = _char_and_lm_checkpoints(tmp_path)
    code, out, err = run("sample", "--checkpoint", str(paths["char"]), "--prompt", "the Zebra", "--length", "3")
    assert code == 0 and "<unk>" not in err and "left out" in err and "Z" in err
    code, out, err = run("sample", "--checkpoint", str(paths["lm"]), "--prompt", "the zebra", "--length", "3")
    assert code == 0 and "read as <unk>" in err and "zebra" in err


def test_the_sampling_panel_says_left_out_for_a_character_model(qtbot):
    from rnn_lab.gui.panels.sampling import SamplingPanel, unknown_note

    assert unknown_note(["Z"], None) == "‘Z’ left out" and unknown_note(["zebra"]) == "‘zebra’ → <unk>"
    panel = SamplingPanel()
    qtbot.addWidget(panel)
    panel.set_task({"task": "char", "config": {}})
    panel.show_sample({"prompt_tokens": list("the "), "unknown": ["Z"], "unknown_as": None, "tokens": ["a"],
                       "probs": [0.5], "top": [], "text": "the a"})
    assert "left out" in panel.note.text() and "<unk>" not in panel.note.text()


def test_seq2seq_without_validation_examples_reports_training_numbers_and_says_so(tmp_path):
    """Before: the final line held NaN/null validation metrics, with exit code 0 and no word about it."""
    data = tmp_path / "add.txt"
    data.write_text("".join(f"{a}+{a}".ljust(7) + "_" + str(2 * a).ljust(4) + "\n" for a in range(40)))
    code, out, err = run("train", "--task", "seq2seq", "--data", str(data), "--val-fraction", "0", "--hidden", "8",
                         "--embed", "4", "--batch", "4", "--iters", "5", "--log-json")
    assert code == 0, err
    final = json.loads(out.splitlines()[-1])
    assert None not in final.values() and not any(k.startswith("val_") for k in final)
    assert 0.0 <= final["train_accuracy"] <= 1.0 and final["train_loss"] > 0
    assert "holds out no validation examples" in err
