"""The character-level language model (char-rnn): predict the next character of a text.

Data: ``config.data`` names a UTF-8 text file ("" = the project's own texts: ``assets/texts/en/``, or
``assets/texts/ja/`` when ``config.corpus`` is "ja"; see ``data.builtin``). The vocabulary is the
sorted set of the text's characters (about 80 for the English texts, about 900 for the Japanese ones:
kana, kanji and punctuation); the validation split is the LAST ``config.val_fraction`` of the
characters (as nanoGPT's prepare.py does for Tiny Shakespeare), of each built-in text.
Ids are one int32 array; the training batches follow the book's BPTT scheme (``data.batcher``).

Model (``config.model``): any registered cell ("rnn" with ``config.activation``, "lstm", "gru", ...),
``config.layers`` stacked,
``config.embed``-dimensional character embedding, ``config.dropout``, optional tied weights.

With a saved vocabulary (``vocab=...``, from a checkpoint) every character of the text must be in
it: the first one that is not raises a TaskError naming it and its line (a character model has no
"unknown character" to fall back on). Prompt characters outside the vocabulary are left out of
what the model reads and listed in ``sample(...)["unknown"]``.
"""

from __future__ import annotations

from pathlib import Path

from ..data.builtin import builtin_texts, split_texts
from ..data.text import read_text
from ..data.vocab import Vocab, char_vocab, encode_chars
from ..errors import TaskError
from ..i18n import QT_TRANSLATE_NOOP, Sentence
from .base import MENU_CELLS, Preset, Variant
from .language import LanguageTask

VISIBLE = {"\n": "⏎", " ": "␣", "\t": "⇥", "\u3000": "□"}  # characters that would be invisible as axis labels
# what the data label says of each built-in corpus (``config.corpus``)
SOURCES = {"en": QT_TRANSLATE_NOOP("engine", "built-in: {n} texts written for RNN Lab"),
           "ja": QT_TRANSLATE_NOOP("engine", "built-in (Japanese): {n} texts written for RNN Lab")}


class CharTask(LanguageTask):
    """Character LM; ``CharTask(config, vocab=None)``. Splits: train, val (when val_fraction > 0)."""

    name = "char"
    title = QT_TRANSLATE_NOOP("engine", "Character LM")
    blurb = QT_TRANSLATE_NOOP("engine", "Reads text one character at a time and predicts the next character.")
    data_hint = QT_TRANSLATE_NOOP("engine", "Open a text file…")
    unit = "character"
    units = QT_TRANSLATE_NOOP("engine", "characters")
    settings = LanguageTask.settings | {"corpus"}
    variants = {"simple": Variant(QT_TRANSLATE_NOOP("engine", "Simple RNN"), "rnn")}
    # bytes per byte of text: decoded, turned into code points and int64 positions at the peak; the ids
    # and the heap left behind afterwards (bench/memory.py)
    corpus_factors = (28.0, 6.0)
    presets = {
        # Tiny Shakespeare (fast): the most learning per CPU second (bench/shakespeare.py, docs/results.md).
        # A 1-layer LSTM 128 costs ~2.5x less per character than H=256; batch 16 costs about as much per
        # character as batch 64 (the step time is nearly linear in the batch) but makes 4x more updates.
        # Adam, cosine decay to lr/100 over the run; validation every 250 steps on 56 batches = 57,344
        # characters, about half the split. Random windows and N(0, 1) character vectors: per step they
        # learn fastest (docs/performance.md: validation 1.82 at step 500 against 2.01 with the book's
        # sequential batches and 0.01 vectors; the book's 0.01 suits 10,000 words, not 65 characters).
        "shakespeare-fast": Preset(QT_TRANSLATE_NOOP("engine", "Tiny Shakespeare (fast) — LSTM 128"), dict(
            model="lstm", layers=1, hidden=128, embed=32, batch=16, bptt=64, optimizer="adam", lr=0.006,
            schedule="cosine", clip=5.0, dropout=0.0, tie_weights=False, max_steps=3000, eval_interval=250,
            eval_batches=56, val_fraction=0.1, temperature=1.0, top_k=0, batching="random", embed_std=1.0)),
        # Tiny Shakespeare (long): validation loss <= 1.60 within 155 s of wall time on this 2-core machine
        # (bench/shakespeare.py, docs/performance.md). LSTM 256 (350k parameters): batch 32 costs about as
        # much per step as batch 16 at this size, so it reads twice the text per second. 1,500 steps
        # (3.1M characters, ~3 epochs): about 75 s at one thread on a quiet machine, ~190 s under load 5.
        "shakespeare-long": Preset(QT_TRANSLATE_NOOP("engine", "Tiny Shakespeare (long) — LSTM 256"), dict(
            model="lstm", layers=1, hidden=256, embed=64, batch=32, bptt=64, optimizer="adam", lr=0.004,
            schedule="cosine", clip=5.0, dropout=0.0, tie_weights=False, max_steps=1500, eval_interval=250,
            eval_batches=28, val_fraction=0.1, temperature=1.0, top_k=0, batching="random", embed_std=1.0)),
    }
    menu = (MENU_CELLS, "shakespeare-fast", "shakespeare-long")
    defaults = dict(model="lstm", hidden=128, embed=32, layers=1, optimizer="adam", lr=0.003, batch=32, bptt=64,
                    clip=5.0, activation="tanh", eval_interval=200, eval_batches=20)
    # The Japanese texts hold 63,500 training characters of 861 kinds: with the settings above the
    # validation loss is lowest near step 1,100 (about a minute) and then rises; with dropout 0.5 and a
    # 64-wide embedding it still falls at step 3,000 and is lower throughout (docs/results.md).
    corpus_defaults = {"ja": dict(dropout=0.5, embed=64)}

    def _load_data(self, vocab):
        cfg = self.config
        if cfg.data:
            texts = [read_text(Path(cfg.data), getattr(cfg, "encoding", "utf-8"),
                               what=QT_TRANSLATE_NOOP("engine", "text file"))]
            source = str(cfg.data)
        else:
            named = builtin_texts(cfg.corpus)
            if not named:
                raise TaskError(QT_TRANSLATE_NOOP("engine", "The built-in texts are missing: reinstall RNN Lab (pip "
                                                  "install --force-reinstall rnn-lab) or open a text file."))
            texts = [t for _, t in named]
            source = Sentence(SOURCES[cfg.corpus], n=len(texts))
        train_text, val_text = split_texts(texts, cfg.val_fraction)
        text = train_text + val_text
        if vocab is None:
            v = char_vocab(text)
        else:
            bad = next((t for t in vocab if not isinstance(t, str) or len(t) != 1), None)
            if bad is not None:
                raise TaskError(QT_TRANSLATE_NOOP("engine", "The saved vocabulary is not a character vocabulary (it "
                                                  "holds {token!r})."), token=bad)
            v = Vocab(vocab)
        try:
            ids = encode_chars(text, v)
        except KeyError as exc:
            char, offset = exc.args
            line = text.count("\n", 0, offset) + 1
            raise TaskError(QT_TRANSLATE_NOOP("engine", "The text contains {char!r} (line {line}), which is not "
                                              "among the model's {n} characters."),
                            char=char, line=line, n=len(v)) from None
        n_val = len(val_text)
        splits = {"train": ids[:ids.size - n_val]}
        if n_val:
            splits["val"] = ids[ids.size - n_val:]
        return v, splits, source

    def _label(self, token: str) -> str:
        return VISIBLE.get(token, token)

    def _join(self, tokens: list[str]) -> str:
        return "".join(tokens)

    def _encode_prompt(self, prompt: str):
        known = [c for c in prompt if c in self.vocab]
        unknown = list(dict.fromkeys(c for c in prompt if c not in self.vocab))
        return [self.vocab.index[c] for c in known], known, unknown

    def start_ids(self) -> list[int]:
        return [self.vocab.index["\n"]] if "\n" in self.vocab else []
