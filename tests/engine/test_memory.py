"""The memory estimate: plausible sizes for the book's models, and a clear refusal when too big."""

import pytest

from rnn_lab.engine.memory import check_fits, estimate_bytes
from rnn_lab.engine.tasks.registry import TASKS, default_config


def shape(cfg):
    """What the task of ``cfg`` says of its model's shape (cell, steps, layers, inputs...)."""
    cls = TASKS[cfg.task]
    return {"cell": cls.cell_of(cfg.model), **cls.memory_shape(cfg)}


def test_rnnlm_estimate_is_plausible():
    cfg = default_config("lm", preset="rnnlm")
    parts = estimate_bytes(cfg, 10_000, **shape(cfg))
    # embedding 1M + LSTM 80k + affine 1M floats = ~8.3 MB of float32 parameters
    assert 7.5e6 < parts["parameters"] < 9e6
    # logits: 3 * 20 * 35 * 10000 floats = 84 MB
    assert parts["logits"] == 3 * 20 * 35 * 10_000 * 4
    assert parts["total"] == sum(v for k, v in parts.items() if k != "total")


def test_tied_weights_halve_the_output_layer():
    cfg = default_config("lm", preset="better")
    untied = estimate_bytes(cfg.replace(tie_weights=False, model="lstm"), 10_000, **shape(cfg.replace(tie_weights=False, model="lstm")))["parameters"]
    tied = estimate_bytes(cfg, 10_000, **shape(cfg))["parameters"]
    assert untied - tied == (650 * 10_000 + 10_000) * 4


def test_refuses_with_the_estimate_named():
    cfg = default_config("lm", hidden=2048, embed=2048, batch=1024, bptt=1000)
    with pytest.raises(ValueError, match=r"would need about [\d,.]+ (MB|GB) to train .* available"):
        check_fits(cfg, 10_000, available=8 * 2**30, **shape(cfg))


def test_small_model_fits():
    cfg = default_config("adder")
    assert check_fits(cfg, 1, available=2**30, **shape(cfg)) < 2**20


def test_every_cell_is_estimated_by_its_blocks_and_parameters():
    """The cells' own declarations decide: an LSTM's 4 blocks, a GRU's 3, the peephole's extra vectors."""
    cfg = default_config("char", hidden=32, embed=8, layers=2)

    def params(model):
        c = cfg.replace(model=model)
        return estimate_bytes(c, 50, **shape(c))["parameters"] // 4

    rec = {m: params(m) - params("rnn") for m in ("lstm", "gru", "peephole")}
    per_block = 32 * (8 + 32 + 1) + 32 * (32 + 32 + 1)  # one block of Wx, Wh, b in both layers
    assert rec == {"lstm": 3 * per_block, "gru": 2 * per_block, "peephole": 3 * per_block + 2 * 3 * 32}
