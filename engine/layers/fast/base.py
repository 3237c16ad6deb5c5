"""What the fast Time layers share: time-major buffers reused between calls, and the products over
all timesteps done once.

Same layers, same numbers as the readable ones (``layers/rnn.py``, ``lstm.py``, ``gru.py``; a test
holds them equal), computed differently:

- every per-step array is *time-major*, ``(T, N, ...)``, so the slice of step t is one contiguous
  block and the stacks "all h_prev" or "all x" are plain reshapes to ``(T*N, ...)``;
- the input projection x Wx + b of ALL timesteps is one (T*N, D) @ (D, G*H) product before the
  loop, and dWx, db, dxs one product each after the backward loop (inside the loops only the
  recurrent h Wh remains);
- the buffers are allocated once per (N, T) and written with ``out=``, so a step allocates little.

A subclass sets ``cell`` (the readable cell it computes) and writes two loops: ``_forward_steps``
and ``_backward_steps``. Inputs and outputs stay batch-major ``(N, T, ...)`` as in the book.
"""

from __future__ import annotations

import numpy as np

from ..recurrent import Recurrent


class FastTimeRecurrent(Recurrent):
    """Base of the fast Time layers (see the module docstring; parameters and state as ``Recurrent``)."""

    def __init__(self, Wx, Wh, b, *extra, stateful: bool = False) -> None:
        super().__init__(Wx, Wh, b, *extra, stateful=stateful)
        self._buf: dict[str, np.ndarray] = {}
        self._key: tuple[int, int] | None = None  # (N, T) the buffers were made for
        self._ran_forward = False
        self._from_next: np.ndarray | None = None  # (2, T, N, H) while recording equations
        self.cell_options: dict[str, object] = {}  # keyword arguments of the readable cell (the RNN's activation)

    # ----------------------------------------------------------------- buffers
    def _buffer_shapes(self, N: int, T: int) -> dict[str, tuple]:
        """Shapes of the subclass's cached arrays (besides X, H, dA, dX made here)."""
        return {}

    def _prepare_buffers(self, N: int, T: int) -> None:
        if self._key == (N, T):
            return
        D, H, GH = self.D, self.H, self.params[1].shape[1]
        shapes = {"X": (T, N, D), "H": (T + 1, N, H), "dA": (T, N, GH), "dX": (T, N, D),
                  "dh": (N, H), "dnext": (N, H)}  # fmt: skip
        shapes.update(self._buffer_shapes(N, T))
        self._buf = {k: np.empty(s, dtype=self.dtype) for k, s in shapes.items()}
        self._key = (N, T)

    # ----------------------------------------------------------------- forward / backward
    def forward(self, xs: np.ndarray) -> np.ndarray:
        """xs (N, T, D) -> hs (N, T, H), a fresh array (the layer keeps its own copies for backward)."""
        self._ran_forward = False
        xs = self._check(xs, "xs", self.D)
        N, T, D = xs.shape
        h0, c0 = self._initial_state(N, xs.shape)
        self._prepare_buffers(N, T)
        X, H = self._buf["X"], self._buf["H"]
        H[0] = h0
        if c0 is not None:
            self._buf["C"][0] = c0
        X[...] = xs.transpose(1, 0, 2)
        Wx, b = self.params[0], self.params[2]
        # The input projection of all timesteps at once: one (T*N, D) @ (D, G*H) GEMM.
        A = self._input_projection_target().reshape(T * N, -1)
        np.matmul(X.reshape(T * N, D), Wx, out=A)
        A += b
        self._forward_steps(T)
        self.h = H[T].copy()
        if self.cell.has_cell:
            self.c = self._buf["C"][T].copy()
        self.trace = self._forward_trace() if self.record else {}
        self._ran_forward = True
        return np.ascontiguousarray(H[1:].transpose(1, 0, 2))

    def backward(self, dhs: np.ndarray) -> np.ndarray:
        """dhs (N, T, H) -> dxs (N, T, D); writes grads in place and sets ``dh`` (``dc``)."""
        dhs = self._check_backward(dhs, self._key if self._ran_forward else None)
        N, T = self._key
        dtotal = None
        if self.record:  # (T, N, H) total gradient into each h_t, for the dh_norm trace
            if "dh_total" not in self._buf:
                self._buf["dh_total"] = np.empty((T, N, self.H), dtype=self.dtype)
            dtotal = self._buf["dh_total"]
        # what each step t received from step t+1 (dh, and dc with a cell state), for the Equations view
        self._from_next = np.zeros((2, T, N, self.H), self.dtype) if self.record and self.equations else None
        self._backward_steps(dhs.transpose(1, 0, 2), dtotal)
        dA, X, dX = self._buf["dA"], self._buf["X"], self._buf["dX"]
        dA2 = dA.reshape(T * N, -1)
        Wx = self.params[0]
        # One GEMM each for dWx, db and dxs over all timesteps.
        np.matmul(X.reshape(T * N, self.D).T, dA2, out=self.grads[0])
        np.sum(dA2, axis=0, out=self.grads[2])
        np.matmul(dA2, Wx.T, out=dX.reshape(T * N, self.D))
        if dtotal is not None:
            self.trace["dh_norm"] = np.sqrt(np.einsum("tnh,tnh->nt", dtotal, dtotal))
            if self._from_next is not None:
                buf, has_cell = self._buf, self.cell.has_cell
                self.record_equations(buf["X"], buf["H"][:-1], buf["C"][:-1] if has_cell else None,
                                      dhs.transpose(1, 0, 2), self._from_next[0], self._from_next[1] if has_cell else None)
        return np.ascontiguousarray(dX.transpose(1, 0, 2))

    def _step_dh(self, t: int, dH: np.ndarray, dtotal: np.ndarray | None) -> np.ndarray:
        """The total gradient into h_t: from the output at t plus from step t+1 (``dnext``)."""
        dh = self._buf["dh"] if dtotal is None else dtotal[t]
        if self._from_next is not None:
            self._from_next[0, t] = self._buf["dnext"]
        return np.add(dH[t], self._buf["dnext"], out=dh)

    # ----------------------------------------------------------------- for subclasses
    def _input_projection_target(self) -> np.ndarray:
        """The (T, N, G*H) array that receives x Wx + b for all steps."""
        raise NotImplementedError

    def _forward_steps(self, T: int) -> None:
        raise NotImplementedError

    def _backward_steps(self, dH: np.ndarray, dtotal: np.ndarray | None) -> None:
        """Fill buf["dA"] (T, N, G*H) with pre-activation gradients, write dWh into grads, and set
        self.dh (self.dc) to the gradient w.r.t. the initial state."""
        raise NotImplementedError

    def _forward_trace(self) -> dict[str, np.ndarray]:
        return {"h": self._buf["H"][1:].transpose(1, 0, 2)}
