"""A diverging run pauses, keeps finite parameters and says what to try, whatever the optimizer."""

import numpy as np
import pytest

from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.engine.trainer import DIVERGED, Trainer


@pytest.mark.parametrize("optimizer,lr", [("adam", 100.0), ("sgd", 100.0), ("momentum", 100.0)])
def test_huge_lr_pauses_and_restores(optimizer, lr):
    cfg = default_config("adder", activation="relu", init="he", optimizer=optimizer, lr=lr, seed=1)
    events = []
    trainer = Trainer(make_task(cfg), callback=events.append)
    trainer.fit(max_steps=500)
    assert trainer.state == DIVERGED
    assert all(np.isfinite(p).all() for p in trainer.task.model.params)
    msgs = [e for e in events if e.get("kind") == "event" and e["level"] == "diverged"]
    assert len(msgs) == 1
    assert "lower the learning rate" in msgs[0]["message"]
    assert msgs[0]["restored_step"] <= trainer.step_count
    # the restored model still evaluates to finite numbers
    assert np.isfinite(trainer.task.evaluate("val")["loss"])
