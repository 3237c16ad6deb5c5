"""The Japanese built-in text of the character task: shipped whole, a vocabulary of kana and kanji, it
trains (the validation loss falls) and samples Japanese, with the corpus's own defaults."""

from __future__ import annotations

import numpy as np
import pytest

from rnn_lab.engine.data.builtin import builtin_texts
from rnn_lab.engine.tasks.char import VISIBLE
from rnn_lab.engine.tasks.registry import corpus_defaults, default_config, make_task
from rnn_lab.engine.trainer import Trainer

HIRAGANA = ("\u3041", "\u309f")
KATAKANA = ("\u30a0", "\u30ff")
KANJI = ("\u4e00", "\u9fff")


def count(text: str, block: tuple[str, str]) -> int:
    return sum(block[0] <= ch <= block[1] for ch in text)


def test_the_japanese_texts_are_shipped_whole():
    named = builtin_texts("ja")
    assert len(named) == 8 and [n for n, _ in named] == sorted(n for n, _ in named)
    text = "".join(t for _, t in named)
    assert len(text) >= 70_000 and len(set(text)) >= 850
    assert count("".join(set(text)), KANJI) >= 700  # hundreds of kanji, besides kana and punctuation
    for name, t in named:
        title, blank = t.split("\n")[:2]
        assert title and not blank, name  # a title line, then a blank line
        assert count(t, HIRAGANA) > len(t) / 4, name  # Japanese prose, not a stray file
    assert builtin_texts() != named and builtin_texts("en")[0][0] == "00-the-river.txt"


def test_the_japanese_corpus_has_its_own_defaults_which_follow_it():
    assert default_config("char").dropout == 0.0 and default_config("char").corpus == "en"
    ja = default_config("char", corpus="ja")
    assert ja.corpus == "ja" and ja.dropout == 0.5 and ja.embed == 64  # measured: docs/results.md
    assert default_config("char", corpus="ja", dropout=0.2).dropout == 0.2  # asked for: kept
    assert default_config("char", corpus="ja", data="my.txt").dropout == 0.0  # a file of one's own
    assert corpus_defaults("char", "ja") == {"dropout": 0.5, "embed": 64}
    assert corpus_defaults("char", "en") == {"dropout": 0.0, "embed": 32}


def test_the_japanese_char_task_builds_on_kana_and_kanji():
    task = make_task(default_config("char", corpus="ja", hidden=16, embed=8))
    vocab = task.data_info()["vocab"]
    text = "".join(t for _, t in builtin_texts("ja"))
    assert sorted(vocab) == sorted(set(text)) and len(vocab) == len(set(text))
    assert str(task.data_source()) == "built-in (Japanese): 8 texts written for RNN Lab"
    assert f"{len(vocab)} characters in the vocabulary" in task.describe()
    assert VISIBLE["\u3000"] == "□"  # the ideographic space is seen on an axis
    trace = task.trace(0)
    assert len(trace["labels"]) == 40 and all(len(label) == 1 for label in trace["labels"])
    assert all(len(row) == 5 for row in trace["top5"])


@pytest.mark.slow
def test_the_japanese_char_task_trains_and_samples_japanese():
    """A small model on the Japanese texts: the validation loss falls well below where it starts (ln 861,
    about 6.8 nats per character), and a sample from a Japanese prompt is kana and kanji."""
    config = default_config("char", corpus="ja", hidden=64, embed=32, batch=16, bptt=32, lr=0.01, dropout=0.0,
                            eval_batches=8, seed=0)
    trainer = Trainer(make_task(config))
    start = trainer.task.evaluate("val", max_batches=8)["loss"]
    for _ in range(150):
        trainer.train_step()
    end = trainer.task.evaluate("val", max_batches=8)["loss"]
    assert start > 6.0 and end < start - 1.5, (start, end)
    out = trainer.task.sample("川の", 80, 0.8, 0, np.random.default_rng(0))
    assert out["prompt_tokens"] == ["川", "の"] and out["unknown"] == []
    generated = "".join(out["tokens"])
    assert count(generated, HIRAGANA) >= 10 and count(generated, KANJI) + count(generated, KATAKANA) >= 3, generated
    assert trainer.task.sample("川Zの", 5, 1.0, 0, np.random.default_rng(0))["unknown"] == ["Z"]
