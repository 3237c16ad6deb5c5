"""Tests for engine.analysis: gate saturation, units found by pattern, spectral radii."""

import math

import numpy as np
import pytest

from rnn_lab.engine.analysis import (
    find_units,
    gate_saturation,
    matching_spans,
    recurrent_weights,
    saturation_from_trace,
    spectral_radius,
)
from rnn_lab.engine.layers.cells import cell_class
from rnn_lab.engine.models.rnnlm import RnnLM


# ---------------------------------------------------------------------------- saturation
def test_gate_saturation_hand_computed():
    # 5 steps, 3 units. Unit 0: 2 of 5 below 0.1, 1 above 0.9. Unit 1: never saturated.
    # Unit 2: always above 0.9. Values exactly at 0.1 / 0.9 are NOT saturated (strict inequalities).
    g = np.array([[0.05, 0.5, 0.95],
                  [0.01, 0.4, 0.99],
                  [0.10, 0.6, 0.91],
                  [0.95, 0.9, 0.999],
                  [0.50, 0.1, 0.92]], dtype=np.float32)
    left, right = gate_saturation(g)
    np.testing.assert_allclose(left, [2 / 5, 0.0, 0.0])
    np.testing.assert_allclose(right, [1 / 5, 0.0, 1.0])
    assert left.shape == right.shape == (3,) and left.dtype == np.float64


def test_gate_saturation_batch_pools_all_steps_and_custom_thresholds():
    g = np.array([[[0.0, 1.0], [0.3, 0.7]],
                  [[0.2, 0.8], [0.25, 0.75]]])  # (N=2, T=2, H=2)
    left, right = gate_saturation(g, low=0.25, high=0.75)
    # unit 0 sees 0.0, 0.3, 0.2, 0.25: two below 0.25 (0.25 itself is not), none above 0.75
    # unit 1 sees 1.0, 0.7, 0.8, 0.75: none below, two above 0.75
    np.testing.assert_allclose(left, [2 / 4, 0.0])
    np.testing.assert_allclose(right, [0.0, 2 / 4])


def test_gate_saturation_ignores_nonfinite_and_rejects_bad_shapes():
    g = np.array([[0.05, np.nan], [0.95, np.nan], [np.nan, np.nan]])
    left, right = gate_saturation(g)
    np.testing.assert_allclose(left[0], 0.5)
    np.testing.assert_allclose(right[0], 0.5)
    assert math.isnan(left[1]) and math.isnan(right[1])
    for bad in (np.zeros(5), np.zeros((0, 3)), np.zeros((2, 3, 4, 5))):
        with pytest.raises(ValueError, match="shape"):
            gate_saturation(bad)
    with pytest.raises(ValueError, match="below"):
        gate_saturation(np.zeros((2, 2)), low=0.9, high=0.1)


def test_saturation_from_trace_lstm_gru_rnn():
    rng = np.random.default_rng(0)
    T, H = 7, 4
    lstm = {"name": "lstm0", "cell": "lstm", **{k: rng.random((T, H), dtype=np.float32) for k in "cfgio"},
            "h": rng.random((T, H)), "dh_norm": rng.random(T)}
    lstm["f"][:, 2] = 0.99  # a forget gate that always remembers
    gru = {"name": "gru1", "cell": "gru", "z": rng.random((T, 3)), "r": rng.random((T, 3)),
           "h_tilde": rng.random((T, 3)), "h": rng.random((T, 3))}
    rnn = {"name": "rnn2", "cell": "rnn", "h": rng.random((T, 5))}
    peep = {"name": "peephole3", "cell": "peephole", **{k: rng.random((T, 2)) for k in "hcfgio"}}
    out = saturation_from_trace({"layers": [lstm, gru, rnn, peep], "labels": ["x"] * T})
    assert set(out) == {"lstm0", "gru1", "peephole3"}
    assert set(out["peephole3"]) == {"f", "i", "o"}
    assert set(out["lstm0"]) == {"f", "i", "o"} and set(out["gru1"]) == {"z", "r"}
    left, right = out["lstm0"]["f"]
    assert right[2] == 1.0 and left[2] == 0.0
    for gate in "io":
        exp_left, exp_right = gate_saturation(lstm[gate])
        np.testing.assert_array_equal(out["lstm0"][gate][0], exp_left)
        np.testing.assert_array_equal(out["lstm0"][gate][1], exp_right)


def test_saturation_from_several_traces_pools_timesteps():
    a = {"layers": [{"name": "l", "cell": "lstm", "f": np.full((2, 1), 0.95), "i": np.zeros((2, 1)),
                     "o": np.zeros((2, 1))}]}
    b = {"layers": [{"name": "l", "cell": "lstm", "f": np.full((6, 1), 0.5), "i": np.zeros((6, 1)),
                     "o": np.zeros((6, 1))}]}
    out = saturation_from_trace([a, b])
    np.testing.assert_allclose(out["l"]["f"][1], [2 / 8])
    np.testing.assert_allclose(out["l"]["i"][0], [1.0])
    with pytest.raises(ValueError, match="layers"):
        saturation_from_trace({"labels": []})


# ---------------------------------------------------------------------------- units by pattern
def _planted(T=120, H=32, seed=1):
    """Noise in [-0.3, 0.3]; unit 11 is +0.9 exactly on steps 40..49, 80..89 and 100..104."""
    rng = np.random.default_rng(seed)
    v = rng.uniform(-0.3, 0.3, size=(T, H)).astype(np.float32)
    spans = [(40, 50), (80, 90), (100, 105)]
    for a, b in spans:
        v[a:b, 11] = 0.9
    return v, spans


def test_find_units_ranks_the_planted_unit_first():
    v, spans = _planted()
    found = find_units(v, spans[0], threshold=0.5)
    assert found, "the planted unit must be found"
    assert found[0][0] == 11
    # score = mean inside minus mean around; by default "around" = the span's length either side
    around = np.concatenate([v[30:40, 11], v[50:60, 11]])
    assert found[0][1] == pytest.approx(0.9 - around.mean(), rel=1e-6)
    # noise never exceeds 0.5, so only unit 11 qualifies
    assert [u for u, _ in found] == [11]
    # with margin >= T, "around" is the whole rest of the text, which holds the other occurrences:
    # unit 11 is then on in 15 of 110 outside steps (> max_off 0.1) unless more is tolerated
    assert find_units(v, spans[0], 0.5, margin=1000) == []
    wide = find_units(v, spans[0], 0.5, margin=1000, max_off=0.2)
    outside = np.concatenate([v[:40, 11], v[50:, 11]])
    assert wide[0][0] == 11 and wide[0][1] == pytest.approx(0.9 - outside.mean(), rel=1e-6)


def test_find_units_margin_and_tolerances():
    v, _ = _planted()
    v[30:40, 5] = 0.8  # unit 5 is on inside the span but also just before it
    v[40:50, 5] = 0.8
    assert 5 not in [u for u, _ in find_units(v, (40, 50), 0.5)]
    assert 5 not in [u for u, _ in find_units(v, (40, 50), 0.5, margin=12)]
    # with a margin of 3 steps that is still seen; allowing 60% "on" around it lets it through
    loose = find_units(v, (40, 50), 0.5, margin=3, max_off=0.6)
    assert [u for u, _ in loose][:2] == [11, 5]  # the clean unit scores higher
    # a unit on in 9 of 10 span steps passes the default min_on 0.9, not min_on 1
    v[40:49, 7] = 0.9
    assert 7 in [u for u, _ in find_units(v, (40, 50), 0.5)]
    assert 7 not in [u for u, _ in find_units(v, (40, 50), 0.5, min_on=1.0)]


def test_find_units_negative_polarity():
    v, _ = _planted()
    v[60:70, 3] = -0.95
    assert 3 not in [u for u, _ in find_units(v, (60, 70), 0.5)]
    neg = find_units(v, (60, 70), 0.5, polarity="negative")
    around = np.concatenate([v[50:60, 3], v[70:80, 3]])
    assert neg[0][0] == 3 and neg[0][1] == pytest.approx(0.95 + around.mean(), rel=1e-6)  # on -values


def test_find_units_rejects_bad_arguments():
    v, _ = _planted()
    for span in [(50, 40), (-1, 3), (0, 121)]:
        with pytest.raises(ValueError, match="span"):
            find_units(v, span, 0.5)
    with pytest.raises(ValueError, match="no steps around"):
        find_units(v, (0, 120), 0.5)
    with pytest.raises(ValueError, match="shape"):
        find_units(v[0], (0, 1), 0.5)
    with pytest.raises(ValueError, match="polarity"):
        find_units(v, (40, 50), 0.5, polarity="up")


def test_matching_spans_finds_the_other_planted_occurrences():
    v, spans = _planted()
    units = [u for u, _ in find_units(v, spans[0], 0.5)]
    assert matching_spans(v, units, 0.5) == spans
    assert matching_spans(v, units, 0.5, min_len=6) == spans[:2]
    # two units must fire together: unit 4 on only during the 2nd occurrence
    v[80:90, 4] = 0.7
    assert matching_spans(v, [11, 4], 0.5) == [(80, 90)]


def test_matching_spans_edges_and_errors():
    v = np.array([[0.9], [0.9], [0.0], [0.9]])
    assert matching_spans(v, [0], 0.5) == [(0, 2), (3, 4)]
    assert matching_spans(-v, [0], 0.5, polarity="negative") == [(0, 2), (3, 4)]
    with pytest.raises(ValueError, match="out of range"):
        matching_spans(v, [1], 0.5)
    with pytest.raises(ValueError, match="at least one unit"):
        matching_spans(v, [], 0.5)


# ---------------------------------------------------------------------------- spectral radius
def test_spectral_radius_of_known_matrices():
    # rotation by 90 degrees scaled by 0.5: eigenvalues +-0.5i, radius 0.5 (complex eigenvalues)
    R = np.array([[0.0, -0.5], [0.5, 0.0]])
    assert spectral_radius(R) == pytest.approx(0.5)
    # upper triangular: eigenvalues are the diagonal, radius 3 (norm would say more)
    U = np.array([[1.0, 10.0, 0.0], [0.0, -3.0, 5.0], [0.0, 0.0, 2.0]], dtype=np.float32)
    assert spectral_radius(U) == pytest.approx(3.0)
    assert isinstance(spectral_radius(U), float)


def test_spectral_radius_per_gate_blocks():
    H = 3
    blocks = [np.diag([k + 1.0, 0.1, -0.2]) for k in range(4)]
    lstm = spectral_radius(np.concatenate(blocks, axis=1), cell_class("lstm").blocks())
    assert lstm == pytest.approx({"f": 1.0, "g": 2.0, "i": 3.0, "o": 4.0})
    gru = spectral_radius(np.concatenate(blocks[:3], axis=1), cell_class("gru").blocks())
    assert gru == pytest.approx({"z": 1.0, "r": 2.0, "h_tilde": 3.0})
    bad = np.eye(H)
    bad[0, 0] = np.nan
    assert math.isnan(spectral_radius(bad))
    for shape in [(3, 6), (3, 15), (0, 0), (4,)]:
        with pytest.raises(ValueError, match="shape"):
            spectral_radius(np.zeros(shape))
    with pytest.raises(ValueError, match=r"\(H, 4H\) for the blocks f, g, i, o"):
        spectral_radius(np.zeros((3, 9)), cell_class("lstm").blocks())


@pytest.mark.parametrize("cell", ["rnn", "gru", "peephole"])
def test_recurrent_weights_of_a_model_by_its_cell(cell):
    model = RnnLM(7, 3, 4, rng=np.random.default_rng(0), cell=cell, layers=2)
    out = recurrent_weights(model)
    blocks = list(cell_class(cell).blocks())
    assert set(out) == {f"{cell}0", f"{cell}1"}
    for name, entry in out.items():
        Wh = model.named_params()[f"{name}.Wh"]
        np.testing.assert_array_equal(entry["Wh"], Wh.astype(np.float32))
        assert entry["blocks"] == blocks
        expected = spectral_radius(Wh, blocks)
        assert entry["radius"] == pytest.approx(expected)
    assert recurrent_weights(RnnLM(7, 3, 4, rng=np.random.default_rng(0), cell="lstm"))["lstm0"]["blocks"] == \
        ["f", "g", "i", "o"]
