"""The Equations view: a click on a heatmap cell opens the book's equations of that unit at that step,
with the numbers the trace recorded, which a test recomputes here with the engine's readable cell
(forward from the embedding, backward from the loss), independently of the trace."""

import numpy as np
import pytest
from PyQt6.QtCore import QPointF, Qt

from rnn_lab.engine.functions import sigmoid
from rnn_lab.engine.layers import cells
from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.gui.equation_html import number
from rnn_lab.gui.panels.activations import ActivationsPanel
from tests.gui.window_fixtures import open_window, settings  # noqa: F401

H = 12


def independent(task, cell_name: str, t: int) -> dict[str, np.ndarray]:
    """Every number of step ``t`` of display passage 0 of a char LM, in float64, from the readable cell."""
    model = task.model
    _, _, seq = task._passage(0)
    ids, targets = seq[:-1], seq[1:]
    T = ids.size
    xs = model.embed.params[0].astype(np.float64)[ids]  # (T, D): what the recurrent layer reads
    params = [p.astype(np.float64) for p in model.rnns[0].params]
    Wx, Wh, b = params[:3]
    Cell = cells.cell_class(cell_name)
    options = {"activation": task.config.activation} if "activation" in Cell.options else {}
    h, c = np.zeros((1, H)), np.zeros((1, H))
    steps, hs, out = [], [], {}
    for s in range(T):
        cell = Cell(*params, **options)
        x = xs[s:s + 1]
        if s == t:  # the pre-activations, written out here as the equations say
            A = x @ Wx + h @ Wh + b
            if cell_name == "gru":
                r = sigmoid(A[:, H:2 * H])
                A[:, 2 * H:] = x @ Wx[:, 2 * H:] + (r * h) @ Wh[:, 2 * H:] + b[2 * H:]
            out.update({f"a.{blk}": A[0, k * H:(k + 1) * H] for k, blk in enumerate(Cell.blocks())})
            out.update(h_prev=h[0].copy(), c_prev=c[0].copy())
        if Cell.has_cell:
            h, c = cell.forward(x, h, c)
        else:
            h = cell.forward(x, h)
        hs.append(h)
        steps.append(cell)
        if s == t:
            out.update({k: v[0] for k, v in cell.values().items()}, h=h[0].copy())
    # the loss: mean cross-entropy of the next characters over the passage (dropout off)
    W_out, b_out = (p.astype(np.float64) for p in model.affine.params)
    scores = np.concatenate(hs) @ W_out + b_out
    probs = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    probs[np.arange(T), targets] -= 1
    dhs = (probs / T) @ W_out.T  # (T, H): dL/dh_t from the output at t
    dh, dc = np.zeros((1, H)), np.zeros((1, H))
    for s in reversed(range(t, T)):
        if s == t:
            out.update(dh_next=dh[0].copy(), dc_next=dc[0].copy())
        dh = dhs[s:s + 1] + dh
        if s == t:
            out.update(dh=dh[0].copy(), dh_out=dhs[s].copy())
        if Cell.has_cell:
            o, c_t = steps[s].cache[6], steps[s].cache[7]
            if s == t:
                out["dc"] = (dc + dh * o * (1 - np.tanh(c_t) ** 2))[0]
            _, dh, dc = steps[s].backward(dh, dc)
        else:
            _, dh = steps[s].backward(dh)
        if s == t:
            out.update(dh_prev=dh[0].copy(), dc_prev=dc[0].copy())
    return out


def click_cell(qtbot, panel: ActivationsPanel, key: str, t: int, unit: int) -> None:
    """A real mouse click on cell (t, unit) of heatmap ``key``."""
    hm = panel.heatmaps[key]
    scene = hm.plot.vb.mapViewToScene(QPointF(t, unit))
    pos = panel.view.mapFromScene(scene)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru", "peephole"])
def test_clicked_cell_shows_the_numbers_of_the_readable_cell(qtbot, settings, cell):  # noqa: F811
    config = default_config("char", model=cell, hidden=H, embed=8, bptt=12, lr=0.01)
    window, controller = open_window(qtbot, settings, config, threaded=False)
    try:
        panel = next(p for p in window.panels if isinstance(p, ActivationsPanel))
        window.docks[panel].raise_()
        qtbot.waitUntil(lambda: window.controller.display.trace is not None)
        controller.run_steps(5)
        qtbot.waitUntil(lambda: bool(panel.heatmaps))
        assert not panel.wants_equations and not controller.display.equations
        t, unit = 6, 5
        click_cell(qtbot, panel, "h", t, unit)
        assert panel.wants_equations and panel.cursor.position == t and panel.eq_unit == unit
        assert controller.display.equations  # the run now records the equations' numbers
        qtbot.waitUntil(lambda: "dh" in panel.equations.numbers)
        shown, html = panel.equations.numbers, panel.equations.browser.toHtml()

        expected = independent(window.controller.trainer.task, cell, t)
        keys = ["a." + blk for blk in cells.cell_class(cell).blocks()]
        keys += ["h", "dh", "dh_out", "dh_next"] + [g.name for g in cells.cell_class(cell).gates]
        if cell in ("lstm", "peephole"):
            keys += ["c", "c_prev", "dc", "dc_next", "dc_prev"]
        if cell == "rnn":
            keys.append("dh_prev")
        for key in keys:
            if cell == "peephole" and key.startswith("a.") or (cell == "peephole" and key == "dc"):
                continue  # (the test writes out the book's LSTM; the peephole's terms are below)
            np.testing.assert_allclose(shown[key], expected[key][unit], rtol=2e-3, atol=1e-7, err_msg=key)
        if cell == "peephole":  # its pre-activations also carry the peephole terms: the sum of the shown terms
            for blk in "fio":
                terms = [shown[f"{part}.{blk}"] for part in ("xWx", "hWh", "b", "peep")]
                np.testing.assert_allclose(sum(terms), shown[f"a.{blk}"], rtol=1e-4, atol=1e-6)
        # what the reader sees is those numbers, as the view writes them
        for key in ("h", "dh"):
            assert number(shown[key]).replace("<sup>", "").split("×")[0] in html.replace("<sup>", "")

        # the view follows the time cursor, and its own spin boxes move the cursor
        panel.cursor.set_position(t + 1)
        assert panel.equations.t == t + 1
        np.testing.assert_allclose(panel.equations.numbers["h"],
                                   independent(window.controller.trainer.task, cell, t + 1)["h"][unit], rtol=2e-3)
        panel.equations.unit_box.setValue(unit + 1)
        assert panel.eq_unit == unit + 1 and panel.equations.unit == unit + 1
        panel.equations.step_box.setValue(2)
        assert panel.cursor.position == 2

        # closing it stops the extra numbers
        panel.equations.closed.emit()
        assert not panel.wants_equations and not controller.display.equations
    finally:
        window.close()


def test_equations_view_without_numbers_says_it_is_waiting(qtbot):
    from rnn_lab.gui.widgets.equations_view import EquationsView

    view = EquationsView()
    qtbot.addWidget(view)
    view.show_at({"name": "lstm0", "cell": "lstm", "h": np.zeros((3, 4), np.float32)}, ["a", "b", "c"], 9, 9)
    assert view.t == 2 and view.unit == 3  # clamped to the trace
    assert view.numbers == {} and "Waiting" in view.browser.placeholderText()


def test_numbers_are_written_as_a_learner_reads_them():
    assert number(0.5) == "0.500"
    assert number(-0.25) == "\u22120.250"
    assert number(0.00432) == "4.32×10<sup>\u22123</sup>"
    assert number(0.0) == "0.000"
    assert number(float("nan")) == "NaN"
