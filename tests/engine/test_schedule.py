"""Learning-rate schedules: the book's decay on a worse validation perplexity, step-driven decays, resume."""

import io
import math

import numpy as np
import pytest

from rnn_lab.engine.schedule import (
    SCHEDULES,
    BookDecay,
    Constant,
    CosineDecay,
    ExponentialDecay,
    StepDecay,
    make_schedule,
)


def test_book_decay_follows_train_better_rnnlm():
    sched = BookDecay()
    lr = 20.0
    lrs, improved = [], []
    for ppl in [300.0, 250.0, 260.0, 240.0, 240.0, 239.0]:
        lr = sched.step(ppl, lr)
        lrs.append(lr)
        improved.append(sched.improved)
    assert lrs == [20.0, 20.0, 5.0, 5.0, 1.25, 1.25]  # a tie counts as worse, as in the book
    assert improved == [True, True, False, True, False, True]
    assert sched.best == 239.0


def test_step_driven_schedules():
    assert Constant().lr_at(10**6, 0.3) == 0.3
    s = StepDecay(every=10, gamma=0.5)
    assert [s.lr_at(k, 1.0) for k in (0, 9, 10, 25)] == [1.0, 1.0, 0.5, 0.25]
    e = ExponentialDecay(gamma=0.9)
    assert e.lr_at(0, 2.0) == 2.0 and e.lr_at(3, 2.0) == pytest.approx(2.0 * 0.729)
    c = CosineDecay(total_steps=100, min_lr=0.1)
    assert c.lr_at(0, 1.0) == pytest.approx(1.0)
    assert c.lr_at(50, 1.0) == pytest.approx(0.55)
    assert c.lr_at(100, 1.0) == pytest.approx(0.1) and c.lr_at(500, 1.0) == pytest.approx(0.1)
    lrs = [c.lr_at(k, 1.0) for k in range(101)]
    assert all(a >= b for a, b in zip(lrs, lrs[1:]))


@pytest.mark.parametrize(
    "name, kw", [("book", {"factor": 2.0}), ("step", {"every": 5}), ("exponential", {}), ("cosine", {"total_steps": 9})]
)
def test_state_dict_round_trip_through_npz(name, kw):
    sched = make_schedule(name, **kw)
    if name == "book":
        sched.step(123.5, 1.0)
    buf = io.BytesIO()
    np.savez(buf, **sched.state_dict())
    buf.seek(0)
    with np.load(buf, allow_pickle=False) as f:
        restored = make_schedule(name, **kw)
        if name == "book":
            restored.factor = 99.0
        restored.load_state_dict(dict(f))
    as_floats = lambda d: {k: float(v) for k, v in d.items()}  # noqa: E731
    assert as_floats(restored.state_dict()) == as_floats(sched.state_dict())
    if name == "book":
        assert restored.best == 123.5 and restored.step(130.0, 1.0) == 0.5
    else:
        assert restored.lr_at(7, 0.1) == sched.lr_at(7, 0.1)


def test_fresh_book_decay_state_holds_infinity():
    d = BookDecay().state_dict()
    restored = BookDecay()
    restored.load_state_dict(d)
    assert math.isinf(restored.best)


def test_registry_and_bad_arguments():
    assert set(SCHEDULES) == {"constant", "book", "step", "exponential", "cosine"}
    assert isinstance(make_schedule("Cosine", total_steps=3), CosineDecay)
    assert BookDecay.driven_by == "validation" and StepDecay.driven_by == "step"
    with pytest.raises(ValueError, match="unknown schedule 'linear'"):
        make_schedule("linear")
    with pytest.raises(ValueError, match="keys"):
        StepDecay(3).load_state_dict({"gamma": np.array(0.5)})
    for bad in (lambda: StepDecay(0), lambda: CosineDecay(0), lambda: ExponentialDecay(1.5), lambda: BookDecay(0)):
        with pytest.raises(ValueError):
            bad()
