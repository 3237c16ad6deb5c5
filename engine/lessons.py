"""Lessons: a JSON file that sets up a run, shows some panels, hides or locks some controls, and
explains in a side panel what to do and what to look for, in one language or several.

A lesson file (``"format": "rnnlab-lesson", "version": 2``)::

    {"format": "rnnlab-lesson", "version": 2,
     "title": {"en": "Why gradients vanish", "ja": "なぜ勾配は消失するのか"},  # or one string
     "text": {"en": ["First paragraph ...", "", "1. Press Space ..."],      # per language: a string,
              "ja": ["最初の段落……", "", "1. スペースキーを押して……"]},       # or lines joined by "\n"
     "task": "char",                          # adder | char | lm | seq2seq
     "config": {"model": "rnn", "hidden": 64}, # overrides of default_config(task), Config field names
     "seed": 0, "data": "",                    # "" = the task's built-in data
     "panels": ["curves", "activations"],      # PANELS ids, in the order they are shown
     "hidden_controls": ["optimizer"],         # Config fields the window does not show
     "locked_controls": ["task"],              # shown but not editable
     "steps_hint": 600,                        # about how many steps the lesson needs (optional)
     "pause_at": [300, 600]}                   # training pauses at these step counts (optional)

The title and the text are each either one string (or list of lines), as in version 1, or an object
whose keys are language codes ("en", "ja"); the window shows the language it speaks, else English,
else the first one given (``Lesson.title_in(lang)``, ``Lesson.text_in(lang)``). A version 1 file
(plain strings) still loads; its text counts as English. A lesson whose only language is English
is written as version 1, so older versions of RNN Lab read it too.

``load_lesson`` checks every field and raises ``LessonError`` (a ValueError) naming it ("config.lr:
lr must be between ..."); unknown keys are errors too, so a typo never silently does nothing. Whether
``config.model`` suits the task is checked by the task itself when the lesson's run is built
(TaskError, a ValueError, with the list of models). Relative ``data`` paths are resolved against the
lesson's folder when such a file or folder exists there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import atomic_write_text
from .config import FIELDS, Config, coerce, field_info
from .errors import LessonError
from .i18n import QT_TRANSLATE_NOOP, Sentence, sentence_of
from .resources import asset_files, asset_path
from .tasks.registry import TASKS, default_config
from .user_files import UserFileError, loads_json, read_text

FORMAT, VERSION = "rnnlab-lesson", 2
DEFAULT_LANGUAGE = "en"  # what a lesson's plain-string title and text are taken to be
PANELS = ("curves", "activations", "gradient_flow", "sampling", "adder", "seq2seq", "saturation", "weights")
# Panels that only make sense for some tasks: sampling for those that generate text, a task's own panel.
PANEL_TASKS = {"sampling": tuple(t for t, cls in TASKS.items() if cls.has_sampling), "adder": ("adder",),
               "seq2seq": ("seq2seq",)}
_SEPARATE = ("task", "seed", "data")  # top-level lesson fields, not config overrides
_REQUIRED = ("format", "version", "title", "text", "task", "panels")
_OPTIONAL = ("config", "seed", "data", "hidden_controls", "locked_controls", "steps_hint", "pause_at")
MAX_LESSON_BYTES = 1_000_000  # a lesson is a page of text and a few settings (the shipped ones: < 4 kB)
_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")  # "en", "ja", "pt_BR"


def in_language(texts: dict[str, str], lang: str) -> str:
    """``texts[lang]``, else the text in ``lang``'s base language ("pt" for "pt_BR"), else English, else the first."""
    for key in (lang, lang.split("_")[0], DEFAULT_LANGUAGE):
        if key in texts:
            return texts[key]
    return next(iter(texts.values()), "")


@dataclass
class Lesson:
    """A lesson as loaded. ``title`` and ``text`` may be given as one string or as ``{language: text}``;
    ``titles``/``texts`` hold them by language, and ``title``/``text`` read the English (or only) one.
    ``config`` holds only the overrides of ``default_config(task)``, already coerced to their fields'
    types; ``hidden``/``locked`` are Config field names."""

    title: str | dict[str, str]
    text: str | dict[str, str]
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
        for name in ("title", "text"):
            value = getattr(self, name)
            if not isinstance(value, (str, dict)):
                raise LessonError(QT_TRANSLATE_NOOP("engine", "{key} must be a string, got {type}"), key=name,
                                  type=type(value).__name__)
        checked = _validate(self.to_dict())
        for name in ("config", "seed", "data", "panels", "hidden", "locked", "steps_hint", "pause_at", "titles",
                     "texts", "title", "text"):
            setattr(self, name, getattr(checked, name))

    def title_in(self, lang: str) -> str:
        """The title in language ``lang`` ("ja"), else in English, else the first one given."""
        return in_language(self.titles, lang)

    def text_in(self, lang: str) -> str:
        return in_language(self.texts, lang)

    @property
    def languages(self) -> list[str]:
        """The languages the lesson's text is written in."""
        return list(self.texts)

    def to_config(self) -> Config:
        """The run the lesson starts: the task's defaults, the overrides, the seed and the data."""
        return default_config(self.task, **self.config, seed=self.seed, data=self.data)

    def to_dict(self) -> dict[str, Any]:
        """The JSON document (text as a list of lines, easier to read and edit by hand); version 1 when the
        lesson is in English only, version 2 (texts by language) otherwise."""
        titles = getattr(self, "titles", None) or _by_language(self.title)
        texts = getattr(self, "texts", None) or _by_language(self.text)
        english_only = set(titles) | set(texts) <= {DEFAULT_LANGUAGE}
        out: dict[str, Any] = {"format": FORMAT, "version": 1 if english_only else VERSION}
        if english_only:
            out.update(title=titles.get(DEFAULT_LANGUAGE, ""), text=texts.get(DEFAULT_LANGUAGE, "").split("\n"))
        else:
            out.update(title=dict(titles), text={lang: t.split("\n") for lang, t in texts.items()})
        out.update({"task": self.task, "config": dict(self.config), "seed": self.seed, "data": self.data,
                    "panels": list(self.panels), "hidden_controls": list(self.hidden),
                    "locked_controls": list(self.locked)})
        if self.steps_hint is not None:
            out["steps_hint"] = self.steps_hint
        if self.pause_at:
            out["pause_at"] = list(self.pause_at)
        return out

    @classmethod
    def from_config(cls, config: Config, title: str | dict[str, str], text: str | dict[str, str],
                    panels: list[str], hidden: list[str] = (), locked: list[str] = (), steps_hint: int | None = None,
                    pause_at: list[int] = ()) -> Lesson:
        """A lesson that starts ``config``: its overrides are the fields that differ from the task's
        defaults (what File > Save lesson writes for the run on screen)."""
        base = default_config(config.task).to_dict()
        overrides = {k: v for k, v in config.to_dict().items() if k not in _SEPARATE and base[k] != v}
        return cls(title=title, text=text, task=config.task, config=overrides, seed=config.seed, data=config.data,
                   panels=list(panels), hidden=list(hidden), locked=list(locked), steps_hint=steps_hint,
                   pause_at=list(pause_at))


def load_lesson(path: str | Path) -> Lesson:
    """Read and check a lesson file. LessonError (a ValueError) names the file and the field that is wrong.
    Only a regular file of at most ``MAX_LESSON_BYTES`` is read (the window reads lessons on its own
    thread: a FIFO or a huge file must be refused at once), and its JSON nesting is limited."""
    path = Path(path)
    try:
        raw = read_text(path, MAX_LESSON_BYTES, QT_TRANSLATE_NOOP("engine", "lesson"), kind=QT_TRANSLATE_NOOP("engine", "lessons"))
    except UserFileError as exc:
        if "not valid" in str(exc):
            raise LessonError(QT_TRANSLATE_NOOP("engine", "{path}: not a lesson file (not UTF-8 text)"),
                              path=path) from None
        raise LessonError(exc.sentence) from None  # (it names the file)
    try:
        doc = loads_json(raw, what="the lesson")
    except json.JSONDecodeError as exc:
        raise LessonError(QT_TRANSLATE_NOOP("engine", "{path}: not valid JSON (line {line}, column {column}: "
                                            "{reason})"),
                          path=path, line=exc.lineno, column=exc.colno, reason=exc.msg) from None
    except ValueError as exc:  # (nested too deeply: loads_json's depth limit)
        raise LessonError(Sentence("{path}: {error}", path=path, error=sentence_of(exc))) from None
    try:
        lesson = _validate(doc)
    except ValueError as exc:
        raise LessonError(Sentence("{path}: {error}", path=path, error=sentence_of(exc))) from None
    if lesson.data and not Path(lesson.data).is_absolute() and (path.parent / lesson.data).exists():
        lesson.data = str((path.parent / lesson.data).resolve())
    return lesson


def save_lesson(path: str | Path, lesson: Lesson) -> Path:
    """Write ``lesson`` as JSON, atomically (a temporary file replaced over ``path``)."""
    return atomic_write_text(path, json.dumps(lesson.to_dict(), indent=2, ensure_ascii=False) + "\n")


def builtin_lessons() -> list[Path]:
    """The lessons shipped in the package's assets/lessons, in file-name order (names start with a number)."""
    return [asset_path("lessons", f.name) for f in asset_files("lessons", ".json")]


def lesson_title(path: Path, lang: str = DEFAULT_LANGUAGE) -> str:
    """The title of the lesson file ``path`` in ``lang`` without checking the rest (a menu's entry); its
    file name if the file cannot be read."""
    try:
        title = json.loads(path.read_text(encoding="utf-8")).get("title", path.stem)
    except (OSError, ValueError, AttributeError):
        return path.stem
    if isinstance(title, dict):
        texts = {k: v for k, v in title.items() if isinstance(v, str)}
        return in_language(texts, lang) or path.stem
    return str(title)


# ---------------------------------------------------------------------------- checking
def _fail(template: str, **args: Any) -> LessonError:
    return LessonError(template, **args)


def _by_language(value: Any) -> dict[str, str]:
    """A title or text as ``{language: str}``: one string is English (version 1's meaning)."""
    return dict(value) if isinstance(value, dict) else {DEFAULT_LANGUAGE: value}


def _languages(key: str, value: Any, version: int, lines: bool) -> dict[str, str]:
    """The title (``lines`` False) or text of a document, checked, as ``{language: str}``."""
    if isinstance(value, dict):
        if version < 2:
            raise _fail(QT_TRANSLATE_NOOP("engine", "{key}: texts by language need version 2, got version "
                                          "{version}"), key=key, version=version)
        if not value:
            raise _fail(QT_TRANSLATE_NOOP("engine", "{key} must name at least one language"), key=key)
        out = {}
        for lang, text in value.items():
            if not _LANGUAGE.match(str(lang)):
                raise _fail(QT_TRANSLATE_NOOP("engine", "{key}: {lang!r} is not a language code (such as \"en\" "
                                              "or \"ja\")"), key=key, lang=str(lang))
            out[lang] = _text(f"{key}.{lang}", text) if lines else _title(f"{key}.{lang}", text)
        return out
    return {DEFAULT_LANGUAGE: _text(key, value) if lines else _title(key, value)}


def _title(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(QT_TRANSLATE_NOOP("engine", "{key} must be a non-empty string, got {value!r}"), key=key,
                    value=value if isinstance(value, (str, int, float)) else repr(value))
    return value


def _validate(doc: Any) -> Lesson:
    """A Lesson from a parsed document, every field checked; LessonError names the field."""
    if not isinstance(doc, dict):
        raise _fail(QT_TRANSLATE_NOOP("engine", "a lesson is a JSON object, got {type}"), type=type(doc).__name__)
    missing = [k for k in _REQUIRED if k not in doc]
    if missing:
        raise _fail(QT_TRANSLATE_NOOP("engine", "missing key(s): {keys}"), keys=", ".join(missing))
    unknown = sorted(set(doc) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise _fail(QT_TRANSLATE_NOOP("engine", "unknown key(s): {keys}; known: {known}"), keys=", ".join(unknown),
                    known=", ".join(_REQUIRED + _OPTIONAL))
    if doc["format"] != FORMAT:
        raise _fail(QT_TRANSLATE_NOOP("engine", "format must be {expected!r}, got {value!r}"), expected=FORMAT,
                    value=str(doc["format"]))
    version = doc["version"]
    if type(version) is not int or version < 1:
        raise _fail(QT_TRANSLATE_NOOP("engine", "version must be a positive integer, got {value!r}"),
                    value=repr(version))
    if version > VERSION:
        raise _fail(QT_TRANSLATE_NOOP("engine", "version {version} is newer than this RNN Lab reads ({known})"),
                    version=version, known=VERSION)
    titles = _languages("title", doc["title"], version, lines=False)
    texts = _languages("text", doc["text"], version, lines=True)
    task = doc["task"]
    if task not in TASKS:
        raise _fail(QT_TRANSLATE_NOOP("engine", "task must be one of {known}, got {value!r}"), known=", ".join(TASKS),
                    value=str(task))
    overrides = _overrides(doc.get("config", {}))
    seed = _field("seed", doc.get("seed", 0))
    data = _field("data", doc.get("data", ""))
    panels = _names("panels", doc["panels"], PANELS)
    if not panels:
        raise _fail(QT_TRANSLATE_NOOP("engine", "panels must name at least one panel"))
    for p in panels:
        if p in PANEL_TASKS and task not in PANEL_TASKS[p]:
            raise _fail(QT_TRANSLATE_NOOP("engine", "panels: the {panel!r} panel is for the {tasks} task(s), not "
                                          "{task!r}"), panel=p, tasks=" and ".join(PANEL_TASKS[p]), task=task)
    hidden = _names("hidden_controls", doc.get("hidden_controls", []), FIELDS)
    locked = _names("locked_controls", doc.get("locked_controls", []), FIELDS)
    both = sorted(set(hidden) & set(locked))
    if both:
        raise _fail(QT_TRANSLATE_NOOP("engine", "locked_controls: {names} already hidden (a control is hidden or "
                                      "locked)"), names=", ".join(both))
    hint = doc.get("steps_hint")
    if hint is not None and (type(hint) is not int or hint < 1):
        raise _fail(QT_TRANSLATE_NOOP("engine", "steps_hint must be a positive integer or null, got {value}"),
                    value=repr(hint))
    if "model" in overrides:
        try:
            TASKS[task].cell_of(overrides["model"])
        except ValueError as exc:
            raise _fail("config.model: {error}", error=sentence_of(exc)) from None
    pause_at = doc.get("pause_at", [])
    if not isinstance(pause_at, list) or not all(type(n) is int and n >= 1 for n in pause_at):
        raise _fail(QT_TRANSLATE_NOOP("engine", "pause_at must be a list of positive whole numbers (step counts), "
                                      "got {value}"), value=repr(pause_at))
    try:
        default_config(task, **overrides, seed=seed, data=data)
    except ValueError as exc:
        raise _fail("config: {error}", error=sentence_of(exc)) from None
    lesson = Lesson.__new__(Lesson)  # fields already checked: skip __post_init__'s second check
    lesson.__dict__.update(titles=titles, texts=texts, title=in_language(titles, DEFAULT_LANGUAGE),
                           text=in_language(texts, DEFAULT_LANGUAGE), task=task, config=overrides, seed=seed,
                           data=data, panels=panels, hidden=hidden, locked=locked, steps_hint=hint,
                           pause_at=sorted(set(pause_at)))
    return lesson


def _text(key: str, value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return "\n".join(value)
    raise _fail(QT_TRANSLATE_NOOP("engine", "{key} must be a string or a list of strings (lines)"), key=key)


def _field(name: str, value: Any, label: str | None = None) -> Any:
    """``value`` checked for Config field ``name`` with JSON's own types (no "64" for a number, no
    1 for a switch); ``label`` is how the message names it (default ``name``)."""
    label = label or name
    kind = field_info(name)["type"]
    ok = {"int": isinstance(value, (int, float)) and not isinstance(value, bool),
          "float": isinstance(value, (int, float)) and not isinstance(value, bool),
          "bool": isinstance(value, bool), "str": isinstance(value, str)}.get(kind, False)
    if not ok:
        word = {"int": QT_TRANSLATE_NOOP("engine", "a whole number"), "float": QT_TRANSLATE_NOOP("engine", "a number"),
                "bool": QT_TRANSLATE_NOOP("engine", "true or false"),
                "str": QT_TRANSLATE_NOOP("engine", "a string")}[kind]
        raise _fail(QT_TRANSLATE_NOOP("engine", "{label} must be {kind}, got {value}"), label=label,
                    kind=Sentence(word), value=json.dumps(value))
    try:
        return coerce(name, value)
    except ValueError as exc:
        raise _fail("{label}: {error}", label=label, error=sentence_of(exc)) from None


def _overrides(config: Any) -> dict[str, Any]:
    if not isinstance(config, dict):
        raise _fail(QT_TRANSLATE_NOOP("engine", "config must be an object of settings, got {type}"),
                    type=type(config).__name__)
    out = {}
    for name, value in config.items():
        if name in _SEPARATE:
            raise _fail(QT_TRANSLATE_NOOP("engine", "config.{name}: set it with the lesson's top-level {name!r} key"),
                        name=name)
        if name not in FIELDS:
            known = ", ".join(n for n in FIELDS if n not in _SEPARATE)
            raise _fail(QT_TRANSLATE_NOOP("engine", "config.{name}: unknown setting; known: {known}"), name=name,
                        known=known)
        out[name] = _field(name, value, f"config.{name}")
    return out


def _names(key: str, value: Any, known) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(QT_TRANSLATE_NOOP("engine", "{key} must be a list of names, got {value}"), key=key,
                    value=repr(value))
    for v in value:
        if v not in known:
            raise _fail(QT_TRANSLATE_NOOP("engine", "{key}: unknown name {name!r}; known: {known}"), key=key, name=v,
                        known=", ".join(known))
    dup = sorted({v for v in value if value.count(v) > 1})
    if dup:
        raise _fail(QT_TRANSLATE_NOOP("engine", "{key}: {names} listed twice"), key=key, names=", ".join(dup))
    return list(value)
