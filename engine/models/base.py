"""What every model shares: gathering params/grads once, tied weights, train/eval mode, traces.

A model is a composition of layers (the book's protocol). Subclasses build ``self.layers`` in
``__init__`` and call ``self.finalize()``; they implement ``forward(xs, ts) -> loss`` and
``backward(dout=1)``. ``params``/``grads`` are the *unique* parameter arrays (a tied weight
appears once), in a fixed order with stable names, so optimizers, clipping and checkpoints see
every parameter exactly once.

Tied weights are declared, not discovered: ``self.tie(src_layer, src_index, dst_layer, dst_index,
transpose=True)`` says that ``dst_layer.params[dst_index]`` *is* ``src_layer.params[src_index]``
(transposed view). After each backward, ``merge_tied_grads`` adds the destination's gradient
into the source's, so there is no per-step comparison of matrices (the book's remove_duplicate).
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np


class Model:
    """Base class of all models. Subclasses set ``self.layers`` (list of ``(name, layer)``) and
    ``cell``, the registered cell (``layers/cells.py``) their recurrent layers are made of."""

    cell = ""

    def __init__(self) -> None:
        self.layers: list[tuple[str, object]] = []
        self._ties: list[tuple[object, int, object, int, bool]] = []
        self.params: list[np.ndarray] = []
        self.grads: list[np.ndarray] = []
        self.names: list[str] = []

    # -- construction ------------------------------------------------------------------------
    def tie(self, src, src_index: int, dst, dst_index: int, transpose: bool = True) -> None:
        """Make ``dst.params[dst_index]`` a (transposed) view of ``src.params[src_index]``."""
        w = src.params[src_index]
        dst.params[dst_index] = w.T if transpose else w
        self._ties.append((src, src_index, dst, dst_index, transpose))

    def finalize(self) -> None:
        """Gather unique params/grads with names like ``"lstm0.Wx"``. Call once, after ``tie``."""
        tied = {(id(dst), i) for _, _, dst, i, _ in self._ties}
        self.params, self.grads, self.names = [], [], []
        for name, layer in self.layers:
            pnames = getattr(layer, "param_names", None) or [f"p{i}" for i in range(len(layer.params))]
            for i, (p, g) in enumerate(zip(layer.params, layer.grads)):
                if (id(layer), i) in tied:
                    continue
                self.params.append(p)
                self.grads.append(g)
                self.names.append(f"{name}.{pnames[i]}")

    def merge_tied_grads(self) -> None:
        """Add each tied destination's gradient into its source (call at the end of ``backward``)."""
        for src, si, dst, di, transpose in self._ties:
            g = dst.grads[di]
            src.grads[si] += g.T if transpose else g

    # -- modes and state ---------------------------------------------------------------------
    def set_train(self, train: bool) -> None:
        """Train mode enables dropout; eval mode disables it."""
        for _, layer in self.layers:
            if hasattr(layer, "train"):
                layer.train = train

    def set_dropout(self, ratio: float) -> None:
        """Change every dropout layer's ratio (a live slider)."""
        for _, layer in self.layers:
            if hasattr(layer, "ratio"):
                layer.ratio = ratio

    def reset_state(self) -> None:
        """Forget the hidden state of every stateful recurrent layer."""
        for _, layer in self.recurrent_layers():
            layer.reset_state()

    def recurrent_layers(self) -> Iterator[tuple[str, object]]:
        """``(name, layer)`` of each recurrent layer, in order (what the trace views show)."""
        for name, layer in self.layers:
            if hasattr(layer, "reset_state"):
                yield name, layer

    def set_record(self, record: bool, equations: bool = False) -> None:
        """Ask every recurrent layer to record (or stop recording) its trace; ``equations``: with every
        number of its cell's equations too (``Recurrent.record_equations``)."""
        for _, layer in self.recurrent_layers():
            layer.record = record
            layer.equations = bool(record and equations)

    def save_state(self) -> dict[str, np.ndarray | None]:
        """Copies of every recurrent layer's hidden/cell state (to restore after a side trip)."""
        out = {}
        for name, layer in self.recurrent_layers():
            for attr in ("h", "c"):
                v = getattr(layer, attr, None)
                out[f"{name}.{attr}"] = None if v is None else v.copy()
        return out

    def load_state(self, state: dict[str, np.ndarray | None]) -> None:
        for name, layer in self.recurrent_layers():
            h, c = state.get(f"{name}.h"), state.get(f"{name}.c")
            if h is None or not layer.stateful:  # set_state on a non-stateful layer would seed its next call
                layer.reset_state()
            elif c is None:
                layer.set_state(h.copy())
            else:
                layer.set_state(h.copy(), c.copy())

    # -- parameters ----------------------------------------------------------------------------
    def named_params(self) -> dict[str, np.ndarray]:
        return dict(zip(self.names, self.params))

    def load_params(self, arrays: dict[str, np.ndarray]) -> None:
        """Copy arrays into the parameters in place; names, shapes and dtypes must match exactly."""
        missing = [n for n in self.names if n not in arrays]
        if missing:
            raise ValueError(f"missing parameters: {', '.join(missing[:5])}")
        for name, p in zip(self.names, self.params):
            a = arrays[name]
            if a.shape != p.shape:
                raise ValueError(f"parameter {name} has shape {a.shape}, the model expects {p.shape}")
            p[...] = a

    def num_params(self) -> int:
        return int(sum(p.size for p in self.params))

    # -- the protocol subclasses implement -----------------------------------------------------
    def forward(self, xs, ts) -> float:  # pragma: no cover - abstract
        raise NotImplementedError

    def backward(self, dout: float = 1.0):  # pragma: no cover - abstract
        raise NotImplementedError
