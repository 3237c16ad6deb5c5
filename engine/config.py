"""The one description of a run: task, model, data and hyperparameters.

Every field carries metadata (help text, bounds, log scale, choices, whether it may change while
training runs, which tasks use it). The CLI builds its arguments from it, the window builds its
sliders from it, and a checkpoint stores it as JSON, so the three never disagree.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

TASKS = ("adder", "char", "lm", "seq2seq")
ALL = TASKS


def _f(default, help, *, min=None, max=None, log=False, choices=None, live=False, tasks=ALL, rebuild=True):
    """A config field with its metadata. ``live`` fields apply to a running trainer without a rebuild;
    ``rebuild`` fields need a new model (the window asks before resetting)."""
    meta = dict(help=help, min=min, max=max, log=log, choices=choices, live=live, tasks=tasks,
                rebuild=rebuild and not live)
    return field(default=default, metadata=meta)


@dataclass
class Config:
    """Everything needed to rebuild a run. Defaults here are overridden per task by ``TASK_DEFAULTS``."""

    task: str = _f("adder", "What the network learns", choices=TASKS)
    model: str = _f("rnn", "Model variant (lm: simple, lstm, better, gru; seq2seq: plain, reversed, peeky, "
                    "reversed_peeky, attention, bidirectional; adder/char: rnn, lstm, gru)",
                    choices=("rnn", "lstm", "gru", "simple", "better", "plain", "reversed", "peeky",
                             "reversed_peeky", "attention", "bidirectional"))
    layers: int = _f(1, "Stacked recurrent layers", min=1, max=4, tasks=("char", "lm"))
    hidden: int = _f(16, "Hidden units per recurrent layer", min=1, max=2048, log=True)
    embed: int = _f(16, "Embedding (word vector) size", min=1, max=2048, log=True, tasks=("char", "lm", "seq2seq"))
    activation: str = _f("sigmoid", "Activation of a vanilla RNN", choices=("tanh", "sigmoid", "relu"),
                         tasks=("adder", "char", "lm"))
    init: str = _f("xavier", "Weight initialisation", choices=("xavier", "he", "normal"))
    init_std: float = _f(0.01, "Standard deviation for 'normal' initialisation", min=1e-4, max=1.0, log=True)
    embed_std: float = _f(0.01, "Standard deviation of the initial embedding vectors (the book: 0.01)",
                          min=1e-4, max=10.0, log=True, tasks=("char", "lm"))
    tie_weights: bool = _f(False, "Share embedding and output weights", tasks=("lm", "char"))
    dropout: float = _f(0.0, "Dropout ratio between layers (inverted dropout)", min=0.0, max=0.9, live=True,
                        tasks=("char", "lm"))
    optimizer: str = _f("adam", "Update rule", choices=("sgd", "momentum", "adagrad", "rmsprop", "adam"))
    lr: float = _f(0.01, "Learning rate", min=1e-5, max=100.0, log=True, live=True)
    schedule: str = _f("none", "Learning-rate schedule (book: divide by 4 when validation gets worse)",
                       choices=("none", "book", "step", "exponential", "cosine"))
    decay_steps: int = _f(1000, "Steps per halving of lr (step, exponential) or length of the cosine "
                          "(its end is --iters when set)", min=1, max=10**8, log=True)
    clip: float = _f(0.0, "Clip gradients to this global norm (0 = off)", min=0.0, max=1000.0, live=True)
    batch: int = _f(32, "Sequences per batch", min=1, max=1024, log=True)
    bptt: int = _f(35, "Truncated BPTT length (timesteps per batch)", min=1, max=1000, log=True,
                   tasks=("char", "lm"))
    batching: str = _f("sequential", "Training batches: the book's stateful sequential rows, or windows at "
                       "random places (each from a zero state)", choices=("sequential", "random"),
                       tasks=("char", "lm"))
    seed: int = _f(0, "Random seed (weights, batches, dropout)", min=0, max=2**31 - 1)
    dtype: str = _f("float32", "Floating-point precision", choices=("float32", "float64"))
    temperature: float = _f(1.0, "Sampling temperature", min=0.05, max=5.0, log=True, live=True,
                            tasks=("char", "lm"))
    top_k: int = _f(0, "Sample only from the k most likely tokens (0 = all)", min=0, max=1000, live=True,
                    tasks=("char", "lm"))
    data: str = _f("", "Data file or folder ('' = built-in)", rebuild=True)
    encoding: str = _f("utf-8", "Text encoding of the data file", choices=("utf-8", "latin-1"),
                       tasks=("char", "lm"))
    val_fraction: float = _f(0.1, "Share of the text held out for validation", min=0.0, max=0.5,
                             tasks=("char", "lm", "seq2seq"))
    min_count: int = _f(1, "Words seen fewer times become <unk>", min=1, max=1000, tasks=("lm",))
    eval_interval: int = _f(200, "Evaluate on the validation split every N steps (0 = never)", min=0,
                            max=1_000_000, live=True)
    eval_batches: int = _f(0, "Batches per evaluation (0 = the whole split)", min=0, max=100_000, live=True)
    max_steps: int = _f(0, "Stop after this many steps (0 = no limit; CLI: --iters)", min=0, max=10**9,
                        live=True, rebuild=False)
    epochs: float = _f(0.0, "Stop after this many epochs (0 = no limit)", min=0.0, max=10_000.0, live=True,
                       rebuild=False)

    # -- conversions -------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), sort_keys=True)

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, strict: bool = True) -> Config:
        """Build a validated Config; unknown keys raise ValueError when ``strict``."""
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(d) - names)
        if unknown and strict:
            shown = (k if k.isprintable() else repr(k) for k in unknown)  # one line, whatever a file holds
            raise ValueError(f"unknown configuration keys: {', '.join(shown)}")
        cfg = cls(**{k: v for k, v in d.items() if k in names})
        cfg.validate()
        return cfg

    def replace(self, **changes: Any) -> Config:
        cfg = dataclasses.replace(self, **changes)
        cfg.validate()
        return cfg

    def validate(self) -> None:
        """Coerce types and check every field against its bounds; ValueError names the field."""
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            setattr(self, f.name, coerce(f.name, value))

    def applies(self, name: str) -> bool:
        """Whether field ``name`` matters for this config's task."""
        return self.task in FIELDS[name].metadata["tasks"]


FIELDS: dict[str, dataclasses.Field] = {f.name: f for f in dataclasses.fields(Config)}


def field_info(name: str) -> dict[str, Any]:
    """Metadata of a field plus its type name and default: what a CLI flag or a slider needs."""
    f = FIELDS[name]
    return dict(f.metadata, name=name, type=f.type if isinstance(f.type, str) else f.type.__name__,
                default=f.default)


def coerce(name: str, value: Any) -> Any:
    """Convert ``value`` to field ``name``'s type and check bounds and choices (ValueError otherwise)."""
    if name not in FIELDS:
        raise ValueError(f"unknown setting {name!r}")
    info = field_info(name)
    kind = info["type"]
    try:
        if kind == "int":
            if isinstance(value, float) and not value.is_integer():
                raise ValueError
            value = int(value)
        elif kind == "float":
            value = float(value)
            if value != value or value in (float("inf"), float("-inf")):
                raise ValueError
        elif kind == "bool":
            if isinstance(value, str):
                if value.lower() not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                    raise ValueError
                value = value.lower() in ("1", "true", "yes", "on")
            value = bool(value)
        else:
            value = str(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a finite {kind}, got {value!r}") from None
    lo, hi = info["min"], info["max"]
    if lo is not None and value < lo or hi is not None and value > hi:
        raise ValueError(f"{name} must be between {lo} and {hi}, got {value}")
    if info["choices"] and value not in info["choices"]:
        raise ValueError(f"{name} must be one of {', '.join(info['choices'])}, got {value!r}")
    return value


# What each task starts from; the window and the CLI begin here.
TASK_DEFAULTS: dict[str, dict[str, Any]] = {
    "adder": dict(model="rnn", hidden=16, activation="tanh", init="xavier", optimizer="adam", lr=0.03,
                  batch=32, clip=0.0, eval_interval=50),
    "char": dict(model="lstm", hidden=128, embed=32, layers=1, optimizer="adam", lr=0.003, batch=32, bptt=64,
                 clip=5.0, activation="tanh", eval_interval=200, eval_batches=20),
    "lm": dict(model="lstm", hidden=100, embed=100, optimizer="sgd", lr=20.0, batch=20, bptt=35, clip=0.25,
               activation="tanh", eval_interval=500, eval_batches=50, schedule="book"),
    "seq2seq": dict(model="attention", hidden=128, embed=16, optimizer="adam", lr=0.001, batch=128, clip=5.0,
                    activation="tanh", eval_interval=200, eval_batches=0),
}

# Named presets: the book's models and the project's tuned settings. Each names its task.
PRESETS: dict[str, dict[str, Any]] = {
    "simple": dict(task="lm", model="simple", hidden=100, embed=100, batch=10, bptt=5, lr=0.1, optimizer="sgd",
                   clip=0.0, activation="tanh", schedule="none"),
    "rnnlm": dict(task="lm", model="lstm", hidden=100, embed=100, batch=20, bptt=35, lr=20.0, optimizer="sgd",
                  clip=0.25, schedule="none"),  # the book's train_rnnlm.py keeps lr 20 for all 4 epochs
    "better": dict(task="lm", model="better", layers=2, hidden=650, embed=650, batch=20, bptt=35, lr=20.0,
                   optimizer="sgd", clip=0.25, dropout=0.5, tie_weights=True, schedule="book"),
    # Tiny Shakespeare (fast): the most learning per CPU second (bench/shakespeare.py, docs/results.md).
    # A 1-layer LSTM 128 costs ~2.5x less per character than H=256; batch 16 costs about as much per
    # character as batch 64 (the step time is nearly linear in the batch) but makes 4x more updates.
    # Adam, cosine decay to lr/100 over the run; validation every 250 steps on 56 batches = 57,344
    # characters, about half the split. Random windows and N(0, 1) character vectors: per step they
    # learn fastest (docs/performance.md: validation 1.82 at step 500 against 2.01 with the book's
    # sequential batches and 0.01 vectors; the book's 0.01 suits 10,000 words, not 65 characters).
    "shakespeare-fast": dict(task="char", model="lstm", layers=1, hidden=128, embed=32, batch=16, bptt=64,
                             optimizer="adam", lr=0.006, schedule="cosine", clip=5.0, dropout=0.0,
                             tie_weights=False, max_steps=3000, eval_interval=250, eval_batches=56,
                             val_fraction=0.1, temperature=1.0, top_k=0, batching="random", embed_std=1.0),
    # Tiny Shakespeare (long): validation loss <= 1.60 within 155 s of wall time on this 2-core machine
    # (bench/shakespeare.py, docs/performance.md). LSTM 256 (350k parameters): batch 32 costs about as
    # much per step as batch 16 at this size, so it reads twice the text per second. 1,500 steps
    # (3.1M characters, ~3 epochs): about 75 s at one thread on a quiet machine, ~190 s under load 5.
    "shakespeare-long": dict(task="char", model="lstm", layers=1, hidden=256, embed=64, batch=32, bptt=64,
                             optimizer="adam", lr=0.004, schedule="cosine", clip=5.0, dropout=0.0,
                             tie_weights=False, max_steps=1500, eval_interval=250, eval_batches=28,
                             val_fraction=0.1, temperature=1.0, top_k=0, batching="random", embed_std=1.0),
}


def default_config(task: str = "adder", preset: str | None = None, **overrides: Any) -> Config:
    """The config a user starts from: field defaults, then the task's defaults, the preset, the overrides."""
    values: dict[str, Any] = {}
    if preset is not None:
        if preset not in PRESETS:
            raise ValueError(f"unknown preset {preset!r}; known: {', '.join(sorted(PRESETS))}")
        task = PRESETS[preset].get("task", task)
    if task not in TASK_DEFAULTS:
        raise ValueError(f"unknown task {task!r}; known: {', '.join(TASKS)}")
    values.update(TASK_DEFAULTS[task])
    if preset is not None:
        values.update(PRESETS[preset])
    values.update({k: v for k, v in overrides.items() if v is not None})
    values["task"] = task
    return Config.from_dict(values)


def live_fields() -> list[str]:
    """Names of the settings that apply to a running trainer without rebuilding the model."""
    return [n for n, f in FIELDS.items() if f.metadata["live"]]
