"""Where a checkpoint is saved: only a checkpoint (or nothing, or an empty file) is replaced; a text, a
foreign archive, a device, a FIFO, a folder or a link to any of them is refused; a replaced file keeps its
mode and a symbolic link stays a link; ``train --save`` checks all of it (and that the folder is writable)
before the first step."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from rnn_lab.engine.checkpoint import CheckpointError, read_checkpoint_meta, save_checkpoint
from rnn_lab.engine.cli import main
from rnn_lab.engine.trainer import Trainer
from tests.engine.fake_task import FakeTask, fake_config

ROOT = Path(__file__).resolve().parents[2]
TINY_CHAR = ["--task", "char", "--hidden", "8", "--embed", "4", "--batch", "4", "--bptt", "8", "--eval-batches", "2"]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def trained(steps: int = 3) -> Trainer:
    t = Trainer(FakeTask(fake_config(eval_interval=0)))
    t.fit(max_steps=steps)
    return t


def test_saving_over_the_corpus_is_refused_and_the_corpus_kept(tmp_path):
    """Before: ``--save my.txt`` with ``--data my.txt`` exited 0 and the corpus was gone."""
    corpus = tmp_path / "my.txt"
    corpus.write_text("the cat sat on the mat. " * 60, encoding="utf-8")
    before = corpus.read_bytes()
    code, out, err = run("train", *TINY_CHAR, "--data", str(corpus), "--iters", "2", "--save", str(corpus), "--quiet")
    assert code == 1 and out == ""
    assert "my.txt" in err and "not an RNN Lab checkpoint" in err and len(err.strip().splitlines()) == 1
    assert corpus.read_bytes() == before


@pytest.mark.parametrize("kind", ["text", "foreign npz", "folder", "fifo", "device"])
def test_what_is_not_a_checkpoint_is_never_replaced(tmp_path, kind):
    path = tmp_path / "target.npz"
    if kind == "text":
        path.write_text("my notes\n")
    elif kind == "foreign npz":
        np.savez(path, weights=np.arange(3.0))
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        try:  # a node like /dev/full (as root only): before, a save replaced it with a file
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        except (PermissionError, AttributeError):
            pytest.skip("creating a device node needs root")
    mode = path.lstat().st_mode
    with pytest.raises(CheckpointError, match="target.npz"):
        save_checkpoint(path, trained())
    assert path.lstat().st_mode == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["target.npz"]  # no temporary left either


@pytest.mark.parametrize("kind", ["checkpoint", "empty", "damaged checkpoint"])
def test_a_checkpoint_an_empty_or_a_damaged_one_is_replaced(tmp_path, kind):
    path = tmp_path / "run.npz"
    if kind == "checkpoint":
        save_checkpoint(path, trained(1))
    elif kind == "empty":
        path.write_bytes(b"")
    else:  # e.g. an autosave cut short by a full disk before atomic saves: ours to replace
        path.write_bytes(b"PK\x03\x04 half a file")
    save_checkpoint(path, trained(3))
    assert read_checkpoint_meta(path)["step"] == 3


def test_a_replaced_checkpoint_keeps_its_mode(tmp_path):
    """Before: a 0600 checkpoint became 0644 (the temporary's mode)."""
    path = tmp_path / "private.npz"
    save_checkpoint(path, trained(1))
    path.chmod(0o600)
    save_checkpoint(path, trained(2))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and read_checkpoint_meta(path)["step"] == 2


def test_a_symbolic_link_stays_a_link_and_its_target_is_checked(tmp_path):
    """Before: the link was replaced by a file (and a link to the corpus replaced nothing of it, silently)."""
    real = tmp_path / "runs" / "real.npz"
    real.parent.mkdir()
    save_checkpoint(real, trained(1))
    link = tmp_path / "latest.npz"
    link.symlink_to(real)
    save_checkpoint(link, trained(4))
    assert link.is_symlink() and read_checkpoint_meta(real)["step"] == 4
    assert sorted(p.name for p in real.parent.iterdir()) == ["real.npz"]
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("words\n")
    bad = tmp_path / "bad.npz"
    bad.symlink_to(corpus)
    with pytest.raises(CheckpointError, match="not an RNN Lab checkpoint"):
        save_checkpoint(bad, trained())
    assert corpus.read_text() == "words\n" and bad.is_symlink()
    dangling = tmp_path / "dangling.npz"
    dangling.symlink_to(tmp_path / "nowhere" / "x.npz")
    with pytest.raises(CheckpointError, match="symbolic link"):
        save_checkpoint(dangling, trained())


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux's /sys (a folder nobody, not even root, may write)")
def test_an_unwritable_save_folder_fails_before_training(tmp_path):
    """Before: 3,000 steps, then "cannot save ... Permission denied". Now the first second says so."""
    target = Path("/sys") / f"rnnlab-test-{os.getpid()}.npz"
    argv = [sys.executable, "main.py", "train", *TINY_CHAR, "--iters", "1000000", "--eval-interval", "0",
            "--save", str(target), "--quiet"]
    t0 = time.monotonic()
    result = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Permission denied" in result.stderr and target.name in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert time.monotonic() - t0 < 30 and not target.exists()


# ---------------------------------------------------------------------------------------------- orphaned temporaries
def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temporaries_of_dead_processes_are_removed_when_saving_to_the_folder(tmp_path):
    """Before: each kill mid-save left its ``.NAME.PID.N.tmp`` behind (113 MB after five kills)."""
    dead = _dead_pid()
    orphans = [tmp_path / f".run.npz.{dead}.0.tmp", tmp_path / f".other.npz.{dead}.3.tmp",
               tmp_path / f".lesson.json.{dead}.1.tmp"]
    for p in orphans:
        p.write_bytes(b"\0" * 1000)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = tmp_path / f".run.npz.{sleeper.pid}.0.tmp"  # another process is writing this one now
        alive.write_bytes(b"...")
        kept = [alive, tmp_path / ".notes.txt", tmp_path / f".run.npz.{dead}.tmp", tmp_path / "x.12.0.tmp"]
        for p in kept[1:]:
            p.write_bytes(b"mine")
        save_checkpoint(tmp_path / "run.npz", trained(2))
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["run.npz", *(p.name for p in kept)])
    finally:
        sleeper.kill()
        sleeper.wait()
