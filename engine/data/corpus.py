"""Word corpora: the Penn Treebank folder (ptb.train/valid/test.txt) or one text file split from its end.

Words are the book's: every line end becomes ``<eos>``, then the text is split on whitespace
(``text.replace("\\n", " <eos> ").split()``; for PTB, whose lines are " ... \\n", this is exactly the
book's ``replace('\\n', '<eos>').strip().split()``). Punctuation stays attached to words, as in the
book: pre-tokenise a raw text if you want "dog," and "dog" to be one word.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import TaskError
from ..i18n import QT_TRANSLATE_NOOP
from .text import read_text
from .vocab import EOS

PTB_FILES = {"train": "ptb.train.txt", "val": "ptb.valid.txt", "test": "ptb.test.txt"}
PTB_FILE_NAMES = {"train": QT_TRANSLATE_NOOP("engine", "train file"), "val": QT_TRANSLATE_NOOP("engine", "val file"),
                  "test": QT_TRANSLATE_NOOP("engine", "test file")}  # how a message names each


def words_of(text: str) -> list[str]:
    """The book's tokenisation: line ends become ``<eos>``, then whitespace split."""
    return text.replace("\n", f" {EOS} ").split()


def read_ptb_folder(folder: str | Path, encoding: str = "utf-8") -> dict[str, list[str]]:
    """Words of the three PTB splits in ``folder``; TaskError names the first missing file."""
    folder = Path(folder).expanduser()
    for split, name in PTB_FILES.items():
        if not (folder / name).is_file():
            raise TaskError(QT_TRANSLATE_NOOP("engine", "The folder {folder} has no {name} (the {split} split of the "
                                              "Penn Treebank); pick a folder with ptb.train.txt, ptb.valid.txt and "
                                              "ptb.test.txt, or a single text file."),
                            folder=folder, name=name, split=split)
    return {split: words_of(read_text(folder / name, encoding, what=PTB_FILE_NAMES[split]))
            for split, name in PTB_FILES.items()}


def split_words(words: list[str], val_fraction: float) -> dict[str, list[str]]:
    """Train/val/test from one word list: test = the last ``val_fraction``, val = the same amount
    before it, train = the rest (val and test are left out when ``val_fraction`` is 0)."""
    n_held = int(len(words) * val_fraction)
    if n_held == 0:
        return {"train": words}
    n_train = len(words) - 2 * n_held
    return {"train": words[:n_train], "val": words[n_train:n_train + n_held], "test": words[n_train + n_held:]}


def read_word_corpus(path: str | Path, val_fraction: float, encoding: str = "utf-8") -> dict[str, list[str]]:
    """A PTB folder or a single text file, as split word lists."""
    p = Path(path).expanduser()
    if p.is_dir():
        return read_ptb_folder(p, encoding)
    return split_words(words_of(read_text(p, encoding)), val_fraction)
