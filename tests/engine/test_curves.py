"""Bounded training curves: memory, deterministic uniform decimation, state round trip."""

import numpy as np
import pytest

from rnn_lab.engine.curves import COLUMNS, Curves


def _feed(curves: Curves, start: int, stop: int) -> None:
    for s in range(start, stop):
        curves.append(s, 0.001 * s, 1.0 / s, 2.0 * s, 3.0 + s, 0.5)


def test_memory_bounded_over_a_million_appends():
    c = Curves(capacity=1000)
    buffer = None
    for s in range(1, 1_000_001):
        c.append(s, 0.0, 1.0, 2.0, 3.0, 4.0)
        if s == 1000:
            buffer = c.data  # grown to its capacity...
        if s % 1000 == 0:
            assert c.n <= 1000
    assert c.data is buffer and c.data.shape == (1000, len(COLUMNS))  # ... and never reallocated since
    assert 500 <= c.n <= 1000
    steps = c.column("step")
    assert steps[-1] > 1_000_000 - c.stride  # the curve reaches the end of the run
    assert steps[0] == c.stride  # ... and starts at its beginning


def test_kept_steps_are_uniform_multiples_of_the_stride():
    c = Curves(capacity=8)
    for s in range(1, 200):
        c.append(s, 0, 0, 0, 0, 0)
        steps = c.column("step").astype(int)
        assert np.all(steps % c.stride == 0), (s, c.stride, steps)
        assert np.all(np.diff(steps) == c.stride), (s, c.stride, steps)
        assert steps[-1] == s - s % c.stride


def test_rows_keep_their_values_through_decimation():
    c = Curves(capacity=16)
    _feed(c, 1, 1000)
    d = c.as_dict()
    s = d["step"]
    np.testing.assert_array_equal(d["loss"], 1.0 / s)
    np.testing.assert_array_equal(d["metric"], 2.0 * s)
    np.testing.assert_array_equal(d["grad_norm"], 3.0 + s)
    assert np.all(d["lr"] == 0.5)


def test_decimation_is_deterministic():
    a, b = Curves(capacity=64), Curves(capacity=64)
    _feed(a, 1, 5000)
    _feed(b, 1, 5000)
    np.testing.assert_array_equal(a.data[: a.n], b.data[: b.n])
    assert (a.n, a.stride) == (b.n, b.stride)


@pytest.mark.parametrize("split", [1, 63, 64, 65, 500, 777])
def test_state_round_trip_continues_exactly(split):
    whole = Curves(capacity=64)
    _feed(whole, 1, 2000)
    first = Curves(capacity=64)
    _feed(first, 1, split)
    resumed = Curves(capacity=4)  # load_state_dict takes the capacity from the state
    resumed.load_state_dict({k: v.copy() for k, v in first.state_dict().items()})
    _feed(resumed, split, 2000)
    assert (resumed.capacity, resumed.n, resumed.stride) == (whole.capacity, whole.n, whole.stride)
    np.testing.assert_array_equal(resumed.data[: resumed.n], whole.data[: whole.n])


def test_column_returns_a_copy():
    c = Curves(capacity=8)
    _feed(c, 1, 5)
    col = c.column("loss")
    col[:] = -1
    assert np.all(c.column("loss") > 0)


@pytest.mark.parametrize("capacity", [0, 2, 3, 7])
def test_bad_capacity_rejected(capacity):
    with pytest.raises(ValueError, match="capacity"):
        Curves(capacity)


@pytest.mark.parametrize("state", [
    {"rows": np.zeros((3, 5)), "meta": np.array([8, 1, 3])},
    {"rows": np.zeros((10, len(COLUMNS))), "meta": np.array([8, 1, 10])},
    {"rows": np.zeros((3, len(COLUMNS))), "meta": np.array([8, 1])},
    {"rows": np.zeros((3, len(COLUMNS))), "meta": np.array([5, 1, 3])},
])
def test_bad_state_rejected(state):
    with pytest.raises(ValueError):
        Curves(8).load_state_dict(state)


def test_runs_and_the_trainer_keep_the_same_rows():
    """One store for both: a Run fed the trainer's rows in chunks keeps exactly the trainer's rows."""
    from rnn_lab.engine.runs import Run

    c, run = Curves(capacity=16), Run("r", "#000000", {}, max_rows=16)
    rows = [(s, 0.01 * s, 1.0 / s, 2.0, 3.0, 0.5) for s in range(1, 300)]
    for row in rows:
        c.append(*row)
    for start in range(0, len(rows), 7):
        chunk = np.array(rows[start:start + 7])
        run.extend({name: chunk[:, j] for j, name in enumerate(COLUMNS)}, now=1000.0)
    for name in COLUMNS:
        np.testing.assert_array_equal(run.curves[name], c.column(name))


def test_back_date():
    from rnn_lab.engine.curves import back_date

    np.testing.assert_allclose(back_date(np.array([1.0, 1.5, 4.0]), 100.0), [97.0, 97.5, 100.0])
    np.testing.assert_array_equal(back_date(np.array([1.0, np.nan]), 100.0), [100.0, 100.0])
    assert back_date(np.array([]), 5.0).shape == (0,)

