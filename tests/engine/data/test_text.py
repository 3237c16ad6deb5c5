"""Reading users' text files: every bad input gives ONE clear TaskError sentence, never a traceback."""

import re

import numpy as np
import pytest

from rnn_lab.engine.data.text import MAX_BYTES, read_text
from rnn_lab.engine.errors import TaskError
from rnn_lab.engine.tasks.registry import default_config, make_task

GOOD = "the cat sat on the mat\nthe dog ran in the fog\n" * 40


def _write(tmp_path, name, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def _missing(tmp_path):
    return tmp_path / "nope.txt"


def _folder(tmp_path):
    d = tmp_path / "folder"
    d.mkdir()
    return d


def _empty(tmp_path):
    return _write(tmp_path, "empty.txt", b"")


def _blank(tmp_path):
    return _write(tmp_path, "blank.txt", b"  \n\n \t\n")


def _nul(tmp_path):
    return _write(tmp_path, "nul.bin", b"abc\x00def" * 10)


def _controls(tmp_path):
    return _write(tmp_path, "ctl.bin", bytes(range(1, 9)) * 50 + b"some text")


def _utf16(tmp_path):
    return _write(tmp_path, "u16.txt", "hello world\n".encode("utf-16"))


def _latin1(tmp_path):
    return _write(tmp_path, "latin.txt", "café au lait, crème brûlée\n".encode("latin-1") * 20)


def _huge(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:  # sparse: no disk space used
        f.truncate(MAX_BYTES + 5_000_000)
    return p


READ_CASES = [
    ("missing", _missing, r"does not exist"),
    ("folder", _folder, r"is a folder"),
    ("empty", _empty, r"is empty"),
    ("whitespace only", _blank, r"only whitespace"),
    ("NUL bytes", _nul, r"binary file \(it contains NUL bytes\)"),
    ("control characters", _controls, r"binary file \(\d+% control characters\)"),
    ("UTF-16", _utf16, r"UTF-16 text; save it as UTF-8"),
    ("not UTF-8", _latin1, r"not valid UTF-8 text \(byte 0xe9 at offset 3\).*encoding 'latin-1'"),
    ("too large", _huge, r"is 305\.0 MB; text files larger than 300\.0 MB are refused"),
]


def _one_sentence(msg: str) -> None:
    assert "\n" not in msg and msg.endswith(".") and msg[0].isupper(), msg
    assert "Traceback" not in msg


@pytest.mark.parametrize("case, make, pattern", READ_CASES, ids=[c[0] for c in READ_CASES])
def test_read_text_refuses_bad_files_with_one_sentence(tmp_path, case, make, pattern):
    path = make(tmp_path)
    with pytest.raises(TaskError, match=pattern) as info:
        read_text(path)
    _one_sentence(str(info.value))
    if case not in ("missing",):
        assert str(path) in str(info.value) or path.name in str(info.value)


@pytest.mark.parametrize("case, make, pattern", READ_CASES, ids=[c[0] for c in READ_CASES])
@pytest.mark.parametrize("task", ["char", "lm"])
def test_tasks_report_the_same_errors(tmp_path, task, case, make, pattern):
    if task == "lm" and case == "folder":
        pattern = r"has no ptb\.train\.txt \(the train split of the Penn Treebank\)"
    cfg = default_config(task, data=str(make(tmp_path)), batch=2, bptt=5, hidden=8, embed=8)
    with pytest.raises(TaskError, match=pattern) as info:
        make_task(cfg)
    _one_sentence(str(info.value))


def test_ptb_folder_names_the_missing_split(tmp_path):
    (tmp_path / "ptb.train.txt").write_text(GOOD)
    (tmp_path / "ptb.test.txt").write_text(GOOD)
    cfg = default_config("lm", data=str(tmp_path), batch=2, bptt=5)
    with pytest.raises(TaskError, match=r"has no ptb\.valid\.txt \(the val split"):
        make_task(cfg)


SHORT = [
    ("char", dict(batch=32, bptt=64), "abc\ndef\n" * 10, "training uses batch 4 × BPTT 17 instead of 32 × 64"),
    ("lm", dict(batch=20, bptt=35), "a b c\n" * 20, "training uses batch 4 × BPTT 15 instead of 20 × 35"),
]


@pytest.mark.parametrize("task, sizes, text, words", SHORT, ids=["char", "lm"])
def test_a_short_text_trains_with_a_batch_and_bptt_it_can_fill(tmp_path, task, sizes, text, words):
    """The three lines a learner writes first train with the defaults, and one sentence says how."""
    p = tmp_path / "small.txt"
    p.write_text(text)
    t = make_task(default_config(task, data=str(p), val_fraction=0.1, hidden=8, embed=8, **sizes))
    assert words in t.note
    _one_sentence(t.note)
    assert t.batch * t.bptt + 1 <= t.ids["train"].size
    for _ in range(3):
        assert np.isfinite(t.train_step().loss)
    assert np.isfinite(t.evaluate("val")["loss"])


def test_too_short_to_learn_anything_is_refused(tmp_path):
    p = tmp_path / "tiny.txt"
    p.write_text("ab")
    with pytest.raises(TaskError, match="too few") as info:
        make_task(default_config("char", data=str(p), val_fraction=0.5, hidden=8, embed=8))
    _one_sentence(str(info.value))


def test_latin1_reading_is_offered_and_works(tmp_path):
    path = _latin1(tmp_path)
    text = read_text(path, encoding="latin-1")
    assert text.startswith("café au lait, crème brûlée\n")
    with pytest.raises(TaskError, match=r"Unknown text encoding 'cp1252'"):
        read_text(path, encoding="cp1252")


def test_line_ends_and_byte_order_mark_are_normalised(tmp_path):
    p = _write(tmp_path, "win.txt", "\ufeffone\r\ntwo\rthree\n".encode("utf-8"))
    assert read_text(p) == "one\ntwo\nthree\n"


def test_good_text_round_trips(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text(GOOD + "ünïcödé ✓\n", encoding="utf-8")
    assert read_text(p) == GOOD + "ünïcödé ✓\n"
    assert re.search("fog", read_text(p, encoding="latin-1"))  # Latin-1 never fails (mojibake allowed)
