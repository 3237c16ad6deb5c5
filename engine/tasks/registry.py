"""Every task, registered once; what the command line, the window and the config defaults derive from.

A task is a ``Task`` class (``base.py``) that declares its name, title, blurb, data hint, model
variants, presets, defaults and the task settings it uses. Adding a task: write its file, its tests,
and add its class to ``TASKS`` below.

    make_task(config)               the task ``config.task`` with its data and model
    default_config(task, preset)    what a new run starts from: field defaults, the task's (and its built-in
                                    corpus's), the preset's
    applies(config, name)           whether a Config field matters for that run (task and cell)
    model_menu(task)                the window's model menu: (label, config overrides)
"""

from __future__ import annotations

from typing import Any

from ..config import FIELDS, TASK_SETTINGS, Config
from ..errors import TaskError
from ..layers.cells import CELLS, cell_class
from .adder import AdderTask
from .base import MENU_CELLS, Task
from .char import CharTask
from .lm import WordLMTask
from .seq2seq import Seq2seqTask

TASKS: dict[str, type[Task]] = {cls.name: cls for cls in (AdderTask, CharTask, WordLMTask, Seq2seqTask)}
PRESETS: dict[str, dict[str, Any]] = {name: {"task": cls.name, **preset.values}
                                      for cls in TASKS.values() for name, preset in cls.presets.items()}
CELL_OPTIONS = frozenset(option for name in CELLS for option in cell_class(name).options)


def task_class(name: str) -> type[Task]:
    if name not in TASKS:
        raise TaskError(f"unknown task {name!r}; known: {', '.join(TASKS)}")
    return TASKS[name]


def make_task(config: Config, *, vocab: list[str] | None = None) -> Task:
    """Build the task ``config.task`` (data, model, metrics). ``vocab`` (from a checkpoint) fixes the
    token set instead of deriving it from the data. Raises TaskError with one clear message for bad data."""
    return task_class(config.task)(config, vocab=vocab)


def default_config(task: str = "adder", preset: str | None = None, **overrides: Any) -> Config:
    """The config a user starts from: field defaults, then the task's defaults, the preset, the overrides
    (None values are left out). ValueError for an unknown task, preset or model."""
    if preset is not None:
        if preset not in PRESETS:
            raise ValueError(f"unknown preset {preset!r}; known: {', '.join(sorted(PRESETS))}")
        task = PRESETS[preset]["task"]
    cls = task_class(task)
    values: dict[str, Any] = dict(cls.defaults)
    corpus = overrides.get("corpus") or (PRESETS[preset].get("corpus") if preset is not None else None)
    if not overrides.get("data"):  # (a file of the user's: the task's own defaults)
        values.update(cls.corpus_defaults.get(corpus or FIELDS["corpus"].default, {}))
    if preset is not None:
        values.update(PRESETS[preset])
    values.update({k: v for k, v in overrides.items() if v is not None})
    values["task"] = task
    config = Config.from_dict(values)
    cls.cell_of(config.model)  # an unknown model is a TaskError (a ValueError) now, not at build
    return config


def corpus_defaults(task: str, corpus: str) -> dict[str, Any]:
    """The defaults of ``task`` that depend on its built-in corpus, for ``corpus`` ("en", "ja"): every field
    any corpus of the task sets, with its value for this one (what switching corpus changes)."""
    cls = task_class(task)
    names = {name for values in cls.corpus_defaults.values() for name in values}
    base = default_config(task).to_dict()
    return {name: cls.corpus_defaults.get(corpus, {}).get(name, cls.defaults.get(name, base[name])) for name in names}


def applies(config: Config | dict[str, Any], name: str) -> bool:
    """Whether Config field ``name`` matters for a run of ``config`` (a Config or its dict): a task
    setting only for the tasks that use it, a cell's option (the RNN's activation) only for that cell."""
    values = config.to_dict() if isinstance(config, Config) else config
    if name not in FIELDS:
        raise ValueError(f"unknown setting {name!r}")
    cls = task_class(values["task"])
    if name in TASK_SETTINGS and name not in cls.settings:
        return False
    if name in CELL_OPTIONS:
        try:
            return name in cell_class(cls.cell_of(values["model"])).options
        except TaskError:
            return True
    return True


def tasks_using(name: str) -> list[str]:
    """The tasks for which Config field ``name`` is a setting they use (all tasks for a general field)."""
    return [t for t, cls in TASKS.items() if name not in TASK_SETTINGS or name in cls.settings]


def model_names(task: str) -> list[str]:
    """Every value ``config.model`` may take for ``task``: the registered cells (if it uses them), its variants."""
    cls = task_class(task)
    return (list(CELLS) if cls.uses_cells else []) + [m for m in cls.variants if m not in CELLS]


def model_menu(task: str) -> list[tuple[str, dict[str, Any]]]:
    """The window's model menu for ``task``: (label, config overrides) in the order of ``Task.menu``,
    where ``MENU_CELLS`` stands for every registered cell no entry before it is built of."""
    cls = task_class(task)
    entries: list[tuple[str, dict[str, Any]]] = []
    for item in cls.menu:
        if item == MENU_CELLS:
            built = {cls.cell_of(overrides["model"]) for _, overrides in entries}
            entries += [(cell_class(c).title, {"model": c}) for c in CELLS if c not in built]
        elif item in cls.presets:
            entries.append((cls.presets[item].label, dict(cls.presets[item].values)))
        else:
            entries.append((cls.variants[item].label, {"model": item}))
    return entries
