"""What the character and word language models share: batches, metrics, traces, sampling, resume.

A subclass loads its data (``_load_data`` -> vocabulary, int32 id arrays per split, source name),
declares its model variants and settings (``Task``'s class attributes) and says how tokens look
(``_label``, ``_join``, ``_encode_prompt``, ``start_ids``). Everything else lives here:

- training: the book's truncated-BPTT batches (``data.batcher``); stateful layers carry the hidden
  state from batch to batch; or (``config.batching = "random"``) windows at random places, each
  batch from a zero state; the loss is the mean cross-entropy in nats per token;
- evaluation: one stateful pass over a split (the book's ``eval_perplexity``): loss, perplexity =
  exp(loss) and top-1 next-token accuracy;
- side trips (evaluate, trace, display_example, sample) save and restore the training hidden
  states, train/eval mode and (for traces) the gradients, and never draw from ``self.rng``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

from ..data.batcher import eval_batches, fit_to_length, make_batcher
from ..errors import TaskError
from ..i18n import QT_TRANSLATE_NOOP, Sentence
from ..memory import ModelFloats, layer_units, layer_weight_buffers, recurrent_parameters
from ..models.rnnlm import RnnLM
from ..models.sampling import draw, next_token_probs, softmax64, top_tokens
from ..rng import rng_state_from_array, rng_state_to_array
from .base import StepResult, Task

SPLITS = ("train", "val", "test")
DISPLAY_LEN = 40  # longest passage shown by trace/display_example (and never longer than bptt)
MAX_SAMPLE = 100_000
MAX_EPOCHS = 10**6  # a data cursor beyond this many epochs is not one a run reached (a damaged checkpoint)
SPLIT_NAMES = {"train": QT_TRANSLATE_NOOP("engine", "train"), "val": QT_TRANSLATE_NOOP("engine", "val"),
               "test": QT_TRANSLATE_NOOP("engine", "test")}  # how a sentence names a split


def perplexity(loss: float) -> float:
    """exp(loss), infinite instead of overflowing."""
    return math.exp(loss) if loss < 700 else math.inf


class LanguageTask(Task):
    """Base of CharTask and WordLMTask (see the module docstring)."""

    metric_name = "perplexity"
    higher_is_better = False
    has_sampling = True
    settings = frozenset({"layers", "embed", "embed_std", "activation", "tie_weights", "dropout", "bptt",
                          "batching", "temperature", "top_k", "encoding", "val_fraction"})

    def __init__(self, config, vocab: list[str] | None = None) -> None:
        super().__init__(config)
        self.check_corpus(config)  # before a byte is read: reading a text takes many times its size
        self.vocab, self.ids, self.source = self._load_data(vocab)
        n_train = self.ids["train"].size
        if n_train < 2:
            raise TaskError(QT_TRANSLATE_NOOP("engine", "The training split has {n} {units}, too few to learn "
                                              "from; use a longer text or a smaller val_fraction."),
                            n=n_train, units=Sentence(self.units))
        # A short text (the three lines a learner writes first) trains with a batch and BPTT it can fill.
        self.batch, self.bptt = fit_to_length(n_train, config.batch, config.bptt)
        self.note = "" if (self.batch, self.bptt) == (config.batch, config.bptt) else Sentence(
            QT_TRANSLATE_NOOP("engine", "The text is short ({n} training {units}), so training uses batch {batch} × "
                              "BPTT {bptt} instead of {config_batch} × {config_bptt}."),
            n=n_train, units=Sentence(self.units), batch=self.batch, bptt=self.bptt, config_batch=config.batch,
            config_bptt=config.bptt)
        for split, ids in self.ids.items():
            if ids.size < 2:
                raise TaskError(QT_TRANSLATE_NOOP("engine", "The {split} split has {n} {units}, too few to "
                                                  "evaluate; raise val_fraction or use a longer text."),
                                split=Sentence(SPLIT_NAMES.get(split, split)), n=int(ids.size),
                                units=Sentence(self.units))
        self.model = self._build_model()
        self.model.set_train(True)
        self.batcher = make_batcher(self.ids["train"], self.batch, self.bptt, config.batching, self.rng)

    # -- subclass hooks --------------------------------------------------------------------------
    def _load_data(self, vocab: list[str] | None):
        """(Vocab, {split: int32 ids}, source: a path or a Sentence); "train" is always present."""
        raise NotImplementedError

    def _label(self, token: str) -> str:
        """How a token is shown on an axis or in a list."""
        return token

    def _join(self, tokens: list[str]) -> str:
        """Tokens as running text."""
        raise NotImplementedError

    def _encode_prompt(self, prompt: str) -> tuple[list[int], list[str], list[str]]:
        """(ids fed to the model, the tokens they stand for, the prompt's unknown pieces)."""
        raise NotImplementedError

    def start_ids(self) -> list[int]:
        """What the model reads before a prompt (a line start), so an empty prompt is allowed."""
        raise NotImplementedError

    # -- construction ------------------------------------------------------------------------------
    @classmethod
    def _tied(cls, config) -> bool:
        variant = cls.variants.get(config.model)
        return bool(variant.build.get("tie", config.tie_weights) if variant else config.tie_weights)

    @classmethod
    def model_floats(cls, config, vocab_size: int, **_: Any) -> ModelFloats:
        """Embedding, ``layers`` recurrent layers, dropout between them, the output layer (unless tied);
        a validation reads its split with the training shape (the layers' buffers are reused)."""
        cell, V = cls.cell_of(config.model), vocab_size
        D, H, L, N, T = config.embed, config.hidden, config.layers, config.batch, config.bptt
        params = V * D + (0 if cls._tied(config) else H * V) + V
        per_step = D + (2 * D if config.dropout > 0 else 0)  # the embedding's output (and dropout's mask, output)
        d, buffers = D, 0
        for _ in range(L):
            params += recurrent_parameters(cell, d, H)
            buffers += layer_weight_buffers(cell, d, H)
            per_step += layer_units(cell, d, H) + (2 * H if config.dropout > 0 else 0)
            d = H
        per_step += H  # the output layer's gradient into the last hidden states
        logits = N * T * (V + 4)  # one (N*T, V) buffer, plus per-row sums
        return ModelFloats(params, N * T * per_step + buffers, N * T * (D + L * H), logits)

    def _build_model(self) -> RnnLM:
        cfg = self.config
        cell, tie = self.cell_of(cfg.model), self._tied(cfg)
        if tie and cfg.embed != cfg.hidden:
            raise TaskError(QT_TRANSLATE_NOOP("engine", "Tied weights need the embedding size to equal the hidden "
                                              "size (embed {embed}, hidden {hidden})."),
                            embed=cfg.embed, hidden=cfg.hidden)
        self.check_memory(len(self.vocab))
        return RnnLM(len(self.vocab), cfg.embed, cfg.hidden, rng=self.rng, cell=cell, impl=cfg.impl,
                     layers=cfg.layers, dropout=cfg.dropout, tie=tie, activation=cfg.activation, init=cfg.init,
                     init_std=cfg.init_std, embed_std=cfg.embed_std, dtype=self.dtype)

    # -- training ----------------------------------------------------------------------------------
    def train_step(self) -> StepResult:
        x, t = self.batcher.next()
        if self.config.batching == "random":  # unrelated windows: no state carries over
            self.model.reset_state()
        # A diverging run (relu RNN, huge lr) may overflow: the trainer sees the inf/NaN and restores.
        with np.errstate(over="ignore", invalid="ignore"):
            loss = self.model.forward(x, t)
            self.model.backward()
        return StepResult(loss=loss, tokens=int(x.size), metrics={"perplexity": perplexity(loss)})

    @property
    def epoch(self) -> float:
        return self.batcher.epoch

    def splits(self) -> list[str]:
        return [s for s in SPLITS if s in self.ids]

    def _split_ids(self, split: str) -> np.ndarray:
        if split not in self.ids:
            have = " and ".join(self.splits())
            if split in SPLITS and self.config.val_fraction == 0:
                raise TaskError(QT_TRANSLATE_NOOP("engine", "The {task} has no {split!r} split (val_fraction is 0); "
                                                  "it has {have}."), task=Sentence(self.title), split=split, have=have)
            raise TaskError(QT_TRANSLATE_NOOP("engine", "The {task} has no {split!r} split; it has {have}."),
                            task=Sentence(self.title), split=split, have=have)
        return self.ids[split]

    def evaluate(self, split: str = "val", max_batches: int = 0) -> dict[str, float]:
        """Loss (nats per token), perplexity and top-1 accuracy over ``split`` in one stateful pass."""
        ids = self._split_ids(split)
        total, correct, count = 0.0, 0, 0
        with self._side_trip():
            for x, t in eval_batches(ids, self.batch, self.bptt, max_batches):
                total += self.model.forward(x, t) * t.size
                correct += int(np.count_nonzero(self.model.probs.argmax(axis=2) == t))
                count += t.size
        loss = total / count
        return {"loss": loss, "perplexity": perplexity(loss), "accuracy": correct / count}

    @contextmanager
    def _side_trip(self, keep_grads: bool = False) -> Iterator[None]:
        """Run the model outside training (eval mode, fresh state) and put everything back afterwards."""
        model = self.model
        state = model.save_state()
        grads = [g.copy() for g in model.grads] if keep_grads else None
        model.set_train(False)
        model.reset_state()
        try:
            yield
        finally:
            model.set_record(False)
            model.load_state(state)
            model.set_train(True)
            if grads is not None:
                for g, saved in zip(model.grads, grads):
                    g[...] = saved

    # -- what the window shows -----------------------------------------------------------------------
    def _passage(self, index: int) -> tuple[str, int, np.ndarray]:
        """(split, start, ids[start : start + L + 1]): display passage ``index`` of the validation text
        (the training text when there is none), L = min(bptt, 40) tokens plus the one that follows."""
        split = "val" if "val" in self.ids else "train"
        ids = self.ids[split]
        L = min(self.bptt, DISPLAY_LEN, ids.size - 1)
        count = (ids.size - 1) // L
        start = (index % count) * L
        return split, start, ids[start:start + L + 1]

    def trace(self, index: int = 0, equations: bool = False) -> dict[str, Any]:
        """``Task.trace`` of display passage ``index``, plus "targets" (the next tokens), "target_probs"
        (T,) and "top5": T lists of the model's 5 most likely next tokens (label, prob) at each position."""
        split, start, seq = self._passage(index)
        x, t = seq[None, :-1], seq[None, 1:]
        L = x.shape[1]
        with self._side_trip(keep_grads=True):
            self.model.set_record(True, equations)
            loss = self.model.forward(x, t)
            target_probs = self.model.probs[0, np.arange(L), t[0]].astype(np.float32)
            top5 = self._top_per_position(self.model.probs[0], 5)
            self.model.backward()
            layers = []
            for name, layer in self.model.recurrent_layers():
                entry: dict[str, Any] = {"name": name, "cell": self.model.cell}
                entry.update({k: np.array(v[0], dtype=np.float32) for k, v in layer.trace.items()})
                layers.append(entry)
        return {"labels": [self._label(w) for w in self.vocab.decode(x[0])],
                "targets": [self._label(w) for w in self.vocab.decode(t[0])],
                "target_probs": target_probs, "top5": top5, "layers": layers,
                "title": Sentence(QT_TRANSLATE_NOOP("engine", "{split} passage {index} ({units} {start}-{end}): "
                                                    "loss {loss:.3f} nats per token"),
                                  split=Sentence(SPLIT_NAMES[split]), index=index, units=Sentence(self.units),
                                  start=start, end=start + L,
                                  loss=float(loss))}

    def _top_per_position(self, probs: np.ndarray, k: int) -> list[list[tuple[str, float]]]:
        """For each row of ``probs`` (T, V), its ``k`` most likely tokens: T lists of (label, prob),
        most likely first (what the model predicted next at each position of a trace)."""
        k = min(k, probs.shape[1])
        idx = np.argpartition(-probs, k - 1, axis=1)[:, :k]
        p = np.take_along_axis(probs, idx, axis=1)
        order = np.argsort(-p, axis=1, kind="stable")
        idx, p = np.take_along_axis(idx, order, axis=1), np.take_along_axis(p, order, axis=1)
        return [[(self._label(self.vocab[int(i)]), float(q)) for i, q in zip(row_i, row_p)]
                for row_i, row_p in zip(idx, p)]

    def display_example(self, index: int = 0) -> dict[str, Any]:
        """{"context", "target", "top": 5 x (token, prob), "target_prob", "correct"} for passage ``index``."""
        _, _, seq = self._passage(index)
        context, target = seq[:-1], int(seq[-1])
        with self._side_trip():
            probs = softmax64(self.model.predict(context[None])[0, -1])
        top = top_tokens(probs, 5)
        return {"context": self._join(self.vocab.decode(context)), "target": self._label(self.vocab[target]),
                "top": [(self._label(self.vocab[i]), p) for i, p in top],
                "target_prob": float(probs[target]), "correct": top[0][0] == target}

    def word_vectors(self) -> tuple[np.ndarray, list[str], np.ndarray]:
        """The embedding W (V, D) (with tied weights, also the output layer's), the tokens and their
        training counts (see ``Task.word_vectors``)."""
        if getattr(self, "_counts", None) is None:
            self._counts = np.bincount(self.ids["train"], minlength=len(self.vocab))
        return self.model.embed.params[0], list(self.vocab.tokens), self._counts

    def _prompt_feed(self, prompt: str) -> tuple[list[int], list[str], list[str]]:
        """(ids the model reads: line start + prompt, the prompt's tokens, its unknown pieces)."""
        ids, prompt_tokens, unknown = self._encode_prompt(prompt)
        feed = self.start_ids() + ids
        if not feed:  # a text without line breaks and an empty prompt: start from its first token
            feed = [int(self.ids["train"][0])]
        return feed, prompt_tokens, unknown

    def sample(self, prompt: str, length: int, temperature: float, top_k: int,
               rng: np.random.Generator) -> dict[str, Any]:
        """Generate ``length`` tokens after ``prompt`` (see ``Task.sample``).

        The model first reads a line start (``start_ids``) and the prompt in one pass, then generates
        one token at a time (T=1, stateful). "probs" are the model's own probabilities of the chosen
        tokens (temperature 1, all tokens); "top" lists its most likely next tokens after the prompt
        (``top_k`` of them, 5 when top_k is 0, at most 10). ``temperature`` <= 0 decodes greedily.
        Draws only from ``rng``; the training state is restored afterwards.
        """
        if not 0 <= length <= MAX_SAMPLE:
            raise TaskError(QT_TRANSLATE_NOOP("engine", "The sample length must be between 0 and {most}, got "
                                              "{length}."), most=MAX_SAMPLE, length=length)
        if top_k < 0:
            raise TaskError(QT_TRANSLATE_NOOP("engine", "top_k must be 0 (all tokens) or more, got {top_k}."),
                            top_k=top_k)
        feed, prompt_tokens, unknown = self._prompt_feed(prompt)
        tokens: list[str] = []
        probs: list[float] = []
        with self._side_trip():
            scores = self.model.predict(np.array([feed], dtype=np.int32))[0, -1]
            model_p = softmax64(scores)
            top = [(self._label(self.vocab[i]), p) for i, p in top_tokens(model_p, min(top_k or 5, 10))]
            step = np.zeros((1, 1), dtype=np.int32)
            for n in range(length):
                i = draw(next_token_probs(scores, temperature, top_k), rng)
                tokens.append(self.vocab[i])
                probs.append(float(model_p[i]))
                if n + 1 < length:
                    step[0, 0] = i
                    scores = self.model.predict(step)[0, -1]
                    model_p = softmax64(scores)
        return {"prompt_tokens": prompt_tokens, "unknown": unknown, "unknown_as": self.vocab.unk, "tokens": tokens,
                "probs": probs, "top": top, "text": self._join(prompt_tokens + tokens)}

    # -- exact resume --------------------------------------------------------------------------------
    def state_dict(self) -> dict[str, np.ndarray]:
        """Batch cursor, training rng (also the dropout masks' stream) and hidden states ("hidden.lstm0.h")."""
        out = {"cursor": np.array(self.batcher.cursor, dtype=np.int64), "rng": rng_state_to_array(self.rng)}
        out.update({f"hidden.{k}": v for k, v in self.model.save_state().items() if v is not None})
        return out

    def state_keys(self) -> list[str]:
        return ["cursor", "rng"] + [f"hidden.{name}.{attr}" for name, _ in self.model.recurrent_layers()
                                    for attr in ("h", "c")]

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        for key in ("cursor", "rng"):
            if key not in state:
                raise ValueError(f"the {self.title} state has no {key!r} entry")
        cursor = np.asarray(state["cursor"])
        if cursor.shape != () or cursor.dtype.kind not in "iu":
            raise ValueError(f"the batch cursor must be one whole number, got {cursor.tolist()!r}")
        cursor = int(cursor)
        b = self.batcher
        most = MAX_EPOCHS * b.bptt * b.batches_per_epoch  # (every step moves it by bptt)
        if not 0 <= cursor <= most or cursor % b.bptt:
            raise ValueError(f"the batch cursor must be a multiple of bptt {b.bptt} between 0 and {most:,} "
                             f"({MAX_EPOCHS:,} epochs of this data), got {cursor:,}")
        shape = (self.batch, self.config.hidden)
        hidden: dict[str, np.ndarray | None] = {}
        for name, _ in self.model.recurrent_layers():
            for attr in ("h", "c"):
                arr = state.get(f"hidden.{name}.{attr}")
                if arr is not None and np.shape(arr) != shape:
                    raise ValueError(f"hidden state {name}.{attr} has shape {np.shape(arr)}, expected {shape}")
                hidden[f"{name}.{attr}"] = None if arr is None else np.asarray(arr, dtype=self.dtype)
        rng_state_from_array(self.rng, state["rng"])
        self.batcher.cursor = cursor
        self.model.load_state(hidden)

    # -- description ---------------------------------------------------------------------------------
    def data_info(self) -> dict[str, Any]:
        return {"source": str(self.source), "vocab": list(self.vocab.tokens),
                "sizes": {split: int(ids.size) for split, ids in self.ids.items()}}

    def data_source(self) -> str | Sentence:
        return self.source

    def description(self) -> Sentence:
        return Sentence(QT_TRANSLATE_NOOP("engine", "{task} · {model} · {vocab} {units} in the vocabulary · "
                                          "{train} training {units} · {params} parameters"),
                        task=Sentence(self.title), model=self.model.description(), vocab=len(self.vocab),
                        units=Sentence(self.units), train=int(self.ids["train"].size),
                        params=self.model.num_params())
