"""The book's encoder-decoder (chapter 7): Encoder, Decoder, PeekyDecoder and Seq2seq.

    question ids (N, Tx) --Embedding--LSTM--> hs (N, Tx, H);  h = the encoder's summary (last state)
    answer ids[:, :-1] (N, Ty) --Embedding--LSTM(initial h)--Affine--> scores (N, Ty, V)
    loss = softmax cross-entropy of scores against answer ids[:, 1:]

The peeky decoder (the book's ``PeekyDecoder``) also feeds h to every step: to the LSTM input and to
the Affine input, so the summary is not forgotten over the answer. Generation is greedy and runs the
whole batch at once: one decoder step for all N questions per output character.

Weights follow the book: embeddings N(0, 0.01^2), LSTM and Affine weights ``init`` (Xavier: std
1/sqrt(fan_in)), biases zero.
"""

from __future__ import annotations

import numpy as np

from ..layers.affine import TimeAffine
from ..layers.bidirectional import TimeBidirectional
from ..layers.cells import make_time_layer
from ..layers.embedding import TimeEmbedding
from ..layers.losses import TimeSoftmaxWithLoss
from ..layers.recurrent import Recurrent
from .base import Model
from .init import init_weight

EMBED_STD = 0.01  # the book's embedding initialisation: randn(V, D) / 100


class Init:
    """How to make layers: weights drawn from ``rng`` with ``init`` ("xavier", "he", "normal") and
    ``std``, in ``dtype``; recurrent layers of ``cell`` (the book's "lstm") in implementation ``impl``."""

    def __init__(self, rng: np.random.Generator, init: str = "xavier", std: float = 0.01, dtype=np.float32,
                 cell: str = "lstm", impl: str = "fast"):
        self.rng, self.init, self.std, self.dtype = rng, init, std, np.dtype(dtype)
        self.cell, self.impl = cell, impl

    def embedding(self, V: int, D: int) -> TimeEmbedding:
        return _named(TimeEmbedding(init_weight(self.rng, (V, D), "normal", EMBED_STD, self.dtype)), "W")

    def weight(self, shape: tuple[int, int]) -> np.ndarray:
        return init_weight(self.rng, shape, self.init, self.std, self.dtype)

    def lstm(self, D: int, H: int, stateful: bool = False) -> Recurrent:
        """The recurrent layer (an LSTM in the book) from D inputs to H units."""
        return make_time_layer(self.cell, D, H, self.weight, impl=self.impl, stateful=stateful, dtype=self.dtype)

    def affine(self, D: int, O: int) -> TimeAffine:
        W = self.weight((D, O))
        return _named(TimeAffine(W, np.zeros(O, dtype=self.dtype)), "W", "b")


def _named(layer, *names: str):
    layer.param_names = list(names)
    return layer


class Encoder:
    """Embedding + LSTM over the question; ``bidirectional`` reads it both ways (the book's
    TimeBiLSTM, hidden sizes ceil(H/2) forwards and floor(H/2) backwards, concatenated to H).

    forward(xs (N, Tx) ids) -> hs (N, Tx, H);  summary(hs) -> h (N, H), the state handed to the
    decoder: the last state (bidirectional: the forward half's last and the backward half's first,
    each having read the whole question);  backward(dhs (N, Tx, H), dh (N, H) of the summary).
    """

    def __init__(self, make: Init, V: int, D: int, H: int, bidirectional: bool = False):
        self.embed = make.embedding(V, D)
        self.bidirectional = bidirectional
        if bidirectional:
            if H < 2:
                raise ValueError(f"a bidirectional encoder needs hidden >= 2, got {H}")
            self.H1 = (H + 1) // 2
            fwd, bwd = make.lstm(D, self.H1), make.lstm(D, H - self.H1)
            self.lstm = TimeBidirectional(fwd, bwd)
            self.lstm.param_names = [f"{n}_f" for n in fwd.param_names] + [f"{n}_b" for n in bwd.param_names]
        else:
            self.lstm = make.lstm(D, H)
        self.layers = [("enc_embed", self.embed), ("encoder", self.lstm)]

    def forward(self, xs: np.ndarray) -> np.ndarray:
        return self.lstm.forward(self.embed.forward(xs))

    def summary(self, hs: np.ndarray) -> np.ndarray:
        if not self.bidirectional:
            return hs[:, -1]
        return np.concatenate([hs[:, -1, : self.H1], hs[:, 0, self.H1:]], axis=1)

    def backward(self, dhs: np.ndarray, dh: np.ndarray) -> None:
        dhs = dhs.copy()
        if self.bidirectional:
            dhs[:, -1, : self.H1] += dh[:, : self.H1]
            dhs[:, 0, self.H1:] += dh[:, self.H1:]
        else:
            dhs[:, -1] += dh
        self.embed.backward(self.lstm.backward(dhs))


class Decoder:
    """The book's Decoder: Embedding + LSTM started from the encoder's h + Affine to scores.

    forward(xs (N, Ty) ids, h (N, H)) -> scores (N, Ty, V);  backward(dscores) -> dh (N, H).
    start(h) then step(ids (N, 1)) -> scores (N, 1, V) generate one character at a time.
    """

    def __init__(self, make: Init, V: int, D: int, H: int):
        self.embed = make.embedding(V, D)
        self.lstm = make.lstm(self._lstm_input(D, H), H, stateful=True)
        self.affine = make.affine(self._affine_input(H), V)
        self.layers = [("dec_embed", self.embed), ("decoder", self.lstm), ("dec_affine", self.affine)]

    def _lstm_input(self, D: int, H: int) -> int:
        return D

    def _affine_input(self, H: int) -> int:
        return H

    def forward(self, xs: np.ndarray, h: np.ndarray) -> np.ndarray:
        self.start(h)
        return self.step(xs)

    def start(self, h: np.ndarray) -> None:
        self.lstm.set_state(h)

    def step(self, xs: np.ndarray) -> np.ndarray:
        """Continue from the current state over xs (N, T) ids -> scores (N, T, V)."""
        return self.affine.forward(self.lstm.forward(self.embed.forward(xs)))

    def backward(self, dscores: np.ndarray) -> np.ndarray:
        self.embed.backward(self.lstm.backward(self.affine.backward(dscores)))
        return self.lstm.dh


class PeekyDecoder(Decoder):
    """The book's PeekyDecoder: h is concatenated before the embedding at the LSTM input, (N, T, H + D),
    and before the LSTM output at the Affine input, (N, T, 2H); its gradient from every step adds up."""

    def _lstm_input(self, D: int, H: int) -> int:
        return H + D

    def _affine_input(self, H: int) -> int:
        return 2 * H

    def start(self, h: np.ndarray) -> None:
        self.lstm.set_state(h)
        self.peek = h

    def step(self, xs: np.ndarray) -> np.ndarray:
        N, T = xs.shape
        hs = np.broadcast_to(self.peek[:, None, :], (N, T, self.peek.shape[1]))
        out = self.lstm.forward(np.concatenate([hs, self.embed.forward(xs)], axis=2))
        return self.affine.forward(np.concatenate([hs, out], axis=2))

    def backward(self, dscores: np.ndarray) -> np.ndarray:
        H = self.peek.shape[1]
        dout = self.affine.backward(dscores)
        dx = self.lstm.backward(np.ascontiguousarray(dout[:, :, H:]))
        self.embed.backward(dx[:, :, H:])
        return self.lstm.dh + dout[:, :, :H].sum(axis=1) + dx[:, :, :H].sum(axis=1)


class Seq2seq(Model):
    """The book's Seq2seq (``peeky=False``) or PeekySeq2seq (``peeky=True``).

    forward(xs (N, Tx) ids, ts (N, 1 + Ty) ids starting with the start symbol) -> mean loss per
    answer character;  backward() fills ``grads``;  generate(xs, start_id, length) -> ids (N, length)
    and None (no attention).
    """

    attention = False

    def __init__(self, make: Init, V: int, D: int, H: int, peeky: bool = False):
        super().__init__()
        self.cell = make.cell
        self.encoder = Encoder(make, V, D, H)
        self.decoder = (PeekyDecoder if peeky else Decoder)(make, V, D, H)
        self.loss_layer = TimeSoftmaxWithLoss(ignore_label=None)
        self.hs: np.ndarray | None = None  # the encoder's states in the last forward
        self.layers = self.encoder.layers + self.decoder.layers
        self.finalize()

    def forward(self, xs: np.ndarray, ts: np.ndarray) -> float:
        """Teacher-forced loss. Keeps the encoder's states as ``self.hs`` (N, Tx, H) for ``generate``."""
        self.hs = hs = self.encoder.forward(xs)
        scores = self.decoder.forward(ts[:, :-1], self.encoder.summary(hs))
        return self.loss_layer.forward(scores, ts[:, 1:])

    def backward(self, dout: float = 1.0) -> None:
        dh = self.decoder.backward(self.loss_layer.backward(dout))
        self.encoder.backward(np.zeros(self.hs.shape, dtype=dh.dtype), dh)

    def generate(self, xs: np.ndarray, start_id: int, length: int,
                 hs: np.ndarray | None = None) -> tuple[np.ndarray, None]:
        """Greedy answers to all N questions at once: ids (N, length). ``hs``: the encoder's states
        for ``xs`` when already computed (e.g. ``self.hs`` after ``forward(xs, ...)``)."""
        hs = self.encoder.forward(xs) if hs is None else hs
        self.decoder.start(self.encoder.summary(hs))
        ids = np.empty((xs.shape[0], length), dtype=np.int64)
        prev = np.full((xs.shape[0], 1), start_id, dtype=np.int64)
        for t in range(length):
            prev = self.decoder.step(prev).argmax(axis=2)
            ids[:, t] = prev[:, 0]
        return ids, None
