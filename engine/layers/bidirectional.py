"""TimeBidirectional: one recurrent layer reads the sequence forwards, another backwards.

    hs = concat(fwd.forward(xs), reverse_t(bwd.forward(reverse_t(xs))))      (N, T, H1 + H2)

so hs[:, t] describes the whole sequence around position t (the book's chapter 8, TimeBiLSTM).
backward splits dhs on the feature axis, reverses the second half in time for the backward layer,
and adds the two input gradients.
"""

from __future__ import annotations

import numpy as np

from rnn_lab.engine.layers.lstm import TimeLSTM


class TimeBidirectional:
    """Wraps two time layers (TimeRNN, TimeLSTM or TimeGRU) with the same input size D and dtype
    (hidden sizes H1, H2 may differ).

    ``params``/``grads`` are ``forward_layer.params + backward_layer.params`` (the same arrays).
    ``record`` switches tracing on both halves; ``trace`` is ``{"forward": {...}, "backward": {...}}``
    where the backward half's arrays are reversed back to the input's time order (views), so
    ``trace[...]["h"][:, t]`` belongs to input position t in both halves. ``reset_state()`` resets
    both; the halves are reachable as ``forward_layer`` and ``backward_layer``.
    """

    def __init__(self, forward_layer, backward_layer):
        f, b = forward_layer, backward_layer
        if f.D != b.D or f.dtype != b.dtype:
            raise ValueError(
                f"TimeBidirectional: halves must share input size and dtype, got D={f.D} ({f.dtype}) "
                f"and D={b.D} ({b.dtype})"
            )
        self.forward_layer, self.backward_layer = f, b
        self.params = f.params + b.params
        self.grads = f.grads + b.grads
        self.D, self.H, self.dtype = f.D, f.H + b.H, f.dtype

    @property
    def record(self) -> bool:
        return self.forward_layer.record

    @record.setter
    def record(self, value: bool) -> None:
        self.forward_layer.record = self.backward_layer.record = bool(value)

    @property
    def equations(self) -> bool:
        return self.forward_layer.equations

    @equations.setter
    def equations(self, value: bool) -> None:
        self.forward_layer.equations = self.backward_layer.equations = bool(value)

    @property
    def trace(self) -> dict[str, dict[str, np.ndarray]]:
        backward = {k: v[:, ::-1] for k, v in self.backward_layer.trace.items()}
        return {"forward": self.forward_layer.trace, "backward": backward}

    @property
    def stateful(self) -> bool:
        """True only when both halves carry state across calls (TimeBiLSTM's never do)."""
        return self.forward_layer.stateful and self.backward_layer.stateful

    @property
    def h(self) -> np.ndarray | None:
        """(N, H1 + H2): the forward half's last state and the backward half's (at input position 0)."""
        hf, hb = self.forward_layer.h, self.backward_layer.h
        return None if hf is None or hb is None else np.concatenate([hf, hb], axis=1)

    def reset_state(self) -> None:
        self.forward_layer.reset_state()
        self.backward_layer.reset_state()

    def forward(self, xs: np.ndarray) -> np.ndarray:
        """xs (N, T, D) -> hs (N, T, H1 + H2)."""
        hs_f = self.forward_layer.forward(xs)
        hs_b = self.backward_layer.forward(np.asarray(xs)[:, ::-1])
        return np.concatenate([hs_f, hs_b[:, ::-1]], axis=2)

    def backward(self, dhs: np.ndarray) -> np.ndarray:
        """dhs (N, T, H1 + H2) -> dxs (N, T, D)."""
        dhs = np.asarray(dhs)
        if dhs.ndim != 3 or dhs.shape[2] != self.H:
            raise ValueError(f"TimeBidirectional: dhs has shape {dhs.shape}, expected (N, T, {self.H})")
        H1 = self.forward_layer.H
        dxs = self.forward_layer.backward(dhs[:, :, :H1])
        dxs += self.backward_layer.backward(dhs[:, ::-1, H1:])[:, ::-1]
        return dxs


class TimeBiLSTM(TimeBidirectional):
    """The book's bidirectional LSTM: ``TimeLSTM(Wx1, Wh1, b1)`` forwards, ``TimeLSTM(Wx2, Wh2, b2)``
    backwards, outputs concatenated to (N, T, 2H). Both halves are non-stateful: a backward pass over
    a truncated window cannot carry state from the previous window."""

    def __init__(self, Wx1, Wh1, b1, Wx2, Wh2, b2):
        super().__init__(TimeLSTM(Wx1, Wh1, b1), TimeLSTM(Wx2, Wh2, b2))
