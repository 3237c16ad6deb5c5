"""Estimate the memory a run needs before building it, and refuse what would not fit.

The estimate counts what the engine really holds, by part (bytes, in the config's float type):

- ``parameters``: the weights; ``gradients``: one array per weight; ``optimizer``: the optimizer's
  per-weight state (Adam 2, momentum/AdaGrad/RMSprop 1, SGD 0) plus its scratch array (1);
  ``copies``: the trainer's copies of the weights and of the optimizer state for a divergence restore,
  and of the best validated weights;
- ``activations``: what one training step caches for backward, per sequence and timestep: the
  recurrent layers' buffers (each cell declares them: ``Cell.cache_floats``, e.g. LSTM 3D+19H floats
  at input width D and hidden size H), each layer's output and input-gradient copies, the embedding's
  output, dropout's masks, attention's weights and contexts (seq2seq);
- ``logits``: the output layer's (N*T, V) buffer (the largest array of a word model);
- ``evaluation``: what a validation adds: the adder and seq2seq evaluate in chunks of many
  examples at once (up to 16,384 pairs, 1,000 questions) through the same layers, whose buffers
  then take that batch size; a language model reads its split with the training shape;
- ``corpus``: the data. Reading a text costs far more than the text: a character model's text is
  decoded and turned into code points and int64 positions (about 28 bytes per byte at the peak), a
  word model's is split into Python strings (about 25 bytes per byte: 60+ bytes per word); afterwards
  the ids (4 bytes per token) and the heap the reading left behind stay. The size on disk
  (``file_bytes``) is known before a byte is read, so ``check_corpus_fits`` refuses a text too big to
  read before reading it;
- ``runtime``: modules imported to train, NumPy's and Python's own working memory.

Each task knows its model (``Task.model_floats``: parameters, activations, evaluation and logits in
floats, built from ``recurrent_parameters``, ``layer_units`` and ``layer_weight_buffers``) and its data's bytes per byte
(``Task.corpus_factors``); ``Task.estimate`` puts them together here. The run's peak is
``max(corpus reading, corpus resident + everything else)``. tests/engine/test_memory.py
measures the peak resident set of real runs over a grid of shapes against this estimate
(``bench/memory.py`` prints the table); it is meant to be a little pessimistic, never low.
Available memory is the system's (MemAvailable) or, when the process runs in a cgroup with a memory
limit (a container, a systemd slice), what that limit leaves, whichever is smaller.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .config import Config
from .errors import SettingError
from .i18n import QT_TRANSLATE_NOOP
from .layers.cells import cell_class

OPTIMIZER_SLOTS = {"sgd": 0, "momentum": 1, "adagrad": 1, "rmsprop": 1, "adam": 2}
RUNTIME = 24 * 2**20  # modules imported to train, allocator slack


@dataclass(frozen=True)
class ModelFloats:
    """What a task's model holds, in floats (``Task.model_floats``): its ``parameters``, the
    ``activations`` one training step caches, what an ``evaluation`` adds, and the ``logits`` buffer."""

    parameters: int
    activations: int
    evaluation: int
    logits: int


def recurrent_parameters(cell: str, d: int, H: int) -> int:
    """Parameters of one recurrent layer of the registered ``cell``: Wx (d, G H), Wh (H, G H), b (G H)
    for its G column blocks, and its extra (H,) vectors (the peephole's)."""
    info = cell_class(cell)
    return len(info.blocks()) * H * (d + H + 1) + len(info.extra_params) * H


def layer_weight_buffers(cell: str, d: int, H: int) -> int:
    """Floats of the weight-shaped buffers one fast recurrent layer keeps (``layers/fast/base.py``): its
    weights reordered for the forward ([Wx; b] and Wh^T), Wh reordered for the backward and its padded
    staging copy, and the [dWh; dWx; db] product: about twice its parameters plus 2 G H^2 (measured:
    BetterRnnlm's two 650-unit layers hold 80 MB of them)."""
    G = len(cell_class(cell).blocks())
    return 2 * recurrent_parameters(cell, d, H) + 2 * G * H * H


def layer_units(cell: str, d: int, H: int, training: bool = True) -> int:
    """Floats per (sequence, timestep) of one recurrent layer in training: its cache for backward
    (``Cell.cache_floats``), its output (H) and its input gradient (d), both returned as new arrays;
    in an evaluation (``training`` False) what its forward writes (``Cell.forward_floats``) and its output."""
    info = cell_class(cell)
    if not training:
        kd, kh = info.forward_floats
        return kd * d + kh * H + H
    kd, kh = info.cache_floats
    return kd * d + kh * H + H + d


def estimate_bytes(config: Config, model: ModelFloats, corpus_reading: int = 0,
                   corpus_resident: int = 0) -> dict[str, int]:
    """Bytes needed to train ``config``, by part (see the module docstring), and their ``total``:
    ``model`` in the config's float type, ``corpus_reading`` the peak of reading the data and
    ``corpus_resident`` what stays of it (both bytes)."""
    item = np.dtype(config.dtype).itemsize
    slots = OPTIMIZER_SLOTS.get(config.optimizer, 2)
    params = model.parameters
    parts = {
        "parameters": params * item,
        "gradients": params * item,
        "optimizer": (slots + 1) * params * item,  # state + one scratch array per weight
        "copies": (slots + 2) * params * item,  # the divergence backup (weights + state) and the best weights
        "activations": model.activations * item,
        "logits": model.logits * item,
        "evaluation": model.evaluation * item,
        "corpus": int(corpus_resident),
        "runtime": RUNTIME,
    }
    parts["total"] = max(int(corpus_reading), sum(parts.values()))
    parts["corpus_reading"] = int(corpus_reading)
    return parts


def file_bytes(data: str) -> int:
    """The size on disk of the data file (or PTB folder: its three files) a config names, without
    reading it; 0 for "" (built-in data) and for a path that is not there (the reader says so)."""
    if not data.strip():
        return 0
    path = Path(data).expanduser()
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.iterdir() if p.name.startswith("ptb.") and p.is_file())
        return path.stat().st_size
    except (OSError, ValueError):
        return 0


# ------------------------------------------------------------------------------------------- available
def available_bytes() -> int:
    """Memory this process can still get: the system's available memory (MemAvailable on Linux), or what a
    cgroup memory limit leaves (``cgroup_available``), whichever is smaller; a large number if unknown."""
    system = _meminfo_available()
    limit = cgroup_available()
    return min(system, limit) if limit is not None else system


def _meminfo_available() -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 1 << 62


def cgroup_available(root: str | os.PathLike = "/sys/fs/cgroup", proc: str | os.PathLike = "/proc/self/cgroup") -> int | None:
    """Limit minus usage of this process's memory cgroup, the smallest along its hierarchy (cgroup v2:
    ``memory.max``/``memory.current``; v1: ``memory.limit_in_bytes``/``memory.usage_in_bytes``); None
    when no limit is set or nothing can be read."""
    root = Path(root)
    try:
        lines = Path(proc).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    best: int | None = None
    for line in lines:
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        _, controllers, rel = parts
        if controllers == "":
            base, files = root, ("memory.max", "memory.current")
        elif "memory" in controllers.split(","):
            base, files = root / "memory", ("memory.limit_in_bytes", "memory.usage_in_bytes")
        else:
            continue
        for folder in _ancestors(base, rel):
            limit, usage = _read_int(folder / files[0]), _read_int(folder / files[1])
            if limit is None or usage is None or limit >= 1 << 60:
                continue
            left = max(0, limit - usage)
            best = left if best is None else min(best, left)
    return best


def _ancestors(base: Path, rel: str) -> list[Path]:
    """``base/rel`` and its parents up to ``base`` (in a container the cgroup's own path is often not
    visible: its root is then the container's cgroup)."""
    here = base / rel.strip("/") if rel.strip("/") else base
    out = [here]
    while here != base and base in here.parents:
        here = here.parent
        out.append(here)
    return out


def _read_int(path: Path) -> int | None:
    try:
        text = path.read_text(encoding="ascii").strip()
    except OSError:
        return None
    if text == "max":
        return 1 << 62
    try:
        return int(text)
    except ValueError:
        return None


# ------------------------------------------------------------------------------------------- refusing
def check_fits(need: dict[str, int], available: int | None = None, share: float = 0.8) -> int:
    """Raise ValueError naming the estimate ``need`` (``estimate_bytes``) if it is more than ``share`` of
    the available memory; return the estimated total in bytes otherwise."""
    avail = available_bytes() if available is None else available
    if need["total"] > share * avail:
        named = {k: v for k, v in need.items() if k not in ("total", "runtime")}
        biggest = max(named, key=named.get)
        if biggest == "corpus_reading":
            raise SettingError(QT_TRANSLATE_NOOP("engine", "This run would need about {need} of memory (mostly for "
                                                 "reading the data: {part_need}) but only {available} is available; "
                                                 "use a smaller text."),
                               need=_mb(need["total"]), part_need=_mb(need[biggest]), available=_mb(avail))
        raise SettingError(QT_TRANSLATE_NOOP("engine", "This run would need about {need} of memory (mostly {part}: "
                                             "{part_need}) but only {available} is available; reduce the hidden "
                                             "size, batch, BPTT length or vocabulary."),
                           need=_mb(need["total"]), part=biggest, part_need=_mb(need[biggest]), available=_mb(avail))
    return need["total"]


def check_corpus_fits(size: int, bytes_per_byte: float, available: int | None = None, share: float = 0.8) -> None:
    """Before reading the data: ValueError if reading ``size`` bytes of it, at ``bytes_per_byte`` at the
    peak, would need more than ``share`` of the available memory (the model is checked after)."""
    load = int(bytes_per_byte * size)
    avail = available_bytes() if available is None else available
    if load > share * avail:
        raise SettingError(QT_TRANSLATE_NOOP("engine", "Reading this {size} MB text would need about {need} of "
                                             "memory ({factor} bytes per byte of text at the peak) but only "
                                             "{available} is available; use a smaller text."),
                           size=f"{size / 1e6:,.1f}", need=_mb(load), factor=f"{bytes_per_byte:g}", available=_mb(avail))


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n < 2**30 else f"{n / 2**30:,.1f} GB"


__all__ = ["ModelFloats", "available_bytes", "cgroup_available", "check_corpus_fits", "check_fits", "estimate_bytes",
           "file_bytes", "layer_units", "layer_weight_buffers", "recurrent_parameters"]
