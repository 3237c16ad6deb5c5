"""The engine's errors, in one leaf module that every other module may import.

Each one carries one sentence a user can act on; the window shows it in a banner and the command
line prints it on one line (``rnn-lab: error: ...``). All are ValueErrors: bad input, not bugs.
"""

from __future__ import annotations


class TaskError(ValueError):
    """A problem with the user's input (data file, prompt, settings) that deserves one clear message."""


class CheckpointError(ValueError):
    """A checkpoint cannot be written or read; the message says which file and why, in one sentence."""


class Seq2seqFormatError(ValueError):
    """A question-answer file is not in the book's format; the message names the line."""
