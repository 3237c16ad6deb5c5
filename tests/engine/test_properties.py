"""Property-based tests (hypothesis): whatever bytes a user's file holds, the readers answer with data
or with the project's own error (TaskError, Seq2seqFormatError, CheckpointError), never with
another exception that would become a traceback.

Covered: the text reader, the book's word tokenisation and both vocabularies (round trips), the
word-corpus and PTB-folder readers, the seq2seq parser and reader, the char/lm/seq2seq tasks built on
such a file, prompts given to the language models, and the checkpoint loader fed arbitrary bytes,
damaged real checkpoints and arbitrary JSON metadata.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rnn_lab.engine.checkpoint import META_KEY, load_checkpoint, read_checkpoint_arrays, save_checkpoint
from rnn_lab.engine.data.corpus import PTB_FILES, read_ptb_folder, read_word_corpus, words_of
from rnn_lab.engine.data.seq2seq_data import load, parse_lines
from rnn_lab.engine.data.text import read_text
from rnn_lab.engine.data.vocab import EOS, UNK, char_vocab, encode_chars, word_vocab
from rnn_lab.engine.errors import CheckpointError, Seq2seqFormatError, TaskError
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import Trainer

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OUR_ERRORS = (TaskError, Seq2seqFormatError, CheckpointError)

# Bytes that look like text most of the time (so the parsers behind the reader get exercised),
# plus raw bytes, plus a few shapes that matter: BOMs, NULs, CR line ends, the seq2seq separator.
text_like = st.text(alphabet=st.characters(codec="utf-8"), max_size=300).map(lambda s: s.encode("utf-8"))
latin_like = st.text(alphabet=st.characters(max_codepoint=255), max_size=300).map(lambda s: s.encode("latin-1"))
pieces = st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\r\n", b"\r", b"\n", b"_", b" ", b"+", b"\xe9",
                          b"16+75  _91  \n", b"the cat sat\n"])
spliced = st.lists(st.one_of(pieces, st.binary(max_size=20)), max_size=30).map(b"".join)
any_bytes = st.one_of(st.binary(max_size=400), text_like, latin_like, spliced)


def write(folder: Path, name: str, data: bytes) -> Path:
    p = folder / name
    p.write_bytes(data)
    return p


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory(prefix="rnnlab-props-") as d:
        yield Path(d)


# ---------------------------------------------------------------------------------------------- text
@FAST
@given(data=any_bytes, encoding=st.sampled_from(["utf-8", "latin-1"]))
def test_read_text_returns_clean_text_or_a_task_error(folder, data, encoding):
    path = write(folder, "any.txt", data)
    try:
        text = read_text(path, encoding)
    except TaskError as exc:
        assert "\n" not in str(exc) and str(path) in str(exc)
        return
    assert isinstance(text, str) and text.strip()
    assert "\r" not in text and not text.startswith("\ufeff")


@FAST
@given(text=st.text(max_size=400), min_count=st.integers(1, 3))
def test_word_tokens_and_vocabulary_round_trip(text, min_count):
    words = words_of(text)
    assert all(w and not any(c.isspace() for c in w) for w in words if w != EOS)
    vocab = word_vocab(words, min_count)
    assert UNK in vocab and EOS in vocab and len(set(vocab.tokens)) == len(vocab)
    ids = vocab.encode(words)
    assert ids.dtype == np.int32 and ids.shape == (len(words),)
    assert ((0 <= ids) & (ids < len(vocab))).all()
    decoded = vocab.decode(ids)
    assert all(d == w or d == UNK for d, w in zip(decoded, words))
    if min_count == 1:
        assert decoded == words
    assert type(vocab).from_json(vocab.to_json()).tokens == vocab.tokens


@FAST
@given(text=st.text(min_size=1, max_size=400), other=st.text(max_size=50))
def test_char_vocabulary_round_trips_and_names_the_first_unknown_character(text, other):
    vocab = char_vocab(text)
    assert vocab.tokens == sorted(set(text))
    ids = encode_chars(text, vocab)
    assert "".join(vocab.decode(ids)) == text
    unknown = [i for i, c in enumerate(other) if c not in vocab]
    if unknown:
        with pytest.raises(KeyError) as info:
            encode_chars(other, vocab)
        assert info.value.args == (other[unknown[0]], unknown[0])
    else:
        assert "".join(vocab.decode(encode_chars(other, vocab))) == other


@FAST
@given(data=any_bytes, val_fraction=st.sampled_from([0.0, 0.1, 0.5]))
def test_word_corpus_reader(folder, data, val_fraction):
    path = write(folder, "corpus.txt", data)
    try:
        splits = read_word_corpus(path, val_fraction)
    except TaskError:
        return
    assert splits["train"] or val_fraction
    assert sum(len(ws) for ws in splits.values()) == len(words_of(read_text(path)))


@FAST
@given(train=any_bytes, valid=any_bytes, test=any_bytes, drop=st.sampled_from([None, *PTB_FILES.values()]))
def test_ptb_folder_reader(folder, train, valid, test, drop):
    ptb = folder / "ptb"
    ptb.mkdir(exist_ok=True)
    for name, data in zip(PTB_FILES.values(), (train, valid, test)):
        (ptb / name).unlink(missing_ok=True)
        if name != drop:
            write(ptb, name, data)
    try:
        splits = read_ptb_folder(ptb)
    except TaskError as exc:
        if drop is not None:
            assert drop in str(exc)
        return
    assert drop is None and set(splits) == {"train", "val", "test"}


# ---------------------------------------------------------------------------------------------- seq2seq
@FAST
@given(text=st.one_of(st.text(max_size=200), spliced.map(lambda b: b.decode("utf-8", "replace"))))
def test_seq2seq_parser(text):
    try:
        questions, answers = parse_lines(text, "data")
    except Seq2seqFormatError as exc:
        assert str(exc).startswith("data: ")
        return
    assert questions and len(questions) == len(answers)
    assert len({len(q) for q in questions}) == 1 and len({len(a) for a in answers}) == 1
    assert all(a.startswith("_") and len(a) > 1 and q for q, a in zip(questions, answers))


@FAST
@given(data=any_bytes)
def test_seq2seq_reader_and_encoder(folder, data):
    path = write(folder, "pairs.txt", data)
    try:
        d = load(str(path))
    except Seq2seqFormatError:
        return
    assert d.questions.dtype == np.int32 and d.questions.shape[0] == d.answers.shape[0] >= 1
    assert d.vocab[d.start_id] == "_"


# ---------------------------------------------------------------------------------------------- tasks
TINY = {"char": dict(hidden=4, embed=3, batch=1, bptt=2), "lm": dict(hidden=4, embed=3, batch=1, bptt=2),
        "seq2seq": dict(hidden=4, embed=3, batch=2)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=any_bytes, task=st.sampled_from(["char", "lm", "seq2seq"]), val_fraction=st.sampled_from([0.0, 0.2]))
def test_building_a_task_on_any_file_gives_a_task_or_a_task_error(folder, data, task, val_fraction):
    path = write(folder, "data.txt", data)
    try:
        t = make_task(default_config(task, data=str(path), val_fraction=val_fraction, **TINY[task]))
    except TaskError as exc:
        assert "\n" not in str(exc)
        return
    result = t.train_step()  # a task that builds also trains
    assert np.isfinite(result.loss)


@pytest.fixture(scope="module")
def language_tasks():
    return [make_task(default_config(name, hidden=4, embed=3)) for name in ("char", "lm")]


@FAST
@given(prompt=st.text(max_size=60), length=st.integers(-3, 5), top_k=st.integers(-1, 5))
def test_prompts_are_tokenised_or_refused(language_tasks, prompt, length, top_k):
    for task in language_tasks:
        try:
            out = task.sample(prompt, length, 1.0, top_k, np.random.default_rng(0))
        except TaskError:
            assert length < 0 or top_k < 0
            continue
        assert len(out["tokens"]) == length
        assert all(tok in task.vocab for tok in out["prompt_tokens"])


# ---------------------------------------------------------------------------------------------- checkpoints
@pytest.fixture(scope="module")
def checkpoints(folder):
    """Real checkpoints of a tiny adder and a tiny word LM (which stores a vocabulary)."""
    out = {}
    for name, cfg in (("adder", default_config("adder", hidden=3)), ("lm", default_config("lm", hidden=4, embed=3))):
        trainer = Trainer(make_task(cfg))
        trainer.fit(max_steps=2)
        out[name] = save_checkpoint(folder / f"{name}.npz", trainer)  # paths: hypothesis prints its arguments
    return out


def load_bytes(folder: Path, data: bytes):
    path = write(folder, "ckpt.npz", data)
    try:
        return load_checkpoint(path)
    except CheckpointError as exc:
        assert "\n" not in str(exc)
        return None


@FAST
@given(data=st.one_of(st.binary(max_size=600), st.binary(max_size=600).map(lambda b: b"PK\x03\x04" + b)))
def test_arbitrary_bytes_are_refused_as_checkpoints(folder, data):
    assert load_bytes(folder, data) is None


@FAST
@given(which=st.sampled_from(["adder", "lm"]), cut=st.floats(0, 1, exclude_max=True),
       start=st.floats(0, 1, exclude_max=True), junk=st.binary(min_size=1, max_size=64))
def test_damaged_checkpoints_load_exactly_or_are_refused(folder, checkpoints, which, cut, start, junk):
    good = checkpoints[which].read_bytes()
    truncated = good[: int(len(good) * cut)]
    assert load_bytes(folder, truncated) is None
    i = int(len(good) * start)
    damaged = good[:i] + junk + good[i + len(junk):]
    assume(damaged != good)
    load_bytes(folder, damaged)  # may survive (bytes the zip never reads); must never raise anything else


json_values = st.recursive(st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats(allow_nan=False)
                           | st.text(max_size=12),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=4),
                           max_leaves=12)
# Every place of the metadata a load reads: (field, key inside it or None for the whole field).
META_PLACES = [(f, None) for f in ("config", "data_info", "history", "best", "last", "step", "version", "extra")] + [
    ("data_info", "vocab"), ("data_info", "source"), ("config", "task"), ("config", "hidden"), ("config", "data"),
    ("config", "model"), ("config", "optimizer"), ("history", "val_points"), ("history", "changes"),
    ("last", "loss"), ("best", "step"), ("best", "metric")]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(which=st.sampled_from(["adder", "lm"]), place=st.sampled_from(META_PLACES), value=json_values,
       inner=st.booleans())
def test_arbitrary_metadata_is_refused_or_loads(folder, checkpoints, which, place, value, inner):
    arrays, meta = read_checkpoint_arrays(checkpoints[which])
    field, key = place
    if key is None:
        meta[field] = value
    elif inner and isinstance(meta[field], list) and meta[field]:
        meta[field][0] = value  # one entry of a list (a vocabulary token, a validation point)
    else:
        if not isinstance(meta.get(field), dict):
            meta[field] = {}
        meta[field][key] = value
    arrays[META_KEY] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8).copy()
    path = folder / "meta.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    try:
        trainer = load_checkpoint(path)
    except CheckpointError as exc:
        assert "\n" not in str(exc)
        return
    history = trainer.history()  # what the window draws from: well-formed
    assert all(isinstance(p, dict) for p in history["val_points"] + history["changes"])


def test_metadata_of_the_wrong_type_is_named(folder, checkpoints):
    """Examples hypothesis found before the loader checked the metadata's types (TypeError/AttributeError)."""
    cases = [("data_info", "vocab", 3, "vocabulary"), ("history", "changes", 3, "changes"),
             ("history", "val_points", {"a": 1}, "val_points"), ("last", None, [1], "'last'"),
             ("best", None, 3, "'best'")]
    for field, key, value, words in cases:
        arrays, meta = read_checkpoint_arrays(checkpoints["lm"])
        if key is None:
            meta[field] = value
        else:
            meta[field][key] = value
        arrays[META_KEY] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8).copy()
        path = folder / "typed.npz"
        with open(path, "wb") as f:
            np.savez(f, **arrays)
        with pytest.raises(CheckpointError, match="corrupt metadata") as info:
            load_checkpoint(path)
        assert words in str(info.value)
