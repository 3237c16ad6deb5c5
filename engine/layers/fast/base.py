"""What the fast Time layers share: a transposed ("planes") layout inside the time loops, the products
over all timesteps done once, buffers reused between calls.

Same layers, same numbers as the readable ones (``layers/rnn.py``, ``lstm.py``, ``gru.py``; a test
holds them equal), computed differently:

- inside the time loops every array is *transposed*: h_t is (H, N), one unit per row and one
  sequence per column, and the pre-activations of step t are G blocks of (H, N), one contiguous
  "plane" per gate. The recurrent product of a step is ``Wh^T (G*H, H) @ h_{t-1} (H, N)`` and its
  backward ``Wh (H, G*H) @ dA_t (G*H, N)``: two contiguous operands, no transposed view (for which
  OpenBLAS takes a path twice as slow at these sizes), and at small sizes a little faster than the
  book's ``(N, H) @ (H, G*H)`` too. Every gate being one contiguous plane, the elementwise calls of
  a step stream memory instead of striding through (N, G, H) rows;
- the input projection x_t Wx + b of ALL timesteps is computed before the loop (T small products
  into the planes, or for a large Wx one product and a transposed copy; b rides in it: a row of ones
  under x^T, or a column beside x); after the backward loop the gradients of the pre-activations
  are copied back to rows, (T*N, G*H), and [dWh; dWx; db] is ONE product over the rows
  [h_{t-1}, x_t, 1] of all timesteps, dxs another;
- the buffers are allocated once per (N, T) and written with ``out=``; the per-step views of the
  loops are made once per buffer set too, and the per-step products call ``np.dot`` (the same BLAS
  call as ``np.matmul``, about half a microsecond less of NumPy's own work per call).

A subclass may keep its gate blocks in another order than the book's (``order``: internal block k
is the book's block ``order[k]``) and compute a sigmoid gate as 0.5 tanh(a/2) + 0.5, with the 0.5
folded into its columns of Wx, b and Wh (``prescale``; exact in floating point), so that ONE tanh
activates every gate of a step. It sets ``cell`` (the readable cell it computes) and writes two
loops, ``_forward_steps`` and ``_backward_steps``, on the planes.

Inputs and outputs stay batch-major ``(N, T, ...)`` as in the book. The time loops run under
``threads.loop_threads`` (see ``engine/threads.py``: how many BLAS threads a per-step product of
this size gets).
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from ...threads import loop_threads
from ..recurrent import Recurrent

PAD = 16  # floats added to a staging row, so that rows 2**k bytes apart do not alias in the cache
# Above this many elements of [Wx; b] the input projection is one (T*N, D+1) @ (D+1, G*H) product and a
# transposed copy into the planes: T products (G*H, D+1) @ (D+1, N) would each re-read the whole of Wx
# (at H = 650: 6.8 MB, 35 times). Below it the T small products are faster than the copy (measured:
# bench/recurrent_kernels.py).
BATCHED_PROJECTION_MAX = 1 << 18
SMALL_COPY = 1 << 16  # a transposed copy this small needs no padded staging (a few microseconds either way)


class FastTimeRecurrent(Recurrent):
    """Base of the fast Time layers (see the module docstring; parameters and state as ``Recurrent``)."""

    order: ClassVar[tuple[int, ...] | None] = None  # internal block k = the book's block order[k]
    prescale: ClassVar[tuple[float, ...] | None] = None  # per internal block: 0.5 for a gate via tanh(a/2)

    def __init__(self, Wx, Wh, b, *extra, stateful: bool = False) -> None:
        super().__init__(Wx, Wh, b, *extra, stateful=stateful)
        self.G = len(self.cell.blocks())
        self._order = self.order or tuple(range(self.G))
        self._scale = self.prescale or (1.0,) * self.G
        self._buf: dict[str, np.ndarray] = {}
        self._views: dict[str, list] = {}
        self._key: tuple[int, int] | None = None  # (N, T) the buffers were made for
        self._ran_forward = False
        self._from_next: np.ndarray | None = None  # (2, T, H, N) while recording equations
        self.cell_options: dict[str, object] = {}  # keyword arguments of the readable cell (the RNN's activation)

    # ----------------------------------------------------------------- buffers
    def _buffer_shapes(self, N: int, T: int) -> dict[str, tuple]:
        """Shapes of the subclass's own arrays (besides those made here)."""
        return {}

    def _prepare_buffers(self, N: int, T: int) -> None:
        if self._key == (N, T):
            return
        D, H, GH = self.D, self.H, self.G * self.H
        XT = (T, D + 1, N) if self._batched_projection() else (0, 0, 0)  # x^T only for the batched projection
        Whp = (H, GH) if self.order else (0, 0)  # Wh reordered for the backward (Wh itself without order)
        shapes = {"XT": XT, "HX": (T, N, H + D + 1), "H": (T + 1, H, N), "dH": (T, H, N), "dA": (T, GH, N),
                  "dAr": (T, N, GH), "dX": (T, N, D), "dW": (H + D + 1, GH), "dh": (H, N), "dnext": (H, N),
                  "WxT": (GH, D + 1), "Wxb": (D + 1, GH), "WhT": (GH, H), "Whp": Whp, "stage": (H, GH + PAD)}  # fmt: skip
        shapes.update(self._buffer_shapes(N, T))
        self._buf = {k: np.empty(s, dtype=self.dtype) for k, s in shapes.items()}
        self._buf["XT"][:, D:] = 1  # a row of ones under x^T: b rides in the (batched) projection,
        self._buf["HX"][:, :, H + D] = 1  # and a column of ones beside x: in the other one, and db in dW's
        self._views = {}
        self._key = (N, T)

    def _step_views(self, name: str, make) -> list:
        """The per-step views ``make(t)`` of every step, made once per buffer set (a loop then does
        no indexing of its own)."""
        if name not in self._views:
            self._views[name] = [make(t) for t in range(self._key[1])]
        return self._views[name]

    def _blocks(self, W: np.ndarray) -> list[np.ndarray]:
        """W (..., G*H) split into its G column blocks, in the book's order."""
        H = self.H
        return [W[..., k * H : (k + 1) * H] for k in range(self.G)]

    def _internal(self, W: np.ndarray, out: np.ndarray, scaled: bool) -> np.ndarray:
        """out (..., G*H) <- W's column blocks in internal order, pre-scaled if ``scaled``."""
        src, dst = self._blocks(W), self._blocks(out)
        for k, book in enumerate(self._order):
            s = self._scale[k] if scaled else 1.0
            if s == 1.0:
                np.copyto(dst[k], src[book])
            else:
                np.multiply(src[book], s, out=dst[k])
        return out

    def _batched_projection(self) -> bool:
        return self.G * self.H * (self.D + 1) <= BATCHED_PROJECTION_MAX

    def _forward_weights(self) -> tuple[np.ndarray, np.ndarray]:
        """([Wx; b] (D+1, G*H), or its transpose when the projection is batched; WhT (G*H, H)): both in
        internal order, pre-scaled."""
        buf, D, GH = self._buf, self.D, self.G * self.H
        Wx, Wh, b = self.params[:3]
        if self.order is None and self.prescale is None and Wh.size <= SMALL_COPY:  # a small RNN: fewer calls
            np.copyto(buf["WhT"], Wh.T)
            if self._batched_projection():
                np.copyto(buf["WxT"][:, :D], Wx.T)
                np.copyto(buf["WxT"][:, D], b)
                return buf["WxT"], buf["WhT"]
            np.copyto(buf["Wxb"][:D], Wx)
            np.copyto(buf["Wxb"][D], b)
            return buf["Wxb"], buf["WhT"]
        stage = buf["stage"][:, :GH]  # Wh's columns reordered, in padded rows: the transposed copy is fast
        np.copyto(buf["WhT"], self._internal(Wh, stage, scaled=True).T)
        Wxb = buf["Wxb"]
        self._internal(Wx, Wxb[:D], scaled=True)
        self._internal(b, Wxb[D], scaled=True)
        if self._batched_projection():
            np.copyto(buf["WxT"], Wxb.T)
            return buf["WxT"], buf["WhT"]
        return Wxb, buf["WhT"]

    def _project(self, Wxb: np.ndarray) -> None:
        """The input projection x_t Wx + b of all timesteps (b included) into the planes."""
        buf = self._buf
        target = self._input_projection_target()  # (T, G*H, N)
        if self._batched_projection():  # T products (G*H, D+1) @ (D+1, N)
            np.matmul(Wxb, buf["XT"], out=target)
            return
        T, N = self._key[1], self._key[0]
        rows = buf["dAr"]  # free until the backward: (T, N, G*H)
        np.matmul(self._x_rows().reshape(T * N, self.D + 1), Wxb, out=rows.reshape(T * N, -1))
        np.copyto(target, rows.transpose(0, 2, 1))

    # ----------------------------------------------------------------- forward / backward
    def forward(self, xs: np.ndarray) -> np.ndarray:
        """xs (N, T, D) -> hs (N, T, H), a fresh array (the layer keeps its own copies for backward)."""
        self._ran_forward = False
        xs = self._check(xs, "xs", self.D)
        N, T, D = xs.shape
        h0, c0 = self._initial_state(N, xs.shape)
        self._prepare_buffers(N, T)
        buf = self._buf
        H = buf["H"]
        np.copyto(self._x_rows()[:, :, :D], xs.transpose(1, 0, 2))
        if self._batched_projection():
            np.copyto(buf["XT"][:, :D], xs.transpose(1, 2, 0))
        Wxb, WhT = self._forward_weights()
        self._project(Wxb)
        H[0] = h0.T
        if c0 is not None:
            self._set_c0(c0.T)
        with loop_threads(self.H, N, self.G):
            self._forward_steps(T, WhT)
        self.h = H[T].T.copy()
        if self.cell.has_cell:
            self.c = self._c_last().T.copy()
        self.trace = self._forward_trace() if self.record else {}
        self._ran_forward = True
        return np.ascontiguousarray(H[1:].transpose(2, 0, 1))

    def backward(self, dhs: np.ndarray) -> np.ndarray:
        """dhs (N, T, H) -> dxs (N, T, D); writes grads in place and sets ``dh`` (``dc``)."""
        dhs = self._check_backward(dhs, self._key if self._ran_forward else None)
        N, T = self._key
        buf = self._buf
        dH = buf["dH"]
        np.copyto(dH, dhs.transpose(1, 2, 0))
        dtotal = None
        if self.record:  # (T, H, N) total gradient into each h_t, for the dh_norm trace
            if buf.get("dh_total", np.empty(0)).shape != dH.shape:
                buf["dh_total"] = np.empty_like(dH)
            dtotal = buf["dh_total"]
        # what each step t received from step t+1 (dh, and dc with a cell state), for the Equations view
        self._from_next = np.zeros((2, T, self.H, N), self.dtype) if self.record and self.equations else None
        Wh = self.params[1]  # in internal order for the backward products (Wh itself when that is the book's)
        Whp = Wh if self.order is None else self._internal(Wh, buf["Whp"], scaled=False)
        buf["dnext"][...] = 0
        with loop_threads(self.H, N, self.G):
            self._backward_steps(dH, dtotal, Whp)
        dA2 = self._rows_of_dA().reshape(T * N, -1)
        Wx, D, H = self.params[0], self.D, self.H
        # [dWh; dWx; db] in one product over all timesteps (the rows [h_{t-1}, x_t, 1]), dxs in another.
        dW = self._weight_grads(dA2)
        np.copyto(self.grads[1], dW[:H])
        np.copyto(self.grads[0], dW[H : H + D])
        np.copyto(self.grads[2], dW[H + D])
        dX = buf["dX"]
        np.matmul(dA2, Wx.T, out=dX.reshape(T * N, self.D))
        if dtotal is not None:
            self.trace["dh_norm"] = np.sqrt(np.einsum("thn,thn->nt", dtotal, dtotal))
        self.dh = buf["dnext"].T.copy()
        if dtotal is not None and self._from_next is not None:
            self._record_equations(dhs)
        return np.ascontiguousarray(dX.transpose(1, 0, 2))

    def _record_equations(self, dhs: np.ndarray) -> None:
        """``record_equations`` from the buffers, turned from planes (T, H, N) to rows (T, N, H)."""
        buf, has_cell = self._buf, self.cell.has_cell

        def rows(planes: np.ndarray) -> np.ndarray:
            return planes.transpose(0, 2, 1)

        self.record_equations(self._x_rows()[:, :, : self.D], rows(buf["H"][:-1]),
                              rows(self._c_prevs()) if has_cell else None, dhs.transpose(1, 0, 2),
                              rows(self._from_next[0]), rows(self._from_next[1]) if has_cell else None)

    def _rows_of_dA(self) -> np.ndarray:
        """buf["dAr"] (T, N, G*H) <- the planes dA (T, G*H, N), back in the book's block order."""
        buf, G, H = self._buf, self.G, self.H
        dA, dAr = buf["dA"], buf["dAr"]
        T, _, N = dA.shape
        planes, rows = dA.reshape(T, G, H, N), dAr.reshape(T, N, G, H)
        k = 0
        while k < G:  # runs of blocks in the same order are copied together
            j = k + 1
            while j < G and self._order[j] == self._order[k] + (j - k):
                j += 1
            b0 = self._order[k]
            np.copyto(rows[:, :, b0 : b0 + j - k], planes[:, k:j].transpose(0, 3, 1, 2))
            k = j
        return dAr

    def _x_rows(self) -> np.ndarray:
        """The (T, N, D+1) part [x_t, 1] of buf["HX"] (x_t copied there by forward)."""
        return self._buf["HX"][:, :, self.H :]

    def _hx_rows(self) -> np.ndarray:
        """buf["HX"] (T, N, H+D+1) = [h_{t-1}, x_t, 1] of every step as rows: h_{t-1} copied in now."""
        HX = self._buf["HX"]
        np.copyto(HX[:, :, : self.H], self._buf["H"][:-1].transpose(0, 2, 1))
        return HX

    def _weight_grads(self, dA2: np.ndarray) -> np.ndarray:
        """buf["dW"] (H+D+1, G*H) = [dWh; dWx; db] = sum_t [h_{t-1}, x_t, 1]^T dA_t: one product."""
        T, N = self._key
        return np.matmul(self._hx_rows().reshape(T * N, -1).T, dA2, out=self._buf["dW"])

    def _dh_targets(self, dtotal: np.ndarray | None) -> list[np.ndarray]:
        """Where step t of a backward loop writes dh_t, the total gradient into h_t (from the output at
        t plus from step t+1): one scratch plane, or dtotal[t] when the trace records it."""
        T = self._key[1]
        return [self._buf["dh"]] * T if dtotal is None else list(dtotal)

    # ----------------------------------------------------------------- for subclasses
    def _input_projection_target(self) -> np.ndarray:
        """The (T, G*H, N) array (a view of the planes) that receives x Wx + b for all steps."""
        raise NotImplementedError

    def _set_c0(self, c0: np.ndarray) -> None:
        """Store the initial cell state c0 (H, N) (cells with ``has_cell``)."""
        raise NotImplementedError

    def _c_last(self) -> np.ndarray:
        """The last cell state c_T (H, N) (cells with ``has_cell``)."""
        raise NotImplementedError

    def _c_prevs(self) -> np.ndarray:
        """The cell state each step read, c_{t-1} (T, H, N) (cells with ``has_cell``)."""
        raise NotImplementedError

    def _forward_steps(self, T: int, WhT: np.ndarray) -> None:
        raise NotImplementedError

    def _backward_steps(self, dH: np.ndarray, dtotal: np.ndarray | None, Whp: np.ndarray) -> None:
        """Fill buf["dA"] (T, G*H, N) with the pre-activation gradients (internal order) and leave the
        gradient w.r.t. the initial h in buf["dnext"] (H, N) (and set self.dc)."""
        raise NotImplementedError

    def _forward_trace(self) -> dict[str, np.ndarray]:
        return {"h": self._buf["H"][1:].transpose(2, 0, 1)}
