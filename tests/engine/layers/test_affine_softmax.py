"""TimeAffineSoftmaxWithLoss: the same numbers as TimeAffine + TimeSoftmaxWithLoss, one buffer, in place."""

import tracemalloc

import numpy as np
import pytest

from rnn_lab.engine.layers import affine_softmax
from rnn_lab.engine.layers.affine import TimeAffine
from rnn_lab.engine.layers.affine_softmax import TimeAffineSoftmaxWithLoss
from rnn_lab.engine.layers.losses import TimeSoftmaxWithLoss
from tests.gradcheck import ScalarOutput, check_layer


def make(rng, H, V, dtype=np.float64, ignore_label=None, tied=False):
    if tied:  # the output W as a transposed view of an embedding matrix, as RnnLM ties it
        W = rng.standard_normal((V, H)).astype(dtype).T
    else:
        W = rng.standard_normal((H, V)).astype(dtype)
    affine = TimeAffine(W, rng.standard_normal(V).astype(dtype))
    return affine, TimeAffineSoftmaxWithLoss(affine, ignore_label=ignore_label)


@pytest.mark.parametrize("tied", [False, True])
@pytest.mark.parametrize("ignore", [None, -1])
def test_matches_affine_then_softmax_loss(rng, tied, ignore):
    affine, fused = make(rng, 4, 9, ignore_label=ignore, tied=tied)
    hs = rng.standard_normal((3, 5, 4))
    ts = rng.integers(0, 9, (3, 5))
    if ignore is not None:
        ts[0, 1] = ts[2, 4] = ignore
    loss_layer = TimeSoftmaxWithLoss(ignore_label=ignore)
    ref_loss = loss_layer.forward(affine.forward(hs), ts)
    ref_dhs = affine.backward(loss_layer.backward(2.5))
    ref_grads = [g.copy() for g in affine.grads]

    for g in affine.grads:
        g[...] = np.nan  # the fused layer must overwrite every entry
    loss = fused.forward(hs, ts)
    assert loss == pytest.approx(ref_loss, rel=1e-13)
    np.testing.assert_allclose(fused.probs, loss_layer.probs, rtol=1e-13)
    dhs = fused.backward(2.5)
    np.testing.assert_allclose(dhs, ref_dhs, rtol=1e-12, atol=1e-14)
    for g, ref in zip(affine.grads, ref_grads):
        np.testing.assert_allclose(g, ref, rtol=1e-12, atol=1e-14)
    assert fused.count == loss_layer.count


def test_gradient_check(rng):
    affine, fused = make(rng, 3, 6)
    check_layer(ScalarOutput(fused), [rng.standard_normal((2, 4, 3)), rng.integers(0, 6, (2, 4))], rng,
                check_inputs=(0,), tol=1e-6)


def test_gradient_check_with_ignored_positions_and_row_blocks(rng, monkeypatch):
    monkeypatch.setattr(affine_softmax, "L2_BLOCK_ELEMENTS", 14)  # blocks of 2 rows of V=7: several blocks
    affine, fused = make(rng, 3, 7, ignore_label=-1)
    ts = rng.integers(0, 7, (3, 3))
    ts[1, 1] = -1
    check_layer(ScalarOutput(fused), [rng.standard_normal((3, 3, 3)), ts], rng, check_inputs=(0,), tol=1e-6)


def test_float32_probs_contract_and_no_logit_sized_temporaries(rng):
    V, N, T, H = 2000, 4, 25, 8
    affine, fused = make(rng, H, V, dtype=np.float32)
    hs = rng.standard_normal((N, T, H)).astype(np.float32)
    ts = rng.integers(0, V, (N, T))
    loss = fused.forward(hs, ts)
    assert fused.probs.dtype == np.float32 and fused.probs.shape == (N, T, V)
    np.testing.assert_allclose(fused.probs.sum(axis=-1), 1, rtol=1e-5)
    dhs = fused.backward()
    assert dhs.dtype == np.float32 and all(g.dtype == np.float32 for g in affine.grads)
    assert fused.probs is None  # the buffer now holds the gradient
    with pytest.raises(RuntimeError, match="twice"):
        fused.backward()

    logits_bytes = N * T * V * 4
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        again = fused.forward(hs, ts)
        fused.backward()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert again == loss
    assert peak < logits_bytes / 4, f"a step allocated {peak} bytes; the logits are {logits_bytes}"


def test_buffer_keeps_its_largest_size_across_batch_shapes(rng):
    affine, fused = make(rng, 3, 5)
    fused.forward(rng.standard_normal((4, 6, 3)), rng.integers(0, 5, (4, 6)))
    storage = fused._flat
    small = rng.standard_normal((1, 2, 3))
    loss = fused.forward(small, np.array([[1, 4]]))
    assert fused._flat is storage and fused.probs.shape == (1, 2, 5)
    ref = TimeSoftmaxWithLoss(ignore_label=None).forward(affine.forward(small), np.array([[1, 4]]))
    assert loss == pytest.approx(ref, rel=1e-13)


def test_huge_logits_do_not_overflow():
    W = np.array([[1e4, -1e3, 0.0]], np.float32)
    affine = TimeAffine(W, np.zeros(3, np.float32))
    fused = TimeAffineSoftmaxWithLoss(affine)
    hs = np.array([[[1.0], [3e34]]], np.float32)  # logits [3e38, -3e37, 0]: spread below float32 max
    loss = fused.forward(hs, np.array([[1, 2]]))  # warnings are errors in this suite
    assert loss == pytest.approx((1.1e4 + 3e38) / 2, rel=1e-6)
    assert np.isfinite(fused.backward()).all() and all(np.isfinite(g).all() for g in affine.grads)


def test_all_ignored_gives_zero_loss_and_gradient(rng):
    affine, fused = make(rng, 3, 4, ignore_label=-1)
    assert fused.forward(rng.standard_normal((2, 3, 3)), np.full((2, 3), -1)) == 0.0
    dhs = fused.backward()
    assert not dhs.any() and not any(g.any() for g in affine.grads)


def test_bad_arguments(rng):
    affine, fused = make(rng, 3, 4)
    hs = rng.standard_normal((2, 5, 3))
    with pytest.raises(RuntimeError, match="before forward"):
        fused.backward()
    with pytest.raises(ValueError, match=r"\(N, T, 3\)"):
        fused.forward(rng.standard_normal((2, 5, 4)), np.zeros((2, 5), int))
    with pytest.raises(ValueError, match="dtype"):
        fused.forward(hs.astype(np.float32), np.zeros((2, 5), int))
    with pytest.raises(ValueError, match=r"\(2, 5\)"):
        fused.forward(hs, np.zeros((5, 2), int))
    with pytest.raises(ValueError, match="integer"):
        fused.forward(hs, np.zeros((2, 5)))
    with pytest.raises(ValueError, match=r"\[0, 4\)"):
        fused.forward(hs, np.full((2, 5), 4))
    with pytest.raises(ValueError, match=r"\[0, 4\)"):
        fused.forward(hs, np.full((2, 5), -1))  # no ignore_label: -1 is out of range


@pytest.mark.parametrize("workers", [2, 3, 5])
@pytest.mark.parametrize("ignore", [None, -1])
def test_threaded_row_blocks_give_the_plain_result_bit_for_bit(rng, monkeypatch, workers, ignore):
    # Small blocks and no size threshold, so that a small case runs on several threads.
    monkeypatch.setattr(affine_softmax, "L2_BLOCK_ELEMENTS", 3 * 40)
    monkeypatch.setattr(affine_softmax, "MIN_THREADED_ELEMENTS", 0)
    results = []
    for k in (1, workers):
        layer_rng = np.random.default_rng(7)
        affine, fused = make(layer_rng, 6, 40, dtype=np.float32, ignore_label=ignore)
        fused.workers = k
        hs = layer_rng.standard_normal((5, 11, 6)).astype(np.float32)
        ts = layer_rng.integers(0, 40, (5, 11))
        if ignore is not None:
            ts[1, 2] = ts[4, 10] = ignore
        loss = fused.forward(hs, ts)
        assert fused._threads_for(len(range(0, 55, 3)), 55 * 40) == k  # really on k threads
        dhs = fused.backward(0.7)
        results.append((loss, dhs, [g.copy() for g in affine.grads]))
        fused.forward(hs, ts)
        results[-1] += (fused.probs.copy(),)
    (l1, d1, g1, p1), (lk, dk, gk, pk) = results
    assert l1 == lk
    np.testing.assert_array_equal(d1, dk)
    np.testing.assert_array_equal(p1, pk)
    for a, b in zip(g1, gk):
        np.testing.assert_array_equal(a, b)


def test_threads_follow_the_blas_pool_and_skip_small_work(rng):
    affine, fused = make(rng, 4, 9)
    from rnn_lab.engine import threads

    assert fused._threads_for(100, affine_softmax.MIN_THREADED_ELEMENTS - 1) == 1  # too little work
    assert fused._threads_for(100, affine_softmax.MIN_THREADED_ELEMENTS) == threads.blas_threads()
    fused.workers = 8
    assert fused._threads_for(3, 10**9) == 3  # never more threads than blocks
