"""Vocabularies: a Python list of tokens (id order) plus a dict token -> id; ids as int32 arrays.

Word vocabularies follow the book's ``ptb.load_data``: ids in order of first appearance in the
training text. Character vocabularies are the sorted distinct characters (as char-rnn and nanoGPT
do). A vocabulary is stored as a JSON list of tokens, never pickled.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

UNK = "<unk>"
EOS = "<eos>"


class Vocab:
    """Tokens in id order. ``unk`` (if given, must be one of the tokens) is where unknown tokens go."""

    def __init__(self, tokens: Sequence[str], unk: str | None = None) -> None:
        self.tokens: list[str] = [str(t) for t in tokens]
        self.index: dict[str, int] = {t: i for i, t in enumerate(self.tokens)}
        if len(self.index) != len(self.tokens):
            dup = next(t for t, n in Counter(self.tokens).items() if n > 1)
            raise ValueError(f"vocabulary lists {dup!r} more than once")
        if not self.tokens:
            raise ValueError("a vocabulary needs at least one token")
        if unk is not None and unk not in self.index:
            raise ValueError(f"the unknown-word token {unk!r} is not in the vocabulary")
        self.unk = unk
        self.unk_id = None if unk is None else self.index[unk]

    def __len__(self) -> int:
        return len(self.tokens)

    def __contains__(self, token: str) -> bool:
        return token in self.index

    def __getitem__(self, i: int) -> str:
        return self.tokens[i]

    def lookup(self, token: str) -> int | None:
        """The id of ``token``; unknown tokens give ``unk_id`` (None without an unknown token)."""
        return self.index.get(token, self.unk_id)

    def encode(self, tokens: Sequence[str]) -> np.ndarray:
        """int32 ids of ``tokens``; unknown ones become ``unk_id`` (KeyError naming it if there is none)."""
        get, unk = self.index.get, self.unk_id
        if unk is None:
            missing = next((t for t in tokens if t not in self.index), None)
            if missing is not None:
                raise KeyError(missing)
        return np.fromiter((get(t, unk) for t in tokens), dtype=np.int32, count=len(tokens))

    def decode(self, ids: Iterable[int]) -> list[str]:
        return [self.tokens[int(i)] for i in ids]

    def to_json(self) -> str:
        return json.dumps({"tokens": self.tokens, "unk": self.unk}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Vocab:
        d = json.loads(text)
        return cls(d["tokens"], d.get("unk"))


def word_vocab(words: Sequence[str], min_count: int = 1, unk: str = UNK,
               always: Sequence[str] = (EOS,)) -> Vocab:
    """The book's word vocabulary: first-appearance order over ``words`` (the training split).

    Words seen fewer than ``min_count`` times are left out (they will read as ``unk``). ``unk`` and
    the ``always`` tokens are appended at the end when the text lacks them, so that unseen words
    and an empty prompt always have an id (for PTB, which has both, the size stays 10,000).
    """
    if min_count < 1:
        raise ValueError(f"min_count must be >= 1, got {min_count}")
    if min_count == 1:
        tokens = list(dict.fromkeys(words))
    else:
        counts = Counter(words)
        tokens = [w for w in dict.fromkeys(words) if counts[w] >= min_count or w == unk]
    have = set(tokens)
    tokens += [t for t in (unk, *always) if t not in have]
    return Vocab(tokens, unk)


def char_vocab(text: str) -> Vocab:
    """The sorted distinct characters of ``text`` (no unknown token: see ``encode_chars``)."""
    codes = np.unique(_code_points(text))
    return Vocab([chr(c) for c in codes])


def encode_chars(text: str, vocab: Vocab) -> np.ndarray:
    """int32 ids of every character of ``text`` without a Python loop over characters.

    Raises KeyError(char, offset) for the first character that is not in ``vocab``.
    """
    codes = _code_points(text)
    vocab_codes = np.array([ord(t) for t in vocab.tokens], dtype=np.uint32)
    order = np.argsort(vocab_codes)
    sorted_codes = vocab_codes[order]
    pos = np.searchsorted(sorted_codes, codes)
    pos[pos == len(sorted_codes)] = 0
    bad = np.flatnonzero(sorted_codes[pos] != codes)
    if bad.size:
        offset = int(bad[0])
        raise KeyError(text[offset], offset)
    return order[pos].astype(np.int32)


def _code_points(text: str) -> np.ndarray:
    """The Unicode code points of ``text`` as uint32 (one per character)."""
    return np.frombuffer(text.encode("utf-32-le", errors="surrogatepass"), dtype=np.uint32)
