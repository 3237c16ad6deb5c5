"""Estimate the memory a run needs before building it, and refuse what would not fit.

The estimate counts what the engine really holds, by part (bytes, in the config's float type):

- ``parameters``: the weights; ``gradients``: one array per weight; ``optimizer``: the optimizer's
  per-weight state (Adam 2, momentum/AdaGrad/RMSprop 1, SGD 0) plus its scratch array (1);
  ``copies``: the trainer's copies of the weights and of the optimizer state for a divergence restore,
  and of the best validated weights;
- ``activations``: what one training step caches for backward, per sequence and timestep: the
  recurrent layers' buffers (``_CELL``: RNN 2D+2H, GRU 2D+9H, LSTM 2D+12H floats at input width D and
  hidden size H), each layer's output and input-gradient copies, the embedding's output, dropout's
  masks, attention's weights and contexts (seq2seq);
- ``logits``: the output layer's (N*T, V) buffer (the largest array of a word model);
- ``evaluation``: what a validation adds: the adder and seq2seq evaluate in chunks of many
  examples at once (up to 16,384 pairs, 1,000 questions) through the same layers, whose buffers
  then take that batch size; a language model reads its split with the training shape;
- ``corpus``: the data. Reading a text costs far more than the text: a character model's text is
  decoded and turned into code points and int64 positions (about 28 bytes per byte at the peak), a
  word model's is split into Python strings (about 25 bytes per byte: 60+ bytes per word); afterwards
  the ids (4 bytes per token) and the heap the reading left behind stay. ``corpus_bytes(config)``
  is the size on disk, known before a byte is read, so ``check_corpus_fits`` refuses a text too big
  to read before reading it;
- ``runtime``: modules imported to train, NumPy's and Python's own working memory.

The run's peak is ``max(corpus reading, corpus resident + everything else)``. tests/engine/test_memory.py
measures the peak resident set of real runs over a grid of shapes against this estimate
(``bench/memory.py`` prints the table); it is meant to be a little pessimistic, never low.
Available memory is the system's (MemAvailable) or, when the process runs in a cgroup with a memory
limit (a container, a systemd slice), what that limit leaves, whichever is smaller.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from .config import Config

# Floats per (sequence, timestep) a recurrent layer caches for backward, beyond its input (d) and state (H):
# time-major X (d) and dX (d), the states H (H), the pre-activation gradients dA (k H), and per cell:
# LSTM gates (4H), cells C (H), tanh(c) (H), K (H); GRU gates (3H), r*h (H), 1-z (H).
_CELL = {"rnn": (2, 2), "lstm": (2, 12), "gru": (2, 9)}  # (x d, x H)
_OPTIMIZER_SLOTS = {"sgd": 0, "momentum": 1, "adagrad": 1, "rmsprop": 1, "adam": 2}
_LOAD = {"char": 28.0, "lm": 25.0, "seq2seq": 30.0}  # peak bytes per byte of text while reading it
_RESIDENT = {"char": 6.0, "lm": 12.0, "seq2seq": 18.0}  # bytes per byte of text afterwards (ids, heap left)
GENERATED_SEQ2SEQ = 40 * 2**20  # the generated 50,000-example addition or date set (measured: 21-35 MB)
RUNTIME = 24 * 2**20  # modules imported to train, allocator slack
ADDER_STEPS, ADDER_EVAL = 8, 2**22  # the adder: 8 bit steps; its evaluation chunks pairs x hidden units
SEQ2SEQ_EVAL, SEQ2SEQ_CHUNK = 2**24, 1000  # engine.tasks.seq2seq: questions x steps x 4H per evaluation forward


def cell_of(config: Config) -> str:
    """The recurrent cell a config builds (every model that is not an RNN or a GRU is built of LSTMs)."""
    return {"rnn": "rnn", "simple": "rnn", "gru": "gru"}.get(config.model, "lstm")


def _layer_units(cell: str, d: int, H: int) -> int:
    """Floats per (sequence, timestep) of one recurrent layer in training: its cache, its output (H) and
    its input gradient (d), both returned as new arrays."""
    kd, kh = _CELL[cell]
    return kd * d + kh * H + H + d


def estimate_bytes(config: Config, vocab_size: int, corpus: int = 0,
                   seq_lengths: tuple[int, int] | None = None) -> dict[str, int]:
    """Bytes needed to train ``config`` with a vocabulary of ``vocab_size`` tokens, by part (see the module
    docstring), and their ``total``. ``corpus``: the data's size on disk (``corpus_bytes``), for the
    reading peak and what stays; ``seq_lengths``: a seq2seq data set's (question, answer) lengths."""
    item = np.dtype(config.dtype).itemsize
    task, cell = config.task, cell_of(config)
    if task == "adder":
        params, act, evaluation, logits = _adder(config, cell)
    elif task == "seq2seq":
        params, act, evaluation, logits = _seq2seq(config, vocab_size, seq_lengths or (40, 12))
    else:
        params, act, evaluation, logits = _language(config, cell, vocab_size)
    slots = _OPTIMIZER_SLOTS.get(config.optimizer, 2)
    parts = {
        "parameters": params * item,
        "gradients": params * item,
        "optimizer": (slots + 1) * params * item,  # state + one scratch array per weight
        "copies": (slots + 2) * params * item,  # the divergence backup (weights + state) and the best weights
        "activations": act * item,
        "logits": logits * item,
        "evaluation": evaluation * item,
        "corpus": int(_RESIDENT.get(task, 0) * corpus) + (GENERATED_SEQ2SEQ if _generated(config) else 0),
        "runtime": RUNTIME,
    }
    load = int(_LOAD.get(task, 0) * corpus) + (GENERATED_SEQ2SEQ if _generated(config) else 0)
    parts["total"] = max(load, sum(parts.values()))
    parts["corpus_reading"] = load
    return parts


def _language(config: Config, cell: str, V: int) -> tuple[int, int, int, int]:
    """(parameters, activation floats, evaluation floats, logit floats) of a char/word language model."""
    D, H, L, N, T = config.embed, config.hidden, config.layers, config.batch, config.bptt
    tied = config.tie_weights
    k = {"rnn": 1, "gru": 3, "lstm": 4}[cell]
    params = V * D + (0 if tied else H * V) + V
    per_step = D + (2 * D if config.dropout > 0 else 0)  # the embedding's output (and dropout's mask, output)
    d = D
    for _ in range(L):
        params += k * H * (d + H + 1)
        per_step += _layer_units(cell, d, H) + (2 * H if config.dropout > 0 else 0)
        d = H
    per_step += H  # the output layer's gradient into the last hidden states
    logits = N * T * (V + 4)  # one (N*T, V) buffer, plus per-row sums
    evaluation = N * T * (D + L * H)  # a validation's forward outputs (the layers' buffers are reused)
    return params, N * T * per_step, evaluation, logits


def _adder(config: Config, cell: str) -> tuple[int, int, int, int]:
    """The adder: 2 input bits, hidden H, 1 output bit, 8 steps; evaluated over all 16,384 pairs in chunks."""
    H, N = config.hidden, config.batch
    k = {"rnn": 1, "gru": 3, "lstm": 4}[cell]
    params = k * H * (2 + H + 1) + H + 1
    per_pair = ADDER_STEPS * (_layer_units(cell, 2, H) + 8)
    chunk = min(16_384, max(256, ADDER_EVAL // H))
    return params, N * per_pair, chunk * per_pair, N * ADDER_STEPS * 4


def _seq2seq(config: Config, V: int, lengths: tuple[int, int]) -> tuple[int, int, int, int]:
    """Encoder (Tx steps) and decoder (Ty steps) LSTMs, attention's per-step products, a small output layer;
    evaluated in chunks of up to 1,000 questions (teacher-forced forward, then greedy generation)."""
    Tx, Ty = lengths
    D, H, N = config.embed, config.hidden, config.batch
    model = config.model
    attention = model in ("attention", "bidirectional")
    peeky = "peeky" in model
    He = H // 2 if model == "bidirectional" else H
    dirs = 2 if model == "bidirectional" else 1
    d_dec = D + (H if peeky else 0)
    d_out = 2 * H if (attention or peeky) else H
    params = V * D + dirs * 4 * He * (D + He + 1) + 4 * H * (d_dec + H + 1) + (V * D) + d_out * V + V
    enc = Tx * (D + dirs * _layer_units("lstm", D, He))
    dec = Ty * (D + _layer_units("lstm", d_dec, H) + 2 * d_out + 3 * V)
    att = Ty * (3 * Tx + 3 * H) if attention else 0  # scores and weights (Ty, Tx), contexts and their gradients
    per_pair = enc + dec + att
    chunk = int(np.clip(SEQ2SEQ_EVAL // max(1, Tx * 4 * H), 16, SEQ2SEQ_CHUNK))
    return params, N * per_pair, chunk * per_pair, N * Ty * V


def _generated(config: Config) -> bool:
    return config.task == "seq2seq" and (config.data.strip() or "date") in ("addition", "date")


def corpus_bytes(config: Config) -> int:
    """The size on disk of the data ``config`` names (a PTB folder: its three files), without reading it;
    0 for built-in or generated data (and for a path that is not there: the reader says so)."""
    if config.task not in _LOAD or not config.data.strip() or _generated(config):
        return 0
    path = Path(config.data).expanduser()
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
def check_fits(config: Config, vocab_size: int, available: int | None = None, share: float = 0.8,
               corpus: int | None = None, seq_lengths: tuple[int, int] | None = None) -> int:
    """Raise ValueError naming the estimate if training ``config`` would need more than ``share`` of the
    available memory; return the estimated total in bytes otherwise. ``corpus`` defaults to the size of
    the data the config names."""
    corpus = corpus_bytes(config) if corpus is None else corpus
    need = estimate_bytes(config, vocab_size, corpus, seq_lengths)
    avail = available_bytes() if available is None else available
    if need["total"] > share * avail:
        named = {k: v for k, v in need.items() if k not in ("total", "runtime")}
        biggest = max(named, key=named.get)
        what = "reading the data" if biggest == "corpus_reading" else biggest
        raise ValueError(
            f"this run would need about {_mb(need['total'])} of memory (mostly {what}: "
            f"{_mb(need[biggest])}) but only {_mb(avail)} is available; reduce the hidden size, "
            f"batch, BPTT length or vocabulary" + (", or use a smaller text" if need["corpus_reading"] else ""))
    return need["total"]


def check_corpus_fits(config: Config, available: int | None = None, share: float = 0.8) -> None:
    """Before reading the data: ValueError if reading a text of this size would need more than ``share`` of
    the available memory (the model, not known yet, is checked after with ``check_fits``)."""
    corpus = corpus_bytes(config)
    load = int(_LOAD.get(config.task, 0) * corpus)
    avail = available_bytes() if available is None else available
    if load > share * avail:
        raise ValueError(f"reading this {corpus / 1e6:,.1f} MB text would need about {_mb(load)} of memory "
                         f"({_LOAD[config.task]:g} bytes per byte of text at the peak) but only {_mb(avail)} is "
                         "available; use a smaller text")


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n < 2**30 else f"{n / 2**30:,.1f} GB"


__all__ = ["available_bytes", "cgroup_available", "check_corpus_fits", "check_fits", "corpus_bytes", "estimate_bytes"]
