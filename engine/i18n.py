"""Sentences for people, written once in English and translatable by the window, without Qt.

The engine never imports Qt, yet what it tells a user (an error, a note, a task's title, a cell's gate
names, a setting's help) is shown in the window in the user's language. So the engine marks each such
text with ``QT_TRANSLATE_NOOP("engine", "...")``: at run time a no-op that returns the text, and the
mark Qt's extractor (``pylupdate6``, see ``i18n/update.py``) finds to put the text in the catalogue.

A text with variable parts is a ``Sentence``: an English template with ``str.format`` fields and the
values that fill them::

    Sentence(QT_TRANSLATE_NOOP("engine", "The file {path} is empty."), path=p)

A Sentence is a ``str``, the English sentence (what the command line prints); ``to_dict()`` is plain data
that crosses the pipe to the window, which translates the template, formats its numbers by the
user's locale and fills it in (``gui/i18n.py``). A value may itself be a Sentence (a task's title in
a message about it), translated the same way. Whole numbers are written with thousands separators
("12,345") unless the field gives a format of its own (``{seed:d}``).

Errors the user can act on carry their Sentence (``errors.ExplainedError``); anything else reaches
the window as its English ``str()``.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from typing import Any

CONTEXT = "engine"  # the catalogue's context of every text the engine marks


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name Qt's extractor looks for
    """Mark ``text`` for the catalogue (in ``context``, always "engine" here); returns it unchanged."""
    return text


class _Formatter(string.Formatter):
    """``str.format`` with one hook: how a whole number without a format of its own is written."""

    def __init__(self, number: Callable[[int], str]) -> None:
        super().__init__()
        self.number = number

    def format_field(self, value: Any, format_spec: str) -> str:
        if not format_spec and isinstance(value, int) and not isinstance(value, bool):
            return self.number(value)
        return super().format_field(value, format_spec)


ENGLISH = _Formatter(lambda n: f"{n:,}")


def fill(template: str, args: Mapping[str, Any], formatter: string.Formatter = ENGLISH) -> str:
    """``template`` with its fields filled from ``args`` (no args: the template as it is, braces and all)."""
    return formatter.vformat(template, (), {k: str.__str__(v) if isinstance(v, Sentence) else v
                                            for k, v in args.items()}) if args else template


class Sentence(str):
    """An English template and its arguments. It IS the English sentence (a ``str``: it prints, compares
    and joins as one), and ``template``/``args``/``to_dict()`` let the window translate it."""

    def __new__(cls, template: str, /, **args: Any) -> Sentence:
        args = {k: _plain(v) for k, v in args.items()}
        self = super().__new__(cls, fill(str(template), args))
        self.template = str(template)
        self.args = args
        return self

    def __repr__(self) -> str:
        return f"Sentence({str(self)!r})"

    def __reduce__(self):  # across a process pipe: rebuilt from its parts, not from the English
        return (_from_dict, (self.to_dict(),))

    def to_dict(self) -> dict[str, Any]:
        """Plain data (str, numbers, nested dicts): ``{"template": ..., "args": {...}}``."""
        return {"template": self.template,
                "args": {k: v.to_dict() if isinstance(v, Sentence) else v for k, v in self.args.items()}}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Sentence:
        args = {k: cls.from_dict(v) if is_sentence_dict(v) else v for k, v in dict(d.get("args") or {}).items()}
        return cls(str(d.get("template", "")), **args)


def _from_dict(d: Mapping[str, Any]) -> Sentence:
    return Sentence.from_dict(d)


def is_sentence_dict(value: Any) -> bool:
    return isinstance(value, Mapping) and "template" in value and set(value) <= {"template", "args"}


def sentence_of(value: Any) -> Sentence:
    """The Sentence of an exception that carries one (``ExplainedError``), a Sentence as it is, or
    anything else's ``str()`` as a sentence without arguments (shown as it is, untranslated)."""
    s = getattr(value, "sentence", value)
    return s if isinstance(s, Sentence) else Sentence(str(value))


def _plain(value: Any) -> Any:
    """What a Sentence may hold: str, int, float, bool, None or a Sentence (an ``ExplainedError`` gives its
    Sentence; a path becomes its str)."""
    if isinstance(value, (Sentence, str, int, float, bool)) or value is None:
        return value
    if isinstance(getattr(value, "sentence", None), Sentence):  # an error that explains itself
        return value.sentence
    if hasattr(value, "item") and callable(value.item):  # a NumPy scalar
        return value.item()
    return str(value)


__all__ = ["CONTEXT", "QT_TRANSLATE_NOOP", "Sentence", "fill", "is_sentence_dict", "sentence_of"]
