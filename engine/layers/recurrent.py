"""What every recurrent layer shares: what a cell declares, the loop over time, the state rules.

A *cell* is one timestep written as the book's equations: ``rnn.py: RNN``, ``lstm.py: LSTM``,
``gru.py: GRU``, ``peephole_lstm.py: PeepholeLSTM``, each with ``forward(x, h_prev[, c_prev])`` and
``backward(dh_next[, dc_next])``. Its class also declares what the rest of RNN Lab needs to know
(``Cell``): a name, a title, its gates with their kinds, whether it carries a cell state ``c``, and
any extra parameters. ``layers/cells.py`` registers each cell once; models, the analysis, the memory
estimate, the command line and the window all read it from there.

A *Time layer* (``TimeRNN``, ``TimeLSTM``, ...) runs the cell over a batch of sequences (N, T, D), one
cell object per timestep, as the book's ``common/time_layers.py`` does: ``TimeRecurrent`` below is
that loop, written once for every cell. ``layers/fast/`` holds fused versions of the same layers
(tested equal to these), used where speed matters.

State rules (the same for every Time layer, readable or fast, in ``Recurrent``):
- ``set_state(h[, c])`` (copied) is the initial state of the NEXT forward, stateful or not;
- otherwise a stateful layer starts from the last state of its previous forward (truncated BPTT:
  no gradient flows back across calls), a non-stateful one from zeros;
- a stateful layer whose carried state has another batch size than ``xs`` raises ValueError
  (we do not silently reset: call ``reset_state()`` when the batch size changes).
Inputs must already have the parameters' dtype (ValueError otherwise: no silent casts or copies).
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

import numpy as np


class Gate(NamedTuple):
    """One block of a cell's columns in Wx, Wh and b, named as in the equations."""

    name: str  # "f": the key of its values in a trace, and its symbol in the window
    kind: str  # "sigmoid" (a gate, 0..1: it can saturate) or "tanh" (new content, -1..1)
    title: str  # "forget gate": what the window calls it


class Cell:
    """One timestep of a recurrent cell (the book's ``RNN``, ``LSTM``, ``GRU``).

    A subclass declares, as class attributes: ``name`` (what configs, checkpoints and the command line
    call it), ``title`` and ``about`` (what the window shows), ``gates`` (its column blocks, in the
    order of Wx's columns; empty for the plain RNN, whose one block is h itself), ``has_cell`` (an LSTM's
    c), ``extra_params`` (names of further (H,) parameter vectors after Wx, Wh and b, zero at start) and
    ``cache_floats`` (floats per sequence and timestep its Time layer keeps for backward, as (times the
    input width, times the hidden size): what ``memory`` estimates, measured against real runs; and
    ``forward_floats``, the part a forward alone writes, for an evaluation).
    It implements ``forward``, ``backward`` and ``values`` (the forward values a trace records).
    """

    name: ClassVar[str]
    title: ClassVar[str]
    about: ClassVar[str]
    gates: ClassVar[tuple[Gate, ...]] = ()
    has_cell: ClassVar[bool] = False
    extra_params: ClassVar[tuple[str, ...]] = ()
    # The fast Time layer's buffers (the larger of the two implementations): x^T, the rows [h_{t-1}, x_t, 1]
    # and dx (3 x D); the states h, their copy in those rows, the incoming gradient and its total (4 H); the
    # pre-activation gradients as planes and as rows (2 G H); and what the cell keeps (an LSTM's planes
    # [c, g, f, i, o], tanh c and one coefficient: 7 H; 19 H in all). The plain RNN keeps nothing more.
    cache_floats: ClassVar[tuple[int, int]] = (3, 6)
    # What a forward alone writes of them (an evaluation: the backward's buffers are never touched, so never
    # resident): x^T and the rows (2 x D), h, the rows' room for h_{t-1}, the cell's forward planes; and one
    # H more, measured (the adder's evaluation of an RNN 256 peaks at about 3.2 H per pair and step).
    forward_floats: ClassVar[tuple[int, int]] = (2, 3)
    options: ClassVar[tuple[str, ...]] = ()  # keyword arguments the cell takes (the RNN's "activation")

    def __init__(self, Wx, Wh, b, *extra):
        self.params = [Wx, Wh, b, *extra]
        self.grads: list[np.ndarray] = []  # set by backward: one gradient per parameter
        self.cache: tuple = ()

    @classmethod
    def blocks(cls) -> tuple[str, ...]:
        """Names of the column blocks of Wx, Wh and b: the gates, or ("h",) for a cell without gates."""
        return tuple(g.name for g in cls.gates) or ("h",)

    @classmethod
    def trace_keys(cls) -> tuple[str, ...]:
        """What a recording Time layer traces per timestep: h, then c (if any), then the gates."""
        return ("h",) + ("c",) * cls.has_cell + tuple(g.name for g in cls.gates)

    def values(self) -> dict[str, np.ndarray]:
        """The forward values of this step a trace records besides h (c and the gates), each (N, H)."""
        return {}

    # ------------------------------------------------------------ the window's Equations view
    # Every number of one step's equations, so that the window can write them out with the values of
    # a unit substituted (it does no arithmetic itself). Called only while recording equations.
    def equations(self) -> dict[str, np.ndarray]:
        """After ``forward``: the terms of each block's pre-activation and what the step read, each
        (N, H): "xWx.<block>", "hWh.<block>", "b.<block>" and their sum "a.<block>" (any further
        terms, e.g. a peephole's "peep.<block>", are in the sum too), "h_prev" (and "c_prev")."""
        raise NotImplementedError

    def gradients(self, dh_next: np.ndarray, dc_next: np.ndarray | None = None) -> dict[str, np.ndarray]:
        """Before ``backward(dh_next[, dc_next])``, with the same arguments: the gradients its
        equations pass along, each (N, H) (e.g. an LSTM's dL/dc_t and what it sends to c_{t-1})."""
        return {}


def block_terms(blocks: tuple[str, ...], **terms: np.ndarray) -> dict[str, np.ndarray]:
    """Split each (N, G*H) term of the pre-activations ``x Wx + h_prev Wh + b`` into its G blocks:
    ``{"xWx.f": ..., "hWh.f": ..., "b.f": ..., "a.f": the sum, ...}`` (a (G*H,) term such as b is
    broadcast to (N, H))."""
    out: dict[str, np.ndarray] = {}
    first = next(iter(terms.values()))
    H = first.shape[-1] // len(blocks)
    N = max(t.shape[0] for t in terms.values() if t.ndim == 2)
    for k, block in enumerate(blocks):
        total = np.zeros((N, H), dtype=first.dtype)
        for name, term in terms.items():
            part = np.broadcast_to(term[..., k * H:(k + 1) * H], (N, H))
            out[f"{name}.{block}"] = part
            total = total + part
        out[f"a.{block}"] = total
    return out


class Recurrent:
    """Parameters, state and argument checks of a Time layer of ``cell``, readable or fast.

    ``params = [Wx (D, G*H), Wh (H, G*H), b (G*H,), *extra (H,)]`` with G = len(cell.blocks()), and
    ``grads`` alike (``backward`` writes into them in place). After a forward: ``h`` (N, H), the last
    hidden state (``c``: the last cell state); after a backward: ``dh`` (N, H), the gradient w.r.t. the
    initial hidden state (``dc``: cell state). ``record`` (default False: no trace work at all) makes
    forward fill ``trace`` with (N, T, H) arrays named by ``cell.trace_keys()``, and backward add
    ``trace["dh_norm"]`` (N, T): the norm of the total gradient into each h_t. ``equations`` too
    (default False) makes backward add every number of the cell's equations (``record_equations``).
    """

    cell: ClassVar[type[Cell]]

    def __init__(self, Wx, Wh, b, *extra, stateful: bool = False) -> None:
        name, G = type(self).__name__, len(self.cell.blocks())
        Wx, Wh, b = (np.asarray(p) for p in (Wx, Wh, b))
        ok = Wx.ndim == 2 and Wh.ndim == 2 and b.ndim == 1 and Wh.shape[1] % G == 0 and Wx.shape[0] > 0
        H = Wh.shape[1] // G if ok else 0
        if not ok or H == 0 or Wh.shape[0] != H or Wx.shape[1] != G * H or b.shape[0] != G * H:
            raise ValueError(f"{name}: Wx {Wx.shape}, Wh {Wh.shape} and b {b.shape} must be "
                             f"(D, {G}H), (H, {G}H) and ({G}H,) for some D >= 1, H >= 1")
        extra = [np.asarray(p) for p in extra]
        wanted = self.cell.extra_params
        if len(extra) != len(wanted) or any(p.shape != (H,) for p in extra):
            takes = f"{len(wanted)} vectors {', '.join(wanted)} of shape ({H},)" if wanted else "nothing"
            raise ValueError(f"{name}: after Wx, Wh and b it takes {takes}, got {[p.shape for p in extra]}")
        params = [Wx, Wh, b, *extra]
        dtypes = {p.dtype for p in params}
        if len(dtypes) != 1 or not np.issubdtype(Wx.dtype, np.floating):
            raise ValueError(f"{name}: parameters must share one float dtype, got {sorted(map(str, dtypes))}")
        self.params = params
        self.grads = [np.zeros_like(p) for p in params]
        self.param_names = ["Wx", "Wh", "b", *wanted]
        self.dtype, self.D, self.H = Wx.dtype, Wx.shape[0], H
        self.stateful = bool(stateful)
        self.record = False
        self.equations = False  # with record: the numbers of the Equations view too (see record_equations)
        self.trace: dict[str, np.ndarray] = {}
        self.h = self.c = self.dh = self.dc = None
        self._state_given = False

    # ----------------------------------------------------------------- state
    def set_state(self, h: np.ndarray, c: np.ndarray | None = None) -> None:
        """Use h (N, H) (and, for a cell with a cell state, c: zeros when None) as the initial state
        of the next forward."""
        name, H = type(self).__name__, self.H
        h = np.asarray(h)
        if h.ndim != 2 or h.shape[1] != H or h.dtype != self.dtype:
            raise ValueError(f"{name}.set_state: h has shape {h.shape} and dtype {h.dtype}, "
                             f"expected (N, {H}) {self.dtype}")
        if c is not None:
            if not self.cell.has_cell:
                raise ValueError(f"{name}.set_state: a {self.cell.title} has no cell state c")
            c = np.asarray(c)
            if c.shape != h.shape or c.dtype != self.dtype:
                raise ValueError(f"{name}.set_state: c has shape {c.shape} ({c.dtype}), "
                                 f"expected {h.shape} ({self.dtype})")
        self.h = h.copy()
        if self.cell.has_cell:
            self.c = c.copy() if c is not None else np.zeros_like(self.h)
        self._state_given = True

    def reset_state(self) -> None:
        """Forget any carried or given state: the next forward starts from zeros."""
        self.h = self.c = None
        self._state_given = False

    def _initial_state(self, N: int, xs_shape: tuple) -> tuple[np.ndarray, np.ndarray | None]:
        """(h0, c0) of a forward over N sequences, by the state rules (c0 None without a cell state)."""
        if self._state_given or (self.stateful and self.h is not None):
            if self.h.shape[0] != N:
                how = "set_state gave" if self._state_given else "the stateful layer carries"
                raise ValueError(
                    f"{type(self).__name__}: {how} a state of shape {self.h.shape} but xs has shape {xs_shape}; "
                    "call reset_state() (or set_state) when the batch size changes")
            self._state_given = False
            return self.h, self.c
        h0 = np.zeros((N, self.H), dtype=self.dtype)
        return h0, (np.zeros_like(h0) if self.cell.has_cell else None)

    # ----------------------------------------------------------------- the Equations view
    def record_equations(self, xs: np.ndarray, h_prev: np.ndarray, c_prev: np.ndarray | None, dhs: np.ndarray,
                         dh_next: np.ndarray, dc_next: np.ndarray | None) -> None:
        """Add to ``trace`` every number of the equations of the last forward and backward, each
        (N, T, H), from what each step t read and received, time-major: its input ``xs`` (T, N, D),
        ``h_prev`` (and ``c_prev``) (T, N, H), the gradient from the output ``dhs`` and from step t+1
        ``dh_next`` (and ``dc_next``), (T, N, H):

        - the readable cell's ``equations()``: "xWx.<block>", "hWh.<block>", "b.<block>", "a.<block>",
          "h_prev" (and "c_prev");
        - "dh_out" (dL/dh_t from the output at t), "dh_next" (from step t+1), "dh" (their sum),
          "dh_prev" (what step t sends back to h_{t-1}); with a cell state "dc_next" (dL/dc_t from
          step t+1); and the cell's ``gradients()`` (an LSTM's "dc", "dc_local", "dc_prev").

        Given every step's h_prev, the steps are independent: ONE readable cell computes all T x N
        rows at once (one matrix product per weight), whichever code trained."""
        T, N = dhs.shape[:2]

        def rows(a):
            return a.reshape(T * N, a.shape[-1])

        cell = self.cell(*self.params, **self.cell_options)
        dh = dhs + dh_next
        if self.cell.has_cell:
            cell.forward(rows(xs), rows(h_prev), rows(c_prev))
            numbers = {**cell.equations(), **cell.gradients(rows(dh), rows(dc_next)), "dc_next": dc_next}
        else:
            cell.forward(rows(xs), rows(h_prev))
            numbers = {**cell.equations(), **cell.gradients(rows(dh))}
        dh_prev = np.concatenate([self.dh[None], dh_next[:-1]])  # step t sends to h_{t-1} what t-1 got from t
        numbers.update(dh_out=dhs, dh_next=dh_next, dh=dh, dh_prev=dh_prev)
        for key, value in numbers.items():  # (T*N, H) rows (or (H,) terms: b) and (T, N, H) -> (N, T, H)
            value = value if value.ndim == 3 else np.broadcast_to(value, (T * N, self.H)).reshape(T, N, self.H)
            self.trace[key] = value.transpose(1, 0, 2)

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

    def _check_backward(self, dhs, shape: tuple[int, int] | None) -> np.ndarray:
        """dhs checked against the (N, T) of the last forward (RuntimeError when there was none)."""
        if shape is None:
            raise RuntimeError(f"{type(self).__name__}.backward called before forward")
        return self._check(dhs, "dhs", self.H, expect=(*shape, self.H))


class TimeRecurrent(Recurrent):
    """The book's Time layer: ``cell`` applied at every timestep of xs (N, T, D) -> hs (N, T, H).

    Each step gets its own cell object (sharing ``params``), which caches what its backward needs;
    the parameter gradients of all steps add up in ``grads``.
    """

    def __init__(self, Wx, Wh, b, *extra, stateful: bool = False) -> None:
        super().__init__(Wx, Wh, b, *extra, stateful=stateful)
        self.cell_options: dict[str, object] = {}  # keyword arguments of each step's cell (TimeRNN: activation)
        self.layers: list[Cell] = []  # the cells of the last forward, one per timestep
        self._start: tuple | None = None  # (xs, h0, c0) of the last forward, when recording equations
        self._shape: tuple[int, int] | None = None  # (N, T) of the last complete forward

    def forward(self, xs: np.ndarray) -> np.ndarray:
        """xs (N, T, D) -> hs (N, T, H)."""
        self.layers, self._shape = [], None
        xs = self._check(xs, "xs", self.D)
        N, T, _ = xs.shape
        h0, c0 = h, c = self._initial_state(N, xs.shape)
        hs = np.empty((N, T, self.H), dtype=self.dtype)
        for t in range(T):
            layer = self.cell(*self.params, **self.cell_options)
            if self.cell.has_cell:
                h, c = layer.forward(xs[:, t, :], h, c)
            else:
                h = layer.forward(xs[:, t, :], h)
            hs[:, t, :] = h
            self.layers.append(layer)
        self._start = (xs, h0, c0) if self.record and self.equations else None  # for record_equations
        self.h, self.c = h, c
        self.trace = self._forward_trace(hs) if self.record else {}
        self._shape = (N, T)
        return hs

    def backward(self, dhs: np.ndarray) -> np.ndarray:
        """dhs (N, T, H) -> dxs (N, T, D); writes grads in place and sets ``dh`` (and ``dc``)."""
        dhs = self._check_backward(dhs, self._shape)
        N, T, _ = dhs.shape
        dxs = np.empty((N, T, self.D), dtype=self.dtype)
        dh = np.zeros((N, self.H), dtype=self.dtype)  # the gradient flowing back from step t+1
        dc = np.zeros_like(dh)
        dh_norm = np.empty((N, T), dtype=self.dtype)
        for g in self.grads:
            g[...] = 0
        from_next = np.zeros((2, T, N, self.H), self.dtype) if self._start is not None else None
        for t in reversed(range(T)):
            layer = self.layers[t]
            if from_next is not None:  # what step t+1 sent back, for the Equations view
                from_next[0, t], from_next[1, t] = dh, dc
            dh = dhs[:, t, :] + dh  # from the output at t, and from step t+1
            dh_norm[:, t] = np.sqrt(np.sum(dh * dh, axis=1))
            if self.cell.has_cell:
                dxs[:, t, :], dh, dc = layer.backward(dh, dc)
            else:
                dxs[:, t, :], dh = layer.backward(dh)
            for total, grad in zip(self.grads, layer.grads):
                total += grad
        self.dh, self.dc = dh, (dc if self.cell.has_cell else None)
        if self.record:
            self.trace["dh_norm"] = dh_norm
            if from_next is not None:
                self._record_from(dhs, from_next)
        return dxs

    def _record_from(self, dhs: np.ndarray, from_next: np.ndarray) -> None:
        """``record_equations`` with what the forward kept (xs, h0, c0) and the trace's h and c."""
        xs, h0, c0 = self._start
        h_prev = np.concatenate([h0[:, None], self.trace["h"][:, :-1]], axis=1).transpose(1, 0, 2)
        c_prev = None
        if self.cell.has_cell:
            c_prev = np.concatenate([c0[:, None], self.trace["c"][:, :-1]], axis=1).transpose(1, 0, 2)
        self.record_equations(xs.transpose(1, 0, 2), h_prev, c_prev, dhs.transpose(1, 0, 2), from_next[0],
                              from_next[1] if self.cell.has_cell else None)

    def _forward_trace(self, hs: np.ndarray) -> dict[str, np.ndarray]:
        """{"h": hs, and each of the cells' ``values()`` stacked over time}: (N, T, H) arrays."""
        trace = {"h": hs}
        steps = [layer.values() for layer in self.layers]
        for key in steps[0]:
            trace[key] = np.stack([step[key] for step in steps], axis=1)
        return trace
