"""Lessons: a JSON file that sets up a run, shows some panels, hides or locks some controls, and
explains in a side panel what to do and what to look for.

A lesson file (``"format": "rnnlab-lesson", "version": 1``)::

    {"format": "rnnlab-lesson", "version": 1,
     "title": "Why gradients vanish",
     "text": ["First paragraph ...", "", "1. Press Space ..."],   # a string, or lines joined by "\\n"
     "task": "char",                          # adder | char | lm | seq2seq
     "config": {"model": "rnn", "hidden": 64}, # overrides of default_config(task), Config field names
     "seed": 0, "data": "",                    # "" = the task's built-in data
     "panels": ["curves", "activations"],      # PANELS ids, in the order they are shown
     "hidden_controls": ["optimizer"],         # Config fields the window does not show
     "locked_controls": ["task"],              # shown but not editable
     "steps_hint": 600,                        # about how many steps the lesson needs (optional)
     "pause_at": [300, 600]}                   # training pauses at these step counts (optional)

``load_lesson`` checks every field and raises ValueError naming it ("config.lr: lr must be between
..."); unknown keys are errors too, so a typo never silently does nothing. Whether ``config.model``
suits the task is checked by the task itself when the lesson's run is built (TaskError, a
ValueError, with the list of models). Relative ``data`` paths are resolved against the lesson's
folder when such a file or folder exists there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text
from .config import FIELDS, Config, coerce, field_info
from .resources import asset_files, asset_path
from .tasks.registry import TASKS, default_config
from .user_files import UserFileError, loads_json, read_text

FORMAT, VERSION = "rnnlab-lesson", 1
PANELS = ("curves", "activations", "gradient_flow", "sampling", "adder", "seq2seq", "saturation", "weights")
# Panels that only make sense for some tasks: sampling for those that generate text, a task's own panel.
PANEL_TASKS = {"sampling": tuple(t for t, cls in TASKS.items() if cls.has_sampling), "adder": ("adder",),
               "seq2seq": ("seq2seq",)}
_SEPARATE = ("task", "seed", "data")  # top-level lesson fields, not config overrides
_REQUIRED = ("format", "version", "title", "text", "task", "panels")
_OPTIONAL = ("config", "seed", "data", "hidden_controls", "locked_controls", "steps_hint", "pause_at")
MAX_LESSON_BYTES = 1_000_000  # a lesson is a page of text and a few settings (the shipped ones: < 4 kB)


@dataclass
class Lesson:
    """A lesson as loaded. ``config`` holds only the overrides of ``default_config(task)``, already
    coerced to their fields' types; ``hidden``/``locked`` are Config field names."""

    title: str
    text: str
    task: str
    config: dict[str, Any] = field(default_factory=dict)
    seed: int = 0
    data: str = ""
    panels: list[str] = field(default_factory=lambda: ["curves"])
    hidden: list[str] = field(default_factory=list)
    locked: list[str] = field(default_factory=list)
    steps_hint: int | None = None
    pause_at: list[int] = field(default_factory=list)  # step counts the text describes: training pauses there

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise ValueError(f"text must be a string, got {type(self.text).__name__}")
        checked = _validate(self.to_dict())
        for name in ("config", "seed", "data", "panels", "hidden", "locked", "steps_hint", "pause_at", "text"):
            setattr(self, name, getattr(checked, name))

    def to_config(self) -> Config:
        """The run the lesson starts: the task's defaults, the overrides, the seed and the data."""
        return default_config(self.task, **self.config, seed=self.seed, data=self.data)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document (text as a list of lines, easier to read and edit by hand)."""
        out: dict[str, Any] = {"format": FORMAT, "version": VERSION, "title": self.title,
                               "text": self.text.split("\n"), "task": self.task, "config": dict(self.config),
                               "seed": self.seed, "data": self.data, "panels": list(self.panels),
                               "hidden_controls": list(self.hidden), "locked_controls": list(self.locked)}
        if self.steps_hint is not None:
            out["steps_hint"] = self.steps_hint
        if self.pause_at:
            out["pause_at"] = list(self.pause_at)
        return out

    @classmethod
    def from_config(cls, config: Config, title: str, text: str, panels: list[str], hidden: list[str] = (),
                    locked: list[str] = (), steps_hint: int | None = None, pause_at: list[int] = ()) -> Lesson:
        """A lesson that starts ``config``: its overrides are the fields that differ from the task's
        defaults (what File > Save lesson writes for the run on screen)."""
        base = default_config(config.task).to_dict()
        overrides = {k: v for k, v in config.to_dict().items() if k not in _SEPARATE and base[k] != v}
        return cls(title=title, text=text, task=config.task, config=overrides, seed=config.seed, data=config.data,
                   panels=list(panels), hidden=list(hidden), locked=list(locked), steps_hint=steps_hint,
                   pause_at=list(pause_at))


def load_lesson(path: str | Path) -> Lesson:
    """Read and check a lesson file. ValueError names the file and the field that is wrong. Only a
    regular file of at most ``MAX_LESSON_BYTES`` is read (the window reads lessons on its own thread:
    a FIFO or a huge file must be refused at once), and its JSON nesting is limited."""
    path = Path(path)
    try:
        raw = read_text(path, MAX_LESSON_BYTES, "lesson", kind="lessons")
    except UserFileError as exc:
        if "not valid" in str(exc):
            raise ValueError(f"{path}: not a lesson file (not UTF-8 text)") from None
        raise ValueError(str(exc).rstrip(".")) from None  # (it names the file)
    try:
        doc = loads_json(raw, what="the lesson")
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    try:
        lesson = _validate(doc)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    if lesson.data and not Path(lesson.data).is_absolute() and (path.parent / lesson.data).exists():
        lesson.data = str((path.parent / lesson.data).resolve())
    return lesson


def save_lesson(path: str | Path, lesson: Lesson) -> Path:
    """Write ``lesson`` as JSON, atomically (a temporary file replaced over ``path``)."""
    return atomic_write_text(path, json.dumps(lesson.to_dict(), indent=2, ensure_ascii=False) + "\n")


def builtin_lessons() -> list[Path]:
    """The lessons shipped in the package's assets/lessons, in file-name order (names start with a number)."""
    return [asset_path("lessons", f.name) for f in asset_files("lessons", ".json")]


# ---------------------------------------------------------------------------- checking
def _validate(doc: Any) -> Lesson:
    """A Lesson from a parsed document, every field checked; ValueError names the field."""
    if not isinstance(doc, dict):
        raise ValueError(f"a lesson is a JSON object, got {type(doc).__name__}")
    missing = [k for k in _REQUIRED if k not in doc]
    if missing:
        raise ValueError(f"missing key(s): {', '.join(missing)}")
    unknown = sorted(set(doc) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise ValueError(f"unknown key(s): {', '.join(unknown)}; known: {', '.join(_REQUIRED + _OPTIONAL)}")
    if doc["format"] != FORMAT:
        raise ValueError(f"format must be {FORMAT!r}, got {doc['format']!r}")
    if type(doc["version"]) is not int or doc["version"] < 1:
        raise ValueError(f"version must be a positive integer, got {doc['version']!r}")
    if doc["version"] > VERSION:
        raise ValueError(f"version {doc['version']} is newer than this RNN Lab reads ({VERSION})")
    title = doc["title"]
    if not isinstance(title, str) or not title.strip():
        raise ValueError(f"title must be a non-empty string, got {title!r}")
    text = _text(doc["text"])
    task = doc["task"]
    if task not in TASKS:
        raise ValueError(f"task must be one of {', '.join(TASKS)}, got {task!r}")
    overrides = _overrides(doc.get("config", {}))
    seed = _field("seed", doc.get("seed", 0))
    data = _field("data", doc.get("data", ""))
    panels = _names("panels", doc["panels"], PANELS)
    if not panels:
        raise ValueError("panels must name at least one panel")
    for p in panels:
        if p in PANEL_TASKS and task not in PANEL_TASKS[p]:
            raise ValueError(f"panels: the {p!r} panel is for the {' and '.join(PANEL_TASKS[p])} task(s), "
                             f"not {task!r}")
    hidden = _names("hidden_controls", doc.get("hidden_controls", []), FIELDS)
    locked = _names("locked_controls", doc.get("locked_controls", []), FIELDS)
    both = sorted(set(hidden) & set(locked))
    if both:
        raise ValueError(f"locked_controls: {', '.join(both)} already hidden (a control is hidden or locked)")
    hint = doc.get("steps_hint")
    if hint is not None and (type(hint) is not int or hint < 1):
        raise ValueError(f"steps_hint must be a positive integer or null, got {hint!r}")
    if "model" in overrides:
        try:
            TASKS[task].cell_of(overrides["model"])
        except ValueError as exc:
            raise ValueError(f"config.model: {exc}") from None
    pause_at = doc.get("pause_at", [])
    if not isinstance(pause_at, list) or not all(type(n) is int and n >= 1 for n in pause_at):
        raise ValueError(f"pause_at must be a list of positive whole numbers (step counts), got {pause_at!r}")
    try:
        default_config(task, **overrides, seed=seed, data=data)
    except ValueError as exc:
        raise ValueError(f"config: {exc}") from None
    lesson = Lesson.__new__(Lesson)  # fields already checked: skip __post_init__'s second check
    lesson.__dict__.update(title=title, text=text, task=task, config=overrides, seed=seed, data=data,
                           panels=panels, hidden=hidden, locked=locked, steps_hint=hint,
                           pause_at=sorted(set(pause_at)))
    return lesson


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return "\n".join(value)
    raise ValueError("text must be a string or a list of strings (lines)")


def _field(name: str, value: Any, label: str | None = None) -> Any:
    """``value`` checked for Config field ``name`` with JSON's own types (no "64" for a number, no
    1 for a switch); ``label`` is how the message names it (default ``name``)."""
    label = label or name
    kind = field_info(name)["type"]
    ok = {"int": isinstance(value, (int, float)) and not isinstance(value, bool),
          "float": isinstance(value, (int, float)) and not isinstance(value, bool),
          "bool": isinstance(value, bool), "str": isinstance(value, str)}.get(kind, False)
    if not ok:
        word = {"int": "a whole number", "float": "a number", "bool": "true or false", "str": "a string"}[kind]
        raise ValueError(f"{label} must be {word}, got {json.dumps(value)}")
    try:
        return coerce(name, value)
    except ValueError as exc:
        raise ValueError(f"{label}: {exc}") from None


def _overrides(config: Any) -> dict[str, Any]:
    if not isinstance(config, dict):
        raise ValueError(f"config must be an object of settings, got {type(config).__name__}")
    out = {}
    for name, value in config.items():
        if name in _SEPARATE:
            raise ValueError(f"config.{name}: set it with the lesson's top-level {name!r} key")
        if name not in FIELDS:
            known = ", ".join(n for n in FIELDS if n not in _SEPARATE)
            raise ValueError(f"config.{name}: unknown setting; known: {known}")
        out[name] = _field(name, value, f"config.{name}")
    return out


def _names(key: str, value: Any, known) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of names, got {value!r}")
    for v in value:
        if v not in known:
            raise ValueError(f"{key}: unknown name {v!r}; known: {', '.join(known)}")
    dup = sorted({v for v in value if value.count(v) > 1})
    if dup:
        raise ValueError(f"{key}: {', '.join(dup)} listed twice")
    return list(value)
