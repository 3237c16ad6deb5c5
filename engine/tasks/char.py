"""The character-level language model (char-rnn): predict the next character of a text.

Data: ``config.data`` names a UTF-8 text file ("" = the project's own texts, ``assets/texts/en/``;
see ``data.builtin``). The vocabulary is the sorted set of the text's characters; the validation split
is the LAST ``config.val_fraction`` of the characters (as nanoGPT's prepare.py does for Tiny
Shakespeare), of each built-in text.
Ids are one int32 array; the training batches follow the book's BPTT scheme (``data.batcher``).

Model (``config.model``): "rnn" (``config.activation``), "lstm" or "gru", ``config.layers`` stacked,
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
from .base import TaskError
from .language import LanguageTask

VISIBLE = {"\n": "⏎", " ": "␣", "\t": "⇥"}  # characters that would be invisible as axis labels


class CharTask(LanguageTask):
    """Character LM; ``CharTask(config, vocab=None)``. Splits: train, val (when val_fraction > 0)."""

    name = "char"
    title = "Character LM"
    unit = "character"
    models = {"rnn": {"cell": "rnn"}, "simple": {"cell": "rnn"}, "lstm": {"cell": "lstm"}, "gru": {"cell": "gru"}}

    def _load_data(self, vocab):
        cfg = self.config
        if cfg.data:
            texts = [read_text(Path(cfg.data), getattr(cfg, "encoding", "utf-8"), what="text file")]
            source = str(cfg.data)
        else:
            named = builtin_texts()
            if not named:
                raise TaskError("The built-in texts are missing: reinstall RNN Lab (pip install --force-reinstall "
                                "rnn-lab) or open a text file.")
            texts = [t for _, t in named]
            source = f"built-in: {len(texts)} texts written for RNN Lab"
        train_text, val_text = split_texts(texts, cfg.val_fraction)
        text = train_text + val_text
        if vocab is None:
            v = char_vocab(text)
        else:
            bad = next((t for t in vocab if not isinstance(t, str) or len(t) != 1), None)
            if bad is not None:
                raise TaskError(f"The saved vocabulary is not a character vocabulary (it holds {bad!r}).")
            v = Vocab(vocab)
        try:
            ids = encode_chars(text, v)
        except KeyError as exc:
            char, offset = exc.args
            line = text.count("\n", 0, offset) + 1
            raise TaskError(f"The text contains {char!r} (line {line:,}), which is not among the model's "
                            f"{len(v)} characters.") from None
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
