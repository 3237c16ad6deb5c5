"""The Task protocol: one problem = its data + its model + its metrics + what the window shows of it.

The trainer drives a task one step at a time; the window and the CLI only ever talk to a task
through these methods, and everything they return is plain data (floats, strings, lists, NumPy
arrays), safe to copy across threads and to serialise.

A task's randomness comes from Generators derived from ``config.seed``:
- ``self.rng`` drives weights, batch order and dropout (part of the exact-resume state);
- sampling for display (``sample``, ``display_example``) takes a *separate* generator passed in by
  the caller, so that trying a prompt never changes the training stream.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple

import numpy as np

from ..config import Config
from ..errors import SettingError, TaskError
from ..i18n import QT_TRANSLATE_NOOP, Sentence
from ..layers.cells import CELLS
from ..memory import ModelFloats, check_corpus_fits, check_fits, estimate_bytes, file_bytes

MENU_CELLS = "cells"  # in ``Task.menu``: every registered cell that no entry before it is built of


class Variant(NamedTuple):
    """A model variant of a task that is not simply a registered cell (``config.model`` names it)."""

    label: str  # what the window's model menu calls it
    cell: str  # the registered cell it is built of (``layers.cells.CELLS``)
    build: dict[str, Any] = {}  # what it implies when the model is built (the task's business)


class Preset(NamedTuple):
    """Named settings (the book's models, the project's tuned runs): ``--preset NAME`` or the model menu."""

    label: str
    values: dict[str, Any]  # Config values, "model" among them


@dataclass
class StepResult:
    """What one training step reports. ``loss`` is the mean loss of the batch (nats per token/bit)."""

    loss: float
    tokens: int  # tokens (or bits, or answer characters) this step trained on: for tokens/s
    metrics: dict[str, float] = field(default_factory=dict)  # e.g. {"perplexity": ...}, {"accuracy": ...}


class Task(ABC):
    """Base class of the tasks. Subclasses set the class attributes and implement the methods.

    What a task class declares is all the rest of RNN Lab knows about it (``tasks/registry.py`` lists
    the classes; the command line, the window's menus and the config defaults derive from them).

    Attributes every task has after ``__init__``:
      config: Config            the validated configuration it was built from
      model:  engine.models.base.Model
      rng:    numpy Generator   training randomness (weights, batches, dropout)
      dtype:  numpy dtype       float32 or float64
    """

    # Texts for people are marked for the catalogue (``QT_TRANSLATE_NOOP("engine", ...)``): the window
    # shows them translated.
    name: ClassVar[str]  # "adder", "char", "lm", "seq2seq"
    title: ClassVar[str]  # "Binary adder", ...
    blurb: ClassVar[str] = ""  # two sentences for the window: what is learned
    data_hint: ClassVar[str | None] = None  # the window's "Open..." button, None: the task makes its data
    data_folders: ClassVar[bool] = False  # its data may be a folder (the PTB's three files)
    metric_name: ClassVar[str]  # the curve shown under the loss: "perplexity" or "accuracy"
    higher_is_better: ClassVar[bool]  # for "best parameters" and the book's lr decay
    has_sampling: ClassVar[bool] = False  # language models: prompt + sampling panel
    unit: ClassVar[str | None] = None  # what a token is, for a language model: "character" or "word"
    units: ClassVar[str] = QT_TRANSLATE_NOOP("engine", "tokens")  # how a sentence counts them: "characters"
    # config.model: any registered cell when ``uses_cells``, and the task's own ``variants``
    uses_cells: ClassVar[bool] = True
    variants: ClassVar[dict[str, Variant]] = {}
    menu: ClassVar[tuple[str, ...]] = (MENU_CELLS,)  # the window's model menu: presets, variants, MENU_CELLS
    presets: ClassVar[dict[str, Preset]] = {}
    defaults: ClassVar[dict[str, Any]] = {}  # what a new run of this task starts from (Config values)
    # besides ``defaults``, per built-in corpus (``config.corpus``): the Japanese texts' 861 characters
    # memorise sooner than the English texts' 76 (see CharTask)
    corpus_defaults: ClassVar[dict[str, dict[str, Any]]] = {}
    settings: ClassVar[frozenset[str]] = frozenset()  # the task settings (``config.TASK_SETTINGS``) it uses
    note: str | Sentence = ""  # one sentence about how the task adapted the settings (e.g. to a short text)

    def __init__(self, config: Config) -> None:
        self.config = config
        self.dtype = np.dtype(config.dtype)
        self.rng = np.random.default_rng(config.seed)

    # -- what the task is built of -------------------------------------------------------------
    @classmethod
    def cell_of(cls, model: str) -> str:
        """The registered cell that model variant ``model`` is built of (TaskError for an unknown one)."""
        if model in cls.variants:
            return cls.variants[model].cell
        if cls.uses_cells and model in CELLS:
            return model
        known = (list(CELLS) if cls.uses_cells else []) + list(cls.variants)
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The {task}'s model must be one of {known}, not {model!r}."),
                        task=Sentence(cls.title), known=", ".join(known), model=model)

    # -- memory (engine/memory.py) ---------------------------------------------------------------
    # Bytes per byte of the data file: at the peak of reading it, and what stays afterwards (measured by
    # bench/memory.py). 0: the task reads no file (the adder generates its pairs).
    corpus_factors: ClassVar[tuple[float, float]] = (0.0, 0.0)

    @classmethod
    def model_floats(cls, config: Config, vocab_size: int, **data_shape: Any) -> ModelFloats:
        """What this task's model for ``config`` holds, in floats (``memory.ModelFloats``), built from
        ``memory.recurrent_parameters`` and ``memory.layer_units`` of its registered cell."""
        raise NotImplementedError

    @classmethod
    def corpus_bytes(cls, config: Config) -> tuple[int, int]:
        """(peak bytes while reading the data, bytes that stay) for ``config``'s data, from its size on disk."""
        size = file_bytes(config.data)
        read, resident = cls.corpus_factors
        return int(read * size), int(resident * size)

    @classmethod
    def estimate(cls, config: Config, vocab_size: int, corpus: int | None = None, **data_shape: Any) -> dict[str, int]:
        """``memory.estimate_bytes`` of a run of this task: its model and its data (``corpus``: the data's
        size in bytes instead of the file's, e.g. for a measurement)."""
        if corpus is None:
            reading, resident = cls.corpus_bytes(config)
        else:
            reading, resident = (int(f * corpus) for f in cls.corpus_factors)
        return estimate_bytes(config, cls.model_floats(config, vocab_size, **data_shape), reading, resident)

    @classmethod
    def check_corpus(cls, config: Config) -> None:
        """Before a byte of the data is read: TaskError if reading it would not fit in memory."""
        try:
            check_corpus_fits(file_bytes(config.data), cls.corpus_factors[0])
        except SettingError as exc:
            raise TaskError(exc.sentence) from None

    def check_memory(self, vocab_size: int, **data_shape: Any) -> None:
        """TaskError, saying the estimate, if training would not fit in the memory available."""
        try:
            check_fits(self.estimate(self.config, vocab_size, **data_shape))
        except SettingError as exc:
            raise TaskError(exc.sentence) from None

    def divergence_hint(self) -> str:
        """Besides a lower learning rate and clipping: what else to try when this run diverges ("" = nothing)."""
        return ""

    # -- training ------------------------------------------------------------------------------
    @abstractmethod
    def train_step(self) -> StepResult:
        """Take the next training batch, run forward and backward: ``model.grads`` hold the gradients.

        Does not update parameters (the trainer clips and applies the optimizer). Advances the data
        cursor and ``self.rng`` deterministically.
        """

    @property
    @abstractmethod
    def epoch(self) -> float:
        """Epochs of training data consumed so far (fractional)."""

    @abstractmethod
    def evaluate(self, split: str = "val", max_batches: int = 0) -> dict[str, float]:
        """Metrics on ``split`` ("train", "val", "test"): at least ``loss`` and ``self.metric_name``
        (adder: also ``bit_accuracy`` and ``accuracy`` = exact match over all 128x128 pairs).
        Must leave training state (hidden states, rng, grads, train/eval mode) as it found it.
        ``max_batches`` 0 = the whole split. Raises TaskError for a split the task does not have."""

    def splits(self) -> list[str]:
        """The evaluation splits this task has, e.g. ["val", "test"]."""
        return ["val"]

    def set_live(self, name: str, value: Any) -> None:
        """Apply a live setting (see ``Config`` fields with ``live=True``) that concerns the model,
        e.g. dropout. The trainer handles lr/clip itself; temperature/top_k concern sampling."""
        setattr(self.config, name, value)
        if name == "dropout":
            self.model.set_dropout(float(value))

    # -- what the window shows -----------------------------------------------------------------
    @abstractmethod
    def trace(self, index: int = 0, equations: bool = False) -> dict[str, Any]:
        """Run one display example (``index`` picks it deterministically) through the model with
        recording on, forward and backward, and return::

            {"labels": [str] * T,           # x-axis: input token/char/bit pair per timestep
             "layers": [{"name": "lstm0", "cell": "lstm"|"gru"|"rnn",
                         "h": (T, H), ...gates (T, H) as the layer recorded ("c","f","g","i","o" or
                         "z","r","h_tilde"),
                         "dh_norm": (T,)}],  # ||dL/dh_t|| for this example
             "title": str}

        ``equations``: each layer also carries every number of its cell's equations, (T, H) each
        ("a.f", "xWx.f", ..., "dh", "dc", ...: ``layers.recurrent.Recurrent.record_equations``).

        Arrays are float32 copies. Leaves training state untouched (see ``evaluate``)."""

    @abstractmethod
    def display_example(self, index: int = 0) -> dict[str, Any]:
        """The task-specific picture of one example, for its own panel:
        adder: {"a", "b", "true_sum", "pred_sum", "a_bits", "b_bits", "true_bits", "pred_bits",
                "probs" (8,), "correct"};  (bits least significant first)
        seq2seq: {"question", "expected", "generated", "correct", "attention" (Ty, Tx) or None,
                  "in_labels", "out_labels"};
        lm/char: {"context": str, "target": str, "top": [(token, prob)] * 5}."""

    def word_vectors(self) -> tuple[np.ndarray, list[str], np.ndarray]:
        """(W (V, D): the embedding the model reads its tokens through, the V tokens, how often each
        occurs in the training split) for the Word vectors view (language models only; TaskError else).
        W is the model's own array: read it between two steps, do not keep it."""
        raise TaskError(f"the {self.title} task has no word vectors")

    def sample(self, prompt: str, length: int, temperature: float, top_k: int,
               rng: np.random.Generator) -> dict[str, Any]:
        """Generate from ``prompt`` (language models only). Returns::

            {"prompt_tokens": [str], "unknown": [str],      # prompt pieces outside the vocabulary,
             "unknown_as": str | None,                      # read as this token (<unk>), or left out (None)
             "tokens": [str], "probs": [float],             # generated tokens and their probabilities
             "top": [(str, float)] * k,                     # next-token distribution after the prompt
             "text": str}                                   # joined for display

        Leaves training state untouched. Raises TaskError for an unusable prompt."""
        raise TaskError(QT_TRANSLATE_NOOP("engine", "the {task} task does not generate text"), task=Sentence(self.title))

    # -- exact resume ----------------------------------------------------------------------------
    @abstractmethod
    def state_dict(self) -> dict[str, np.ndarray]:
        """Everything besides parameters needed to resume bit for bit: data cursor, hidden states,
        task rng state (as arrays; use ``rng_state_to_array``)."""

    @abstractmethod
    def load_state_dict(self, state: dict[str, np.ndarray]) -> None: ...

    def state_keys(self) -> list[str]:
        """Every key ``load_state_dict`` may read (a checkpoint's other task entries are never read)."""
        return list(self.state_dict())

    def data_info(self) -> dict[str, Any]:
        """What the window and checkpoints record about the data: {"source": str, "vocab": [str] or None,
        "sizes": {split: tokens}}. A vocabulary saved here is used to rebuild the task from a checkpoint."""
        return {"source": self.config.data or "built-in", "vocab": None, "sizes": {}}

    def data_source(self) -> str | Sentence:
        """Where the data comes from, for the window (``data_info()["source"]`` is its English str)."""
        return self.data_info()["source"]

    def solved(self, metrics: dict[str, float]) -> bool:
        """Whether validation ``metrics`` say the task is done perfectly (the adder: every pair right).
        Tasks that can't be solved exactly (language models) never are."""
        return False

    def describe(self) -> str:
        """One line for the status bar, e.g. 'Word LM · LSTM 100 · 10,000 words · 929k tokens' (English)."""
        return str(self.description())

    def description(self) -> Sentence:
        """``describe()``'s line as a Sentence, for the window (translated there)."""
        return Sentence(QT_TRANSLATE_NOOP("engine", "{task} · {params} parameters"), task=Sentence(self.title),
                        params=self.model.num_params())
