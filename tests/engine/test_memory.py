"""The memory estimate: plausible sizes for the book's models, and a clear refusal when too big."""

import pytest

from rnn_lab.engine.config import default_config
from rnn_lab.engine.memory import check_fits, estimate_bytes


def test_rnnlm_estimate_is_plausible():
    cfg = default_config("lm", preset="rnnlm")
    parts = estimate_bytes(cfg, 10_000)
    # embedding 1M + LSTM 80k + affine 1M floats = ~8.3 MB of float32 parameters
    assert 7.5e6 < parts["parameters"] < 9e6
    # logits: 3 * 20 * 35 * 10000 floats = 84 MB
    assert parts["logits"] == 3 * 20 * 35 * 10_000 * 4
    assert parts["total"] == sum(v for k, v in parts.items() if k != "total")


def test_tied_weights_halve_the_output_layer():
    cfg = default_config("lm", preset="better")
    untied = estimate_bytes(cfg.replace(tie_weights=False), 10_000)["parameters"]
    tied = estimate_bytes(cfg, 10_000)["parameters"]
    assert untied - tied == (650 * 10_000 + 10_000) * 4


def test_refuses_with_the_estimate_named():
    cfg = default_config("lm", hidden=2048, embed=2048, batch=1024, bptt=1000)
    with pytest.raises(ValueError, match=r"would need about [\d,.]+ (MB|GB) to train .* available"):
        check_fits(cfg, 10_000, available=8 * 2**30)


def test_small_model_fits():
    assert check_fits(default_config("adder"), 2, available=2**30) < 2**20
