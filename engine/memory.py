"""Estimate a model's memory before building it, and refuse what would not fit.

The estimate counts, in the config's float type: parameters, their gradients, the optimizer's state,
the activations one training step caches for backward (the BPTT window of every recurrent layer)
and the logits with their softmax and gradient (``N*T*V`` three times: the largest arrays of a
word-level language model). It is deliberately a little pessimistic; it is not a profiler.
"""

from __future__ import annotations

import os

import numpy as np

from .config import Config

# Arrays of (N, T, H) a recurrent layer keeps per timestep for backward: h, plus the gates.
_CACHE_PER_UNIT = {"rnn": 2, "simple": 2, "lstm": 8, "better": 8, "gru": 6}
_GATES = {"rnn": 1, "simple": 1, "lstm": 4, "better": 4, "gru": 3}
_OPTIMIZER_COPIES = {"sgd": 0, "momentum": 1, "adagrad": 1, "rmsprop": 1, "adam": 2}


def estimate_bytes(config: Config, vocab_size: int) -> dict[str, int]:
    """Bytes needed to train ``config`` with a vocabulary of ``vocab_size`` tokens, by part."""
    item = np.dtype(config.dtype).itemsize
    V, D, H, N = vocab_size, config.embed, config.hidden, config.batch
    cell = config.model if config.model in _GATES else "lstm"
    k = _GATES[cell]
    if config.task == "adder":
        V, D, T, layers = 1, 2, 8, 1
        embed = 0
    elif config.task == "seq2seq":
        T, layers = 40, 2  # encoder + decoder, generous sequence length
        embed = V * D
    else:
        T, layers = config.bptt, config.layers
        embed = V * D
    rec = 0
    d_in = D
    for _ in range(layers):
        rec += k * H * (d_in + H + 1)
        d_in = H
    out = 0 if config.tie_weights and config.task in ("lm", "char") else H * V + V
    params = embed + rec + out
    activations = N * T * (D + layers * H * _CACHE_PER_UNIT.get(cell, 8))
    logits = 3 * N * T * V
    parts = {
        "parameters": params * item,
        "gradients": params * item,
        "optimizer": _OPTIMIZER_COPIES.get(config.optimizer, 2) * params * item,
        "activations": activations * item,
        "logits": logits * item,
    }
    parts["total"] = sum(parts.values())
    return parts


def available_bytes() -> int:
    """Memory the OS can give this process now (MemAvailable on Linux), or a large number if unknown."""
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


def check_fits(config: Config, vocab_size: int, available: int | None = None, share: float = 0.8) -> int:
    """Raise ValueError naming the estimate if training ``config`` would need more than ``share`` of the
    available memory; return the estimated total in bytes otherwise."""
    need = estimate_bytes(config, vocab_size)
    avail = available_bytes() if available is None else available
    if need["total"] > share * avail:
        biggest = max((k for k in need if k != "total"), key=need.get)
        raise ValueError(
            f"this model would need about {_mb(need['total'])} to train (mostly {biggest}: "
            f"{_mb(need[biggest])}) but only {_mb(avail)} is available; reduce the hidden size, "
            f"batch, BPTT length or vocabulary")
    return need["total"]


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n < 2**30 else f"{n / 2**30:,.1f} GB"
