"""Long runs from the command line: ``--resume`` continues a run killed with SIGKILL bit for bit (char and
lm), ``--save-every`` saves during training, Ctrl+C or SIGTERM with ``--save`` writes the last step and
exits 130, ``--keep-best`` keeps the best model beside the last, ``--log-csv`` is continued by a resumed
run, and the final metrics respect ``--eval-batches``."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rnn_lab.engine.checkpoint import load_checkpoint, read_checkpoint_arrays, read_checkpoint_meta
from rnn_lab.engine.cli import main
from rnn_lab.engine.long_run import CsvLog, LongRun, best_path, parse_every

ROOT = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
SHAPES = {
    "char": ["--task", "char", "--hidden", "32", "--embed", "8", "--batch", "8", "--bptt", "16", "--layers", "2",
             "--dropout", "0.2", "--eval-interval", "25", "--eval-batches", "2", "--schedule", "cosine"],
    "lm": ["--task", "lm", "--hidden", "24", "--embed", "16", "--batch", "8", "--bptt", "10", "--eval-interval", "25",
           "--eval-batches", "2"],  # the book's lr schedule (the lm default) and SGD with clipping
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def start(*argv: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "main.py", *argv], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[str, str]:
    try:
        return proc.communicate(timeout=timeout)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def saved_step(path: Path) -> int:
    try:
        return read_checkpoint_meta(path)["step"]
    except Exception:  # noqa: BLE001 - not there yet (or being replaced)
        return -1


def csv_rows(path: Path) -> list[tuple[int, str, float]]:
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["step", "time", "metric", "value"]
    return [(int(r[0]), r[2], float(r[3])) for r in rows[1:]]


# ---------------------------------------------------------------------------------------------- resume
@POSIX
@pytest.mark.parametrize("task", ["char", "lm"])
def test_a_run_killed_with_sigkill_and_resumed_ends_bit_identical(tmp_path, task):
    """The issue's "done when": kill -9 in the middle of a run that saves every 20 steps, ``--resume`` it, and
    the result equals the same run left alone: parameters, optimizer, data cursor, hidden states, random
    streams, curves, validations, best model (float32, as users run it). The CSV log continues seamlessly."""
    iters = "300"
    whole, part = tmp_path / "whole.npz", tmp_path / "part.npz"
    a = start("train", *SHAPES[task], "--iters", iters, "--save", str(whole), "--log-csv", str(tmp_path / "whole.csv"),
              "--quiet")
    b = start("train", *SHAPES[task], "--iters", iters, "--save", str(part), "--save-every", "20",
              "--log-csv", str(tmp_path / "part.csv"), "--quiet")
    end = time.monotonic() + 120
    while saved_step(part) < 60 and b.poll() is None and time.monotonic() < end:
        time.sleep(0.01)
    b.kill()  # SIGKILL: no handler runs, nothing is flushed or saved on the way out
    finish(b)
    assert b.returncode == -signal.SIGKILL, "the run finished before the kill; make it longer"
    killed_at = saved_step(part)
    assert 60 <= killed_at < int(iters)
    _, err = finish(a)
    assert a.returncode == 0, err

    code, out, err = run("train", "--resume", str(part), "--log-csv", str(tmp_path / "part.csv"), "--quiet")
    assert code == 0, err
    got, _ = read_checkpoint_arrays(part)
    want, _ = read_checkpoint_arrays(whole)
    assert sorted(got) == sorted(want)
    for key in want:
        if key in ("trainer.elapsed", "meta.json"):
            continue
        a_, b_ = want[key], got[key]
        if key == "curves.rows":  # the time column is wall time; every other column must match
            a_, b_ = np.delete(a_, 1, axis=1), np.delete(b_, 1, axis=1)
        np.testing.assert_array_equal(b_, a_, err_msg=key)
    meta_a, meta_b = read_checkpoint_meta(whole), read_checkpoint_meta(part)
    for key in ("step", "config", "history", "best", "last", "data_info"):
        assert meta_b[key] == meta_a[key], key
    assert meta_b["step"] == int(iters)

    rows_a = [(s, m, v) for s, m, v in csv_rows(tmp_path / "whole.csv")]
    rows_b = [(s, m, v) for s, m, v in csv_rows(tmp_path / "part.csv")]
    assert rows_b == rows_a  # the rows after the checkpoint were dropped and trained again: one row each


def test_resume_allows_live_settings_and_refuses_the_model_s(tmp_path):
    ckpt = tmp_path / "run.npz"
    tiny = ["--task", "char", "--hidden", "8", "--embed", "4", "--batch", "4", "--bptt", "8", "--eval-batches", "1"]
    assert run("train", *tiny, "--iters", "6", "--save", str(ckpt), "--quiet")[0] == 0
    code, _, err = run("train", "--resume", str(ckpt), "--quiet")
    assert code == 1 and "already finished (6 steps" in err and "--iters" in err
    code, _, err = run("train", "--resume", str(ckpt), "--hidden", "16", "--iters", "9")
    assert code == 2 and "--hidden cannot change when resuming" in err and "128" not in err
    code, _, err = run("train", "--resume", str(ckpt), "--task", "lm", "--iters", "9")
    assert code == 2 and "a run of the char task" in err
    code, _, err = run("train", "--resume", str(ckpt), "--preset", "rnnlm", "--iters", "9")
    assert code == 2 and "--preset" in err
    code, _, err = run("train", "--resume", str(ckpt), "--iters", "9", "--lr", "0.001", "--hidden", "8")  # same: fine
    assert code == 0, err
    meta = read_checkpoint_meta(ckpt)  # saved back to the file it resumed
    assert meta["step"] == 9 and meta["config"]["lr"] == 0.001 and meta["config"]["max_steps"] == 9
    assert sorted(c["name"] for c in meta["history"]["changes"]) == ["lr", "max_steps"]
    code, _, err = run("train", "--resume", str(tmp_path / "nope.npz"), "--iters", "9")
    assert code == 1 and "checkpoint not found" in err


# ---------------------------------------------------------------------------------------------- signals
@POSIX
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_or_sigterm_with_save_leaves_a_loadable_checkpoint_of_the_last_step(tmp_path, sig):
    """Before: Ctrl+C saved nothing even with --save (exit 130, the run lost)."""
    ckpt = tmp_path / "run.npz"
    proc = start("train", *SHAPES["char"], "--iters", "1000000", "--save", str(ckpt), "--log-json")
    try:
        first = json.loads(proc.stdout.readline())
        assert first["step"] >= 1
        time.sleep(0.3)
        proc.send_signal(sig)
        out, err = finish(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    last = err.rstrip().splitlines()[-1]
    why = "interrupted" if sig == signal.SIGINT else "stopped by SIGTERM"
    assert last.startswith(f"rnn-lab: {why} at step ") and str(ckpt) in last and "--resume" in last
    step = int(last.split(" at step ")[1].split(";")[0].replace(",", ""))
    logged = [json.loads(line)["step"] for line in [json.dumps(first), *out.splitlines()]]
    trainer = load_checkpoint(ckpt)  # loadable, and of the last step trained
    assert trainer.step_count == step >= max(logged)
    assert len(trainer.curves.column("step")) == step
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.npz"]


# ---------------------------------------------------------------------------------------------- saves
def test_save_every_steps_saves_during_training(tmp_path, monkeypatch):
    import rnn_lab.engine.long_run as long_run

    saves = []
    real = long_run.save_checkpoint
    monkeypatch.setattr(long_run, "save_checkpoint",
                        lambda path, trainer, extra=None: saves.append((Path(path).name, trainer.step_count))
                        or real(path, trainer, extra))
    tiny = ["--task", "char", "--hidden", "8", "--embed", "4", "--batch", "4", "--bptt", "8", "--eval-interval", "5",
            "--eval-batches", "1"]
    code, _, err = run("train", *tiny, "--iters", "23", "--save", str(tmp_path / "r.npz"), "--save-every", "10",
                       "--keep-best", "--quiet")
    assert code == 0, err
    periodic = [s for name, s in saves if name == "r.npz"]
    assert periodic == [10, 20, 23]  # every 10 steps, then the last step
    best = [s for name, s in saves if name == "r.best.npz"]
    assert best and all(s % 5 == 0 for s in best) and best == sorted(set(best))


def test_save_every_time_uses_the_clock(tmp_path):
    from rnn_lab.engine.tasks.registry import default_config, make_task
    from rnn_lab.engine.trainer import Trainer

    now = [0.0]
    trainer = Trainer(make_task(default_config("adder", hidden=4, eval_interval=0)))
    original = trainer.train_step

    def step():
        now[0] += 7.0  # each step takes 7 "seconds"
        return original()

    trainer.train_step = step
    written = []
    loop = LongRun(trainer, tmp_path / "a.npz", every_seconds=30.0, clock=lambda: now[0],
                   before_save=lambda: written.append(trainer.step_count))
    assert loop.run(max_steps=20) == "finished"
    assert written == [5, 10, 15, 20]  # 35 s, 70 s, ... since the last save


@pytest.mark.parametrize("text, expected", [("500", (500, None)), ("90s", (None, 90.0)), ("30m", (None, 1800.0)),
                                            ("2h", (None, 7200.0)), ("1.5h", (None, 5400.0)), (" 10 min", (None, 600.0))])
def test_parse_every(text, expected):
    assert parse_every(text) == expected


@pytest.mark.parametrize("text", ["0", "-5", "1.5", "ten", "5d", "0.2s", ""])
def test_parse_every_refuses(text):
    with pytest.raises(ValueError):
        parse_every(text)


def test_save_every_and_keep_best_need_a_destination():
    for flag in (["--save-every", "10"], ["--keep-best"]):
        code, _, err = run("train", "--task", "adder", "--iters", "5", *flag)
        assert code == 2 and "needs --save" in err
    code, _, err = run("train", "--task", "adder", "--iters", "5", "--save", "x.npz", "--save-every", "soon")
    assert code == 2 and "--save-every" in err


def test_keep_best_writes_the_best_model_beside_the_last_and_eval_says_which(tmp_path):
    ckpt = tmp_path / "run.npz"
    code, _, err = run("train", "--task", "adder", "--hidden", "8", "--iters", "300", "--eval-interval", "20",
                       "--save", str(ckpt), "--keep-best")
    assert code == 0, err
    best_file = best_path(ckpt)
    assert best_file == tmp_path / "run.best.npz" and best_file.exists()
    last_meta, best_meta = read_checkpoint_meta(ckpt), read_checkpoint_meta(best_file)
    assert best_meta["extra"]["model"] == "best" and last_meta["extra"]["model"] == "last"
    assert best_meta["step"] == last_meta["best"]["step"] and f"best model: {best_file}" in err
    arrays, _ = read_checkpoint_arrays(ckpt)
    best_arrays, _ = read_checkpoint_arrays(best_file)
    for key in (k for k in arrays if k.startswith("best.")):  # the best file's weights are the run's best
        np.testing.assert_array_equal(best_arrays["param." + key[5:]], arrays[key])
    code, out, _ = run("eval", "--checkpoint", str(best_file), "--log-json")
    got = json.loads(out)
    assert code == 0 and got["model"] == "best" and got["step"] == best_meta["step"]
    assert got["val_accuracy"] == pytest.approx(best_meta["best"]["metric"])
    code, out, _ = run("eval", "--checkpoint", str(best_file))
    assert "the best model of its run" in out
    code, _, err = run("train", "--resume", str(best_file), "--iters", "400")
    assert code == 2 and "--save" in err  # continuing from the best model must not overwrite it


# ---------------------------------------------------------------------------------------------- log csv
def test_log_csv_rows_and_an_existing_file_that_is_not_a_log(tmp_path):
    log = tmp_path / "log.csv"
    code, _, err = run("train", "--task", "adder", "--hidden", "4", "--iters", "10", "--eval-interval", "5",
                       "--log-csv", str(log), "--quiet")
    assert code == 0, err
    rows = csv_rows(log)
    names = {m for _, m, _ in rows}
    assert {"train_loss", "train_accuracy", "grad_norm", "lr", "val_loss", "val_accuracy", "val_bit_accuracy"} <= names
    assert [s for s, m, _ in rows if m == "train_loss"] == list(range(1, 11))
    assert [s for s, m, _ in rows if m == "val_loss"] == [5, 10]
    code, _, _ = run("train", "--task", "adder", "--hidden", "4", "--iters", "3", "--log-csv", str(log), "--quiet")
    assert code == 0 and len(csv_rows(log)) > len(rows)  # appended
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    code, _, err = run("train", "--task", "adder", "--iters", "3", "--log-csv", str(notes), "--quiet")
    assert code == 1 and "not an RNN Lab CSV log" in err and notes.read_text() == "my notes\n"


def test_csv_log_resume_drops_the_rows_after_the_checkpoint(tmp_path):
    log = tmp_path / "l.csv"
    log.write_text("step,time,metric,value\n1,0.1,train_loss,2.0\n2,0.2,train_loss,1.9\n3,0.3,train_loss,1.8\n4,0.4,tr")
    CsvLog(log, "accuracy", resume_step=2)
    assert log.read_text() == "step,time,metric,value\n1,0.1,train_loss,2.0\n2,0.2,train_loss,1.9\n"


# ---------------------------------------------------------------------------------------------- final metrics
def test_the_final_metrics_respect_eval_batches(tmp_path, monkeypatch):
    """Before: the final metrics read the whole validation (and test) split whatever --eval-batches said
    (``--iters 2`` on a 290 MB text spent 158 s evaluating)."""
    from rnn_lab.engine.tasks.language import LanguageTask

    asked = []
    real = LanguageTask.evaluate
    monkeypatch.setattr(LanguageTask, "evaluate", lambda self, split="val", max_batches=0:
                        asked.append((split, max_batches)) or real(self, split, max_batches))
    code, out, err = run("train", "--task", "lm", "--hidden", "8", "--embed", "8", "--batch", "4", "--bptt", "5",
                         "--iters", "2", "--eval-interval", "0", "--eval-batches", "3", "--log-json", "--quiet")
    assert code == 0, err
    assert asked == [("val", 3), ("test", 3)]
    final = json.loads(out.splitlines()[-1])
    assert final["eval_batches"] == 3 and "val_perplexity" in final and "test_loss" in final
