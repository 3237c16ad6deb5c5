"""The engine's errors, in one leaf module that every other module may import.

Each one carries one sentence a user can act on; the window shows it in a banner (translated: the
sentence is an ``i18n.Sentence``, a template and its values) and the command line prints it on one
line (``rnn-lab: error: ...``, the English ``str()``). All are ValueErrors: bad input, not bugs.

    raise TaskError(QT_TRANSLATE_NOOP("engine", "The file {path} is empty."), path=p)

A message given without values is a sentence as it is (``TaskError("...")``): still translated when
the catalogue has it (a marked constant), shown as it is otherwise.
"""

from __future__ import annotations

from typing import Any

from .i18n import Sentence


class ExplainedError(ValueError):
    """A ValueError whose message is a ``Sentence``: ``str()`` in English, ``.sentence`` for the window."""

    def __init__(self, message: str | Sentence, /, **args: Any) -> None:
        self.sentence = message if isinstance(message, Sentence) else Sentence(message, **args)
        super().__init__(str(self.sentence))

    def __reduce__(self):  # (pickled across processes: rebuild from the sentence, not from str())
        return (_rebuild, (type(self), self.sentence.to_dict()))


def _rebuild(cls: type[ExplainedError], sentence: dict[str, Any]) -> ExplainedError:
    return cls(Sentence.from_dict(sentence))


class TaskError(ExplainedError):
    """A problem with the user's input (data file, prompt, settings) that deserves one clear message."""


class CheckpointError(ExplainedError):
    """A checkpoint cannot be written or read; the message says which file and why, in one sentence."""


class Seq2seqFormatError(ExplainedError):
    """A question-answer file is not in the book's format; the message names the line."""


class SettingError(ExplainedError):
    """A setting's value is out of its range or not among its choices (``config.coerce``)."""


class LessonError(ExplainedError):
    """A lesson file cannot be read or is not a valid lesson; the message names the file and the field."""
