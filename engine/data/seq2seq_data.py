"""Seq2seq data: the book's text format, the character vocabulary, id arrays and the held-out split.

The book's format (``addition.txt``, ``date.txt``): one example per line, ``question_answer``, where
the first ``_`` starts the answer (it is the decoder's start symbol and stays part of the answer) and
every question, like every answer, is padded with spaces to one width (shown here with ``|`` at
each line's end)::

    16+75  _91  |
    52+607 _659 |

``Seq2seqData`` holds the questions (N, Tx) and answers (N, 1 + Ty) as ids; the decoder reads
``answers[:, :-1]`` and learns to predict ``answers[:, 1:]``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from ..errors import Seq2seqFormatError
from ..i18n import QT_TRANSLATE_NOOP, Sentence
from ..user_files import UserFileError, read_bytes
from .seq2seq_generate import generate_addition, generate_dates
from .text import MAX_BYTES

START = "_"
GENERATED = {"addition": generate_addition, "date": generate_dates}
GENERATED_SIZE = 50_000  # as many examples as the book's files
GENERATED_SEED = 2024  # the generated sets are fixed data: the same for every training seed
SPLIT_SEED = 1984  # the book's load_data shuffles with this seed before holding out the tail


@dataclass
class Seq2seqData:
    """Encoded examples. questions (N, Tx) and answers (N, 1 + Ty) are int32 ids into ``vocab``."""

    questions: np.ndarray
    answers: np.ndarray
    vocab: list[str]
    source: str | Sentence  # a path, or what the generated set is

    @property
    def start_id(self) -> int:
        return self.vocab.index(START)

    def decode(self, ids) -> str:
        """Ids (T,) -> the string they spell."""
        return "".join(self.vocab[i] for i in np.asarray(ids).tolist())


def parse_lines(text: str, source: str = "data") -> tuple[list[str], list[str]]:
    """Split the book's format into questions and answers (answers keep their leading ``_``).

    Line ends may be ``\\n`` or ``\\r\\n``; empty lines at the end of the text are ignored. A line
    without ``_``, an empty question or answer, or a question or answer wider than the first
    line's raises ``Seq2seqFormatError`` naming the first such line (1-based)."""
    lines = text.split("\n")
    while lines and lines[-1].strip("\r") == "":
        lines.pop()
    if not lines:
        raise Seq2seqFormatError(QT_TRANSLATE_NOOP("engine", "{source}: no examples (expected lines like "
                                                   "'16+75  _91  ')"), source=source)
    questions, answers = [], []
    widths = None
    for number, line in enumerate(lines, start=1):
        line = line.removesuffix("\r")
        cut = line.find(START)
        if cut <= 0 or cut == len(line) - 1:
            what = (QT_TRANSLATE_NOOP("engine", "is empty") if not line else
                    QT_TRANSLATE_NOOP("engine", "has no '_' between question and answer")) if cut < 0 else (
                QT_TRANSLATE_NOOP("engine", "has an empty question") if cut == 0 else
                QT_TRANSLATE_NOOP("engine", "has an empty answer"))
            raise Seq2seqFormatError(QT_TRANSLATE_NOOP("engine", "{source}: line {number} {what}: {line!r} "
                                                       "(expected 'question_answer', e.g. '16+75  _91  ')"),
                                     source=source, number=number, what=Sentence(what), line=line[:60])
        q, a = line[:cut], line[cut:]
        if widths is None:
            widths = (len(q), len(a))
        elif (len(q), len(a)) != widths:
            raise Seq2seqFormatError(QT_TRANSLATE_NOOP(
                "engine", "{source}: line {number} has a question of {q} and an answer of {a} characters, line 1 "
                "has {q1} and {a1} (the format pads every line to the same widths)"),
                source=source, number=number, q=len(q), a=len(a), q1=widths[0], a1=widths[1])
        questions.append(q)
        answers.append(a)
    return questions, answers


def read_file(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> tuple[list[str], list[str]]:
    """Read and parse a file in the book's format (UTF-8). Format errors name the file; a folder, a FIFO
    or a device, a file over ``max_bytes`` (naming its size) and a binary file are refused before
    parsing (``engine.user_files``: only regular files are read)."""
    name = os.fspath(path)
    if os.path.isdir(name):
        raise Seq2seqFormatError(QT_TRANSLATE_NOOP("engine", "{path} is a folder; choose a text file such as "
                                                   "addition.txt or date.txt"), path=name)
    try:
        raw = read_bytes(name, max_bytes, QT_TRANSLATE_NOOP("engine", "seq2seq file"), kind=QT_TRANSLATE_NOOP("engine", "seq2seq files"))
    except UserFileError as exc:
        raise Seq2seqFormatError(exc.sentence) from None
    if b"\x00" in raw:
        raise Seq2seqFormatError(QT_TRANSLATE_NOOP("engine", "{path} looks like a binary file (it contains NUL "
                                                   "bytes), not text"), path=name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise Seq2seqFormatError(QT_TRANSLATE_NOOP("engine", "{path}: line {line} is not valid UTF-8 text (byte "
                                                   "0x{byte:02x}); save the file as UTF-8 (the book's files are "
                                                   "plain ASCII)"), path=name, line=line, byte=raw[exc.start]) from None
    return parse_lines(text, name)


def build_vocab(*texts: list[str]) -> list[str]:
    """The sorted set of characters of all strings (deterministic, whatever the order of the data)."""
    return sorted(set().union(*(set("".join(t)) for t in texts)))


def encode(strings: list[str], vocab: list[str], what: str = "line") -> np.ndarray:
    """Equal-width strings -> ids (N, width) int32. A character outside ``vocab`` raises
    Seq2seqFormatError naming the first line (1-based) that has one."""
    width = len(strings[0]) if strings else 0
    if any(len(s) != width for s in strings):
        raise ValueError("encode needs strings of one width")
    codes = np.frombuffer("".join(strings).encode("utf-32-le"), dtype=np.uint32)
    table = np.full(int(codes.max(initial=0)) + 1, -1, dtype=np.int32)  # code point -> id
    for i, ch in enumerate(vocab):
        if ord(ch) < table.size:
            table[ord(ch)] = i
    ids = table[codes]
    unknown = np.flatnonzero(ids < 0)
    if unknown.size:
        pos = int(unknown[0])
        ch = chr(int(codes[pos]))
        message = (QT_TRANSLATE_NOOP("engine", "line {number} has the character {char!r}, which is not in the "
                                     "vocabulary") if what == "line" else
                   QT_TRANSLATE_NOOP("engine", "example {number} has the character {char!r}, which is not in the "
                                     "vocabulary"))
        raise Seq2seqFormatError(message, number=pos // width + 1, char=ch)
    return ids.reshape(len(strings), width)


def load(data: str, vocab: list[str] | None = None) -> Seq2seqData:
    """``data`` "" or "date" (the generated date set), "addition" (the generated addition set), or a
    path to a file in the book's format. ``vocab`` (e.g. from a checkpoint) fixes the characters;
    otherwise the vocabulary is the sorted set of characters in the data."""
    key = data.strip() or "date"
    if key in GENERATED:
        questions, answers = GENERATED[key](GENERATED_SIZE, np.random.default_rng(GENERATED_SEED))
        name = QT_TRANSLATE_NOOP("engine", "addition") if key == "addition" else QT_TRANSLATE_NOOP("engine", "date")
        source = Sentence(QT_TRANSLATE_NOOP("engine", "generated {name} set ({n} examples)"), name=Sentence(name),
                          n=GENERATED_SIZE)
        what = "example"
    else:
        questions, answers = read_file(key)
        source, what = key, "line"
    if vocab is None:
        vocab = build_vocab(questions, answers)
    if START not in vocab:
        raise Seq2seqFormatError(QT_TRANSLATE_NOOP("engine", "the vocabulary must contain the start symbol "
                                                   "{start!r}"), start=START)
    try:
        return Seq2seqData(encode(questions, vocab, what), encode(answers, vocab, what), list(vocab), source)
    except Seq2seqFormatError as exc:
        raise Seq2seqFormatError(Sentence("{source}: {error}", source=source, error=exc.sentence)) from None


def split(n: int, val_fraction: float) -> tuple[np.ndarray, np.ndarray]:
    """Indices (train, val) of a fixed shuffle (seed 1984, as the book's load_data): the last
    ``round(n * val_fraction)`` shuffled examples are held out; training keeps at least one."""
    order = np.random.default_rng(SPLIT_SEED).permutation(n)
    n_val = min(int(round(n * val_fraction)), n - 1)
    return order[: n - n_val], order[n - n_val:]
