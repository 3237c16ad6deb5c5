"""Optimizers: book formulas, in-place float32 updates without temporaries, bit-exact resume through .npz."""

import io
import tracemalloc

import numpy as np
import pytest

from rnn_lab.engine.optim import OPTIMIZERS, SGD, Adam, Momentum, make_optimizer

LRS = {"sgd": 0.1, "momentum": 0.05, "adagrad": 0.5, "rmsprop": 0.05, "adam": 0.05}


def quadratic(params, scales, centers):
    """f = 1/2 sum a (p - c)^2 and its gradient, for each param."""
    f = sum(0.5 * float(np.sum(a * (p - c) ** 2)) for p, a, c in zip(params, scales, centers))
    return f, [(a * (p - c)).astype(p.dtype) for p, a, c in zip(params, scales, centers)]


def book_reference(name, lr, params, grads_seq):
    """The book's common/optimizer.py, written out naively in float64."""
    params = [p.astype(np.float64) for p in params]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    for it, grads in enumerate(grads_seq, start=1):
        for i, g in enumerate(grads):
            if name == "sgd":
                params[i] -= lr * g
            elif name == "momentum":
                v[i] = 0.9 * v[i] - lr * g
                params[i] += v[i]
            elif name == "adagrad":
                v[i] += g * g
                params[i] -= lr * g / (np.sqrt(v[i]) + 1e-7)
            elif name == "rmsprop":
                v[i] *= 0.99
                v[i] += (1 - 0.99) * g * g
                params[i] -= lr * g / (np.sqrt(v[i]) + 1e-7)
            elif name == "adam":
                lr_t = lr * np.sqrt(1.0 - 0.999**it) / (1.0 - 0.9**it)
                m[i] += (1 - 0.9) * (g - m[i])
                v[i] += (1 - 0.999) * (g**2 - v[i])
                params[i] -= lr_t * m[i] / (np.sqrt(v[i]) + 1e-7)
    return params


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_matches_book_formula(rng, name):
    params = [rng.standard_normal((3, 4)), rng.standard_normal(4)]
    grads_seq = [[rng.standard_normal(p.shape) for p in params] for _ in range(5)]
    expected = book_reference(name, 0.01, params, grads_seq)
    opt = make_optimizer(name, 0.01)
    for grads in grads_seq:
        opt.update(params, grads)
    assert opt.iter == 5
    for p, e in zip(params, expected):
        np.testing.assert_allclose(p, e, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_reduces_a_quadratic_in_place_in_float32(rng, name):
    scales = [rng.uniform(0.5, 2.0, (5, 3)), rng.uniform(0.5, 2.0, 3)]
    centers = [rng.standard_normal((5, 3)), rng.standard_normal(3)]
    params = [np.zeros((5, 3), np.float32), np.zeros(3, np.float32)]
    ids = [id(p) for p in params]
    opt = make_optimizer(name, LRS[name])
    f0, _ = quadratic(params, scales, centers)
    for _ in range(300):
        _, grads = quadratic(params, scales, centers)
        opt.update(params, grads)
    f1, _ = quadratic(params, scales, centers)
    assert f1 < 0.01 * f0
    assert [id(p) for p in params] == ids
    assert all(p.dtype == np.float32 for p in params)
    assert all(a.dtype == np.float32 for arrays in opt.state.values() for a in arrays)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_update_allocates_no_temporaries(rng, name):
    params = [rng.standard_normal(500_000).astype(np.float32)]  # 2 MB
    grads = [rng.standard_normal(500_000).astype(np.float32)]
    opt = make_optimizer(name, 0.01)
    opt.update(params, grads)  # first step creates state and scratch
    tracemalloc.start()
    try:
        opt.update(params, grads)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000, f"{name} allocated {peak} bytes during a step"


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_state_dict_round_trip_through_npz_is_bit_exact(rng, name):
    shapes = [(4, 3), (3,)]
    params_a = [rng.standard_normal(s).astype(np.float32) for s in shapes]
    grads_seq = [[rng.standard_normal(s).astype(np.float32) for s in shapes] for _ in range(6)]
    opt_a = make_optimizer(name, 0.02)
    for grads in grads_seq[:3]:
        opt_a.update(params_a, grads)
    opt_a.lr = 0.007  # a slider moved mid-run: resume must keep it
    buf = io.BytesIO()
    np.savez(buf, **opt_a.state_dict())
    buf.seek(0)
    with np.load(buf, allow_pickle=False) as f:
        saved = dict(f)
    params_b = [p.copy() for p in params_a]
    opt_b = make_optimizer(name, 1.0)
    opt_b.load_state_dict(saved)
    assert opt_b.lr == 0.007 and opt_b.iter == 3
    for grads in grads_seq[3:]:
        opt_a.update(params_a, grads)
        opt_b.update(params_b, grads)
    for a, b in zip(params_a, params_b):
        np.testing.assert_array_equal(a, b)


def test_state_dict_is_a_copy_and_arrays_only(rng):
    params, grads = [rng.standard_normal(3)], [rng.standard_normal(3)]
    opt = Adam()
    opt.update(params, grads)
    d = opt.state_dict()
    assert set(d) == {"lr", "beta1", "beta2", "iter", "m.0", "v.0"}
    assert all(isinstance(v, np.ndarray) for v in d.values())
    before = d["m.0"].copy()
    opt.update(params, grads)
    np.testing.assert_array_equal(d["m.0"], before)


def test_lr_is_live(rng):
    p = np.zeros(2)
    opt = SGD(lr=0.1)
    opt.update([p], [np.ones(2)])
    opt.lr = 1.0
    opt.update([p], [np.ones(2)])
    np.testing.assert_allclose(p, [-1.1, -1.1])


def test_bad_arguments_raise(rng):
    with pytest.raises(ValueError, match="unknown optimizer 'adamw'"):
        make_optimizer("adamw", 0.1)
    opt = make_optimizer("Momentum", 0.1, momentum=0.5)
    assert isinstance(opt, Momentum) and opt.momentum == 0.5
    with pytest.raises(ValueError, match=r"\(2, 3\)"):
        opt.update([np.zeros((2, 3))], [np.zeros((3, 2))])
    with pytest.raises(ValueError, match="params"):
        opt.update([np.zeros(2)], [])
    opt.update([np.zeros((2, 3))], [np.ones((2, 3))])
    with pytest.raises(ValueError, match="shapes"):
        opt.update([np.zeros((4,))], [np.ones((4,))])
    other = Momentum()
    with pytest.raises(ValueError, match="unknown keys"):
        other.load_state_dict({**opt.state_dict(), "h.0": np.zeros(3)})
    with pytest.raises(ValueError, match="missing"):
        other.load_state_dict({"lr": np.array(0.1)})
    with pytest.raises(ValueError, match="learning rate"):
        SGD(lr=-1.0)
