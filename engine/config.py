"""The one description of a run: task, model, data and hyperparameters.

Every field carries metadata (help text, bounds, log scale, choices, whether it may change while
training runs, whether it is a task setting). The CLI builds its arguments from it, the window builds
its sliders from it, and a checkpoint stores it as JSON, so the three never disagree.

What the tasks are, which models and task settings each uses and what a new run of each starts from
is the tasks' business: ``engine/tasks/registry.py`` (``default_config``, ``applies``) derives it from
the task classes. This module only knows the fields.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any

from .errors import SettingError
from .i18n import QT_TRANSLATE_NOOP
from .layers.cells import IMPLS


def _f(default, help, *, min=None, max=None, log=False, choices=None, live=False, task_setting=False,
       rebuild=True):
    """A config field with its metadata. ``live`` fields apply to a running trainer without a rebuild;
    ``rebuild`` fields need a new model (the window asks before resetting). A ``task_setting`` matters
    only to the tasks that list it in their ``Task.settings`` (the others ignore it)."""
    meta = dict(help=help, min=min, max=max, log=log, choices=choices, live=live, task_setting=task_setting,
                rebuild=rebuild and not live)
    return field(default=default, metadata=meta)


@dataclass
class Config:
    """Everything needed to rebuild a run. Defaults here are overridden per task by ``Task.defaults``."""

    # (help texts are marked for the catalogue: the window shows them translated, the CLI in English)
    task: str = _f("adder", QT_TRANSLATE_NOOP("engine", "What the network learns (a task of "
                                              "engine/tasks/registry.py)"))
    model: str = _f("rnn", QT_TRANSLATE_NOOP("engine", "Model: a recurrent cell (rnn, lstm, gru, ...) or one of "
                                             "the task's own variants"))
    # The default is the fused code where it is measurably faster (the PTB models, char, the adder); a task
    # whose readable layers are as fast says so in its defaults (seq2seq).
    impl: str = _f("fast", QT_TRANSLATE_NOOP("engine", "Code of the recurrent layers: 'readable' (the book's "
                                             "equations, engine/layers/lstm.py) or 'fast' (fused kernels, "
                                             "engine/layers/fast/; the same numbers; a cell without fused code "
                                             "runs its readable code)"),
                   choices=IMPLS)
    layers: int = _f(1, QT_TRANSLATE_NOOP("engine", "Stacked recurrent layers"), min=1, max=4, task_setting=True)
    hidden: int = _f(16, QT_TRANSLATE_NOOP("engine", "Hidden units per recurrent layer"), min=1, max=2048,
                     log=True)
    embed: int = _f(16, QT_TRANSLATE_NOOP("engine", "Embedding (word vector) size"), min=1, max=2048, log=True,
                    task_setting=True)
    activation: str = _f("sigmoid", QT_TRANSLATE_NOOP("engine", "Activation of a vanilla RNN"),
                         choices=("tanh", "sigmoid", "relu"), task_setting=True)
    init: str = _f("xavier", QT_TRANSLATE_NOOP("engine", "Weight initialisation"),
                   choices=("xavier", "he", "normal"))
    init_std: float = _f(0.01, QT_TRANSLATE_NOOP("engine", "Standard deviation for 'normal' initialisation"),
                         min=1e-4, max=1.0, log=True)
    embed_std: float = _f(0.01, QT_TRANSLATE_NOOP("engine", "Standard deviation of the initial embedding vectors "
                                                  "(the book: 0.01)"), min=1e-4, max=10.0, log=True,
                          task_setting=True)
    tie_weights: bool = _f(False, QT_TRANSLATE_NOOP("engine", "Share embedding and output weights"),
                           task_setting=True)
    dropout: float = _f(0.0, QT_TRANSLATE_NOOP("engine", "Dropout ratio between layers (inverted dropout)"),
                        min=0.0, max=0.9, live=True, task_setting=True)
    optimizer: str = _f("adam", QT_TRANSLATE_NOOP("engine", "Update rule"),
                        choices=("sgd", "momentum", "adagrad", "rmsprop", "adam"))
    lr: float = _f(0.01, QT_TRANSLATE_NOOP("engine", "Learning rate"), min=1e-5, max=100.0, log=True, live=True)
    schedule: str = _f("none", QT_TRANSLATE_NOOP("engine", "Learning-rate schedule (book: divide by 4 when "
                                                 "validation gets worse)"),
                       choices=("none", "book", "step", "exponential", "cosine"))
    decay_steps: int = _f(1000, QT_TRANSLATE_NOOP("engine", "Steps per halving of lr (step, exponential) or length "
                                                  "of the cosine (its end is --iters when set)"),
                          min=1, max=10**8, log=True)
    clip: float = _f(0.0, QT_TRANSLATE_NOOP("engine", "Clip gradients to this global norm (0 = off)"), min=0.0,
                     max=1000.0, live=True)
    batch: int = _f(32, QT_TRANSLATE_NOOP("engine", "Sequences per batch"), min=1, max=1024, log=True)
    bptt: int = _f(35, QT_TRANSLATE_NOOP("engine", "Truncated BPTT length (timesteps per batch)"), min=1,
                   max=1000, log=True, task_setting=True)
    batching: str = _f("sequential", QT_TRANSLATE_NOOP("engine", "Training batches: the book's stateful "
                                                        "sequential rows, or windows at random places (each "
                                                        "from a zero state)"),
                       choices=("sequential", "random"), task_setting=True)
    seed: int = _f(0, QT_TRANSLATE_NOOP("engine", "Random seed (weights, batches, dropout)"), min=0,
                   max=2**31 - 1)
    dtype: str = _f("float32", QT_TRANSLATE_NOOP("engine", "Floating-point precision"),
                    choices=("float32", "float64"))
    temperature: float = _f(1.0, QT_TRANSLATE_NOOP("engine", "Sampling temperature"), min=0.05, max=5.0, log=True,
                            live=True, task_setting=True)
    top_k: int = _f(0, QT_TRANSLATE_NOOP("engine", "Sample only from the k most likely tokens (0 = all)"), min=0,
                    max=1000, live=True, task_setting=True)
    data: str = _f("", QT_TRANSLATE_NOOP("engine", "Data file or folder ('' = built-in)"), rebuild=True)
    corpus: str = _f("en", QT_TRANSLATE_NOOP("engine", "The built-in text of the character model, used when no "
                                             "data file is given: en (English) or ja (Japanese)"),
                     choices=("en", "ja"), task_setting=True)
    encoding: str = _f("utf-8", QT_TRANSLATE_NOOP("engine", "Text encoding of the data file"),
                       choices=("utf-8", "latin-1"), task_setting=True)
    val_fraction: float = _f(0.1, QT_TRANSLATE_NOOP("engine", "Share of the text held out for validation"),
                             min=0.0, max=0.5, task_setting=True)
    min_count: int = _f(1, QT_TRANSLATE_NOOP("engine", "Words seen fewer times become <unk>"), min=1, max=1000,
                        task_setting=True)
    eval_interval: int = _f(200, QT_TRANSLATE_NOOP("engine", "Evaluate on the validation split every N steps "
                                                   "(0 = never)"),
                            min=0, max=1_000_000, live=True)
    eval_batches: int = _f(0, QT_TRANSLATE_NOOP("engine", "Batches per evaluation (0 = the whole split)"), min=0,
                           max=100_000, live=True)
    pause_when_solved: bool = _f(True, QT_TRANSLATE_NOOP("engine", "Pause training when the adder is exactly right "
                                                         "on all 16,384 pairs (the window; the CLI trains on)"),
                                 live=True, task_setting=True)
    max_steps: int = _f(0, QT_TRANSLATE_NOOP("engine", "Stop after this many steps (0 = no limit; CLI: --iters)"),
                        min=0, max=10**9, live=True, rebuild=False)
    epochs: float = _f(0.0, QT_TRANSLATE_NOOP("engine", "Stop after this many epochs (0 = no limit)"), min=0.0,
                       max=10_000.0, live=True, rebuild=False)

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
            raise SettingError(QT_TRANSLATE_NOOP("engine", "unknown configuration keys: {keys}"),
                               keys=", ".join(shown))
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


FIELDS: dict[str, dataclasses.Field] = {f.name: f for f in dataclasses.fields(Config)}
TASK_SETTINGS = frozenset(n for n, f in FIELDS.items() if f.metadata["task_setting"])


def field_info(name: str) -> dict[str, Any]:
    """Metadata of a field plus its type name and default: what a CLI flag or a slider needs."""
    f = FIELDS[name]
    return dict(f.metadata, name=name, type=f.type if isinstance(f.type, str) else f.type.__name__,
                default=f.default)


def coerce(name: str, value: Any) -> Any:
    """Convert ``value`` to field ``name``'s type and check bounds and choices (ValueError otherwise)."""
    if name not in FIELDS:
        raise SettingError(QT_TRANSLATE_NOOP("engine", "unknown setting {name!r}"), name=name)
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
        raise SettingError(QT_TRANSLATE_NOOP("engine", "{name} must be a finite {kind}, got {value!r}"), name=name,
                           kind=kind, value=value) from None
    lo, hi = info["min"], info["max"]
    if lo is not None and value < lo or hi is not None and value > hi:
        raise SettingError(QT_TRANSLATE_NOOP("engine", "{name} must be between {lo} and {hi}, got {value}"),
                           name=name, lo=lo, hi=hi, value=value)
    if info["choices"] and value not in info["choices"]:
        raise SettingError(QT_TRANSLATE_NOOP("engine", "{name} must be one of {choices}, got {value!r}"),
                           name=name, choices=", ".join(info["choices"]), value=value)
    return value


def live_fields() -> list[str]:
    """Names of the settings that apply to a running trainer without rebuilding the model."""
    return [n for n, f in FIELDS.items() if f.metadata["live"]]
