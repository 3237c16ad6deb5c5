"""Seq2seq data: generated addition and date sets, the book's text format, vocabulary and split."""

import datetime

import numpy as np
import pytest

from rnn_lab.engine.data.seq2seq_data import build_vocab, encode, load, parse_lines, read_file, split
from rnn_lab.engine.data.seq2seq_generate import (
    ADDITION_WIDTHS,
    DATE_FORMATS,
    DATE_WIDTHS,
    generate_addition,
    generate_dates,
)
from rnn_lab.engine.errors import Seq2seqFormatError

# strptime patterns written independently of the generator's templates, one per spelling
STRPTIME = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y", "%a, %b %d, %Y", "%a %d %b %Y",
            "%d-%b-%Y", "%m/%d/%y", "%m/%d/%Y", "%d.%m.%Y", "%Y%m%d")


def _parse_date(text: str) -> set[datetime.date]:
    """Every date that some known pattern reads from ``text`` (two-digit years: 50-99 -> 19xx)."""
    found = set()
    for pattern in STRPTIME:
        try:
            d = datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        if "%y" in pattern:
            d = d.replace(year=1900 + d.year % 100 if d.year % 100 >= 50 else 2000 + d.year % 100)
        if "%A" in pattern or "%a" in pattern:  # strptime ignores a contradicting weekday: check it
            if d.strftime("%A" if "%A" in pattern else "%a").lower() != text.split(",")[0].split()[0].lower():
                continue
        found.add(d)
    return found


def test_addition_is_deterministic_per_seed_and_correct():
    q1, a1 = generate_addition(3000, np.random.default_rng(7))
    q2, a2 = generate_addition(3000, np.random.default_rng(7))
    q3, _ = generate_addition(3000, np.random.default_rng(8))
    assert (q1, a1) == (q2, a2)
    assert q1 != q3
    assert len(set(q1)) == 3000  # questions are unique, as in the book's file
    assert {len(q) for q in q1} == {ADDITION_WIDTHS[0]} and {len(a) for a in a1} == {ADDITION_WIDTHS[1]}
    for q, a in zip(q1, a1):
        x, y = q.split("+")
        assert a.startswith("_") and int(a[1:]) == int(x) + int(y)
        assert 0 <= int(x) < 1000 and 0 <= int(y) < 1000
    digits = {len(q.split("+")[0]) for q in q1}
    assert digits == {1, 2, 3}


def test_dates_are_deterministic_and_every_question_reads_as_its_answer():
    q1, a1 = generate_dates(800, np.random.default_rng(3))
    assert (q1, a1) == generate_dates(800, np.random.default_rng(3))
    assert q1 != generate_dates(800, np.random.default_rng(4))[0]
    assert {len(q) for q in q1} == {DATE_WIDTHS[0]} and {len(a) for a in a1} == {DATE_WIDTHS[1]}
    for q, a in zip(q1, a1):
        answer = datetime.date.fromisoformat(a[1:])
        assert answer in _parse_date(q.rstrip()), (q, a)
    letters = [q for q in q1 if any(c.isalpha() for c in q)]
    assert any(q.isupper() for q in letters) and any(q.rstrip().islower() for q in letters)
    assert any(q[0].isupper() and not q.isupper() for q in letters)


def test_dates_use_every_spelling():
    questions, _ = generate_dates(300, np.random.default_rng(0))
    used = set()
    for q in questions:
        for k, pattern in enumerate(STRPTIME):
            try:
                datetime.datetime.strptime(q.rstrip(), pattern)
                used.add(k)
            except ValueError:
                pass
    assert len(DATE_FORMATS) == len(STRPTIME) == 12
    assert used == set(range(12))


def test_parse_lines_reads_the_book_format():
    text = "16+75  _91  \r\n52+607 _659 \n\n\n"
    questions, answers = parse_lines(text)
    assert questions == ["16+75  ", "52+607 "]
    assert answers == ["_91  ", "_659 "]


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("1+1 _2 \n2+2 4 \n", 2, "no '_'"),
        ("1+1 _2 \n_4 \n", 2, "empty question"),
        ("1+1 _2 \n2+2 _2 \n3+3_\n", 3, "empty answer"),
        ("1+1 _2 \n2+2 _4 \n\n3+3 _6 \n", 3, "is empty"),  # a blank line inside the data
        ("1+1 _2 \n22+2 _24\n", 2, "line 1 has 4 and 3"),
        ("", None, "no examples"),
    ],
)
def test_malformed_lines_name_the_first_bad_line(text, line, words):
    with pytest.raises(Seq2seqFormatError) as info:
        parse_lines(text, "f.txt")
    message = str(info.value)
    assert message.startswith("f.txt")
    if line is not None:
        assert f"line {line} " in message
    assert words in message


def test_read_file_errors(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"1+1 _2 \n2+2 _\xff \n")
    with pytest.raises(Seq2seqFormatError, match="line 2 is not valid UTF-8"):
        read_file(tmp_path / "bad.txt")
    with pytest.raises(Seq2seqFormatError, match="is a folder"):
        read_file(tmp_path)
    with pytest.raises(Seq2seqFormatError, match="missing.txt does not exist"):
        read_file(tmp_path / "missing.txt")


def test_encode_and_vocab():
    vocab = build_vocab(["ab_"], ["ba "])
    assert vocab == [" ", "_", "a", "b"]
    ids = encode(["ab_", "ba "], vocab)
    assert ids.dtype == np.int32 and ids.tolist() == [[2, 3, 1], [3, 2, 0]]
    with pytest.raises(Seq2seqFormatError, match=r"line 2 has the character 'c'"):
        encode(["ab_", "bc "], vocab)
    with pytest.raises(Seq2seqFormatError, match=r"example 1 has the character 'é'"):
        encode(["é  "], vocab, "example")


def test_load_generated_sets_with_and_without_a_vocabulary():
    data = load("addition")
    assert data.questions.shape == (50_000, 7) and data.answers.shape == (50_000, 5)
    assert data.vocab == list(" +0123456789_")
    assert data.decode(data.answers[0])[0] == "_" and (data.answers[:, 0] == data.start_id).all()
    again = load("addition", vocab=data.vocab)
    assert np.array_equal(again.questions, data.questions)
    with pytest.raises(Seq2seqFormatError, match="not in the vocabulary"):
        load("addition", vocab=list("0123456789_+"))  # no space
    with pytest.raises(Seq2seqFormatError, match="start symbol"):
        load("addition", vocab=list(" 0123456789+"))


def test_split_is_fixed_disjoint_and_sized():
    train, val = split(1000, 0.1)
    assert len(train) == 900 and len(val) == 100
    assert np.array_equal(np.sort(np.concatenate([train, val])), np.arange(1000))
    again = split(1000, 0.1)
    assert np.array_equal(train, again[0]) and np.array_equal(val, again[1])
    assert len(split(1000, 0.0)[1]) == 0
    assert len(split(1, 0.5)[0]) == 1  # training keeps at least one example


def test_the_books_files(data_dir):
    for name, widths, first in (("addition.txt", (7, 5), ("16+75  ", "_91  ")),
                                ("date.txt", (29, 11), ("september 27, 1994".ljust(29), "_1994-09-27"))):
        questions, answers = read_file(data_dir / "seq2seq" / name)
        assert len(questions) == 50_000
        assert (questions[0], answers[0]) == first
        assert {len(q) for q in questions} == {widths[0]} and {len(a) for a in answers} == {widths[1]}
    data = load(str(data_dir / "seq2seq" / "date.txt"))
    for ids_q, ids_a in zip(data.questions[:500], data.answers[:500]):
        answer = datetime.date.fromisoformat(data.decode(ids_a)[1:])
        assert answer in _parse_date(data.decode(ids_q).rstrip())
