"""What TimeRNN, TimeLSTM and TimeGRU share: argument checks, initial state, buffers, traces.

A subclass fixes ``n_gates`` (columns of ``Wx`` per hidden unit: RNN 1, GRU 3, LSTM 4) and writes
two loops: ``_forward_steps`` and ``_backward_steps``. Everything that is one matrix product over
all timesteps (the input projection, dWx, db, dxs) lives here.

Memory layout. Internally every per-step array is *time-major*, ``(T, N, ...)``, so the slice
of step t is one contiguous block and the stacks "all h_prev" or "all x" are plain reshapes to
``(T*N, ...)`` for one GEMM. Inputs and outputs stay batch-major ``(N, T, ...)`` as in the book.

State rules (the same for the three cells):
- ``set_state(h[, c])`` (copied) is the initial state of the NEXT forward, stateful or not;
- otherwise a stateful layer starts from the last state of its previous forward (truncated BPTT:
  no gradient flows back across calls), a non-stateful one from zeros;
- a stateful layer whose carried state has another batch size than ``xs`` raises ValueError
  (we do not silently reset: call ``reset_state()`` when the batch size changes).
Inputs must already have the parameters' dtype (ValueError otherwise: no silent casts/copies).
"""

from __future__ import annotations

import numpy as np


class TimeRecurrent:
    """Base of the time-recurrent layers. ``params = [Wx, Wh, b, *extra]``, ``grads`` alike.

    Attributes: ``h`` (N, H) last hidden state (``c`` for the LSTM), ``dh`` (N, H) gradient of the
    loss w.r.t. the initial hidden state after ``backward`` (``dc`` for the LSTM), ``stateful``,
    ``record`` (False: no trace work at all) and ``trace`` (dict of arrays, see the subclass).
    """

    n_gates = 1
    has_cell = False

    def __init__(self, Wx, Wh, b, stateful: bool = False, extra_params=()):
        name, G = type(self).__name__, self.n_gates
        Wx, Wh, b = (np.asarray(p) for p in (Wx, Wh, b))
        ok = Wx.ndim == 2 and Wh.ndim == 2 and b.ndim == 1 and Wh.shape[1] % G == 0 and Wx.shape[0] > 0
        H = Wh.shape[1] // G if ok else 0
        if not ok or H == 0 or Wh.shape[0] != H or Wx.shape[1] != G * H or b.shape[0] != G * H:
            raise ValueError(
                f"{name}: Wx {Wx.shape}, Wh {Wh.shape} and b {b.shape} must be "
                f"(D, {G}H), (H, {G}H) and ({G}H,) for some D >= 1, H >= 1"
            )
        params = [Wx, Wh, b, *extra_params]
        dtypes = {p.dtype for p in params}
        if len(dtypes) != 1 or not np.issubdtype(Wx.dtype, np.floating):
            raise ValueError(f"{name}: parameters must share one float dtype, got {sorted(map(str, dtypes))}")
        self.params = params
        self.grads = [np.zeros_like(p) for p in params]
        self.dtype, self.D, self.H = Wx.dtype, Wx.shape[0], H
        self.stateful = bool(stateful)
        self.record = False
        self.trace: dict[str, np.ndarray] = {}
        self.h = self.c = self.dh = self.dc = None
        self._state_given = False
        self._buf: dict[str, np.ndarray] = {}
        self._key: tuple[int, int] | None = None  # (N, T) the buffers were made for
        self._ran_forward = False

    # ----------------------------------------------------------------- state
    def reset_state(self) -> None:
        """Forget any carried or given state: the next forward starts from zeros."""
        self.h = self.c = None
        self._state_given = False

    def _set_state(self, h, c=None) -> None:
        name, H = type(self).__name__, self.H
        h = np.asarray(h)
        if h.ndim != 2 or h.shape[1] != H or h.dtype != self.dtype:
            raise ValueError(
                f"{name}.set_state: h has shape {h.shape} and dtype {h.dtype}, expected (N, {H}) {self.dtype}"
            )
        if c is not None:
            c = np.asarray(c)
            if c.shape != h.shape or c.dtype != self.dtype:
                raise ValueError(
                    f"{name}.set_state: c has shape {c.shape} ({c.dtype}), expected {h.shape} ({self.dtype})"
                )
        self.h = h.copy()
        if self.has_cell:
            self.c = c.copy() if c is not None else np.zeros_like(self.h)
        self._state_given = True

    def _load_initial_state(self, N: int, xs_shape: tuple) -> None:
        """Write h0 (and c0) into slot 0 of the state buffers."""
        starts = [self._buf["H"]] + ([self._buf["C"]] if self.has_cell else [])
        if self._state_given or (self.stateful and self.h is not None):
            if self.h.shape[0] != N:
                how = "set_state gave" if self._state_given else "the stateful layer carries"
                raise ValueError(
                    f"{type(self).__name__}: {how} a state of shape {self.h.shape} but xs has shape {xs_shape}; "
                    "call reset_state() (or set_state) when the batch size changes"
                )
            for buf, state in zip(starts, (self.h, self.c)):
                buf[0] = state
        else:
            for buf in starts:
                buf[0] = 0
        self._state_given = False

    # ----------------------------------------------------------------- buffers
    def _buffer_shapes(self, N: int, T: int) -> dict[str, tuple]:
        """Shapes of the subclass's cached arrays (besides X, H, dA, dX made here)."""
        return {}

    def _prepare_buffers(self, N: int, T: int) -> None:
        if self._key == (N, T):
            return
        D, H, GH = self.D, self.H, self.n_gates * self.H
        shapes = {"X": (T, N, D), "H": (T + 1, N, H), "dA": (T, N, GH), "dX": (T, N, D),
                  "dh": (N, H), "dnext": (N, H)}  # fmt: skip
        shapes.update(self._buffer_shapes(N, T))
        self._buf = {k: np.empty(s, dtype=self.dtype) for k, s in shapes.items()}
        self._key = (N, T)

    # ----------------------------------------------------------------- checks
    def _check(self, arr, what: str, last: int, expect: tuple | None = None) -> np.ndarray:
        arr = np.asarray(arr)
        name = type(self).__name__
        want = expect if expect is not None else f"(N, T, {last})"
        if arr.ndim != 3 or arr.shape[2] != last or 0 in arr.shape or (expect and arr.shape != expect):
            raise ValueError(f"{name}: {what} has shape {arr.shape}, expected {want}")
        if arr.dtype != self.dtype:
            raise ValueError(f"{name}: {what} {arr.shape} has dtype {arr.dtype}, parameters are {self.dtype}")
        return arr

    # ----------------------------------------------------------------- forward / backward
    def forward(self, xs: np.ndarray) -> np.ndarray:
        """xs (N, T, D) -> hs (N, T, H), a fresh array (the layer keeps its own copies for backward)."""
        self._ran_forward = False
        xs = self._check(xs, "xs", self.D)
        N, T, D = xs.shape
        self._prepare_buffers(N, T)
        self._load_initial_state(N, xs.shape)
        X, H = self._buf["X"], self._buf["H"]
        X[...] = xs.transpose(1, 0, 2)
        Wx, b = self.params[0], self.params[2]
        # The input projection of all timesteps at once: one (T*N, D) @ (D, G*H) GEMM.
        A = self._input_projection_target().reshape(T * N, -1)
        np.matmul(X.reshape(T * N, D), Wx, out=A)
        A += b
        self._forward_steps(T)
        self.h = H[T].copy()
        if self.has_cell:
            self.c = self._buf["C"][T].copy()
        self.trace = self._forward_trace() if self.record else {}
        self._ran_forward = True
        return np.ascontiguousarray(H[1:].transpose(1, 0, 2))

    def backward(self, dhs: np.ndarray) -> np.ndarray:
        """dhs (N, T, H) -> dxs (N, T, D); writes grads in place and sets ``dh`` (``dc``)."""
        if not self._ran_forward:
            raise RuntimeError(f"{type(self).__name__}.backward called before forward")
        N, T = self._key
        dhs = self._check(dhs, "dhs", self.H, expect=(N, T, self.H))
        dtotal = None
        if self.record:  # (T, N, H) total gradient into each h_t, for the dh_norm trace
            if "dh_total" not in self._buf:
                self._buf["dh_total"] = np.empty((T, N, self.H), dtype=self.dtype)
            dtotal = self._buf["dh_total"]
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
        return np.ascontiguousarray(dX.transpose(1, 0, 2))

    def _step_dh(self, t: int, dH: np.ndarray, dtotal: np.ndarray | None) -> np.ndarray:
        """The total gradient into h_t: from the output at t plus from step t+1 (``dnext``)."""
        dh = self._buf["dh"] if dtotal is None else dtotal[t]
        return np.add(dH[t], self._buf["dnext"], out=dh)

    # ----------------------------------------------------------------- for subclasses
    def _input_projection_target(self) -> np.ndarray:
        """The (T, N, G*H) array that receives x Wx + b for all steps."""
        raise NotImplementedError

    def _forward_steps(self, T: int) -> None:
        raise NotImplementedError

    def _backward_steps(self, dH: np.ndarray, dtotal: np.ndarray | None) -> None:
        """Fill buf["dA"] (T, N, G*H) with pre-activation gradients, write dWh (and extras) into
        grads, and set self.dh (self.dc) to the gradient w.r.t. the initial state."""
        raise NotImplementedError

    def _forward_trace(self) -> dict[str, np.ndarray]:
        return {"h": self._buf["H"][1:].transpose(1, 0, 2)}
