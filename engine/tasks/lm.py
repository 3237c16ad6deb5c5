"""The word-level language model of the book's chapters 5 and 6 (Penn Treebank perplexity).

Data (``config.data``):
- a folder with ptb.train.txt, ptb.valid.txt and ptb.test.txt (the Penn Treebank as the book uses it);
- a single text file: test = its last ``val_fraction`` of words, val = as many before that, train = the rest;
- "" = sentences of a small built-in grammar (``data.builtin.grammar_corpus``, fixed splits).
Words are the book's (``data.corpus.words_of``: line ends become ``<eos>``). The vocabulary comes
from the training split only, in first-appearance order; words seen fewer than ``config.min_count``
times become ``<unk>``, and so do unseen words of val/test and of prompts. With a saved vocabulary
(``vocab=...``) every word outside it reads as ``<unk>``.

Models (``config.model``): "simple" (the book's SimpleRnnlm: RNN with ``config.activation``, tanh in
the book), "lstm" (Rnnlm), "gru", and "better" (BetterRnnlm: LSTM with the output weights tied to the
embedding; ``config.layers`` and ``config.dropout`` as configured, 2 and 0.5 in the "better" preset).
"""

from __future__ import annotations

from ..data.builtin import grammar_corpus
from ..data.corpus import read_word_corpus
from ..data.vocab import EOS, UNK, Vocab, word_vocab
from .base import TaskError
from .language import LanguageTask


class WordLMTask(LanguageTask):
    """Word LM; ``WordLMTask(config, vocab=None)``. Splits: train, val, test (val/test need val_fraction > 0
    for a single file)."""

    name = "lm"
    title = "Word LM"
    unit = "word"
    models = {"simple": {"cell": "rnn"}, "rnn": {"cell": "rnn"}, "lstm": {"cell": "lstm"}, "gru": {"cell": "gru"},
              "better": {"cell": "lstm", "tie": True}}

    def _load_data(self, vocab):
        cfg = self.config
        if cfg.data:
            words = read_word_corpus(cfg.data, cfg.val_fraction, getattr(cfg, "encoding", "utf-8"))
            source = cfg.data
        else:
            words = grammar_corpus()
            source = "built-in: generated sentences"
        if vocab is None:
            v = word_vocab(words["train"], cfg.min_count)
        else:
            v = Vocab(vocab, UNK if UNK in vocab else None)
            if v.unk is None:
                missing = next((w for ws in words.values() for w in ws if w not in v), None)
                if missing is not None:
                    raise TaskError(f"The word {missing!r} is not in the saved vocabulary, which has no {UNK}.")
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
