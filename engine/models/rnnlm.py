"""Recurrent language models: the book's SimpleRnnlm, Rnnlm and BetterRnnlm as one class.

    ids (N, T) -> Embedding -> Dropout -> [recurrent -> Dropout] x layers -> Affine -> scores (N, T, V)
    loss = TimeSoftmaxWithLoss(scores, next ids)

Training (``forward``/``backward``) runs the last two as one fused layer,
``TimeAffineSoftmaxWithLoss``: same numbers, but the (N*T, V) logits, their softmax and their
gradient share one buffer (the largest arrays of a step). ``predict`` still returns the scores.

``RnnLM`` is that stack with a choice of cell (any of ``layers.cells.CELLS``: "rnn" with
tanh/sigmoid/relu, "lstm", "gru", "peephole") and of its implementation (``impl``), the number of stacked layers, the dropout ratio and weight tying (the output Affine's W is the embedding
matrix transposed, declared with ``Model.tie``). The book's models are thin constructors:

    SimpleRnnlm  rnn (tanh), 1 layer, no dropout            (ch. 5)
    Rnnlm        lstm, 1 layer, no dropout                  (ch. 6)
    BetterRnnlm  lstm, 2 layers, dropout 0.5, tied weights  (ch. 6)

Dropout layers are always present (ratio 0 is the identity at no cost), so the live dropout slider
works on every model. Recurrent layers are stateful: the hidden state carries from batch to batch
(truncated BPTT); ``Model.reset_state`` forgets it.

Initialisation follows the book: embedding N(0, 0.01^2) (randn / 100), recurrent and output weights
``init_weight(..., init)`` (the book's "xavier" = randn / sqrt(fan_in)), biases zero. Weights are
drawn in the book's order (embedding, each recurrent Wx and Wh, output W).
"""

from __future__ import annotations

import numpy as np

from ..i18n import QT_TRANSLATE_NOOP, Sentence
from ..layers.affine import TimeAffine
from ..layers.affine_softmax import TimeAffineSoftmaxWithLoss
from ..layers.cells import cell_class, make_time_layer
from ..layers.dropout import TimeDropout
from ..layers.embedding import TimeEmbedding
from .base import Model
from .init import init_weight


class RnnLM(Model):
    """A stacked recurrent language model (see the module docstring).

    vocab_size V, embed D, hidden H; ``cell`` one of ``layers.cells.CELLS``; ``impl`` "fast" or
    "readable" (``layers.cells.IMPLS``: the same numbers); ``layers`` >= 1;
    ``dropout`` in [0, 1); ``tie`` needs D == H; ``activation`` only for the "rnn" cell;
    ``init``/``init_std`` for the recurrent and output weights (``models.init.init_weight``);
    ``embed_std``: the embedding's N(0, embed_std^2) (the book's 0.01; a tied model's output too);
    ``rng`` draws the weights and is kept by the dropout layers for their masks.
    """

    def __init__(self, vocab_size: int, embed: int, hidden: int, *, rng: np.random.Generator, cell: str = "lstm",
                 impl: str = "fast", layers: int = 1, dropout: float = 0.0, tie: bool = False, activation: str = "tanh",
                 init: str = "xavier", init_std: float = 0.01, embed_std: float = 0.01,
                 dtype=np.float32) -> None:
        super().__init__()
        self.cell_info = cell_class(cell)  # ValueError for an unknown cell
        if min(vocab_size, embed, hidden, layers) < 1:
            raise ValueError(f"vocab_size, embed, hidden and layers must be >= 1, got "
                             f"{vocab_size}, {embed}, {hidden}, {layers}")
        if tie and embed != hidden:
            raise ValueError(f"tied weights need embed == hidden, got embed {embed} and hidden {hidden}")
        V, D, H = vocab_size, embed, hidden
        dtype = np.dtype(dtype)
        self.vocab_size, self.embed_size, self.hidden_size = V, D, H
        self.cell, self.impl, self.num_layers, self.tied = cell, impl, layers, tie

        def weight(shape):
            return init_weight(rng, shape, init, init_std, dtype)

        self.embed = TimeEmbedding(init_weight(rng, (V, D), "normal", embed_std, dtype))
        self.embed.param_names = ["W"]
        self.layers = [("embed", self.embed), ("drop0", TimeDropout(dropout, rng))]
        self.rnns = []
        d_in = D
        for k in range(layers):
            layer = make_time_layer(cell, d_in, H, weight, impl=impl, stateful=True, dtype=dtype,
                                    activation=activation)
            self.rnns.append(layer)
            self.layers += [(f"{cell}{k}", layer), (f"drop{k + 1}", TimeDropout(dropout, rng))]
            d_in = H
        W_out = self.embed.params[0].T if tie else weight((H, V))
        self.affine = TimeAffine(W_out, np.zeros(V, dtype=dtype))
        self.affine.param_names = ["W", "b"]
        self.layers.append(("affine", self.affine))
        if tie:
            self.tie(self.embed, 0, self.affine, 0, transpose=True)
        self.loss_layer = TimeAffineSoftmaxWithLoss(self.affine, ignore_label=None)  # affine + softmax loss
        self.finalize()

    def hidden(self, ids: np.ndarray) -> np.ndarray:
        """Output (N, T, H) of the last dropout layer, the input of the output Affine."""
        x = ids
        for _, layer in self.layers[:-1]:
            x = layer.forward(x)
        return x

    def predict(self, ids: np.ndarray) -> np.ndarray:
        """Scores (N, T, V) for ids (N, T); advances the stateful layers' hidden state."""
        return self.affine.forward(self.hidden(ids))

    def forward(self, xs: np.ndarray, ts: np.ndarray) -> float:
        """Mean cross-entropy (nats per token) of predicting ``ts`` (N, T) from ``xs`` (N, T)."""
        return self.loss_layer.forward(self.hidden(xs), ts)

    def backward(self, dout: float = 1.0) -> None:
        """Gradients of the last forward's loss into ``self.grads`` (tied gradients merged)."""
        d = self.loss_layer.backward(dout)  # writes the Affine's grads too
        for _, layer in reversed(self.layers[:-1]):
            d = layer.backward(d)
        self.merge_tied_grads()

    @property
    def probs(self) -> np.ndarray | None:
        """Softmax (N, T, V) of the last ``forward`` (overwritten by the next one); None once
        ``backward`` has turned that buffer into the gradient."""
        return self.loss_layer.probs

    def describe(self) -> str:
        """E.g. "LSTM 2x650 tied" (in English; ``description()`` for the window)."""
        return str(self.description())

    def description(self) -> Sentence:
        depth = f"{self.num_layers}x" if self.num_layers > 1 else ""
        if self.tied:
            return Sentence(QT_TRANSLATE_NOOP("engine", "{cell} {size} tied"), cell=Sentence(self.cell_info.title),
                            size=f"{depth}{self.hidden_size}")
        return Sentence("{cell} {size}", cell=Sentence(self.cell_info.title), size=f"{depth}{self.hidden_size}")


class SimpleRnnlm(RnnLM):
    """The book's SimpleRnnlm: Embedding -> RNN (tanh) -> Affine."""

    def __init__(self, vocab_size: int = 10000, wordvec_size: int = 100, hidden_size: int = 100, *,
                 rng: np.random.Generator, dtype=np.float32) -> None:
        super().__init__(vocab_size, wordvec_size, hidden_size, rng=rng, cell="rnn", activation="tanh", dtype=dtype)


class Rnnlm(RnnLM):
    """The book's Rnnlm: Embedding -> LSTM -> Affine."""

    def __init__(self, vocab_size: int = 10000, wordvec_size: int = 100, hidden_size: int = 100, *,
                 rng: np.random.Generator, dtype=np.float32) -> None:
        super().__init__(vocab_size, wordvec_size, hidden_size, rng=rng, cell="lstm", dtype=dtype)


class BetterRnnlm(RnnLM):
    """The book's BetterRnnlm: Embedding, Dropout, LSTM, Dropout, LSTM, Dropout, Affine (tied to the embedding)."""

    def __init__(self, vocab_size: int = 10000, wordvec_size: int = 650, hidden_size: int = 650,
                 dropout_ratio: float = 0.5, *, rng: np.random.Generator, dtype=np.float32) -> None:
        super().__init__(vocab_size, wordvec_size, hidden_size, rng=rng, cell="lstm", layers=2,
                         dropout=dropout_ratio, tie=True, dtype=dtype)
