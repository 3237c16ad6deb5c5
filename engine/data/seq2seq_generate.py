"""The two seq2seq data sets of the book's chapters 7 and 8, generated here instead of downloaded.

Both return ``(questions, answers)``: lists of fixed-width strings in the book's text format, where
an answer starts with ``_`` (the decoder's start symbol) and is padded with spaces:

- addition: ``"16+75  "`` -> ``"_91  "``. Operands have 1, 2 or 3 digits (each length equally likely),
  questions are unique, as in the book's ``addition.txt`` (question width 7, answer width 5);
- dates: ``"TUESDAY, SEPTEMBER 27, 1994"``, ``"27 Sep 1994"``, ``"9/27/94"``, ... -> ``"_1994-09-27"``,
  a dozen spellings (in three letter cases where they have letters) of dates from 1950 to 2049
  (so that a two-digit year names exactly one year; question width 29, answer width 11).

Generation is deterministic for a given Generator and takes a fraction of a second for 50,000 lines.
"""

from __future__ import annotations

import datetime
import re

import numpy as np

ADDITION_WIDTHS = (7, 5)  # "999+999", "_1998"
DATE_WIDTHS = (29, 11)  # "WEDNESDAY, SEPTEMBER 27, 1994", "_1994-09-27"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# The spellings: {B} month name, {b} its 3 letters, {A}/{a} weekday, {d} day, {dd} two-digit day,
# {m}/{mm} month number, {Y} year, {y} two-digit year.
DATE_FORMATS = (
    "{B} {d}, {Y}",  # September 27, 1994
    "{b} {d}, {Y}",  # Sep 27, 1994
    "{d} {B} {Y}",  # 27 September 1994
    "{d} {b} {Y}",  # 27 Sep 1994
    "{A}, {B} {d}, {Y}",  # Tuesday, September 27, 1994
    "{a}, {b} {d}, {Y}",  # Tue, Sep 27, 1994
    "{a} {d} {b} {Y}",  # Tue 27 Sep 1994
    "{dd}-{b}-{Y}",  # 27-Sep-1994
    "{m}/{d}/{y}",  # 9/27/94
    "{mm}/{dd}/{Y}",  # 09/27/1994
    "{dd}.{mm}.{Y}",  # 27.09.1994
    "{Y}{mm}{dd}",  # 19940927
)
FIRST_DAY = datetime.date(1950, 1, 1)
LAST_DAY = datetime.date(2049, 12, 31)


def generate_addition(n: int, rng: np.random.Generator) -> tuple[list[str], list[str]]:
    """``n`` unique questions ``a+b`` (a, b < 1000) with their sums, in the book's padded format."""
    if not 1 <= n <= 500_000:
        raise ValueError(f"n must be between 1 and 500,000, got {n}")
    keys = np.empty(0, dtype=np.int64)
    while keys.size < n:
        a, b = _operand(rng, 2 * n), _operand(rng, 2 * n)
        merged = np.concatenate([keys, a * 1000 + b])
        _, first = np.unique(merged, return_index=True)
        keys = merged[np.sort(first)]  # unique, in order of first appearance
    keys = keys[:n]
    a, b = keys // 1000, keys % 1000
    wq, wa = ADDITION_WIDTHS
    questions = [f"{x}+{y}".ljust(wq) for x, y in zip(a.tolist(), b.tolist())]
    answers = [f"_{s}".ljust(wa) for s in (a + b).tolist()]
    return questions, answers


def _operand(rng: np.random.Generator, n: int) -> np.ndarray:
    """Numbers whose digit count (1, 2 or 3) is uniform, then the value uniform among those digits."""
    digits = rng.integers(1, 4, size=n)
    low = np.where(digits == 1, 0, 10 ** (digits - 1))
    return rng.integers(low, 10**digits)


def generate_dates(n: int, rng: np.random.Generator) -> tuple[list[str], list[str]]:
    """``n`` dates in random spellings and letter cases, each with its ISO form ``_YYYY-MM-DD``."""
    if not 1 <= n <= 500_000:
        raise ValueError(f"n must be between 1 and 500,000, got {n}")
    first = np.datetime64(FIRST_DAY.isoformat(), "D")
    span = (np.datetime64(LAST_DAY.isoformat(), "D") - first).astype(np.int64) + 1
    days = first + rng.integers(0, span, size=n)
    formats = rng.integers(0, len(DATE_FORMATS), size=n)
    cases = rng.integers(0, 3, size=n)  # as written, lower, upper
    fields = _date_fields(days)
    wq, wa = DATE_WIDTHS
    questions = np.empty(n, dtype=object)
    for f, spelling in enumerate(DATE_FORMATS):
        rows = np.flatnonzero(formats == f)
        template = re.sub(r"\{(\w+)\}", "%s", spelling)  # "%"-formatting: ten times faster than str.format
        columns = [fields[name][rows] for name in re.findall(r"\{(\w+)\}", spelling)]
        texts = [template % values for values in zip(*columns)]
        questions[rows] = [(t.lower() if c == 1 else t.upper() if c == 2 else t).ljust(wq)
                           for t, c in zip(texts, cases[rows].tolist())]
    answers = [f"_{iso}".ljust(wa) for iso in np.datetime_as_string(days).tolist()]
    return questions.tolist(), answers


def _date_fields(days: np.ndarray) -> dict[str, np.ndarray]:
    """The named parts of ``DATE_FORMATS`` for each day (datetime64[D]), as object arrays of str."""
    year = days.astype("datetime64[Y]").astype(np.int64) + 1970
    month = days.astype("datetime64[M]").astype(np.int64) % 12  # 0-based
    day = (days - days.astype("datetime64[M]")).astype(np.int64) + 1
    weekday = (days.astype(np.int64) + 3) % 7  # 0 = Monday; 1970-01-01 was a Thursday
    text = np.array([str(i) for i in range(100)], dtype=object)
    two = np.array([f"{i:02d}" for i in range(100)], dtype=object)
    months = np.array(MONTHS, dtype=object)
    weekdays = np.array(WEEKDAYS, dtype=object)
    return {"B": months[month], "b": np.array([m[:3] for m in MONTHS], dtype=object)[month],
            "A": weekdays[weekday], "a": np.array([w[:3] for w in WEEKDAYS], dtype=object)[weekday],
            "d": text[day], "dd": two[day], "m": text[month + 1], "mm": two[month + 1],
            "Y": year.astype(str).astype(object), "y": two[year % 100]}
