"""Inside the network: heatmaps follow the model (units, steps, gates per cell), update in place,
stay finite, read out under the mouse, share one time cursor, and export."""

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pgx
import pytest
from PyQt6.QtCore import QPoint, QPointF, Qt

from rnn_lab.engine.config import Config
from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.gui.panels.activations import ActivationsPanel, decade_ticks

GATES = {"rnn": (), "lstm": ("c", "f", "g", "i", "o"), "gru": ("z", "r", "h_tilde"),
         "peephole": ("c", "f", "g", "i", "o")}
SIGMOID = {"f", "i", "o", "z", "r"}


@pytest.fixture(autouse=True, scope="module")
def row_major():
    pg.setConfigOptions(imageAxisOrder="row-major")


def synthetic_trace(cell, T=7, H=5, n_layers=1, seed=0, labels=None):
    """A trace shaped exactly as ``Task.trace`` documents."""
    rng = np.random.default_rng(seed)
    layers = []
    for k in range(n_layers):
        layer = {"name": f"{cell}{k}", "cell": cell, "h": np.tanh(rng.normal(size=(T, H))).astype(np.float32),
                 "dh_norm": np.exp(np.linspace(-6, 0, T)).astype(np.float32)}
        for g in GATES[cell]:
            x = rng.normal(size=(T, H)) * (3 if g == "c" else 1)
            layer[g] = (1 / (1 + np.exp(-x)) if g in SIGMOID else x if g == "c" else np.tanh(x)).astype(np.float32)
        layers.append(layer)
    return {"labels": labels or [f"w{t}" for t in range(T)], "layers": layers, "title": f"{cell} example"}


@pytest.fixture
def panel(qtbot):
    p = ActivationsPanel()
    qtbot.addWidget(p)
    p.set_task({"task": "lm", "config": {"activation": "tanh"}})
    p.resize(600, 520)
    p.show()
    return p


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru", "peephole"])
def test_heatmaps_follow_the_model(panel, cell):
    T, H = 9, 6
    panel.on_progress({"kind": "progress", "trace": synthetic_trace(cell, T, H)})
    assert set(panel.heatmaps) == {"h", *GATES[cell]}
    for key, hm in panel.heatmaps.items():
        assert hm.shape == (H, T) and hm.image.image.shape == (H, T)  # y = unit, x = timestep
        want = (0.0, 1.0) if key in SIGMOID else (-1.0, 1.0) if key != "c" else panel.scales["cell"].levels
        assert tuple(hm.image.getLevels()) == want
        assert hm.x_labels == [f"w{t}" for t in range(T)]
    expected_scales = {"rnn": {"tanh"}, "lstm": {"tanh", "cell", "sigmoid"}, "gru": {"tanh", "sigmoid"},
                       "peephole": {"tanh", "cell", "sigmoid"}}[cell]
    assert set(panel.scales) == expected_scales
    assert len(panel.grad_curves) == 1 and not panel.layer.isVisibleTo(panel)
    assert panel.caption.text() == f"{cell} example"


def test_sigmoid_rnn_uses_the_0_1_scale(panel):
    panel.set_task({"task": "adder", "config": {"activation": "sigmoid"}})
    trace = synthetic_trace("rnn")
    trace["layers"][0]["h"] = (trace["layers"][0]["h"] + 1) / 2
    panel.show_trace(trace)
    assert set(panel.scales) == {"sigmoid"} and tuple(panel.heatmaps["h"].image.getLevels()) == (0.0, 1.0)


def test_new_frames_update_images_in_place_with_fixed_levels(panel):
    panel.show_trace(synthetic_trace("lstm", seed=1))
    before = dict(panel.heatmaps)
    trace = synthetic_trace("lstm", seed=2)
    trace["layers"][0]["h"][...] = 0.01  # a tiny range must not be stretched over the colour map
    panel.show_trace(trace)
    assert all(panel.heatmaps[k] is before[k] for k in before)  # no rebuild
    np.testing.assert_allclose(panel.heatmaps["h"].image.image, 0.01)
    np.testing.assert_array_equal(panel.heatmaps["f"].image.image, trace["layers"][0]["f"].T)
    assert tuple(panel.heatmaps["h"].image.getLevels()) == (-1.0, 1.0)


def test_shape_change_rebuilds(panel):
    panel.show_trace(synthetic_trace("gru", T=5, H=4))
    old = panel.heatmaps["h"]
    panel.show_trace(synthetic_trace("gru", T=12, H=4))
    assert panel.heatmaps["h"] is not old and panel.heatmaps["h"].shape == (4, 12) and panel.cursor.count == 12
    panel.cursor.set_position(10)
    panel.show_trace(synthetic_trace("gru", T=6, H=4))  # shorter: the cursor moves inside
    assert panel.cursor.position == 5 and all(line.value() == 5 for line in panel.cursor.lines)
    panel.show_trace(synthetic_trace("rnn", T=12, H=4))
    assert set(panel.heatmaps) == {"h"}


def test_layer_selector_and_gradient_curves(panel):
    trace = synthetic_trace("lstm", n_layers=2)
    trace["layers"][1]["h"][...] = -0.5
    panel.show_trace(trace)
    assert panel.layer.isVisibleTo(panel) and panel.layer.count() == 2
    assert len(panel.grad_curves) == 2
    x, y = panel.grad_curves[1].getOriginalDataset()
    np.testing.assert_allclose(y, trace["layers"][1]["dh_norm"], rtol=1e-6)
    panel.layer.setCurrentIndex(1)
    np.testing.assert_allclose(panel.heatmaps["h"].image.image, -0.5)
    assert panel.export_targets()[0][0].endswith("(lstm1)")


def test_non_finite_values_are_drawn_as_zero_with_a_note(panel):
    trace = synthetic_trace("lstm")
    layer = trace["layers"][0]
    layer["h"][2, 3] = np.nan
    layer["c"][0, :] = np.inf
    layer["dh_norm"][1] = np.inf
    panel.show_trace(trace)
    for hm in panel.heatmaps.values():
        assert np.isfinite(hm.image.image).all()
    assert "h: 1" in panel.note.text() and "c: 5" in panel.note.text()
    _, y = panel.grad_curves[0].getOriginalDataset()
    assert not np.isinf(y).any()
    panel.show_trace(synthetic_trace("lstm"))
    assert panel.note.text() == ""


def test_a_vanished_gradient_draws_nothing_and_warns_nothing(panel, qtbot):
    # A trained adder's gradients underflow to exactly 0: no point on the log axis, and no
    # "All-NaN slice" RuntimeWarning from pyqtgraph (warnings are errors in this suite).
    trace = synthetic_trace("lstm")
    trace["layers"][0]["dh_norm"][...] = 0.0
    panel.show_trace(trace)
    panel.show()
    qtbot.waitExposed(panel)
    panel.grad_plot.enableAutoRange()
    panel.grad_plot.getViewBox().updateAutoRange()
    panel.repaint()
    x, y = panel.grad_curves[0].getOriginalDataset()
    assert x is None or len(x) == 0


def test_hover_readout_in_the_panel(panel, qtbot):
    panel.show_trace(synthetic_trace("lstm", labels=[f"tok{t}" for t in range(7)]))
    qtbot.waitExposed(panel)
    hm = panel.heatmaps["f"]
    value = float(panel.trace["layers"][0]["f"][4, 2])  # t = 4, unit 2
    hm.plot.scene().sigMouseMoved.emit(hm.plot.vb.mapViewToScene(QPointF(4.0, 2.0)))
    text = panel.readout.text()
    assert "forget gate" in text and "“tok4”" in text and "unit 2" in text and f"{value:+.4f}" in text


def test_one_cursor_for_every_plot(panel):
    panel.show_trace(synthetic_trace("lstm", labels=[f"tok{t}" for t in range(7)]))
    lines = panel.cursor.lines
    assert len(lines) == len(panel.heatmaps) + 1  # every heatmap and the gradient plot
    lines[3].setValue(5.3)
    assert all(line.value() == 5 for line in lines)
    assert "t = 5 “tok5”" in panel.at_cursor.text()


def test_click_in_gradient_plot_moves_the_cursor(panel, qtbot):
    panel.show_trace(synthetic_trace("rnn"))
    qtbot.waitExposed(panel)
    grad = panel.grad_plot
    pos = panel.view.mapFromScene(grad.vb.mapViewToScene(QPointF(2.2, grad.vb.viewRange()[1][0] + 0.5)))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    assert panel.cursor.position == 2 and all(line.value() == 2 for line in panel.cursor.lines)


def test_example_spin_requests_a_trace_index(panel, qtbot):
    with qtbot.waitSignal(panel.request) as sig:
        panel.example.setValue(3)
    assert sig.args == ["trace_index", {"index": 3}]


def test_export_targets_export_to_png(panel, tmp_path):
    from rnn_lab.gui.export import export

    assert panel.export_targets() == []
    panel.show_trace(synthetic_trace("gru", n_layers=2))
    targets = panel.export_targets()
    assert len(targets) == 4 + 2  # heatmaps h, h~, z, r; all of them together; the gradient plot
    for k, (label, item) in enumerate(targets[:-1]):  # through File > Export's own code path
        assert export(item, tmp_path / f"{k}.png", "PNG", width=600).stat().st_size > 500, label
    exporter = pgx.ImageExporter(targets[-1][1])  # and pyqtgraph's exporter directly
    exporter.parameters()["width"] = 600
    exporter.export(str(tmp_path / "grad.png"))
    assert (tmp_path / "grad.png").stat().st_size > 500


def test_decade_ticks():
    major, minor = decade_ticks(-3, -1)
    assert major == [(-3.0, "10⁻³"), (-2.0, "10⁻²"), (-1.0, "10⁻¹")]
    assert len(minor) == 16 and all(s == "" for _, s in minor)
    assert len(decade_ticks(-30, 0)[0]) <= 7


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru", "peephole"])
def test_real_adder_trace(panel, cell):
    cfg = Config.from_dict({"task": "adder", "model": cell, "hidden": 8})
    panel.set_task({"task": "adder", "config": cfg.to_dict()})
    panel.show_trace(make_task(cfg).trace(3))
    assert set(panel.heatmaps) == {"h", *GATES[cell]}
    assert all(hm.shape == (8, 8) for hm in panel.heatmaps.values())
    assert all("+" in s for s in panel.heatmaps["h"].x_labels)  # "a+b" bit pairs


def test_real_char_trace_two_layers(panel):
    cfg = default_config("char", model="gru", layers=2, hidden=12, embed=8, bptt=20)
    trace = make_task(cfg).trace(0)
    panel.show_trace(trace)
    assert panel.layer.count() == 2 and set(panel.heatmaps) == {"h", "z", "r", "h_tilde"}
    assert panel.heatmaps["h"].shape == (12, len(trace["labels"]))
    assert panel.heatmaps["h"].x_labels == trace["labels"]


def test_real_seq2seq_trace_layers_have_their_own_labels(panel):
    trace = make_task(default_config("seq2seq", hidden=8)).trace(0)
    panel.show_trace(trace)
    decoder = [k for k in range(panel.layer.count()) if panel.layer.itemText(k) == "decoder"][0]
    panel.layer.setCurrentIndex(decoder)
    want = [str(s) for s in trace["layers"][decoder]["labels"]]
    assert panel.heatmaps["h"].x_labels == want
