"""FastTimeRNN: the same numbers as ``layers/rnn.py``'s TimeRNN, computed with fused buffers.

Read ``layers/rnn.py`` first: it is the book's RNN; ``fast/base.py`` says how the buffers work (in
the loops h_t is held transposed, (H, N)).

For each step t (x_t is (N, D), h_t is (N, H)):

    a_t = x_t Wx + h_{t-1} Wh + b
    h_t = act(a_t)                 act = tanh (the book), sigmoid or relu

Backward, with dh_t the total gradient into h_t (from the output at t and from step t+1):

    da_t      = dh_t * act'(a_t)   act' from the output: 1 - h^2, h (1 - h), [h > 0]
    dh_{t-1} += da_t Wh^T
    dWx = sum_t x_t^T da_t,  dWh = sum_t h_{t-1}^T da_t,  db = sum_t da_t,  dx_t = da_t Wx^T

Only ``da_t Wh^T`` (as Wh (H, H) @ da_t^T (H, N)) is inside the time loop; act' is computed for all
steps before it, and the four sums are one matrix product each after it.
"""

from __future__ import annotations

import numpy as np

from rnn_lab.engine.functions import sigmoid

from ..rnn import RNN, check_activation
from .base import FastTimeRecurrent


def _tanh_grad(h: np.ndarray, out: np.ndarray) -> None:
    np.multiply(h, h, out=out)
    np.subtract(1, out, out=out)


def _sigmoid_grad(h: np.ndarray, out: np.ndarray) -> None:
    np.subtract(1, h, out=out)
    out *= h


def _relu_grad(h: np.ndarray, out: np.ndarray) -> None:
    np.sign(h, out=out)  # h = max(a, 0) >= 0, so sign(h) is 1 where a > 0 and 0 elsewhere


_IN_PLACE = {  # the activations of layers/rnn.py, written in place
    "tanh": (lambda a: np.tanh(a, out=a), _tanh_grad),
    "sigmoid": (lambda a: sigmoid(a, out=a), _sigmoid_grad),
    "relu": (lambda a: np.maximum(a, 0, out=a), _relu_grad),
}


class FastTimeRNN(FastTimeRecurrent):
    """RNN over (N, T, D) -> (N, T, H), as ``TimeRNN``: ``params = [Wx (D, H), Wh (H, H), b (H,)]``.

    ``activation``: "tanh" (default, the book's), "sigmoid" or "relu".
    Trace (when ``record``): "h" (N, T, H); after backward "dh_norm" (N, T).
    """

    cell = RNN

    def __init__(self, Wx, Wh, b, stateful: bool = False, activation: str = "tanh"):
        check_activation(type(self).__name__, activation)
        super().__init__(Wx, Wh, b, stateful=stateful)
        self.activation = activation
        self.cell_options = {"activation": activation}
        self._act, self._act_grad = _IN_PLACE[activation]

    def _buffer_shapes(self, N: int, T: int) -> dict[str, tuple]:
        return {"Z": (self.H, N)}

    def _input_projection_target(self) -> np.ndarray:
        return self._buf["H"][1:]  # a_t is built in place of h_t, then activated there

    def _forward_steps(self, T: int, WhT: np.ndarray) -> None:
        H, Z = self._buf["H"], self._buf["Z"]
        act = self._act
        for h_prev, a in self._step_views("forward", lambda t: (H[t], H[t + 1])):
            np.dot(WhT, h_prev, out=Z)
            np.add(a, Z, out=a)  # a_t, built in place of h_t from the input projection
            act(a)

    def _backward_steps(self, dH: np.ndarray, dtotal: np.ndarray | None, Whp: np.ndarray) -> None:
        buf = self._buf
        H, dA, dnext = buf["H"], buf["dA"], buf["dnext"]
        T = dA.shape[0]
        self._act_grad(H[1:], out=dA)  # act'(a_t) for all t; times dh_t below
        steps = self._step_views("backward", lambda t: (dH[t], dA[t]))
        dh_of = self._dh_targets(dtotal)
        from_next = self._from_next
        for t in range(T - 1, -1, -1):
            dH_t, dA_t = steps[t]
            if from_next is not None:  # what step t+1 sent back, for the Equations view
                from_next[0, t] = dnext
            dh = np.add(dH_t, dnext, out=dh_of[t])  # the total gradient into h_t
            np.multiply(dA_t, dh, out=dA_t)
            np.dot(Whp, dA_t, out=dnext)
