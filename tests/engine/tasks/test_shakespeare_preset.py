"""The "shakespeare-fast" preset: it builds, trains from the CLI with time-stamped validation losses
in the JSON lines, and splits Tiny Shakespeare 90/10 over its 65 characters."""

from __future__ import annotations

import io
import json

from rnn_lab.engine.cli import config_from_args, main, parse_args
from rnn_lab.engine.data.builtin import builtin_text_path
from rnn_lab.engine.tasks.registry import PRESETS, default_config, make_task

DEFAULT_TEXT = builtin_text_path()

PRESET = "shakespeare-fast"


def test_the_preset_is_a_char_run_with_its_own_length_and_schedule():
    assert PRESETS[PRESET]["task"] == "char"
    cfg = default_config(preset=PRESET)
    assert cfg.task == "char" and cfg.model in ("lstm", "gru")
    assert cfg.schedule == "cosine" and cfg.max_steps > 0 and cfg.clip > 0
    assert 0 < cfg.eval_batches and 0 < cfg.eval_interval < cfg.max_steps
    assert cfg.val_fraction == 0.1
    # The command line needs no --iters: the preset says how long to train.
    args = parse_args(["train", "--task", "char", "--preset", PRESET, "--data", str(DEFAULT_TEXT), "--log-json"])
    cli_cfg, ignored = config_from_args(args)
    assert cli_cfg == default_config(preset=PRESET, data=str(DEFAULT_TEXT.resolve())) and not ignored


def test_a_few_steps_from_the_cli_log_validation_losses_with_elapsed_time(tmp_path):
    # The preset's own shapes on a small text (the built-in one, three times, so one batch fits).
    text = tmp_path / "small.txt"
    text.write_text(DEFAULT_TEXT.read_text(encoding="utf-8") * 3, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["train", "--preset", PRESET, "--data", str(text), "--iters", "3", "--eval-interval", "1",
                 "--eval-batches", "1", "--log-json", "--quiet"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    vals = [line for line in lines if "val_loss" in line and not line.get("final")]
    assert [v["step"] for v in vals] == [1, 2, 3]
    times = [v["elapsed_s"] for v in vals]
    assert all(t > 0 for t in times) and times == sorted(times)
    assert all(3.0 < v["val_loss"] < 5.0 for v in vals)  # near ln(vocabulary) after 3 steps
    final = lines[-1]
    assert final["final"] and final["step"] == 3 and 3.0 < final["val_loss"] < 5.0  # the whole split
    assert final["elapsed_s"] >= times[-1]


def test_tiny_shakespeare_split_is_90_10_over_65_characters(data_dir):
    path = data_dir / "tinyshakespeare" / "input.txt"
    n = len(path.read_text(encoding="utf-8"))
    task = make_task(default_config(preset=PRESET, data=str(path)))
    sizes = task.data_info()["sizes"]
    assert len(task.vocab) == 65
    assert sizes["train"] + sizes["val"] == n
    assert sizes["val"] == int(n * 0.1)  # the last 10% (nanoGPT's prepare.py: within one character)
    assert abs(sizes["train"] - int(n * 0.9)) <= 1


def test_the_long_preset_is_a_bigger_char_lstm_with_its_own_schedule():
    cfg = default_config(preset="shakespeare-long")
    fast = default_config(preset=PRESET)
    assert cfg.task == "char" and cfg.model == "lstm" and cfg.hidden > fast.hidden
    assert cfg.schedule == "cosine" and cfg.max_steps > 0 and cfg.clip > 0 and cfg.val_fraction == 0.1
    assert cfg.batching == fast.batching == "random" and cfg.embed_std == fast.embed_std == 1.0
    # validation reads as many characters as the fast preset's
    assert cfg.eval_batches * cfg.batch * cfg.bptt == fast.eval_batches * fast.batch * fast.bptt
