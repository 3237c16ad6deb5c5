"""The command line: flags from config metadata, train/sample/eval, one-line errors and exit codes,
Ctrl+C, the window's dispatch and the Qt platform check."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import types
from pathlib import Path

import numpy as np
import pytest

import rnn_lab.engine.cli
from rnn_lab import main as main_module
from rnn_lab.engine.checkpoint import read_checkpoint_meta
from rnn_lab.engine.cli import SKIP_FIELDS, build_parser, config_from_args, main, parse_args
from rnn_lab.engine.config import FIELDS
from rnn_lab.engine.tasks.registry import TASKS
from rnn_lab.gui.system_check import APT_FIX, check_qt_platform
from tests.engine.fake_task import FakeTask

ROOT = Path(__file__).resolve().parents[2]
TINY_CHAR = ["--task", "char", "--hidden", "8", "--embed", "4", "--batch", "4", "--bptt", "8", "--eval-batches", "2"]


def run(*argv: str, open_window=None) -> tuple[int, str, str]:
    """engine.cli.main in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), open_window=open_window, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def run_process(*argv: str, env=None, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, env=env)


def assert_one_error_line(stderr: str, *words: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("rnn-lab: error: ")]
    assert len(errors) == 1, stderr
    assert "Traceback" not in stderr
    for word in words:
        assert word in errors[0], (word, errors[0])
    return errors[0]


def json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


# ---------------------------------------------------------------------------------------------- parser
def test_every_config_field_has_a_train_flag_with_its_metadata():
    parser = build_parser()
    train = parser._subparsers._group_actions[0].choices["train"]
    dests = {a.dest: a for a in train._actions}
    for name in FIELDS:
        if name in SKIP_FIELDS:
            continue
        assert name in dests, name
        assert FIELDS[name].metadata["help"] in dests[name].help
    assert "--iters" in dests["max_steps"].option_strings
    assert dests["tie_weights"].option_strings == ["--tie-weights", "--no-tie-weights"]


def test_flags_build_the_config_over_task_defaults():
    args = parse_args(["train", "--task", "char", "--cell", "gru", "--hidden", "48", "--lr", "0.01", "--iters", "7",
                       "--no-tie-weights", "--eval-interval", "3"])
    config, ignored = config_from_args(args)
    assert (config.task, config.model, config.hidden, config.lr, config.max_steps) == ("char", "gru", 48, 0.01, 7)
    assert config.eval_interval == 3 and config.tie_weights is False
    assert config.bptt == TASKS["char"].defaults["bptt"]  # untouched flags keep the task's defaults
    assert ignored == []
    args = parse_args(["train", "--preset", "rnnlm", "--epochs", "0.5", "--bptt", "10"])
    config, _ = config_from_args(args)
    assert (config.task, config.model, config.lr, config.bptt, config.epochs) == ("lm", "lstm", 20.0, 10, 0.5)
    args = parse_args(["train", "--task", "adder", "--iters", "5", "--bptt", "10"])
    assert config_from_args(args)[1] == ["bptt"]
    args = parse_args(["train", "--task", "seq2seq", "--iters", "5", "--data", "addition"])
    assert config_from_args(args)[0].data == "addition"  # a generated set's name, not a path


def test_a_relative_data_path_is_stored_absolute(tmp_path, monkeypatch):
    (tmp_path / "t.txt").write_text("abc", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = parse_args(["train", "--task", "char", "--iters", "5", "--data", "t.txt"])
    assert config_from_args(args)[0].data == str(tmp_path.resolve() / "t.txt")


def test_no_command_means_the_window_and_its_options_reach_it():
    seen = []

    def window(args):
        seen.append(args)
        return 0

    assert run(open_window=window)[0] == 0
    assert seen[-1].command == "gui" and seen[-1].task is None
    code, _, _ = run("--screenshot", "out.png", "--task", "adder", "--steps", "300", open_window=window)
    assert code == 0
    a = seen[-1]
    assert (a.command, a.task, a.screenshot, a.steps) == ("gui", "adder", "out.png", 300)
    assert a.preset is None and a.data is None and a.checkpoint is None
    run("gui", "--checkpoint", "c.npz", "--preset", "better", open_window=lambda args: seen.append(args))
    assert (seen[-1].checkpoint, seen[-1].preset) == ("c.npz", "better")


@pytest.mark.parametrize("argv, words", [
    (["train", "--task", "adder", "--iters", "5", "--frobnicate"], ["unrecognized arguments: --frobnicate"]),
    (["train", "--task", "adder", "--iters", "5", "--lr", "1000"], ["--lr", "between"]),
    (["train", "--task", "adder", "--iters", "5", "--hidden", "many"], ["--hidden", "int"]),
    (["train", "--task", "speech", "--iters", "5"], ["--task", "invalid choice"]),
    (["train", "--task", "adder", "--iters", "5", "--optimizer", "adamw"], ["optimizer must be one of"]),
    (["train", "--task", "adder"], ["--iters N or --epochs X"]),
    (["train", "--iters", "5"], ["--task"]),
    (["train", "--task", "char", "--preset", "better", "--iters", "5"], ["preset better is for the lm task"]),
    (["train", "--task", "char", "--cell", "gru", "--model", "lstm", "--iters", "5"], ["--cell gru contradicts"]),
    (["sample", "--prompt", "x"], ["--checkpoint"]),
    (["gui", "--steps", "-3"], ["--steps"]),
    (["fly"], ["unrecognized arguments: fly"]),
])
def test_usage_errors_exit_2_with_one_line(argv, words):
    code, out, err = run(*argv, open_window=lambda a: 0)
    assert code == 2
    assert out == ""
    assert_one_error_line(err, *words)


def test_help_and_version_exit_0(capsys):
    with pytest.raises(SystemExit) as info:
        parse_args(["train", "--help"])
    assert info.value.code == 0
    assert "--eval-interval" in capsys.readouterr().out
    with pytest.raises(SystemExit) as info:
        parse_args(["--version"])
    assert info.value.code == 0


# ---------------------------------------------------------------------------------------------- train
def test_train_adder_log_json_ends_with_final_metrics_process():
    result = run_process("train", "--task", "adder", "--iters", "50", "--log-json")
    assert result.returncode == 0, result.stderr
    lines = json_lines(result.stdout)  # every line is JSON
    final = lines[-1]
    assert final["final"] is True and final["step"] == 50
    assert 0.0 <= final["val_accuracy"] <= 1.0 and 0.0 <= final["train_accuracy"] <= 1.0
    assert final["train_loss"] > 0 and final["val_loss"] > 0 and "val_bit_accuracy" in final
    assert not {"loss", "accuracy", "metric"} & set(final)  # every number names its split
    progress = lines[:-1]
    assert progress and progress[-1]["step"] == 50
    for line in progress:
        assert {"step", "epoch", "train_loss", "train_accuracy", "grad_norm", "lr", "tokens_per_s",
                "elapsed_s"} <= set(line)
        assert not {"loss", "accuracy", "metric"} & set(line)
    assert "Traceback" not in result.stderr


def test_train_log_json_reports_each_validation(tmp_path):
    code, out, err = run("train", *TINY_CHAR, "--iters", "12", "--eval-interval", "4", "--log-json", "--quiet")
    assert code == 0, err
    lines = json_lines(out)
    assert [line["step"] for line in lines[:-1] if "val_loss" in line] == [4, 8, 12]
    for line in lines[:-1]:
        if "val_loss" in line:
            assert line["val_perplexity"] == pytest.approx(np.exp(line["val_loss"]), rel=1e-6)
    final = lines[-1]
    assert {"train_loss", "train_perplexity", "val_loss", "val_perplexity"} <= set(final)
    assert not {"loss", "perplexity", "accuracy"} & set(final)
    assert final["train_perplexity"] == pytest.approx(np.exp(final["train_loss"]), rel=1e-9)
    assert final["val_perplexity"] == pytest.approx(np.exp(final["val_loss"]), rel=1e-6)
    assert final["eval_batches"] == 2
    assert err == ""  # --quiet: no bar, no notes


def test_train_lm_reports_test_perplexity():
    code, out, err = run("train", "--task", "lm", "--hidden", "8", "--embed", "8", "--batch", "4", "--bptt", "5",
                         "--iters", "3", "--eval-batches", "1", "--log-json", "--quiet")
    assert code == 0, err
    final = json_lines(out)[-1]
    assert {"train_loss", "train_perplexity", "val_loss", "test_perplexity", "test_loss"} <= set(final)


def test_train_without_log_json_prints_a_summary_and_a_bar_on_stderr(tmp_path):
    code, out, err = run("train", *TINY_CHAR, "--iters", "3", "--eval-interval", "0")
    assert code == 0
    assert out.startswith("step 3") and "val_loss" in out
    assert "char" in err  # the bar's description


def test_train_save_then_sample_and_eval_round_trip(tmp_path):
    ckpt = tmp_path / "char.npz"
    code, out, err = run("train", *TINY_CHAR, "--iters", "10", "--eval-interval", "5", "--save", str(ckpt),
                         "--log-json", "--quiet")
    assert code == 0, err
    final = json_lines(out)[-1]
    meta = read_checkpoint_meta(ckpt)
    assert meta["step"] == 10 and meta["config"]["hidden"] == 8
    assert meta["extra"] == {"source": "cli", "model": "last"}
    assert meta["data_info"]["vocab"]

    sample = run_process("sample", "--checkpoint", str(ckpt), "--prompt", "The ", "--length", "30", "--seed", "3")
    assert sample.returncode == 0, sample.stderr
    assert sample.stdout.startswith("The ") and len(sample.stdout.rstrip("\n")) > 4
    code, again, _ = run("sample", "--checkpoint", str(ckpt), "--prompt", "The ", "--length", "30", "--seed", "3")
    assert code == 0 and again == sample.stdout  # same seed, same text

    code, ev, err = run("eval", "--checkpoint", str(ckpt), "--log-json", "--eval-batches", "2")
    assert code == 0, err
    metrics = json.loads(ev)
    assert metrics["split"] == "val" and metrics["step"] == 10 and metrics["model"] == "last"
    assert metrics["val_loss"] == pytest.approx(final["val_loss"], rel=1e-12)
    assert metrics["val_perplexity"] == pytest.approx(final["val_perplexity"], rel=1e-12)
    assert not {"loss", "perplexity", "accuracy"} & set(metrics)
    code, text, _ = run("eval", "--checkpoint", str(ckpt))
    assert code == 0 and text.startswith("val split, the model of its last step, step 10: val_loss ")


def test_moved_data_is_named_and_data_flag_points_to_it(tmp_path):
    text = tmp_path / "story.txt"
    text.write_text("the cat sat on the mat. " * 40, encoding="utf-8")
    ckpt = tmp_path / "c.npz"
    code, _, err = run("train", *TINY_CHAR, "--data", str(text), "--iters", "3", "--save", str(ckpt), "--quiet")
    assert code == 0, err
    moved = tmp_path / "moved.txt"
    text.rename(moved)
    code, out, err = run("eval", "--checkpoint", str(ckpt))
    assert code == 1 and out == ""
    assert_one_error_line(err, "missing", str(text), "--data")
    code, out, err = run("eval", "--checkpoint", str(ckpt), "--data", str(moved))
    assert code == 0, err


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], list[str]]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café olé\n".encode("latin-1"))
    corrupt = tmp_path / "corrupt.npz"
    corrupt.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    foreign = tmp_path / "foreign.npz"
    np.savez(foreign, weights=np.zeros(3))
    adder_ckpt = tmp_path / "adder.npz"
    return {
        "missing data": (["train", "--task", "char", "--iters", "2", "--data", str(tmp_path / "nope.txt")],
                         ["data path not found", "nope.txt"]),
        "empty file": (["train", "--task", "char", "--iters", "2", "--data", str(empty)], ["empty"]),
        "non-UTF-8": (["train", "--task", "char", "--iters", "2", "--data", str(latin)], ["UTF-8"]),
        "lm non-UTF-8": (["train", "--task", "lm", "--iters", "2", "--data", str(latin)], ["UTF-8"]),
        "corrupt checkpoint": (["sample", "--checkpoint", str(corrupt), "--prompt", "a"], ["corrupt.npz", "corrupt"]),
        "foreign npz": (["eval", "--checkpoint", str(foreign)], ["not an RNN Lab checkpoint"]),
        "missing checkpoint": (["eval", "--checkpoint", str(tmp_path / "gone.npz")], ["checkpoint not found"]),
        "no such split": (["eval", "--checkpoint", str(adder_ckpt), "--split", "test"], ["has no test split"]),
        "adder cannot sample": (["sample", "--checkpoint", str(adder_ckpt), "--prompt", "1"], ["does not generate"]),
        "save folder missing": (["train", "--task", "adder", "--iters", "2", "--save", str(tmp_path / "no/x.npz")],
                                ["does not exist"]),
    }


def test_bad_inputs_exit_1_with_one_line(tmp_path):
    code, _, err = run("train", "--task", "adder", "--iters", "2", "--hidden", "4", "--save",
                       str(tmp_path / "adder.npz"), "--quiet")
    assert code == 0, err
    for label, (argv, words) in _bad_inputs(tmp_path).items():
        code, out, err = run(*argv, "--quiet") if argv[0] == "train" else run(*argv)
        assert code == 1, (label, err)
        assert out == "", label
        assert_one_error_line(err, *words)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adder.npz", "corrupt.npz", "empty.txt", "foreign.npz",
                                                         "latin.txt"]


def test_bad_input_in_a_real_process(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9\n")
    result = run_process("train", "--task", "char", "--iters", "2", "--data", str(latin))
    assert result.returncode == 1
    assert result.stdout == ""
    assert_one_error_line(result.stderr, "UTF-8")


def test_divergence_is_an_error_and_saves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(rnn_lab.engine.cli, "make_task", lambda config, vocab=None: FakeTask(config))
    ckpt = tmp_path / "x.npz"
    code, out, err = run("train", "--task", "adder", "--optimizer", "sgd", "--lr", "100", "--iters", "500",
                         "--save", str(ckpt), "--log-json")
    assert code == 1
    assert_one_error_line(err, "Training diverged at step", "lower the learning rate")
    assert not ckpt.exists()
    assert all("final" not in line for line in json_lines(out))


def test_unexpected_errors_are_one_line_unless_debug(monkeypatch):
    def broken(config, vocab=None):
        raise ZeroDivisionError("something inside")

    monkeypatch.setattr(rnn_lab.engine.cli, "make_task", broken)
    code, _, err = run("train", "--task", "adder", "--iters", "2")
    assert code == 1
    assert_one_error_line(err, "ZeroDivisionError", "something inside", "--debug")
    with pytest.raises(ZeroDivisionError):
        run("train", "--task", "adder", "--iters", "2", "--debug")


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_ctrl_c_without_save_exits_130_and_says_nothing_was_saved(tmp_path):
    """(With --save, the checkpoint of the last step is written: tests/engine/test_long_run.py.)"""
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "train", *TINY_CHAR, "--iters", "1000000",
                             "--eval-interval", "0", "--log-json"], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()  # the first step is logged at once: training is under way
        assert json.loads(first)["step"] >= 1
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    last = err.rstrip().splitlines()[-1]
    assert last.startswith("rnn-lab: interrupted at step ") and "nothing saved" in last
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------------- the window
def test_main_checks_the_platform_before_importing_the_window(monkeypatch, capsys):
    import rnn_lab.gui.system_check

    monkeypatch.setattr(rnn_lab.gui.system_check, "check_qt_platform", lambda: "no display: set DISPLAY or run ...")
    monkeypatch.delitem(sys.modules, "rnn_lab.gui.app", raising=False)
    code = main_module.main(["--task", "adder"])
    assert code == 1
    assert capsys.readouterr().err.strip() == "rnn-lab: error: no display: set DISPLAY or run ..."
    assert "rnn_lab.gui.app" not in sys.modules


def test_main_hands_the_arguments_to_gui_app_run(monkeypatch):
    import rnn_lab.gui
    import rnn_lab.gui.system_check

    calls = []
    fake_app = types.ModuleType("rnn_lab.gui.app")
    fake_app.run = lambda args: calls.append(args) or 0
    monkeypatch.setitem(sys.modules, "rnn_lab.gui.app", fake_app)
    monkeypatch.setattr(rnn_lab.gui, "app", fake_app, raising=False)
    monkeypatch.setattr(rnn_lab.gui.system_check, "check_qt_platform", lambda: None)
    assert main_module.main(["--screenshot", "shot.png", "--task", "char", "--steps", "20"]) == 0
    assert (calls[0].screenshot, calls[0].task, calls[0].steps) == ("shot.png", "char", 20)
    assert main_module.main([]) == 0 and calls[1].screenshot is None


def test_a_screenshot_without_a_display_renders_offscreen(monkeypatch):
    import rnn_lab.gui
    import rnn_lab.gui.system_check

    fake_app = types.ModuleType("rnn_lab.gui.app")
    seen = []
    fake_app.run = lambda args: seen.append(os.environ.get("QT_QPA_PLATFORM")) or 0
    monkeypatch.setitem(sys.modules, "rnn_lab.gui.app", fake_app)
    monkeypatch.setattr(rnn_lab.gui, "app", fake_app, raising=False)
    for var in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(rnn_lab.gui.system_check, "check_qt_platform", lambda: None)
    assert main_module.main(["--screenshot", "s.png"]) == 0
    assert seen == ["offscreen"]


def test_no_display_in_a_real_process():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_process(env=env, timeout=60)
    assert result.returncode == 1
    line = assert_one_error_line(result.stderr)
    assert "QT_QPA_PLATFORM=offscreen" in line  # names the fix: either the xcb packages or the display


ALL_LIBS = lambda soname, short: True  # noqa: E731
NO_CURSOR = lambda soname, short: "cursor" not in soname  # noqa: E731


@pytest.mark.parametrize("env, platform, available, expected", [
    ({"DISPLAY": ":0"}, "linux", ALL_LIBS, None),
    ({"DISPLAY": ":0"}, "linux", NO_CURSOR, f"missing system libraries (libxcb-cursor0); install them with: {APT_FIX}"),
    ({}, "linux", ALL_LIBS, "no display: set DISPLAY or run with QT_QPA_PLATFORM=offscreen"),
    ({}, "linux", NO_CURSOR, APT_FIX),
    ({"QT_QPA_PLATFORM": "offscreen"}, "linux", NO_CURSOR, None),
    ({"QT_QPA_PLATFORM": "minimal"}, "linux", NO_CURSOR, None),
    ({"QT_QPA_PLATFORM": "wayland"}, "linux", NO_CURSOR, None),
    ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", NO_CURSOR, None),
    ({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux", NO_CURSOR, APT_FIX),
    ({}, "darwin", NO_CURSOR, None),
    ({}, "win32", NO_CURSOR, None),
])
def test_check_qt_platform(env, platform, available, expected):
    message = check_qt_platform(env, platform, available)
    if expected is None:
        assert message is None
    else:
        assert expected in message and "\n" not in message


def test_apt_fix_names_the_three_packages():
    assert APT_FIX == "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"


def test_library_probe_finds_a_real_library_and_not_a_fake_one():
    from rnn_lab.gui.system_check import library_available

    assert library_available("libc.so.6", "c")
    assert not library_available("libdefinitely-not-here.so.9", "definitely-not-here")


def test_train_seq2seq_final_line_has_accuracy(tmp_path):
    data = tmp_path / "addition.txt"
    data.write_text("".join(f"{a}+{a + 3}".ljust(7) + "_" + str(2 * a + 3).ljust(4) + "\n" for a in range(200)),
                    encoding="utf-8")
    code, out, err = run("train", "--task", "seq2seq", "--data", str(data), "--hidden", "8", "--embed", "4",
                         "--batch", "8", "--iters", "3", "--log-json", "--quiet")
    assert code == 0, err
    final = json_lines(out)[-1]
    assert {"train_loss", "train_accuracy", "val_loss", "val_accuracy"} <= set(final)
    assert not {"loss", "accuracy"} & set(final)


@pytest.mark.slow
def test_screenshot_through_main_py_writes_a_png(tmp_path):
    pytest.importorskip("PyQt6.QtWidgets")
    shot = tmp_path / "shot.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run_process("--screenshot", str(shot), "--task", "adder", "--steps", "5", env=env, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_reader_that_leaves_early_ends_the_run_quietly():
    """`train --log-json | head -1`: a closed stdout ends training without a traceback."""
    proc = subprocess.Popen([sys.executable, "main.py", "train", *TINY_CHAR, "--iters", "1000000", "--eval-interval",
                             "0", "--log-json", "--quiet"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert json.loads(proc.stdout.readline())["step"] == 1
        proc.stdout.close()  # the next line (about a second later) meets a broken pipe
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 1
    assert b"Traceback" not in err and b"Exception ignored" not in err


def test_every_registered_cell_and_both_layer_codes_from_the_command_line(tmp_path):
    """--cell lists the registry's cells (the peephole LSTM among them), --impl switches the layer code,
    and the same seed gives the same numbers either way."""
    help_text = build_parser()._subparsers._group_actions[0].choices["train"].format_help()
    assert "peephole" in help_text and "--impl {readable,fast}" in help_text
    finals = {}
    for cell, impl in (("peephole", "readable"), ("lstm", "readable"), ("lstm", "fast")):
        path = tmp_path / f"{cell}-{impl}.npz"
        code, out, err = run("train", "--task", "adder", "--cell", cell, "--impl", impl, "--hidden", "4",
                             "--iters", "3", "--quiet", "--log-json", "--save", str(path))
        assert code == 0, err
        finals[cell, impl] = json_lines(out)[-1]
        config = read_checkpoint_meta(path)["config"]
        assert config["impl"] == impl and config["model"] == cell
    assert finals["lstm", "readable"]["train_loss"] == pytest.approx(finals["lstm", "fast"]["train_loss"], rel=1e-5)
    assert finals["peephole", "readable"]["train_loss"] != finals["lstm", "readable"]["train_loss"]
    code, _, err = run("train", "--task", "adder", "--cell", "transformer", "--iters", "1")
    assert code == 2 and "invalid choice: 'transformer'" in err
