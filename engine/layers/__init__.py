"""The layers of "Deep Learning from Scratch 2", one per file, with the book's protocol.

Every layer has ``params`` and ``grads`` (lists of arrays of the same shapes; ``backward``
writes gradients into ``grads`` in place), ``forward(...)`` and ``backward(dout)``.
Time layers take ``(N, T, D)`` batches and compute in the dtype of their parameters.

Names are imported lazily so that ``import engine.layers`` stays cheap.
"""

from __future__ import annotations

import importlib

_EXPORTS = {
    "TimeEmbedding": "embedding",
    "TimeAffine": "affine",
    "TimeRNN": "rnn",
    "TimeLSTM": "lstm",
    "TimeGRU": "gru",
    "TimeBidirectional": "bidirectional",
    "TimeBiLSTM": "bidirectional",
    "TimeDropout": "dropout",
    "TimeSoftmaxWithLoss": "losses",
    "TimeSigmoidWithLoss": "losses",
    "TimeMSELoss": "losses",
    "TimeAttention": "attention",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
