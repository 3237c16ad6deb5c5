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


# ---------------------------------------------------------------------------------------------- a loss that runs away
def test_a_loss_far_above_the_uniform_baseline_for_a_stretch_is_divergence():
    """Before: ``--lr 100 --optimizer sgd --clip 0`` on char finished with perplexity 2.5e45 (loss ~100
    nats against ln V = 4) and exit code 0: only NaN/Inf counted as divergence."""
    cfg = default_config("char", lr=100.0, optimizer="sgd", clip=0.0, hidden=32, embed=16, batch=8, bptt=16,
                         eval_interval=0)
    events = []
    trainer = Trainer(make_task(cfg), callback=events.append)
    trainer.fit(max_steps=500)
    assert trainer.state == DIVERGED and trainer.step_count < 200
    msg = next(e for e in events if e.get("kind") == "event" and e["level"] == "diverged")
    assert "ln V" in msg["message"] and "lower the learning rate" in msg["message"]
    assert "turn on gradient clipping" in msg["message"]
    # the restored parameters are from before the loss ran away
    assert trainer.task.evaluate("val", 2)["loss"] < 3 * np.log(len(trainer.task.vocab))


def test_the_cli_says_so_and_exits_1():
    import io

    from rnn_lab.engine.cli import main

    out, err = io.StringIO(), io.StringIO()
    code = main(["train", "--task", "char", "--lr", "100", "--optimizer", "sgd", "--clip", "0", "--iters", "400",
                 "--hidden", "32", "--embed", "16", "--batch", "8", "--bptt", "16", "--quiet"], stdout=out, stderr=err)
    assert code == 1 and out.getvalue() == ""
    assert err.getvalue().startswith("rnn-lab: error: Training diverged at step") and "ln V" in err.getvalue()


def test_runaway_needs_a_whole_stretch_above_the_baseline():
    from rnn_lab.engine.divergence import RUNAWAY_STEPS, runaway

    base = np.log(65)
    high = np.full(RUNAWAY_STEPS - 1, 4 * base)
    assert runaway(high, 4 * base, base)
    assert not runaway(high[1:], 4 * base, base)  # too few steps yet
    assert not runaway(np.r_[high[:-1], 2 * base], 4 * base, base)  # one step back under the line
    assert not runaway(high, 2 * base, base)
    assert not runaway(high, 4 * base, None)  # a task without a vocabulary: nothing to compare with


@pytest.mark.parametrize("name", ["01-why-gradients-vanish", "02-the-adder-learns-to-carry"])
def test_the_lessons_stay_far_below_the_runaway_line(name):
    """The rule must never fire on a healthy run: the lessons' runs stay near or below ln V."""
    from rnn_lab.engine.divergence import uniform_loss
    from rnn_lab.engine.lessons import builtin_lessons, load_lesson

    path = next(p for p in builtin_lessons() if p.stem == name)
    trainer = Trainer(make_task(load_lesson(path).to_config().replace(eval_interval=0)))
    trainer.fit(max_steps=200)
    assert trainer.state != DIVERGED
    assert trainer.curves.column("loss").max() < 1.2 * uniform_loss(trainer.task)  # (the line: 3 ln V)
