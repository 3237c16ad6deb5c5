"""The word-level language model of the book's chapters 5 and 6 (Penn Treebank perplexity).

Data (``config.data``):
- a folder with ptb.train.txt, ptb.valid.txt and ptb.test.txt (the Penn Treebank as the book uses it);
- a single text file: test = its last ``val_fraction`` of words, val = as many before that, train = the rest;
- "" = sentences of a small built-in grammar (``data.builtin.grammar_corpus``, fixed splits).
Words are the book's (``data.corpus.words_of``: line ends become ``<eos>``). The vocabulary comes
from the training split only, in first-appearance order; words seen fewer than ``config.min_count``
times become ``<unk>``, and so do unseen words of val/test and of prompts. With a saved vocabulary
(``vocab=...``) every word outside it reads as ``<unk>``.

Models (``config.model``): any registered cell ("lstm" is the book's Rnnlm), "simple" (the book's
SimpleRnnlm: RNN with ``config.activation``, tanh in the book) and "better" (BetterRnnlm: LSTM with
the output weights tied to the embedding; ``config.layers`` and ``config.dropout`` as configured,
2 and 0.5 in the "better" preset).
"""

from __future__ import annotations

from ..data.builtin import grammar_corpus
from ..data.corpus import read_word_corpus
from ..data.vocab import EOS, UNK, Vocab, word_vocab
from ..errors import TaskError
from ..i18n import QT_TRANSLATE_NOOP
from .base import MENU_CELLS, Preset, Variant
from .language import LanguageTask


class WordLMTask(LanguageTask):
    """Word LM; ``WordLMTask(config, vocab=None)``. Splits: train, val, test (val/test need val_fraction > 0
    for a single file)."""

    name = "lm"
    title = QT_TRANSLATE_NOOP("engine", "Word LM")
    blurb = QT_TRANSLATE_NOOP("engine", "Reads text one word at a time and predicts the next word (the book's "
                              "chapters 5–6).")
    data_hint = QT_TRANSLATE_NOOP("engine", "Open a text file or PTB folder…")
    data_folders = True
    unit = "word"
    units = QT_TRANSLATE_NOOP("engine", "words")
    # bytes per byte of text: split into Python strings at the peak (60+ bytes a word); the ids and the
    # heap left behind afterwards (bench/memory.py)
    corpus_factors = (25.0, 12.0)
    settings = LanguageTask.settings | {"min_count"}
    variants = {"simple": Variant(QT_TRANSLATE_NOOP("engine", "Simple — SimpleRnnlm, ch. 5"), "rnn"),
                "better": Variant(QT_TRANSLATE_NOOP("engine", "Better — 2×LSTM, dropout, tied, ch. 6"), "lstm",
                                  {"tie": True})}
    presets = {
        "simple": Preset(QT_TRANSLATE_NOOP("engine", "Simple — SimpleRnnlm, ch. 5"), dict(
            model="simple", hidden=100, embed=100, batch=10, bptt=5, lr=0.1, optimizer="sgd", clip=0.0,
            activation="tanh", schedule="none")),
        "rnnlm": Preset(QT_TRANSLATE_NOOP("engine", "Rnnlm — LSTM, ch. 6"), dict(  # the book's train_rnnlm.py keeps lr 20 for all 4 epochs
            model="lstm", hidden=100, embed=100, batch=20, bptt=35, lr=20.0, optimizer="sgd", clip=0.25,
            schedule="none")),
        "better": Preset(QT_TRANSLATE_NOOP("engine", "Better — 2×LSTM, dropout, tied, ch. 6"), dict(
            model="better", layers=2, hidden=650, embed=650, batch=20, bptt=35, lr=20.0, optimizer="sgd",
            clip=0.25, dropout=0.5, tie_weights=True, schedule="book")),
    }
    menu = ("simple", "rnnlm", "better", MENU_CELLS)
    defaults = dict(model="lstm", hidden=100, embed=100, optimizer="sgd", lr=20.0, batch=20, bptt=35, clip=0.25,
                    activation="tanh", eval_interval=500, eval_batches=50, schedule="book")

    def _load_data(self, vocab):
        cfg = self.config
        if cfg.data:
            words = read_word_corpus(cfg.data, cfg.val_fraction, getattr(cfg, "encoding", "utf-8"))
            source = cfg.data
        else:
            words = grammar_corpus()
            source = QT_TRANSLATE_NOOP("engine", "built-in: generated sentences")
        if vocab is None:
            v = word_vocab(words["train"], cfg.min_count)
        else:
            v = Vocab(vocab, UNK if UNK in vocab else None)
            if v.unk is None:
                missing = next((w for ws in words.values() for w in ws if w not in v), None)
                if missing is not None:
                    raise TaskError(QT_TRANSLATE_NOOP("engine", "The word {word!r} is not in the saved vocabulary, "
                                                      "which has no {unk}."), word=missing, unk=UNK)
        ids = {split: v.encode(ws) for split, ws in words.items() if ws}
        return v, ids, source

    def _join(self, tokens: list[str]) -> str:
        out: list[str] = []
        for w in tokens:
            if w == EOS:
                out.append("\n")
            else:
                if out and out[-1] != "\n":
                    out.append(" ")
                out.append(w)
        return "".join(out)

    def _encode_prompt(self, prompt: str):
        ids, tokens, unknown = [], [], []
        for w in prompt.replace("\n", f" {EOS} ").split():
            if w not in self.vocab and w.lower() in self.vocab:
                w = w.lower()  # PTB is lower-case: "The" is the word "the"
            if w not in self.vocab:
                unknown.append(w)
                w = self.vocab.unk
                if w is None:
                    continue
            ids.append(self.vocab.index[w])
            tokens.append(w)
        return ids, tokens, unknown

    def start_ids(self) -> list[int]:
        return [self.vocab.index[EOS]] if EOS in self.vocab else []
