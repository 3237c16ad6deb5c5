"""TrainerHost without Qt: commands in, plain-dict messages out, over a pipe as in the app's child
process (here served on a thread, which runs the same code)."""

from __future__ import annotations

import multiprocessing
import threading
import time

from rnn_lab.engine import messages
from rnn_lab.engine.host import TrainerHost, serve_pipe, task_info
from rnn_lab.engine.messages import Display
from rnn_lab.engine.tasks.registry import default_config, make_task

SMALL = default_config("adder").replace(hidden=8, batch=8)


def receive_until(conn, pred, timeout=20.0):
    got = []
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if conn.poll(0.05):
            got.append(conn.recv())
            assert not messages.check(got[-1]), messages.check(got[-1])
            if pred(got[-1]):
                return got
    raise AssertionError(f"no matching message in {timeout} s; got kinds {[m.get('kind') for m in got]}")


def test_serve_pipe_builds_trains_answers_and_ends_with_the_pipe():
    ours, theirs = multiprocessing.Pipe()
    server = threading.Thread(target=serve_pipe, args=(theirs,), daemon=True)
    server.start()
    ours.send(("display", Display(trace=0)))
    ours.send(("build", SMALL))
    built = receive_until(ours, lambda m: m["kind"] == "built")
    assert [m["kind"] for m in built][:2] == ["building", "built"] and built[-1]["info"]["hidden"] == 8
    ours.send(("step", 7))
    got = receive_until(ours, lambda m: m["kind"] == "progress" and m["step"] == 7 and m["state"] == "paused")
    assert any(m.get("trace") is not None for m in got if m["kind"] == "progress")  # display set before the build
    ours.send(("no_such_command",))
    err = receive_until(ours, lambda m: m["kind"] == "event")[-1]
    assert err["level"] == "error" and "no_such_command" in err["message"]
    ours.send(("sample", "", 5, "mine"))  # the adder has no sampling: an error event, the host lives on
    receive_until(ours, lambda m: m["kind"] == "event")
    ours.send(("eval", "val"))
    assert 0.0 <= receive_until(ours, lambda m: m["kind"] == "eval")[-1]["accuracy"] <= 1.0
    ours.close()  # the window went away: the host stops instead of training on
    server.join(5.0)
    assert not server.is_alive()


def test_synchronous_host_replaces_runs_and_keeps_the_old_one_on_a_failed_build(tmp_path):
    inbox = []
    host = TrainerHost(inbox.append)
    host.command("build", SMALL)
    first = host.trainer
    assert host.run_steps(3) == 3 and first.step_count == 3
    host.command("build", default_config("lm").replace(data=str(tmp_path / "missing")))
    assert inbox[-1]["kind"] == "build_failed" and host.trainer is first
    host.command("save", str(tmp_path / "a.npz"))
    assert inbox[-1] == {"kind": "saved", "path": str(tmp_path / "a.npz"), "step": 3}
    host.command("load", str(tmp_path / "a.npz"))
    assert host.trainer is not first and host.trainer.step_count == 3
    loaded = [m for m in inbox if m["kind"] == "loaded"][-1]
    assert loaded["step"] == 3 and len(loaded["curves"]["step"]) == 3
    assert not any(messages.check(m) for m in inbox)
    inbox.clear()
    first.callback(messages.event("info", "old news"))  # a replaced run's messages are dropped
    assert inbox == []


def test_task_info_names_the_cell_the_model_is_built_of():
    info = task_info(make_task(default_config("adder", model="gru")))
    assert info["cell"] == "gru" and info["layers"] == 1 and info["has_sampling"] is False
    assert task_info(make_task(default_config("adder", model="peephole")))["cell"] == "peephole"
    simple = task_info(make_task(default_config("lm", "simple", hidden=8, embed=8)))
    assert simple["cell"] == "rnn" and simple["model"] == "simple" and simple["has_sampling"] is True


def crashing_factory(config, vocab=None):
    """make_task, but the task of seed 1 fails to show an example (as seq2seq did with an empty split)."""
    task = make_task(config, vocab=vocab)
    if config.seed == 1:
        def broken(index=0):
            raise ZeroDivisionError("integer modulo by zero")
        task.display_example = broken
    return task


def wait_for(inbox, pred, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = [m for m in list(inbox) if pred(m)]
        if found:
            return found[-1]
        time.sleep(0.02)
    raise AssertionError(f"no matching message in {timeout} s; got kinds {[m.get('kind') for m in inbox]}")


def test_an_error_escaping_the_trainer_is_reported_and_the_host_serves_on(tmp_path):
    """Before: an exception in a report (outside a training step) ended ``serve``: the worker thread died
    (the window showed "Building…" forever and ignored every later command), or the child process exited."""
    inbox = []
    host = TrainerHost(inbox.append, crashing_factory, report_interval=0.0)
    server = threading.Thread(target=host.serve, daemon=True)
    server.start()
    try:
        host.command("display", Display(example=0))
        host.command("build", SMALL.replace(seed=1))
        error = wait_for(inbox, lambda m: m["kind"] == "event" and m["level"] == "error")
        assert "integer modulo by zero" in error["message"] and error["state"] == "stopped"
        assert "Traceback" in error["traceback"] and server.is_alive()
        host.command("play")  # nothing runs: said so, not ignored
        wait_for(inbox, lambda m: m["kind"] == "event" and "Reset" in m["message"])
        host.command("save", str(tmp_path / "kept.npz"))  # the stopped run can still be saved
        assert wait_for(inbox, lambda m: m["kind"] == "saved")["step"] == 0
        inbox.clear()
        host.command("build", SMALL)  # and a new build trains as usual
        wait_for(inbox, lambda m: m["kind"] == "built")
        host.command("step", 3)
        wait_for(inbox, lambda m: m["kind"] == "progress" and m["step"] == 3)
    finally:
        host.close()
        server.join(5.0)
    assert not server.is_alive()
