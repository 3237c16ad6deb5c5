"""The four tasks behind one protocol (see ``base.Task``); ``make_task`` builds one from a Config."""

from __future__ import annotations

import importlib

from ..config import Config
from .base import StepResult, Task, TaskError

_TASKS = {
    "adder": ("adder", "AdderTask"),
    "char": ("char", "CharTask"),
    "lm": ("lm", "WordLMTask"),
    "seq2seq": ("seq2seq", "Seq2seqTask"),
}

__all__ = ["StepResult", "Task", "TaskError", "make_task", "task_class"]


def task_class(name: str) -> type[Task]:
    if name not in _TASKS:
        raise TaskError(f"unknown task {name!r}; known: {', '.join(_TASKS)}")
    module, cls = _TASKS[name]
    return getattr(importlib.import_module(f".{module}", __name__), cls)


def make_task(config: Config, *, vocab: list[str] | None = None) -> Task:
    """Build the task ``config.task`` (data, model, metrics). ``vocab`` (from a checkpoint) fixes the
    token set instead of deriving it from the data. Raises TaskError with one clear message for bad data."""
    return task_class(config.task)(config, vocab=vocab)
