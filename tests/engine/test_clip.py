"""Gradient clipping by global norm, as the book's clip_grads."""

import math

import numpy as np
import pytest

from rnn_lab.engine.clip import clip_grads, global_norm


def test_global_norm_is_the_norm_of_everything(rng):
    grads = [rng.standard_normal((3, 4)), rng.standard_normal(5).astype(np.float32)]
    expected = math.sqrt(sum(float(np.sum(g.astype(np.float64) ** 2)) for g in grads))
    assert global_norm(grads) == pytest.approx(expected, rel=1e-6)
    assert global_norm([np.zeros(3)]) == 0.0


def test_clipping_scales_all_grads_in_place(rng):
    grads = [rng.standard_normal((3, 4)) * 10, rng.standard_normal(5) * 10]
    originals = [g.copy() for g in grads]
    ids = [id(g) for g in grads]
    norm = clip_grads(grads, 1.0)
    assert norm == pytest.approx(global_norm(originals), rel=1e-12)  # the norm before clipping
    rate = 1.0 / (norm + 1e-6)
    for g, o in zip(grads, originals):
        np.testing.assert_allclose(g, o * rate, rtol=1e-12)
    assert [id(g) for g in grads] == ids
    assert global_norm(grads) == pytest.approx(1.0, rel=1e-5)


def test_no_clipping_below_max_or_when_disabled(rng):
    grads = [rng.standard_normal(4)]
    small = [g.copy() for g in grads]
    clip_grads(grads, 100.0)
    np.testing.assert_array_equal(grads[0], small[0])
    big = [rng.standard_normal(4) * 100]
    before = big[0].copy()
    for disabled in (None, 0, -1.0):
        assert clip_grads(big, disabled) == pytest.approx(global_norm([before]))
        np.testing.assert_array_equal(big[0], before)


def test_float32_keeps_dtype_and_tied_array_counts_once(rng):
    g = (rng.standard_normal(10) * 5).astype(np.float32)
    original = g.astype(np.float64)
    norm = clip_grads([g, g], 1.0)  # a tied weight listed twice: counted once, scaled once
    assert norm == pytest.approx(float(np.linalg.norm(original)), rel=1e-6)
    assert g.dtype == np.float32
    np.testing.assert_allclose(g, original / (norm + 1e-6), rtol=1e-6)


def test_huge_float32_grads_still_clip():
    g = np.full(4, 1e20, np.float32)  # squares overflow float32
    norm = clip_grads([g], 5.0)
    assert norm == pytest.approx(2e20, rel=1e-6)
    assert float(np.linalg.norm(g.astype(np.float64))) == pytest.approx(5.0, rel=1e-5)
