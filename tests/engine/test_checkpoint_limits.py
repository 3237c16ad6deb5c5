"""Loading a checkpoint reads only the entries it uses, each checked against the size the model and the
metadata give it before a byte of it is read (defect 5); every number it loads is checked: NaN weights,
a NaN clock, a negative step, an absurd data cursor are refused with one sentence (defect 9)."""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pytest

from rnn_lab.engine.checkpoint import (
    META_KEY,
    CheckpointError,
    load_checkpoint,
    read_checkpoint_arrays,
    read_checkpoint_meta,
    save_checkpoint,
)
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import Trainer

ROOT = Path(__file__).resolve().parents[2]
CHAR = dict(hidden=8, embed=4, batch=4, bptt=8, eval_interval=5, eval_batches=2)


@pytest.fixture(scope="module")
def char_ckpt(tmp_path_factory) -> Path:
    trainer = Trainer(make_task(default_config("char", **CHAR)))
    trainer.fit(max_steps=12)
    path = tmp_path_factory.mktemp("ckpt") / "char.npz"
    save_checkpoint(path, trainer)
    return path


def npy_header(shape, descr="<f4") -> bytes:
    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": descr, "fortran_order": False, "shape": tuple(shape)})
    return buf.getvalue()


def add_member(path: Path, name: str, shape, descr="|u1", fill: bytes = b"\0", nbytes: int | None = None) -> None:
    """Append ``name`` (an .npy of ``shape``) to the archive, deflated: a small file that declares a lot."""
    total = int(np.prod(shape)) * np.dtype(descr).itemsize if nbytes is None else nbytes
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open(name, "w", force_zip64=True) as m:
            m.write(npy_header(shape, descr))
            chunk = fill * (1 << 24)
            while total > 0:
                m.write(chunk[: min(total, len(chunk))])
                total -= len(chunk)


def rewrite(src: Path, dst: Path, **arrays) -> Path:
    """A copy of ``src`` with some entries replaced (None: removed)."""
    data, _ = read_checkpoint_arrays(src)
    for k, v in arrays.items():
        if v is None:
            data.pop(k)
        else:
            data[k] = v
    with open(dst, "wb") as f:
        np.savez(f, **data)
    return dst


# ---------------------------------------------------------------------------------------------- defect 5: sizes
def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (600_000_000, 600_000_000))


def test_an_unused_huge_entry_is_never_read(tmp_path, char_ckpt):
    """Before: a 4.2 MB checkpoint with a zero-filled 3 GB entry took 3.2 GB and 16 s to ``eval``; here a
    512 MiB one, under a 600 MB address-space limit: it failed with a MemoryError."""
    path = tmp_path / "bloated.npz"
    path.write_bytes(char_ckpt.read_bytes())
    add_member(path, "junk.npy", (2**29,))
    assert path.stat().st_size < 5_000_000
    result = subprocess.run([sys.executable, "main.py", "eval", "--checkpoint", str(path), "--log-json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60, preexec_fn=_limit_memory)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["step"] == 12


def test_only_the_entries_a_load_uses_are_opened(tmp_path, char_ckpt, monkeypatch):
    path = tmp_path / "extra.npz"
    path.write_bytes(char_ckpt.read_bytes())
    add_member(path, "notes.npy", (1000,))
    add_member(path, "task.unused.npy", (1000,))
    opened = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        opened.append(name if isinstance(name, str) else name.filename)
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    trainer = load_checkpoint(path)
    assert trainer.step_count == 12
    assert "notes.npy" not in opened and "task.unused.npy" not in opened
    assert len(opened) == len(set(opened))  # each entry read once
    opened.clear()
    read_checkpoint_meta(path)
    assert opened == [META_KEY + ".npy"]  # the metadata only


@pytest.mark.parametrize("entry, shape, descr", [
    ("param.lstm0.Wx", (2**15, 2**15), "<f4"),  # a parameter of the wrong, huge shape
    ("optim.m.0", (2**28,), "<f4"),             # optimizer state larger than its parameter
    ("rng.task", (2**28,), "|u1"),              # a random-generator state of 256 MB
    ("curves.rows", (2**26, 6), "<f8"),         # more curve rows than a run keeps
    ("task.cursor", (2**27,), "<i8"),           # task state far beyond the data's size
    (META_KEY, (2**30,), "|u1"),                # metadata of a gigabyte
])
def test_an_entry_declaring_more_than_it_can_hold_is_refused_before_it_is_read(tmp_path, char_ckpt, entry,
                                                                                 shape, descr, monkeypatch):
    path = tmp_path / "declared.npz"
    data, _ = read_checkpoint_arrays(char_ckpt)
    data.pop(entry, None)
    with open(path, "wb") as f:
        np.savez(f, **data)
    add_member(path, entry + ".npy", shape, descr, nbytes=1 << 20)  # declares GBs, holds 1 MB: never read
    reads = []
    real = zipfile.ZipExtFile.read
    monkeypatch.setattr(zipfile.ZipExtFile, "read", lambda self, n=-1: reads.append(n) or real(self, n))
    with pytest.raises(CheckpointError, match=entry.replace(".", r"\.")) as info:
        load_checkpoint(path)
    assert "\n" not in str(info.value)
    assert all(0 <= n <= 1 << 20 for n in reads), reads  # no read of the declared size was attempted


def test_a_zip_bomb_metadata_is_refused_by_read_meta(tmp_path, char_ckpt):
    path = tmp_path / "meta-bomb.npz"
    data, _ = read_checkpoint_arrays(char_ckpt)
    data.pop(META_KEY)
    with open(path, "wb") as f:
        np.savez(f, **data)
    add_member(path, META_KEY + ".npy", (2**30,), nbytes=1 << 20)
    with pytest.raises(CheckpointError, match="meta.json"):
        read_checkpoint_meta(path)


# ---------------------------------------------------------------------------------------------- defect 9: numbers
def _nan_weights(arrays):
    w = arrays["param.lstm0.Wx"].copy()
    w[0, 0] = np.nan
    return {"param.lstm0.Wx": w}


def _inf_best(arrays):
    w = arrays["best.embed.W"].copy()
    w[1, 1] = np.inf
    return {"best.embed.W": w}


BAD_NUMBERS = [
    ("NaN weights", _nan_weights, "lstm0.Wx holds NaN or infinite values"),
    ("Inf best weights", _inf_best, "best parameter embed.W holds NaN or infinite values"),
    ("NaN clock", lambda a: {"trainer.elapsed": np.array(np.nan)}, "trainer.elapsed"),
    ("negative clock", lambda a: {"trainer.elapsed": np.array(-5.0)}, "trainer.elapsed"),
    ("negative step", lambda a: {"trainer.step": np.array(-100, dtype=np.int64)}, "trainer.step"),
    ("fractional step", lambda a: {"trainer.step": np.array(2.5)}, "trainer.step"),
    ("NaN lr", lambda a: {"trainer.lr": np.array([np.nan, 0.01])}, "trainer.lr"),
    ("absurd cursor", lambda a: {"task.cursor": np.array(10**15, dtype=np.int64)}, "cursor"),
    ("negative cursor", lambda a: {"task.cursor": np.array(-8, dtype=np.int64)}, "cursor"),
    ("NaN optimizer state", lambda a: {"optim.v.1": np.full_like(a["optim.v.1"], np.nan)}, "optim.v.1"),
    ("negative optimizer count", lambda a: {"optim.iter": np.array(-1, dtype=np.int64)}, "optim.iter"),
    ("NaN hidden state", lambda a: {k: np.full_like(v, np.nan) for k, v in a.items() if k.startswith("task.hidden.")},
     "hidden"),
    ("NaN curve", lambda a: {"curves.rows": np.where(np.arange(6) == 2, np.nan, a["curves.rows"])}, "curves"),
    ("absurd curve capacity", lambda a: {"curves.meta": np.array([10**12, 1, 12], dtype=np.int64)}, "curves"),
]


@pytest.mark.parametrize("label, change, words", BAD_NUMBERS, ids=[b[0] for b in BAD_NUMBERS])
def test_a_non_finite_or_absurd_number_is_refused(tmp_path, char_ckpt, label, change, words):
    """Before: NaN weights loaded silently (samples "Thezzzz…"), a NaN clock made the status bar raise at every
    report, step -100 and cursor 1e15 were taken."""
    arrays, _ = read_checkpoint_arrays(char_ckpt)
    assert any(k.startswith("task.hidden.") for k in arrays) and "best.embed.W" in arrays
    path = rewrite(char_ckpt, tmp_path / "bad.npz", **change(arrays))
    with pytest.raises(CheckpointError) as info:
        load_checkpoint(path)
    message = str(info.value)
    assert words in message and "bad.npz" in message and "\n" not in message, message


def test_the_cli_names_nan_weights_in_one_line(tmp_path, char_ckpt):
    arrays, _ = read_checkpoint_arrays(char_ckpt)
    path = rewrite(char_ckpt, tmp_path / "nan.npz", **_nan_weights(arrays))
    result = subprocess.run([sys.executable, "main.py", "sample", "--checkpoint", str(path), "--prompt", "The"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("rnn-lab: error: ") and "NaN" in result.stderr


def test_a_seq2seq_data_order_outside_the_data_is_refused(tmp_path):
    """Before: accepted; the next training step failed with an IndexError."""
    lines = "".join(f"{a}+{a}".ljust(7) + "_" + str(2 * a).ljust(4) + "\n" for a in range(60))
    (tmp_path / "add.txt").write_text(lines)
    trainer = Trainer(make_task(default_config("seq2seq", data=str(tmp_path / "add.txt"), hidden=4, embed=4, batch=4)))
    trainer.fit(max_steps=2)
    good = save_checkpoint(tmp_path / "s.npz", trainer)
    arrays, _ = read_checkpoint_arrays(good)
    order = arrays["task.order"].copy()
    order[0] = 10**9
    with pytest.raises(CheckpointError, match="outside"):
        load_checkpoint(rewrite(good, tmp_path / "bad.npz", **{"task.order": order}))
