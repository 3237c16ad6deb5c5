"""Every kind of bad input, for every loader and for the command line, in one table.

Each row is one bad file (empty, binary, huge, non-UTF-8, missing, a folder, a PTB folder missing a
split, a malformed seq2seq line, a checkpoint that is truncated / foreign / of a newer version / of
the wrong shape / holding pickles, a model too big for the memory) and the words its ONE message
must contain. The loaders raise TaskError or CheckpointError (never another exception); the CLI
prints one ``rnn-lab: error:`` line, nothing on stdout, exits 1, and leaves an existing checkpoint
(the ``--save`` target) byte for byte as it was, with no new files next to it.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import numpy as np
import pytest

import rnn_lab.engine.memory
from rnn_lab.engine.checkpoint import META_KEY, load_checkpoint, read_checkpoint_arrays
from rnn_lab.engine.cli import main
from rnn_lab.engine.data.text import MAX_BYTES
from rnn_lab.engine.errors import CheckpointError, TaskError
from rnn_lab.engine.tasks.registry import default_config, make_task

GOOD_TEXT = "the cat sat on the mat\nthe dog ran in the fog\n" * 40
TINY = {"char": ["--hidden", "8", "--embed", "4", "--batch", "2", "--bptt", "5"],
        "lm": ["--hidden", "8", "--embed", "4", "--batch", "2", "--bptt", "5"],
        "seq2seq": ["--hidden", "8", "--embed", "4", "--batch", "4"],
        "adder": ["--hidden", "4"]}
TINY_CONFIG = {"char": dict(hidden=8, embed=4, batch=2, bptt=5), "lm": dict(hidden=8, embed=4, batch=2, bptt=5),
               "seq2seq": dict(hidden=8, embed=4, batch=4), "adder": dict(hidden=4)}


# ---------------------------------------------------------------------------------------------- bad data
def _write(folder: Path, name: str, data: bytes) -> Path:
    p = folder / name
    p.write_bytes(data)
    return p


def empty(folder):
    return _write(folder, "empty.txt", b"")


def binary(folder):
    return _write(folder, "blob.bin", np.random.default_rng(0).bytes(4000) + b"\x00")


def huge(folder):
    p = folder / "huge.txt"
    with open(p, "wb") as f:  # sparse: hundreds of MB on paper, no disk space used
        f.truncate(MAX_BYTES + 5_000_000)
    return p


def latin1(folder):
    return _write(folder, "latin.txt", "café au lait, crème brûlée\n".encode("latin-1") * 40)


def latin1_seq2seq(folder):
    return _write(folder, "latin.txt", "16+75  _91  \n52+607 _659 \ncafé+1 _2   \n".encode("latin-1"))


def missing(folder):
    return folder / "nope.txt"


def a_folder(folder):
    d = folder / "a folder"
    d.mkdir()
    return d


def ptb_without_valid(folder):
    d = folder / "ptb"
    d.mkdir()
    (d / "ptb.train.txt").write_text(GOOD_TEXT)
    (d / "ptb.test.txt").write_text(GOOD_TEXT)
    return d


def malformed_seq2seq(folder):
    return _write(folder, "addition.txt", b"16+75  _91  \n52+607 _659 \n1+1    _2   \n9+9 is 18\n3+4    _7   \n")


# (label, task, make(folder) -> data path, words of the message of the task, words of the CLI line)
DATA_CASES = [
    ("char empty", "char", empty, ["empty.txt", "is empty"], None),
    ("lm empty", "lm", empty, ["empty.txt", "is empty"], None),
    ("seq2seq empty", "seq2seq", empty, ["empty.txt", "no examples"], None),
    ("char binary", "char", binary, ["blob.bin", "binary file"], None),
    ("lm binary", "lm", binary, ["blob.bin", "binary file"], None),
    ("seq2seq binary", "seq2seq", binary, ["blob.bin", "binary file"], None),
    ("char huge", "char", huge, ["huge.txt", "305.0 MB", "larger than 300.0 MB are refused"], None),
    ("lm huge", "lm", huge, ["huge.txt", "305.0 MB", "larger than 300.0 MB are refused"], None),
    ("seq2seq huge", "seq2seq", huge, ["huge.txt", "305.0 MB", "larger than 300.0 MB are refused"], None),
    ("char not UTF-8", "char", latin1, ["latin.txt", "not valid UTF-8", "byte 0xe9", "encoding 'latin-1'"], None),
    ("lm not UTF-8", "lm", latin1, ["latin.txt", "not valid UTF-8", "byte 0xe9", "encoding 'latin-1'"], None),
    ("seq2seq not UTF-8", "seq2seq", latin1_seq2seq, ["latin.txt", "line 3 is not valid UTF-8", "byte 0xe9"], None),
    ("char missing", "char", missing, ["nope.txt", "does not exist"], ["data path not found", "nope.txt"]),
    ("lm missing", "lm", missing, ["nope.txt", "does not exist"], ["data path not found", "nope.txt"]),
    ("seq2seq missing", "seq2seq", missing, ["nope.txt", "does not exist"], ["data path not found", "nope.txt"]),
    ("char folder", "char", a_folder, ["a folder", "is a folder, not a text file"], None),
    ("lm folder", "lm", a_folder, ["has no ptb.train.txt", "the train split of the Penn Treebank"], None),
    ("seq2seq folder", "seq2seq", a_folder, ["a folder", "is a folder; choose a text file"], None),
    ("PTB missing split", "lm", ptb_without_valid, ["has no ptb.valid.txt", "the val split"], None),
    ("seq2seq malformed line", "seq2seq", malformed_seq2seq, ["addition.txt", "line 4", "9+9 is 18"], None),
]


def assert_one_sentence(message: str, *words: str) -> None:
    assert "\n" not in message and "Traceback" not in message, message
    for w in words:
        assert w in message, (w, message)


@pytest.mark.parametrize("label, task, make, words, cli_words", DATA_CASES, ids=[c[0] for c in DATA_CASES])
def test_loaders_refuse_bad_data_with_one_message(tmp_path, label, task, make, words, cli_words):
    path = make(tmp_path)
    before = _snapshot(tmp_path)
    with pytest.raises(TaskError) as info:
        make_task(default_config(task, data=str(path), **TINY_CONFIG[task]))
    assert_one_sentence(str(info.value), *words)
    assert _snapshot(tmp_path) == before  # reading never writes


def test_the_latin1_reading_that_is_offered_works(tmp_path):
    path = latin1(tmp_path)
    task = make_task(default_config("char", data=str(path), encoding="latin-1", **TINY_CONFIG["char"]))
    assert "é" in task.vocab and "û" in task.vocab
    code, out, err = run_cli("train", "--task", "char", "--data", str(path), "--encoding", "latin-1", "--iters", "2",
                             *TINY["char"], "--quiet")
    assert code == 0 and err == "", err


# ---------------------------------------------------------------------------------------------- the CLI
def run_cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def one_error_line(stderr: str, *words: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("rnn-lab: error: "), stderr
    assert_one_sentence(lines[0], *words)
    return lines[0]


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file under ``folder`` (sparse giants by size only): what must not change."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            size = p.stat().st_size
            out[str(p.relative_to(folder))] = (size, p.read_bytes() if size < 10**7 else b"",
                                               p.stat().st_mtime_ns)
    return out


@pytest.fixture(scope="module")
def adder_checkpoint(tmp_path_factory) -> Path:
    """A real (tiny) adder checkpoint, shared by the checkpoint rows."""
    path = tmp_path_factory.mktemp("ckpt") / "adder.npz"
    code, _, err = run_cli("train", "--task", "adder", "--iters", "3", *TINY["adder"], "--save", str(path), "--quiet")
    assert code == 0, err
    return path


@pytest.mark.parametrize("label, task, make, words, cli_words", DATA_CASES, ids=[c[0] for c in DATA_CASES])
def test_cli_train_on_bad_data_is_one_line_and_touches_nothing(tmp_path, adder_checkpoint, label, task, make, words,
                                                               cli_words):
    path = make(tmp_path)
    out_ckpt = tmp_path / "run.npz"
    out_ckpt.write_bytes(adder_checkpoint.read_bytes())  # an earlier run's checkpoint, the --save target
    before = _snapshot(tmp_path)
    code, out, err = run_cli("train", "--task", task, "--data", str(path), "--iters", "2", *TINY[task],
                             "--save", str(out_ckpt))
    assert code == 1
    assert out == ""
    one_error_line(err, *(cli_words or words))
    assert _snapshot(tmp_path) == before


# ---------------------------------------------------------------------------------------------- bad checkpoints
def _rewrite(src: Path, dst: Path, change) -> Path:
    arrays, meta = read_checkpoint_arrays(src)
    change(arrays, meta)
    arrays[META_KEY] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8).copy()
    with open(dst, "wb") as f:
        np.savez(f, **arrays)
    return dst


def truncated(src, dst):
    data = src.read_bytes()
    dst.write_bytes(data[: len(data) * 2 // 3])
    return dst


def corrupt(src, dst):
    data = bytearray(src.read_bytes())
    data[200:600] = np.random.default_rng(3).bytes(400)
    dst.write_bytes(bytes(data))
    return dst


def foreign(src, dst):
    with open(dst, "wb") as f:
        np.savez(f, weights=np.zeros(3))
    return dst


def newer_version(src, dst):
    return _rewrite(src, dst, lambda arrays, meta: meta.update(version=99))


def wrong_shape(src, dst):
    def change(arrays, meta):
        key = next(k for k in arrays if k.startswith("param."))
        arrays[key] = np.zeros(tuple(s + 1 for s in arrays[key].shape), dtype=arrays[key].dtype)

    return _rewrite(src, dst, change)


def pickled(src, dst):
    return _rewrite(src, dst, lambda arrays, meta: arrays.update({"task.seen": np.array([print], dtype=object)}))


def not_a_checkpoint(src, dst):
    dst.write_text("just some text\n")
    return dst


CKPT_CASES = [
    ("truncated", truncated, ["truncated or corrupt"]),
    ("corrupt", corrupt, ["bad.npz", "truncated or corrupt"]),
    ("foreign npz", foreign, ["not an RNN Lab checkpoint"]),
    ("text file", not_a_checkpoint, ["not an RNN Lab checkpoint"]),
    ("newer version", newer_version, ["version 99, written by a newer RNN Lab"]),
    ("wrong shape", wrong_shape, ["has shape", "the model expects"]),
    ("pickled objects", pickled, ["object arrays", "refuses to load them"]),
]


@pytest.mark.parametrize("label, make, words", CKPT_CASES, ids=[c[0] for c in CKPT_CASES])
def test_bad_checkpoints_in_the_loader_and_the_cli(tmp_path, adder_checkpoint, label, make, words):
    bad = make(adder_checkpoint, tmp_path / "bad.npz")
    before = _snapshot(tmp_path)
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(bad)
    assert_one_sentence(str(info.value), *words)
    for argv in (["eval", "--checkpoint", str(bad)], ["sample", "--checkpoint", str(bad), "--prompt", "x"]):
        code, out, err = run_cli(*argv)
        assert code == 1 and out == "", (argv, err)
        one_error_line(err, *words)
    assert _snapshot(tmp_path) == before


def test_loading_a_pickled_checkpoint_never_runs_its_code(tmp_path, adder_checkpoint, monkeypatch):
    """A crafted object array whose unpickling would call a function: the loader refuses first."""
    calls = []

    class Trap:
        def __reduce__(self):
            return (calls.append, ("ran",))

    arrays, meta = read_checkpoint_arrays(adder_checkpoint)
    arrays["task.trap"] = np.array([Trap()], dtype=object)  # an entry the task does not use: never read
    unused = tmp_path / "unused.npz"
    with open(unused, "wb") as f:
        np.savez(f, **arrays)
    arrays["task.rng"] = np.array([Trap()], dtype=object)  # one it uses: refused, not unpickled
    bad = tmp_path / "trap.npz"
    with open(bad, "wb") as f:
        np.savez(f, **arrays)
    calls.clear()  # (pickling above did not call it either; only unpickling would)
    assert load_checkpoint(unused).step_count == meta["step"]
    with pytest.raises(CheckpointError, match="object arrays"):
        load_checkpoint(bad)
    assert calls == []


# ---------------------------------------------------------------------------------------------- memory
@pytest.mark.parametrize("task", ["adder", "char", "lm", "seq2seq"])
def test_a_model_too_big_for_the_memory_is_refused_naming_the_estimate(tmp_path, monkeypatch, task):
    monkeypatch.setattr(rnn_lab.engine.memory, "available_bytes", lambda: 2**20)  # a machine with 1 MB free
    save = tmp_path / "run.npz"
    argv = ["train", "--task", task, "--iters", "2", "--hidden", "512", "--save", str(save)]
    if task != "adder":
        argv += ["--embed", "64", "--batch", "4"]
    with pytest.raises(TaskError) as info:
        make_task(default_config(task, hidden=512, **({} if task == "adder" else dict(embed=64, batch=4))))
    assert_one_sentence(str(info.value), "would need about", "MB", "only 1 MB is available", "reduce")
    code, out, err = run_cli(*argv)
    assert code == 1 and out == ""
    one_error_line(err, "would need about", "only 1 MB is available")
    assert not save.exists()


def test_the_real_process_prints_one_line_for_a_malformed_seq2seq_file(tmp_path):
    import subprocess
    import sys

    path = malformed_seq2seq(tmp_path)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    result = subprocess.run([sys.executable, "main.py", "train", "--task", "seq2seq", "--data", str(path),
                             "--iters", "2"], cwd=root, capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 1 and result.stdout == ""
    one_error_line(result.stderr, "line 4")
