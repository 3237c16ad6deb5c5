"""The task registry: defaults and presets per task, which settings apply, model names and the model menu."""

import pytest

from rnn_lab.engine.config import Config
from rnn_lab.engine.errors import TaskError
from rnn_lab.engine.layers.cells import CELLS
from rnn_lab.engine.tasks.base import Task
from rnn_lab.engine.tasks.registry import (
    PRESETS,
    TASKS,
    applies,
    default_config,
    make_task,
    model_menu,
    model_names,
    task_class,
    tasks_using,
)


@pytest.mark.parametrize("task", TASKS)
def test_every_task_declares_itself(task):
    cls = TASKS[task]
    assert issubclass(cls, Task) and cls.name == task
    assert cls.title and cls.blurb and cls.metric_name
    assert all(cls.cell_of(m) in CELLS for m in model_names(task))
    assert cls.defaults["model"] in model_names(task)


@pytest.mark.parametrize("task", TASKS)
def test_default_config_per_task(task):
    cfg = default_config(task)
    assert cfg.task == task
    for key, value in TASKS[task].defaults.items():
        assert getattr(cfg, key) == value, key


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_presets_apply_and_name_their_task(preset):
    cfg = default_config("adder", preset)  # the preset's task wins
    assert cfg.task == PRESETS[preset]["task"]
    for key, value in PRESETS[preset].items():
        assert getattr(cfg, key) == value, key


def test_overrides_win_and_none_means_unset():
    cfg = default_config("char", hidden=7, lr=None)
    assert cfg.hidden == 7
    assert cfg.lr == TASKS["char"].defaults["lr"]
    cfg = default_config("lm", "rnnlm", lr=1.0)
    assert cfg.lr == 1.0 and cfg.model == "lstm"


def test_default_config_rejects_unknown_task_preset_and_model():
    with pytest.raises(ValueError, match="unknown task 'speech'"):
        default_config("speech")
    with pytest.raises(ValueError, match="unknown preset 'huge'"):
        default_config("lm", "huge")
    with pytest.raises(ValueError, match="hidden"):
        default_config("lm", hidden=-1)
    with pytest.raises(TaskError, match="Seq2seq's model must be one of plain, .*, not 'lstm'"):
        default_config("seq2seq", model="lstm")
    with pytest.raises(TaskError, match="rnn, lstm, gru, peephole, simple, better, not 'transformer'"):
        default_config("lm", model="transformer")
    with pytest.raises(TaskError, match="unknown task"):
        make_task(Config(task="speech"))
    with pytest.raises(TaskError, match="known: adder, char, lm, seq2seq"):
        task_class("speech")


def test_applies_follows_the_tasks_settings_and_the_cell():
    assert applies(default_config("char"), "bptt")
    assert not applies(default_config("adder"), "bptt")
    assert applies(default_config("adder"), "lr")
    assert applies(default_config("adder", model="rnn"), "activation")
    assert not applies(default_config("adder", model="lstm"), "activation")
    assert applies(default_config("lm", "simple").to_dict(), "activation")  # a dict works too
    assert not applies(default_config("seq2seq"), "activation")
    assert tasks_using("min_count") == ["lm"] and tasks_using("lr") == list(TASKS)
    with pytest.raises(ValueError, match="unknown setting"):
        applies(default_config("lm"), "colour")


def test_model_names():
    assert model_names("adder") == list(CELLS)
    assert model_names("lm") == [*CELLS, "simple", "better"]
    assert model_names("seq2seq") == ["plain", "reversed", "peeky", "reversed_peeky", "attention", "bidirectional"]


def test_model_menus_list_every_cell_once_after_the_books_models():
    assert model_menu("adder") == [("RNN", {"model": "rnn"}), ("LSTM", {"model": "lstm"}),
                                   ("GRU", {"model": "gru"}), ("Peephole LSTM", {"model": "peephole"})]
    lm = model_menu("lm")
    assert [label for label, _ in lm] == ["Simple — SimpleRnnlm, ch. 5", "Rnnlm — LSTM, ch. 6",
                                          "Better — 2×LSTM, dropout, tied, ch. 6", "GRU", "Peephole LSTM"]
    assert lm[2][1] == {k: v for k, v in PRESETS["better"].items() if k != "task"}
    char = [label for label, _ in model_menu("char")]
    assert char == ["RNN", "LSTM", "GRU", "Peephole LSTM", "Tiny Shakespeare (fast) — LSTM 128",
                    "Tiny Shakespeare (long) — LSTM 256"]
    assert [o["model"] for _, o in model_menu("seq2seq")] == model_names("seq2seq")
