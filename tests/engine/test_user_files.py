"""Files the user names: only regular files are read (never a FIFO or a device), with a size cap, by every
reader (texts, seq2seq data, lessons, checkpoints, ``eval --data``); JSON with a nesting limit."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from rnn_lab.engine.checkpoint import CheckpointError, load_checkpoint, read_checkpoint_meta
from rnn_lab.engine.data.seq2seq_data import Seq2seqFormatError, read_file
from rnn_lab.engine.data.text import read_text
from rnn_lab.engine.errors import TaskError
from rnn_lab.engine.lessons import MAX_LESSON_BYTES, load_lesson
from rnn_lab.engine.user_files import (
    UserFileError,
    check_regular,
    json_depth,
    loads_json,
    open_regular,
    read_bytes,
)

ROOT = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(os.name != "posix" or not hasattr(os, "mkfifo"), reason="FIFOs and /dev/zero (POSIX)")


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


# ---------------------------------------------------------------------------------------------- the helper
@POSIX
def test_only_regular_files_are_opened(tmp_path, fifo):
    good = tmp_path / "good.txt"
    good.write_bytes(b"hello")
    with open_regular(good) as f:
        assert f.read() == b"hello"
    link = tmp_path / "link.txt"
    link.symlink_to(good)
    assert read_bytes(link, 100) == b"hello"  # a link to a regular file is that file
    for path, words in [(fifo, "named pipe"), (Path("/dev/zero"), "character device"),
                        (tmp_path, "folder"), (tmp_path / "nope", "does not exist")]:
        with pytest.raises(UserFileError, match=words):
            read_bytes(path, 100, what="data file")
        with pytest.raises(UserFileError, match=words):
            check_regular(path)


def test_the_size_cap_names_both_sizes(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2_000_001)
    with pytest.raises(UserFileError, match=r"2\.0 MB; files larger than 1\.0 MB are refused"):
        read_bytes(big, 1_000_000, what="lesson")
    assert len(read_bytes(big, 3_000_000)) == 2_000_001


def test_json_depth_ignores_brackets_in_strings_and_refuses_deep_nesting():
    assert json_depth('{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert json_depth("[]") == 1 and json_depth('"x"') == 0 and json_depth('"\\"[[["') == 0
    assert loads_json('{"a": [1, 2]}') == {"a": [1, 2]}
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(RecursionError):
        json.loads(deep)  # what every reader did before
    with pytest.raises(ValueError, match="nested 100000 levels deep"):
        loads_json(deep)
    with pytest.raises(json.JSONDecodeError):
        loads_json("{nope")


# ---------------------------------------------------------------------------------------------- every reader
@POSIX
def test_every_reader_refuses_a_fifo_and_a_device_at_once(tmp_path, fifo):
    """Before: seq2seq's reader and the lessons opened the path and waited for a writer (a FIFO) or read
    /dev/zero without end; now each raises its own error kind naming the file."""
    for path in (fifo, Path("/dev/zero")):
        with pytest.raises(Seq2seqFormatError, match="not a regular file"):
            read_file(path)
        with pytest.raises(TaskError, match="not a regular file"):
            read_text(path)
        with pytest.raises(ValueError, match="not a regular file"):
            load_lesson(path)
        with pytest.raises(CheckpointError, match="not a regular file"):
            read_checkpoint_meta(path)
        with pytest.raises(CheckpointError, match="not a regular file"):
            load_checkpoint(path)


def test_a_lesson_over_the_cap_is_refused_before_it_is_parsed(tmp_path):
    """Before: a 100 MB lesson was read and parsed on the window's thread (69 s)."""
    path = tmp_path / "big.json"
    doc = {"format": "rnnlab-lesson", "version": 1, "title": "t", "task": "adder", "panels": ["curves"],
           "text": ["x" * 1000] * (3 * MAX_LESSON_BYTES // 1000)}
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match=r"big\.json is 3\.0 MB; lessons larger than 1\.0 MB are refused"):
        load_lesson(path)


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))  # /dev/zero must not eat the machine


def run_cli(*argv: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout, preexec_fn=_limit_memory)


@POSIX
@pytest.mark.parametrize("task", ["seq2seq", "char", "lm"])
@pytest.mark.parametrize("which", ["fifo", "/dev/zero"])
def test_cli_train_on_a_fifo_or_a_device_is_one_line_at_once(tmp_path, fifo, task, which):
    """Before: ``train --task seq2seq --data /dev/zero`` grew ~350 MB/s without end; a FIFO hung."""
    path = str(fifo) if which == "fifo" else which
    result = run_cli("train", "--task", task, "--iters", "2", "--data", path, "--quiet", timeout=30)
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("rnn-lab: error: ") and "not a regular file" in lines[0], lines


@POSIX
def test_eval_data_on_a_fifo_is_one_line_at_once(tmp_path, fifo):
    ckpt = tmp_path / "s.npz"
    data = tmp_path / "add.txt"
    data.write_text("".join(f"{a}+{a}".ljust(7) + "_" + str(2 * a).ljust(4) + "\n" for a in range(40)))
    done = run_cli("train", "--task", "seq2seq", "--data", str(data), "--hidden", "4", "--embed", "4", "--batch", "4",
                   "--iters", "1", "--save", str(ckpt), "--quiet")
    assert done.returncode == 0, done.stderr
    result = run_cli("eval", "--checkpoint", str(ckpt), "--data", str(fifo), timeout=30)
    assert result.returncode == 1 and "not a regular file" in result.stderr and "Traceback" not in result.stderr

