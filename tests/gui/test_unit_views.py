"""Views of what units learn: gate saturation scatter, text coloured by a unit with top-5 guesses,
the pattern finder, the sample timeline and the recurrent weights (synthetic data, hand-checked)."""

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PyQt6.QtCore import QPointF
from PyQt6.QtGui import QColor

from rnn_lab.gui.panels import PANELS
from rnn_lab.gui.panels.activations import ActivationsPanel
from rnn_lab.gui.panels.saturation import RNN_NOTE, SaturationPanel
from rnn_lab.gui.panels.timeline import SampleTimelinePanel
from rnn_lab.gui.panels.unit_text import UnitTextPanel
from rnn_lab.gui.panels.weights import WeightsPanel
from rnn_lab.gui.widgets.unit_colors import unit_color


@pytest.fixture(autouse=True, scope="module")
def row_major():
    pg.setConfigOptions(imageAxisOrder="row-major")


def make(qtbot, cls, info):
    p = cls()
    qtbot.addWidget(p)
    p.set_task(info)
    p.resize(700, 600)
    p.show()
    return p


def lm_trace(h, labels=None, top5=None, cell="lstm", **gates):
    T, H = h.shape
    layer = {"name": f"{cell}0", "cell": cell, "h": np.asarray(h, dtype=np.float32), **gates}
    return {"labels": labels or [chr(97 + t % 26) for t in range(T)], "layers": [layer], "title": "passage 0",
            "top5": top5 or [[("x", 0.5), ("y", 0.2), ("z", 0.1), ("w", 0.05), ("v", 0.01)]] * T}


def test_panels_are_registered():
    assert {UnitTextPanel, SaturationPanel, SampleTimelinePanel, WeightsPanel} <= set(PANELS)
    assert UnitTextPanel.uses_trace and SaturationPanel.uses_trace and not WeightsPanel.uses_trace
    assert set(UnitTextPanel.tasks) == set(SampleTimelinePanel.tasks) == {"char", "lm"}


# ---------------------------------------------------------------------------- gate saturation
def test_saturation_scatter_matches_hand_counts(qtbot):
    p = make(qtbot, SaturationPanel, {"task": "char", "cell": "lstm"})
    # unit 0: f closed 3 of 4 steps; unit 1: f open 2 of 4; unit 2: never saturated
    f = np.array([[0.05, 0.95, 0.5], [0.0, 0.91, 0.5], [0.09, 0.2, 0.5], [0.5, 0.3, 0.5]], dtype=np.float32)
    half = np.full((4, 3), 0.5, dtype=np.float32)
    p.add_trace(lm_trace(np.zeros((4, 3)), f=f, i=half, o=half))
    assert p.point_of("f", 0) == (0.75, 0.0)
    assert p.point_of("f", 1) == (0.0, 0.5)
    assert p.point_of("f", 2) == (0.0, 0.0)
    x, y = p.scatters["f"].getData()
    np.testing.assert_allclose(x, [0.75, 0.0, 0.0])
    np.testing.assert_allclose(y, [0.0, 0.5, 0.0])
    assert set(p.scatters) == {"f", "i", "o"}
    # pooled with a second trace where unit 1 is open all the time: 6 of 8 steps
    p.add_trace(lm_trace(np.zeros((4, 3)), f=np.full((4, 3), 0.99, np.float32), i=half, o=half))
    assert p.point_of("f", 1) == (0.0, 0.75)
    assert "8 timesteps" in p.caption.text() and "2 traces" in p.caption.text()
    p.keep.setValue(1)  # only the newest trace
    assert p.point_of("f", 1) == (0.0, 1.0)
    with qtbot.waitSignal(p.request) as req:  # clicking a point picks its unit
        p._clicked(None, [p.scatters["f"].points()[2]])
    assert req.args == ["select_unit", {"unit": 2}]


def test_saturation_gru_and_a_vanilla_rnn_note(qtbot):
    p = make(qtbot, SaturationPanel, {"task": "char", "cell": "gru"})
    z = np.array([[0.0], [1.0]], dtype=np.float32)
    p.add_trace(lm_trace(np.zeros((2, 1)), cell="gru", z=z, r=z, h_tilde=z))
    assert set(p.scatters) == {"z", "r"} and p.point_of("z", 0) == (0.5, 0.5)
    p.set_task({"task": "char", "cell": "rnn"})
    assert p.note.text() == RNN_NOTE and not p.scatters
    p.add_trace(lm_trace(np.zeros((2, 1)), cell="rnn"))
    assert p.note.text() == RNN_NOTE and not p.scatters


# ---------------------------------------------------------------------------- text coloured by a unit
def test_tokens_are_tinted_by_the_selected_unit(qtbot):
    p = make(qtbot, UnitTextPanel, {"task": "char", "unit": "character"})
    h = np.array([[0.9, -0.9], [-0.8, 0.0], [0.1, 0.7]], dtype=np.float32)
    top5 = [[("a", 0.9), ("b", 0.05), ("c", 0.03), ("d", 0.01), ("e", 0.01)]] * 3
    p.on_progress({"trace": lm_trace(h, labels=["x", "␣", "y"], top5=top5)})
    assert p.text.toPlainText() == "x y"  # a visible-space label is shown as a (tinted) space

    def bg(t):
        cur = p.text.textCursor()
        cur.setPosition(p.offsets[t][1])  # the format of the character before the position
        return cur.charFormat().background().color()

    for unit in (0, 1):
        p.on_message({"kind": "select_unit", "unit": unit})
        assert p.unit.value() == unit
        for t in range(3):
            c = bg(t)
            assert c == unit_color(h[t, unit]) == p.grid.item(0, t).background().color()
            v = h[t, unit]
            if abs(v) < 0.05:
                assert min(c.red(), c.green(), c.blue()) > 200  # near 0: near white
            elif v > 0:
                assert c.red() > c.blue()  # positive: red side
            else:
                assert c.blue() > c.red()
    # stronger values are more saturated colours
    assert unit_color(0.9).saturationF() > unit_color(0.3).saturationF()
    # the grid: 5 guesses under each position, shaded by probability
    assert p.grid.item(1, 0).text() == "a" and p.grid.item(5, 2).text() == "e"
    assert p.grid.item(1, 0).background().color().alphaF() > p.grid.item(2, 0).background().color().alphaF()


def test_activations_row_click_requests_the_unit(qtbot):
    act = make(qtbot, ActivationsPanel, {"task": "lm", "config": {"activation": "tanh"}})
    act.on_progress({"trace": lm_trace(np.zeros((6, 8)), cell="rnn")})
    hm = act.heatmaps["h"]
    qtbot.wait(50)
    scene_pos = hm.plot.vb.mapViewToScene(QPointF(2.0, 5.0))  # x = step 2, y = unit 5

    class Click:
        def scenePos(self):
            return scene_pos

    with qtbot.waitSignal(act.request) as req:
        hm._mouse_clicked(Click())
    assert req.args == ["select_unit", {"unit": 5}]


# ---------------------------------------------------------------------------- pattern finder
def test_pattern_finder_on_a_planted_unit(qtbot):
    rng = np.random.default_rng(0)
    T, H = 30, 12
    h = rng.uniform(-0.3, 0.3, size=(T, H)).astype(np.float32)
    h[10:14, 7] = 0.95  # unit 7 fires on the selected span...
    h[22:25, 7] = 0.9  # ...and again later
    h[10:14, 3] = 0.6  # unit 3 is on too, but weaker
    h[6:9, 3] = 0.6  # and also just before the span: not "off around it"
    p = make(qtbot, UnitTextPanel, {"task": "lm", "unit": "word"})
    p.on_progress({"trace": lm_trace(h, labels=[f"w{t}" for t in range(T)])})
    # a mouse-like selection of tokens 10..13 in the text sets the span
    cur = p.text.textCursor()
    cur.setPosition(p.offsets[10][0] + 1)
    cur.setPosition(p.offsets[13][1] - 1, cur.MoveMode.KeepAnchor)
    p.text.setTextCursor(cur)
    assert (p.start.value(), p.stop.value()) == (10, 14)
    p.threshold.setValue(0.5)
    units = p.find_units()
    assert units[0][0] == 7 and 3 not in [u for u, _ in units]
    assert p.found.item(0).text().startswith("unit 7")
    assert p.unit.value() == 7  # the best one is picked and colours the text
    assert p.spans == [(10, 14), (22, 25)]
    assert p.next_place() == (10, 14)
    assert p.next_place() == (22, 25)
    assert p.text.textCursor().position() == p.offsets[22][0]

    def underlined(t):
        cur = p.text.textCursor()
        cur.setPosition(p.offsets[t][1])
        return cur.charFormat().fontUnderline()

    assert [t for t in range(T) if underlined(t)] == [22, 23, 24]  # the place is marked, its tint kept
    assert p.next_place() == (10, 14)  # wraps around
    # negative polarity: a unit strongly negative on the span
    h2 = h.copy()
    h2[10:14, 2] = -0.95
    trace2 = lm_trace(h2, labels=[f"w{t}" for t in range(T)])
    p.on_progress({"trace": trace2})
    assert p.trace is not trace2  # a second trace within a second waits: training sends 4 a second
    qtbot.waitUntil(lambda: p.trace is trace2, timeout=3000)
    p.start.setValue(10)
    p.stop.setValue(14)
    p.polarity.setCurrentIndex(1)
    assert [u for u, _ in p.find_units()][0] == 2


# ---------------------------------------------------------------------------- sample timeline
def test_timeline_asks_every_n_steps_and_lists_tagged_samples(qtbot, tmp_path):
    p = make(qtbot, SampleTimelinePanel, {"task": "char", "unit": "character"})
    p.every.setValue(100)
    asked = []
    p.request.connect(lambda name, payload: asked.append((name, payload)))
    for step in (0, 50, 99, 100, 150, 230, 250, 300):
        p.on_progress({"state": "running", "step": step, "val": []})
    assert [a[1]["tag"] for a in asked] == ["timeline"] * 4  # at 0, 100, 230 (due 200), 300
    assert asked[0] == ("sample", {"prompt": "The ", "length": 200, "tag": "timeline"})
    p.on_progress({"state": "paused", "step": 1000, "val": []})
    assert len(asked) == 4  # not while paused
    p.on_message({"kind": "sample", "step": 0, "text": "The qzx"})
    p.on_progress({"state": "paused", "step": 100, "val": [{"step": 100.0, "split": "val", "loss": 2.5}]})
    p.on_message({"kind": "sample", "step": 100, "text": "ignored: the sampling panel's"})  # no tag
    p.on_message({"kind": "sample", "step": 100, "tag": "timeline", "text": "The cat"})
    p.on_message({"kind": "eval", "split": "val", "step": 200, "loss": 1.5})
    p.on_message({"kind": "sample", "step": 230, "tag": "timeline", "text": "The cat sat"})
    p.on_message({"kind": "sample", "step": 0, "tag": "timeline", "text": "The qzx"})
    assert [(e["step"], e["text"]) for e in p.entries] == [(0, "The qzx"), (100, "The cat"), (230, "The cat sat")]
    assert math.isnan(p.entries[0]["val_loss"]) and p.entries[1]["val_loss"] == 2.5 and p.entries[2]["val_loss"] == 1.5
    shown = p.list.toPlainText()
    assert shown.index("step 230") < shown.index("step 100") < shown.index("step 0")  # newest first
    assert "val loss 1.500" in shown and "no validation yet" in shown
    path = tmp_path / "timeline.txt"
    p.export_text(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# step 230 · val loss 1.500") and text.count("# step") == 3 and "The cat sat" in text
    p.set_task({"task": "lm"})
    assert p.entries == [] and p.prompt.text() == "the" and p.length.value() == 40


# ---------------------------------------------------------------------------- recurrent weights
def test_weights_heatmap_and_radius_history(qtbot):
    p = WeightsPanel()
    qtbot.addWidget(p)
    p.show()
    assert p.uses_weights  # the window asks for the weights while the panel is on screen
    p.set_task({"task": "char"})
    H = 5
    rng = np.random.default_rng(1)
    for n, step in enumerate((10, 20, 30)):
        W = (rng.normal(size=(H, 4 * H)) * 0.2 * (n + 1)).astype(np.float32)
        radius = {g: 0.5 + 0.1 * k + n for k, g in enumerate("fgio")}
        p.on_progress({"step": step, "weights": {"lstm0": {"Wh": W, "blocks": list("fgio"), "radius": radius}}})
    assert p.heatmap.heatmap.shape == (H, 4 * H)
    np.testing.assert_array_equal(p.heatmap.heatmap.raw, W)
    lo, hi = p.heatmap.scale.levels
    assert lo == -hi and np.percentile(np.abs(W), 99) <= hi < 4 * np.abs(W).max()  # symmetric, fits the data
    assert set(p.curves) == {"f", "g", "i", "o"}
    x, y = p.curves["g"].getData()
    np.testing.assert_allclose(x, [10, 20, 30])
    np.testing.assert_allclose(y, [0.6, 1.6, 2.6])
    assert len(p.block_lines) == 3
    assert "f" in p.heatmap.heatmap.x_labels[0] and "o" in p.heatmap.heatmap.x_labels[-1]
    p.on_progress({"step": 30, "weights": {"lstm0": {"Wh": W, "blocks": list("fgio"), "radius": radius}}})  # same step
    assert len(p.curves["g"].getData()[0]) == 3
    # a vanilla RNN: one (H, H) block, one curve
    p.set_task({"task": "char"})
    p.on_progress({"step": 1, "weights": {"rnn0": {"Wh": np.eye(3, dtype=np.float32) * 1.2, "blocks": ["h"],
                                                   "radius": 1.2}}})
    assert p.heatmap.heatmap.shape == (3, 3) and list(p.curves) == ["h"] and not p.block_lines


def test_unit_color_scale_ends():
    assert unit_color(-1.0).blue() > 150 and unit_color(1.0).red() > 150
    assert unit_color(5.0) == unit_color(1.0)  # clipped
    assert unit_color(float("nan")) == QColor(160, 160, 160)
