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
from .errors import SettingError
from .i18n import QT_TRANSLATE_NOOP
from .layers.cells import cell_class

_OPTIMIZER_COPIES = {"sgd": 0, "momentum": 1, "adagrad": 1, "rmsprop": 1, "adam": 2}


def estimate_bytes(config: Config, vocab_size: int, *, cell: str, steps: int, layers: int, inputs: int,
                   embedding: bool = True, tied: bool = False) -> dict[str, int]:
    """Bytes needed to train ``config`` with a vocabulary of ``vocab_size`` tokens, by part.

    The task says the rest of its model's shape (``Task.memory_shape``): the registered ``cell``, the
    ``steps`` per sequence, the recurrent ``layers``, the ``inputs`` into the first one, whether tokens
    are embedded (``embedding``, a (V, inputs) table) and whether the output layer is ``tied`` to it.
    """
    item = np.dtype(config.dtype).itemsize
    V, H, N, T = vocab_size, config.hidden, config.batch, steps
    info = cell_class(cell)
    G = len(info.blocks())  # column blocks of Wx and Wh: 1 RNN, 3 GRU, 4 LSTM
    rec, d_in = 0, inputs
    for _ in range(layers):
        rec += G * H * (d_in + H + 1) + len(info.extra_params) * H
        d_in = H
    out = 0 if tied else H * V + V
    params = (V * inputs if embedding else 0) + rec + out
    # (N, T, H) arrays a recurrent layer keeps per timestep for backward: each block's pre-activation and
    # activation, roughly (RNN 2, GRU 6, LSTM 8), besides the (N, T, inputs) input of the first layer.
    activations = N * T * (inputs + layers * H * 2 * G)
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


def check_fits(config: Config, vocab_size: int, available: int | None = None, share: float = 0.8,
               **shape) -> int:
    """Raise ValueError naming the estimate if training ``config`` (its model's ``shape`` as for
    ``estimate_bytes``) would need more than ``share`` of the available memory; return the estimated
    total in bytes otherwise."""
    need = estimate_bytes(config, vocab_size, **shape)
    avail = available_bytes() if available is None else available
    if need["total"] > share * avail:
        biggest = max((k for k in need if k != "total"), key=need.get)
        raise SettingError(QT_TRANSLATE_NOOP("engine", "This model would need about {need} to train (mostly {part}: "
                                             "{part_need}) but only {available} is available; reduce the hidden "
                                             "size, batch, BPTT length or vocabulary."),
                           need=_mb(need["total"]), part=biggest, part_need=_mb(need[biggest]), available=_mb(avail))
    return need["total"]


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB" if n < 2**30 else f"{n / 2**30:,.1f} GB"
