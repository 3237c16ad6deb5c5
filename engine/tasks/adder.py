"""The binary adder task: an RNN learns 8-bit addition, one bit pair per step, least significant first.

Training batches are ``config.batch`` random pairs a, b < 128 drawn from ``self.rng``. Validation is
the whole problem: all 128 x 128 = 16,384 pairs in one forward (in chunks for a large hidden size),
reported as

- ``loss``: mean sigmoid cross-entropy per output bit;
- ``bit_accuracy``: share of output bits right;
- ``accuracy``: share of pairs whose 8 sum bits are all right (exact match).

A relu RNN may diverge (its recurrence is unbounded): its overflows are expected, so they are
silenced for that activation only, the loss comes out NaN/Inf, no backward runs, and the trainer's
divergence handling restores the last finite parameters. Sigmoid and tanh runs keep NumPy's warnings.
"""

from __future__ import annotations

import contextlib
import math
from typing import Any

import numpy as np

from ..config import Config
from ..data.adder_bits import BITS, OPERAND_LIMIT, all_pairs, encode, from_bits, random_pairs
from ..errors import TaskError
from ..functions import sigmoid
from ..i18n import QT_TRANSLATE_NOOP, Sentence
from ..layers.cells import cell_class
from ..layers.losses import TimeSigmoidWithLoss
from ..memory import ModelFloats, layer_units, layer_weight_buffers, recurrent_parameters
from ..models.adder import AdderRNN
from ..models.init import INITS
from ..rng import rng_state_from_array, rng_state_to_array
from .base import StepResult, Task

EVAL_ELEMENTS = 2**22  # pairs x hidden units per evaluation forward (bounds its memory to ~100 MB)


class AdderTask(Task):
    name = "adder"
    title = QT_TRANSLATE_NOOP("engine", "Binary adder")
    blurb = QT_TRANSLATE_NOOP("engine", "Two numbers below 128 are fed in bit by bit, least significant first; after "
                              "each pair of bits the network outputs one bit of the sum. It must learn to carry.")
    metric_name = "accuracy"
    higher_is_better = True
    settings = frozenset({"activation", "pause_when_solved"})
    # The adder validates on all pairs every 10 steps (a millisecond or two): it learns in about 75
    # steps, and the accuracy curve and the pause when it is solved should not wait 50 of them.
    defaults = dict(model="rnn", hidden=16, activation="tanh", init="xavier", optimizer="adam", lr=0.03,
                    batch=32, clip=0.0, eval_interval=10)

    def __init__(self, config: Config, vocab: list[str] | None = None) -> None:
        super().__init__(config)
        self.cell_of(config.model)
        if config.init not in INITS:
            raise TaskError(QT_TRANSLATE_NOOP("engine", "init must be one of {known}, got {value!r}"),
                            known=", ".join(INITS), value=config.init)
        self.check_memory(1)
        self.model = AdderRNN(self.rng, config.hidden, config.activation, config.init, config.init_std,
                              self.dtype, cell=config.model, impl=config.impl)
        self.seen = 0  # training pairs drawn so far
        a, b = all_pairs()
        self._val_xs, self._val_ts = encode(a, b, self.dtype)
        self._val_loss = TimeSigmoidWithLoss()  # evaluation never touches the training loss layer
        self._may_overflow = config.model == "rnn" and config.activation == "relu"

    @classmethod
    def model_floats(cls, config: Config, vocab_size: int = 2, **_: Any) -> ModelFloats:
        """2 input bits, hidden H, 1 output bit, 8 steps; evaluated over all 16,384 pairs in chunks of
        pairs x hidden units (``EVAL_ELEMENTS``)."""
        cell, H, N = cls.cell_of(config.model), config.hidden, config.batch
        params = recurrent_parameters(cell, 2, H) + H + 1
        per_pair = BITS * (layer_units(cell, 2, H) + 8)
        per_evaluated_pair = BITS * (layer_units(cell, 2, H, training=False) + 8)
        chunk = min(16_384, max(256, EVAL_ELEMENTS // H))
        return ModelFloats(params, N * per_pair + layer_weight_buffers(cell, 2, H), chunk * per_evaluated_pair,
                           N * BITS * 4)

    def divergence_hint(self) -> str:
        if self._may_overflow:
            return QT_TRANSLATE_NOOP("engine", "use the sigmoid/tanh activation (relu lets the recurrence blow up)")
        return ""

    def _numerics(self):
        """Silence overflow/invalid warnings for the relu RNN only (see the module docstring)."""
        if self._may_overflow:
            return np.errstate(over="ignore", invalid="ignore")
        return contextlib.nullcontext()

    # -- training ------------------------------------------------------------------------------
    def train_step(self) -> StepResult:
        n = self.config.batch
        xs, ts = encode(*random_pairs(self.rng, n), self.dtype)
        self.seen += n
        with self._numerics():
            loss = self.model.forward(xs, ts)
            if math.isfinite(loss):
                self.model.backward()
            else:  # nothing to learn from; the trainer sees the loss and restores
                for g in self.model.grads:
                    g[...] = 0
            bits_ok = (self.model.probs > 0.5) == (ts == 1)
        return StepResult(loss=loss, tokens=n * BITS, metrics=_accuracies(bits_ok))

    @property
    def epoch(self) -> float:
        """Pairs drawn / all 16,384 pairs."""
        return self.seen / OPERAND_LIMIT**2

    def evaluate(self, split: str = "val", max_batches: int = 0) -> dict[str, float]:
        """Loss and accuracies over all 16,384 pairs (``max_batches`` is ignored). A bit is predicted 1
        when P(1) > 0.5, as in ``train_step`` and ``display_example``."""
        if split not in self.splits():
            raise TaskError(QT_TRANSLATE_NOOP("engine", "the binary adder has no {split!r} split; it evaluates on all "
                                              "pairs ('val')"), split=split)
        n = len(self._val_xs)
        chunk = max(256, EVAL_ELEMENTS // self.config.hidden)  # all pairs at once unless hidden is large
        loss, bits_ok = 0.0, np.empty(self._val_ts.shape, dtype=bool)
        with self._numerics():
            for start in range(0, n, chunk):
                xs, ts = self._val_xs[start: start + chunk], self._val_ts[start: start + chunk]
                logits = self.model.logits(xs)
                loss += self._val_loss.forward(logits, ts) * len(xs) / n
                bits_ok[start: start + chunk] = (self._val_loss.probs > 0.5) == (ts == 1)
        return {"loss": loss, **_accuracies(bits_ok)}

    def solved(self, metrics: dict[str, float]) -> bool:
        """Exactly right on all 16,384 pairs."""
        return metrics.get("accuracy", 0.0) >= 1.0

    # -- what the window shows -----------------------------------------------------------------
    @staticmethod
    def example_pair(index: int) -> tuple[int, int]:
        """The display example ``index``: a pseudo-random pair from a Generator seeded by ``index``."""
        a, b = np.random.default_rng(index).integers(0, OPERAND_LIMIT, size=2)
        return int(a), int(b)

    def display_example(self, index: int = 0) -> dict[str, Any]:
        """One pair through the model. ``probs[t]`` is P(sum bit t = 1); bits least significant first."""
        a, b = self.example_pair(index)
        xs, ts = encode(np.array([a]), np.array([b]), self.dtype)
        with self._numerics():
            probs = sigmoid(self.model.logits(xs)[0, :, 0])
        pred_bits = (probs > 0.5).astype(np.uint8)
        pred = int(from_bits(pred_bits[None])[0])
        return {"a": a, "b": b, "true_sum": a + b, "pred_sum": pred,
                "a_bits": xs[0, :, 0].astype(int).tolist(), "b_bits": xs[0, :, 1].astype(int).tolist(),
                "true_bits": ts[0, :, 0].astype(int).tolist(), "pred_bits": pred_bits.astype(int).tolist(),
                "probs": probs.astype(np.float32), "correct": pred == a + b}

    def trace(self, index: int = 0, equations: bool = False) -> dict[str, Any]:
        """Forward and backward of display example ``index`` with recording on; gradients restored."""
        a, b = self.example_pair(index)
        xs, ts = encode(np.array([a]), np.array([b]), self.dtype)
        model, layer = self.model, self.model.rnn
        saved = [g.copy() for g in model.grads]
        model.set_record(True, equations)
        try:
            with self._numerics():
                model.forward(xs, ts)
                model.backward()
                probs = model.probs[0, :, 0]
            recorded = {k: np.array(v[0], dtype=np.float32) for k, v in layer.trace.items()}
        finally:
            model.set_record(False)
            for g, s in zip(model.grads, saved):
                g[...] = s
        pred = int(from_bits((probs > 0.5)[None])[0])
        labels = [f"{int(x)}+{int(y)}" for x, y in xs[0]]
        name = model.names[0].split(".")[0]
        return {"labels": labels, "layers": [{"name": name, "cell": model.cell, **recorded}],
                "title": Sentence(QT_TRANSLATE_NOOP("engine", "{a} + {b} = {sum} (predicted {pred})"), a=int(a),
                                  b=int(b), sum=int(a + b), pred=pred)}

    # -- exact resume ----------------------------------------------------------------------------
    def state_dict(self) -> dict[str, np.ndarray]:
        return {"rng": rng_state_to_array(self.rng), "seen": np.array(self.seen, dtype=np.int64)}

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        seen = int(state["seen"])
        if seen < 0:
            raise ValueError(f"the count of training pairs seen must be >= 0, got {seen}")
        rng_state_from_array(self.rng, state["rng"])
        self.seen = seen

    def data_info(self) -> dict[str, Any]:
        return {"source": QT_TRANSLATE_NOOP("engine", "built-in: all pairs a, b < 128"), "vocab": None,
                "sizes": {"val": OPERAND_LIMIT**2}}

    def description(self) -> Sentence:
        cfg = self.config
        cell = cell_class(cfg.model)
        if "activation" in cell.options:
            return Sentence(QT_TRANSLATE_NOOP("engine", "{task} · {cell} {hidden} ({activation}) · {params} parameters"),
                            task=Sentence(self.title), cell=Sentence(cell.title), hidden=cfg.hidden,
                            activation=cfg.activation, params=self.model.num_params())
        return Sentence(QT_TRANSLATE_NOOP("engine", "{task} · {cell} {hidden} · {params} parameters"),
                        task=Sentence(self.title), cell=Sentence(cell.title), hidden=cfg.hidden,
                        params=self.model.num_params())


def _accuracies(bits_ok: np.ndarray) -> dict[str, float]:
    """bits_ok (N, 8, 1) bool -> bit accuracy and exact-match accuracy (all 8 bits right)."""
    return {"accuracy": float(bits_ok.all(axis=(1, 2)).mean()), "bit_accuracy": float(bits_ok.mean())}
