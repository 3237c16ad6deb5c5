"""Built-in data, so both language-model tasks run out of the box (``config.data == ""``).

- Character LM: every text of ``assets/texts/en/`` (stories, a play, songs, letters, a diary and
  dialogues written for this project, about 189,000 characters). Enough that the default LSTM's
  validation loss keeps falling for the first 3,000 steps instead of memorising one short story.
  Each text gives its last ``val_fraction`` to validation, so validation holds every kind of text.
  ``config.corpus = "ja"`` reads ``assets/texts/ja/`` instead: eight Japanese texts written for the
  project the same way (tales, a play, songs, a diary, letters, dialogues: about 70,600 characters,
  861 distinct ones, of which 717 are kanji).
- Word LM: sentences from a small seeded grammar (``grammar_corpus``): a vocabulary of about 150
  words, subject-verb agreement (also across a relative clause: "the cat that sees the dogs
  sleeps"), adjectives, places and adverbs. A model visibly learns it within a minute, and its
  validation perplexity is meaningful because validation and test sentences are new draws.
  The corpus is fixed (its own seed, not ``config.seed``), so a checkpoint's vocabulary always fits.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..resources import asset_files, asset_path
from .vocab import EOS

CORPORA = {"en": "texts/en", "ja": "texts/ja"}  # config.corpus -> its folder in assets/
TEXTS_FOLDER = CORPORA["en"]
DEFAULT_TEXT_NAME = "00-the-river.txt"  # the first, and shortest, of the built-in texts


def builtin_text_path(name: str = DEFAULT_TEXT_NAME, corpus: str = "en") -> Path:
    """The shipped text ``assets/texts/<corpus>/<name>`` as a path (one file of the character task's corpus)."""
    return asset_path(*CORPORA[corpus].split("/"), name)


def builtin_texts(corpus: str = "en") -> list[tuple[str, str]]:
    """The character task's built-in corpus ``corpus`` ("en" or "ja"): ``[(file name, text)]`` in
    file-name order, each text with ``"\n"`` line ends and ending with a line end."""
    out = []
    for f in asset_files(CORPORA[corpus], ".txt"):
        text = f.read_text(encoding="utf-8").lstrip("\ufeff").replace("\r\n", "\n")
        out.append((f.name, text if text.endswith("\n") else text + "\n"))
    return out


def split_texts(texts: list[str], val_fraction: float) -> tuple[str, str]:
    """(training text, validation text): each text's last ``val_fraction`` of characters goes to
    validation, the rest to training, in the same order (one text: nanoGPT's split)."""
    train, val = [], []
    for text in texts:
        cut = len(text) - int(len(text) * val_fraction)
        train.append(text[:cut])
        val.append(text[cut:])
    return "".join(train), "".join(val)


GRAMMAR_SEED = 20240611
GRAMMAR_SIZES = {"train": 40_000, "val": 4_000, "test": 4_000}  # words (at least), whole sentences

_NOUNS = [("cat", "cats"), ("dog", "dogs"), ("bird", "birds"), ("child", "children"), ("teacher", "teachers"),
          ("farmer", "farmers"), ("robot", "robots"), ("fox", "foxes"), ("owl", "owls"), ("girl", "girls"),
          ("boy", "boys"), ("king", "kings"), ("queen", "queens"), ("sailor", "sailors"), ("baker", "bakers"),
          ("painter", "painters")]
_NAMES = ["anna", "tom", "maria", "kenji", "leo", "sara"]
_DETS = (["the", "a", "this", "every", "one"], ["the", "some", "these", "many", "two", "three"])
_ADJS = ["small", "old", "happy", "quiet", "brave", "red", "clever", "sleepy", "tall", "young", "tired", "kind"]
_VT = [("sees", "see"), ("likes", "like"), ("follows", "follow"), ("helps", "help"), ("watches", "watch"),
       ("finds", "find"), ("remembers", "remember"), ("chases", "chase"), ("calls", "call"), ("visits", "visit")]
_VI = [("sleeps", "sleep"), ("sings", "sing"), ("runs", "run"), ("waits", "wait"), ("laughs", "laugh"),
       ("swims", "swim"), ("dreams", "dream"), ("works", "work")]
_PREPS = ["near", "behind", "under", "beside", "across"]
_PLACES = ["house", "garden", "hill", "sea", "forest", "bridge", "river", "market", "school", "tower"]
_ADVS = [["today"], ["quietly"], ["again"], ["at", "night"], ["in", "the", "morning"], ["every", "day"],
         ["slowly"], ["happily"]]
_CONJ = ["and", "but", "because", "while"]


class _Picker:
    """Uniform choices from a seeded Generator, drawn in blocks (fast, and fully determined by the seed)."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.buf = self.rng.random(1 << 16)
        self.i = 0

    def u(self) -> float:
        if self.i == self.buf.size:
            self.buf, self.i = self.rng.random(1 << 16), 0
        self.i += 1
        return float(self.buf[self.i - 1])

    def chance(self, p: float) -> bool:
        return self.u() < p

    def pick(self, options):
        return options[int(self.u() * len(options))]


def _noun_phrase(r: _Picker, plural: bool, depth: int) -> list[str]:
    if not plural and r.chance(0.12):
        return [r.pick(_NAMES)]
    words = [r.pick(_DETS[plural])]
    if r.chance(0.35):
        words.append(r.pick(_ADJS))
    words.append(r.pick(_NOUNS)[plural])
    if depth < 1 and r.chance(0.15):  # a subject relative clause agrees with its noun
        words += ["that", *_verb_phrase(r, plural, depth + 1)]
    return words


def _verb_phrase(r: _Picker, plural: bool, depth: int) -> list[str]:
    if r.chance(0.55):
        words = [r.pick(_VT)[plural], *_noun_phrase(r, r.chance(0.5), depth + 1)]
    else:
        words = [r.pick(_VI)[plural]]
        if r.chance(0.4):
            words += [r.pick(_PREPS), "the", r.pick(_PLACES)]
    if r.chance(0.25):
        words += r.pick(_ADVS)
    return words


def _sentence(r: _Picker) -> list[str]:
    plural = r.chance(0.5)
    words = _noun_phrase(r, plural, 0) + _verb_phrase(r, plural, 0)
    if r.chance(0.2):
        plural = r.chance(0.5)
        words += [r.pick(_CONJ), *_noun_phrase(r, plural, 1), *_verb_phrase(r, plural, 1)]
    return words


def grammar_corpus(sizes: dict[str, int] | None = None, seed: int = GRAMMAR_SEED) -> dict[str, list[str]]:
    """Word lists for "train", "val", "test": whole sentences, each followed by ``<eos>``."""
    sizes = GRAMMAR_SIZES if sizes is None else sizes
    r = _Picker(seed)
    out: dict[str, list[str]] = {}
    for split, n in sizes.items():
        words: list[str] = []
        while len(words) < n:
            words += _sentence(r)
            words.append(EOS)
        out[split] = words
    return out
