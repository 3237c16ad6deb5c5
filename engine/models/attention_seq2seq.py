"""The book's AttentionSeq2seq (chapter 8), optionally with a bidirectional encoder.

    hs_enc (N, Tx, H) = Encoder(question)                  all the encoder's states, not just the last
    hs_dec (N, Ty, H) = LSTM(Embedding(answer[:, :-1]), initial state = the encoder's summary)
    c      (N, Ty, H) = Attention(hs_enc, hs_dec)            a weighted sum of encoder states per step
    scores (N, Ty, V) = Affine(concat(c, hs_dec))            (2H -> V)

The attention weights (N, Ty, Tx) say which question characters each answer character looked at.
"""

from __future__ import annotations

import numpy as np

from ..layers.attention import TimeAttention
from ..layers.losses import TimeSoftmaxWithLoss
from .base import Model
from .seq2seq import Encoder, Init


class AttentionDecoder:
    """The book's AttentionDecoder.

    forward(xs (N, Ty) ids, hs_enc (N, Tx, H), h (N, H)) -> scores (N, Ty, V);
    backward(dscores) -> (dhs_enc (N, Tx, H), dh (N, H)).
    start(hs_enc, h) then step(ids (N, 1)) -> scores (N, 1, V) for generation; after each forward
    or step ``attention_weights`` is (N, T, Tx).
    """

    def __init__(self, make: Init, V: int, D: int, H: int):
        self.embed = make.embedding(V, D)
        self.lstm = make.lstm(D, H, stateful=True)
        self.attention = TimeAttention()
        self.affine = make.affine(2 * H, V)
        self.layers = [("dec_embed", self.embed), ("decoder", self.lstm), ("attention", self.attention),
                       ("dec_affine", self.affine)]

    @property
    def attention_weights(self) -> np.ndarray | None:
        return self.attention.attention_weights

    def forward(self, xs: np.ndarray, hs_enc: np.ndarray, h: np.ndarray) -> np.ndarray:
        self.start(hs_enc, h)
        return self.step(xs)

    def start(self, hs_enc: np.ndarray, h: np.ndarray) -> None:
        self.lstm.set_state(h)
        self.hs_enc = hs_enc

    def step(self, xs: np.ndarray) -> np.ndarray:
        hs_dec = self.lstm.forward(self.embed.forward(xs))
        c = self.attention.forward(self.hs_enc, hs_dec)
        return self.affine.forward(np.concatenate([c, hs_dec], axis=2))

    def backward(self, dscores: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        H = self.hs_enc.shape[2]
        dout = self.affine.backward(dscores)
        dhs_enc, dhs_dec = self.attention.backward(dout[:, :, :H])
        dhs_dec += dout[:, :, H:]
        self.embed.backward(self.lstm.backward(dhs_dec))
        return dhs_enc, self.lstm.dh


class AttentionSeq2seq(Model):
    """Encoder (``bidirectional`` or not) + AttentionDecoder + softmax cross-entropy.

    forward(xs (N, Tx) ids, ts (N, 1 + Ty) ids) -> mean loss per answer character;  backward();
    generate(xs, start_id, length) -> ids (N, length) and attention weights (N, length, Tx).
    """

    attention = True

    def __init__(self, make: Init, V: int, D: int, H: int, bidirectional: bool = False):
        super().__init__()
        self.cell = make.cell
        self.encoder = Encoder(make, V, D, H, bidirectional=bidirectional)
        self.decoder = AttentionDecoder(make, V, D, H)
        self.loss_layer = TimeSoftmaxWithLoss(ignore_label=None)
        self.hs: np.ndarray | None = None  # the encoder's states in the last forward
        self.layers = self.encoder.layers + self.decoder.layers
        self.finalize()

    def forward(self, xs: np.ndarray, ts: np.ndarray) -> float:
        """Teacher-forced loss. Keeps the encoder's states as ``self.hs`` (N, Tx, H) for ``generate``."""
        self.hs = hs = self.encoder.forward(xs)
        scores = self.decoder.forward(ts[:, :-1], hs, self.encoder.summary(hs))
        return self.loss_layer.forward(scores, ts[:, 1:])

    def backward(self, dout: float = 1.0) -> None:
        dhs, dh = self.decoder.backward(self.loss_layer.backward(dout))
        self.encoder.backward(dhs, dh)

    def generate(self, xs: np.ndarray, start_id: int, length: int,
                 hs: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Greedy answers to all N questions at once: ids (N, length), attention (N, length, Tx).
        ``hs``: the encoder's states for ``xs`` when already computed (``self.hs`` after forward)."""
        hs = self.encoder.forward(xs) if hs is None else hs
        self.decoder.start(hs, self.encoder.summary(hs))
        N, Tx = xs.shape
        ids = np.empty((N, length), dtype=np.int64)
        weights = np.empty((N, length, Tx), dtype=hs.dtype)
        prev = np.full((N, 1), start_id, dtype=np.int64)
        for t in range(length):
            prev = self.decoder.step(prev).argmax(axis=2)
            ids[:, t] = prev[:, 0]
            weights[:, t] = self.decoder.attention_weights[:, 0]
        return ids, weights
