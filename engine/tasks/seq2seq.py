"""The seq2seq task: a character-level encoder-decoder answers questions ("16+75" -> "91", dates -> ISO).

Data (``config.data``): "" or "date" = the generated date-format set, "addition" = the generated
addition set (50,000 examples each, fixed: the same for every seed), or a path to a file in the
book's ``question_answer`` format (``addition.txt``, ``date.txt``). A fixed shuffle holds out
``config.val_fraction`` of it (the book: 10%).

Variants (``config.model``): plain (the book's Seq2seq), reversed (question read backwards),
peeky (PeekySeq2seq), reversed_peeky, attention (AttentionSeq2seq), bidirectional (attention with a
bidirectional encoder).

Metrics. ``accuracy`` is exact match: every character of the padded answer right. Validation
generates greedily, the whole split in batches of up to ``EVAL_CHUNK`` questions at once. A training step
reports the exact match of its batch under teacher forcing, which is the same number: if every
teacher-forced prediction is right, greedy decoding feeds itself exactly the teacher's inputs, and
conversely, so the two agree (up to float ties).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..config import Config
from ..data.seq2seq_data import GENERATED, Seq2seqData, load, split
from ..errors import Seq2seqFormatError, TaskError
from ..i18n import QT_TRANSLATE_NOOP, Sentence
from ..layers.cells import cell_class
from ..memory import ModelFloats, layer_units
from ..models.attention_seq2seq import AttentionSeq2seq
from ..models.init import INITS
from ..models.seq2seq import Init, Seq2seq
from ..rng import rng_state_from_array, rng_state_to_array
from .base import StepResult, Task, Variant

# variant -> (reverse the question?, model class, its keyword arguments)
BUILD: dict[str, tuple[bool, type, dict[str, bool]]] = {
    "plain": (False, Seq2seq, {}),
    "reversed": (True, Seq2seq, {}),
    "peeky": (False, Seq2seq, {"peeky": True}),
    "reversed_peeky": (True, Seq2seq, {"peeky": True}),
    "attention": (False, AttentionSeq2seq, {}),
    "bidirectional": (False, AttentionSeq2seq, {"bidirectional": True}),
}
EVAL_CHUNK = 1000  # questions per batched forward/generation in evaluate, at most
EVAL_ELEMENTS = 2**24  # questions x timesteps x gate units per evaluation forward (bounds its memory)
GENERATED_BYTES = 40 * 2**20  # a generated 50,000-example addition or date set in memory (measured: 21-35 MB)


class Seq2seqTask(Task):
    name = "seq2seq"
    title = QT_TRANSLATE_NOOP("engine", "Seq2seq")
    blurb = QT_TRANSLATE_NOOP("engine", "An encoder reads a question (e.g. 57+243), a decoder writes the answer "
                              "character by character (the book's chapters 7–8).")
    data_hint = QT_TRANSLATE_NOOP("engine", "Open a question_answer file…")
    units = QT_TRANSLATE_NOOP("engine", "characters")
    metric_name = "accuracy"
    higher_is_better = True
    uses_cells = False  # the book's LSTMs
    variants = {"plain": Variant(QT_TRANSLATE_NOOP("engine", "Seq2seq, ch. 7"), "lstm"),
                "reversed": Variant(QT_TRANSLATE_NOOP("engine", "Reversed input"), "lstm"),
                "peeky": Variant(QT_TRANSLATE_NOOP("engine", "Peeky decoder"), "lstm"),
                "reversed_peeky": Variant(QT_TRANSLATE_NOOP("engine", "Reversed + peeky"), "lstm"),
                "attention": Variant(QT_TRANSLATE_NOOP("engine", "Attention, ch. 8"), "lstm"),
                "bidirectional": Variant(QT_TRANSLATE_NOOP("engine", "Bidirectional encoder"), "lstm")}
    menu = tuple(variants)
    corpus_factors = (30.0, 18.0)  # bytes per byte of a data file: at the peak of reading it, and after
    settings = frozenset({"embed", "val_fraction"})
    # impl: at these shapes (H 128, batch 128, short sequences) the readable LSTM is as fast as the fused one
    # (a training step 0.91-0.94x of its time, measured), so learners run the code they read
    defaults = dict(model="attention", hidden=128, embed=16, optimizer="adam", lr=0.001, batch=128, clip=5.0,
                    activation="tanh", eval_interval=200, eval_batches=0, impl="readable")

    def __init__(self, config: Config, vocab: list[str] | None = None) -> None:
        super().__init__(config)
        cell = self.cell_of(config.model)
        if config.init not in INITS:
            raise TaskError(QT_TRANSLATE_NOOP("engine", "init must be one of {known}, got {value!r}"),
                            known=", ".join(INITS), value=config.init)
        if config.model == "bidirectional" and config.hidden < 2:
            raise TaskError(QT_TRANSLATE_NOOP("engine", "the bidirectional encoder splits hidden units between two "
                                              "directions: hidden >= 2"))
        self.check_corpus(config)  # before a byte is read: reading a file takes many times its size
        try:
            self.data: Seq2seqData = load(config.data, vocab)
        except Seq2seqFormatError as exc:
            raise TaskError(exc.sentence) from None
        except OSError as exc:
            raise TaskError(QT_TRANSLATE_NOOP("engine", "cannot read {path}: {reason}"), path=config.data,
                            reason=exc.strerror or str(exc)) from None
        self.reverse, kind, kwargs = BUILD[config.model]
        questions = self.data.questions[:, ::-1] if self.reverse else self.data.questions
        questions = np.ascontiguousarray(questions)
        train, val = split(len(questions), config.val_fraction)
        self._splits = {"train": (questions[train], self.data.answers[train]),
                        "val": (questions[val], self.data.answers[val])}
        self.n_val = len(val)  # may be 0 (val_fraction 0, or too few examples to hold one out)
        if config.batch > len(train):
            raise TaskError(f"batch {config.batch} is larger than the {len(train):,} training examples; "
                            f"use batch {len(train):,} or less, or more data")
        self.check_memory(len(self.data.vocab),
                          seq_lengths=(self.data.questions.shape[1], self.data.answers.shape[1] - 1))
        make = Init(self.rng, config.init, config.init_std, self.dtype, cell=cell, impl=config.impl)
        self.model = kind(make, len(self.data.vocab), config.embed, config.hidden, **kwargs)
        self._order: np.ndarray | None = None  # this epoch's shuffled training indices (drawn at its first step)
        self._cursor = 0  # next position in _order
        self._epochs = 0  # completed epochs (an epoch is len(train) // batch steps, as in the book)

    @classmethod
    def model_floats(cls, config: Config, vocab_size: int, seq_lengths: tuple[int, int] = (40, 12),
                     **_: Any) -> ModelFloats:
        """Encoder (Tx steps) and decoder (Ty steps) LSTMs, attention's per-step products, a small output
        layer; evaluated in chunks of up to ``EVAL_CHUNK`` questions (teacher-forced forward, then greedy
        generation). ``seq_lengths``: the data's (question, answer) lengths (a generous guess before reading)."""
        Tx, Ty = seq_lengths
        V, D, H, N, model = vocab_size, config.embed, config.hidden, config.batch, config.model
        cell = cls.cell_of(model)
        attention, peeky = model in ("attention", "bidirectional"), "peeky" in model
        He, dirs = (H // 2, 2) if model == "bidirectional" else (H, 1)
        d_dec = D + (H if peeky else 0)
        d_out = 2 * H if (attention or peeky) else H
        G = 4  # the book's LSTMs
        params = V * D + dirs * G * He * (D + He + 1) + G * H * (d_dec + H + 1) + V * D + d_out * V + V
        att = Ty * (3 * Tx + 3 * H) if attention else 0  # scores and weights (Ty, Tx), contexts, their gradients

        def per_pair(training: bool) -> int:
            enc = Tx * (D + dirs * layer_units(cell, D, He, training))
            dec = Ty * (D + layer_units(cell, d_dec, H, training) + 2 * d_out + 3 * V)
            return enc + dec + att

        chunk = int(np.clip(EVAL_ELEMENTS // max(1, Tx * G * H), 16, EVAL_CHUNK))
        return ModelFloats(params, N * per_pair(True), chunk * per_pair(False), N * Ty * V)

    @classmethod
    def corpus_bytes(cls, config: Config) -> tuple[int, int]:
        if (config.data.strip() or "date") in GENERATED:  # made in memory (measured: 21-35 MB)
            return GENERATED_BYTES, GENERATED_BYTES
        return super().corpus_bytes(config)

    @property
    def answer_length(self) -> int:
        return self.data.answers.shape[1] - 1

    @property
    def eval_chunk(self) -> int:
        """Questions per batched evaluation step: up to EVAL_CHUNK, fewer for long questions or big models."""
        per_question = self.data.questions.shape[1] * 4 * self.config.hidden
        return int(np.clip(EVAL_ELEMENTS // per_question, 16, EVAL_CHUNK))

    # -- training ------------------------------------------------------------------------------
    def train_step(self) -> StepResult:
        xs_all, ts_all = self._splits["train"]
        n = self.config.batch  # (at most the training examples: checked when the task is built)
        if self._order is None:
            self._order = self.rng.permutation(len(xs_all))
        idx = self._order[self._cursor: self._cursor + n]
        self._cursor += n
        if self._cursor + n > self._order.size:  # too few left for a batch: the book drops them, the epoch ends
            self._order, self._cursor = None, 0
            self._epochs += 1
        xs, ts = xs_all[idx], ts_all[idx]
        loss = self.model.forward(xs, ts)
        right = self.model.loss_layer.probs.argmax(axis=2) == ts[:, 1:]  # teacher-forced predictions
        self.model.backward()
        return StepResult(loss=loss, tokens=right.size, metrics={
            "accuracy": float(right.all(axis=1).mean()), "char_accuracy": float(right.mean())})

    @property
    def epoch(self) -> float:
        return self._epochs + self._cursor / len(self._splits["train"][0])

    def splits(self) -> list[str]:
        return ["val", "train"] if self.n_val else ["train"]

    def evaluate(self, split: str = "val", max_batches: int = 0) -> dict[str, float]:
        """Teacher-forced ``loss``, greedy exact-match ``accuracy`` and greedy ``char_accuracy`` on
        ``split`` (``max_batches`` > 0: its first max_batches * ``eval_chunk`` examples). TaskError for the
        validation split when no example is held out."""
        if split == "val" and not self.n_val:
            raise TaskError(f"the seq2seq data has no validation examples (val_fraction {self.config.val_fraction:g} "
                            f"of {len(self.data.questions):,} examples holds none out); raise val_fraction or use "
                            "more data")
        if split not in self._splits:
            raise TaskError(QT_TRANSLATE_NOOP("engine", "the seq2seq task has no {split!r} split; it has {have}"),
                            split=split, have=", ".join(self.splits()))
        xs_all, ts_all = self._splits[split]
        chunk = self.eval_chunk
        if max_batches > 0:
            xs_all, ts_all = xs_all[: max_batches * chunk], ts_all[: max_batches * chunk]
        loss_sum, exact, chars = 0.0, 0, 0
        for start in range(0, len(xs_all), chunk):
            xs, ts = xs_all[start: start + chunk], ts_all[start: start + chunk]
            loss_sum += self.model.forward(xs, ts) * len(xs)
            ids, _ = self.model.generate(xs, self.data.start_id, self.answer_length, hs=self.model.hs)
            right = ids == ts[:, 1:]
            exact += int(right.all(axis=1).sum())
            chars += int(right.sum())
        n = len(xs_all)
        return {"loss": loss_sum / n, "accuracy": exact / n, "char_accuracy": chars / (n * self.answer_length)}

    # -- what the window shows -----------------------------------------------------------------
    def _example(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """Display example ``index`` (wrapping around): from the held-out split when there is one."""
        xs, ts = self._splits["val"] if self.n_val else self._splits["train"]
        i = index % len(xs)
        return xs[i: i + 1], ts[i: i + 1]

    def _question(self, xs: np.ndarray) -> str:
        """The question as written (un-reversed), without its padding."""
        return self.data.decode(xs[0, ::-1] if self.reverse else xs[0]).rstrip()

    def display_example(self, index: int = 0) -> dict[str, Any]:
        """Question, expected and generated answers (padding stripped, start symbol dropped), whether
        the padded answer is exactly right, and for attention models the weights (Ty, Tx) with
        ``in_labels`` (characters in the order the encoder read them) and ``out_labels`` (generated)."""
        xs, ts = self._example(index)
        ids, weights = self.model.generate(xs, self.data.start_id, self.answer_length)
        vocab = self.data.vocab
        return {"question": self._question(xs), "expected": self.data.decode(ts[0, 1:]).rstrip(),
                "generated": self.data.decode(ids[0]).rstrip(), "correct": bool((ids[0] == ts[0, 1:]).all()),
                "attention": None if weights is None else weights[0].astype(np.float32),
                "in_labels": [vocab[i] for i in xs[0].tolist()], "out_labels": [vocab[i] for i in ids[0].tolist()]}

    def trace(self, index: int = 0, equations: bool = False) -> dict[str, Any]:
        """Teacher-forced forward and backward of display example ``index`` with recording on.

        Encoder and decoder run over different lengths, so each layer dict carries its own
        ``labels`` (encoder: question characters as read; decoder: its input, the start symbol then
        the answer); the top-level ``labels`` are the first layer's. A bidirectional encoder gives
        two layers, ``encoder_fwd`` and ``encoder_bwd`` (both in question order)."""
        xs, ts = self._example(index)
        model, vocab = self.model, self.data.vocab
        saved = [g.copy() for g in model.grads]
        model.set_record(True, equations)
        try:
            model.forward(xs, ts)
            model.backward()
            layers = []
            enc_labels = [vocab[i] for i in xs[0].tolist()]
            enc_trace = model.encoder.lstm.trace
            if model.encoder.bidirectional:
                layers.append(_layer("encoder_fwd", model.cell, enc_trace["forward"], enc_labels))
                layers.append(_layer("encoder_bwd", model.cell, enc_trace["backward"], enc_labels))
            else:
                layers.append(_layer("encoder", model.cell, enc_trace, enc_labels))
            layers.append(_layer("decoder", model.cell, model.decoder.lstm.trace, [vocab[i] for i in ts[0, :-1].tolist()]))
        finally:
            model.set_record(False)
            for g, s in zip(model.grads, saved):
                g[...] = s
        expected = self.data.decode(ts[0, 1:]).rstrip()
        return {"labels": layers[0]["labels"], "layers": layers,
                "title": Sentence(QT_TRANSLATE_NOOP("engine", "{question} → {answer} (teacher forcing)"),
                                  question=self._question(xs), answer=expected)}

    # -- exact resume ----------------------------------------------------------------------------
    def state_dict(self) -> dict[str, np.ndarray]:
        order = np.zeros(0, dtype=np.int64) if self._order is None else self._order.astype(np.int64)
        return {"rng": rng_state_to_array(self.rng), "order": order,
                "cursor": np.array([self._cursor, self._epochs, self._order is not None], dtype=np.int64)}

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        cursor, epochs, has_order = (int(v) for v in state["cursor"])
        order = np.asarray(state["order"], dtype=np.int64)
        n_train = len(self._splits["train"][0])
        if has_order and (order.size != n_train or cursor > n_train):
            raise ValueError(f"the saved data order covers {order.size} examples, this data set has {n_train}")
        if has_order and order.size and (order.min() < 0 or order.max() >= n_train):
            raise ValueError(f"the saved data order names examples outside 0..{n_train - 1}")
        if cursor < 0 or epochs < 0:
            raise ValueError(f"the data cursor ({cursor}) and the epoch count ({epochs}) must be >= 0")
        rng_state_from_array(self.rng, state["rng"])
        self._order = order.copy() if has_order else None
        self._cursor, self._epochs = cursor, epochs

    def data_info(self) -> dict[str, Any]:
        return {"source": str(self.data.source), "vocab": list(self.data.vocab),
                "sizes": {k: int(len(v[0])) for k, v in self._splits.items()}}

    def data_source(self) -> str | Sentence:
        return self.data.source

    def description(self) -> Sentence:
        cfg = self.config
        return Sentence(QT_TRANSLATE_NOOP("engine", "{task} · {model} · {cell} {hidden} · {source} · {vocab} "
                                          "characters · {params} parameters"),
                        task=Sentence(self.title), model=Sentence(self.variants[cfg.model].label),
                        cell=Sentence(cell_class(self.model.cell).title), hidden=cfg.hidden, source=self.data.source,
                        vocab=len(self.data.vocab), params=self.model.num_params())


def _layer(name: str, cell: str, trace: dict[str, np.ndarray], labels: list[str]) -> dict[str, Any]:
    """One recurrent layer's trace for example 0 of the batch, as float32 copies (T, H) / (T,)."""
    return {"name": name, "cell": cell, "labels": labels,
            **{k: np.array(v[0], dtype=np.float32) for k, v in trace.items()}}
