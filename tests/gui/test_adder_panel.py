"""Binary adder view: bits MSB-first, wrong bits found, equation text and colour, accuracy curves."""

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pgx
import pytest

from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.gui.panels.adder_view import RIGHT, WRONG, AdderPanel, blend, ink_for, msb_first


@pytest.fixture(autouse=True, scope="module")
def row_major():
    pg.setConfigOptions(imageAxisOrder="row-major")


def lsb_bits(n):
    return [(n >> k) & 1 for k in range(8)]


def example(a, b, pred):
    """A display example shaped as AdderTask.display_example documents (bits least significant first)."""
    pred_bits = lsb_bits(pred)
    probs = np.array([0.9 if bit else 0.2 for bit in pred_bits], dtype=np.float32)
    return {"a": a, "b": b, "true_sum": a + b, "pred_sum": pred, "a_bits": lsb_bits(a), "b_bits": lsb_bits(b),
            "true_bits": lsb_bits(a + b), "pred_bits": pred_bits, "probs": probs, "correct": pred == a + b}


@pytest.fixture
def panel(qtbot):
    p = AdderPanel()
    qtbot.addWidget(p)
    p.set_task({"task": "adder", "config": {}})
    p.resize(700, 700)
    p.show()
    return p


def as_text(bits):
    return "".join(str(int(b)) for b in bits)


def test_correct_example_msb_first_and_green(panel):
    panel.on_progress({"kind": "progress", "example": example(74, 92, 166), "points": {}, "val": []})
    rows = {label: (as_text(bits), value) for label, bits, value in panel.bits.rows()}
    assert rows == {"a": ("01001010", 74), "b": ("01011100", 92), "a + b": ("10100110", 166),
                    "predicted": ("10100110", 166)}
    assert panel.bits.wrong_columns() == []
    text = panel.equation.text()
    assert "74 + 92 = 166" in text and RIGHT in text and "predicted" not in text


def test_wrong_example_red_with_prediction_and_wrong_bits(panel):
    panel.show_example(example(74, 92, 38))
    rows = {label: as_text(bits) for label, bits, _ in panel.bits.rows()}
    assert rows["predicted"] == "00100110" == format(38, "08b")
    assert panel.bits.wrong_columns() == [0]  # 166 = 10100110 vs 38 = 00100110: only the MSB (column 0)
    text = panel.equation.text()
    assert "74 + 92 = 166" in text and "→ predicted 38" in text and WRONG in text
    panel.show_example(example(74, 92, 130))  # 10000010: columns 2 and 5 wrong
    assert panel.bits.wrong_columns() == [2, 5] and "→ predicted 130" in panel.equation.text()


def test_probability_shading_and_ink():
    assert blend(0.0).name() == "#eef1f4" and blend(1.0).name() == "#3b8bd9"
    assert blend(float("nan")) == blend(0.5)
    assert ink_for(blend(0.0)).name() == "#111111" and ink_for(blend(1.0)).name() == "#ffffff"
    assert msb_first([1, 0, 0]) == [0, 0, 1]


def test_accuracy_curves_from_reports(panel, qtbot):
    panel.on_progress({"kind": "progress", "points": {"step": np.array([1.0, 2.0]), "metric": np.array([0.0, 0.25])},
                       "val": []})
    assert len(panel.curve.batch.getOriginalDataset()[0]) == 2  # the first report is drawn at once
    panel.on_progress({"kind": "progress", "points": {"step": np.array([3.0]), "metric": np.array([0.5])},
                       "val": [{"step": 3.0, "split": "val", "loss": 0.3, "accuracy": 0.42, "bit_accuracy": 0.9}]})
    # the next within 150 ms is held back (30 reports a second would redraw 30 times), then drawn
    assert len(panel.curve.batch.getOriginalDataset()[0]) == 2
    qtbot.waitUntil(lambda: len(panel.curve.batch.getOriginalDataset()[0]) == 3, timeout=2000)
    x, y = panel.curve.batch.getOriginalDataset()
    np.testing.assert_array_equal(x, [1, 2, 3])
    np.testing.assert_array_equal(y, [0, 0.25, 0.5])
    x, y = panel.curve.val.getOriginalDataset()
    np.testing.assert_array_equal(x, [3.0]) and np.testing.assert_array_equal(y, [0.42])
    assert "42.0%" in panel.score.text() and "90.0%" in panel.score.text()
    panel.set_task({"task": "adder"})
    assert panel.curve.val.getOriginalDataset()[0] is None or len(panel.curve.val.getOriginalDataset()[0]) == 0


def test_new_example_button_requests_next_index(panel, qtbot):
    with qtbot.waitSignal(panel.request) as sig:
        panel.new_example.click()
    assert sig.args == ["example_index", {"index": 1}]
    with qtbot.waitSignal(panel.request) as sig:
        panel.new_example.click()
    assert sig.args == ["example_index", {"index": 2}]


def test_paints_and_exports(panel, tmp_path):
    panel.bits.grab()  # painting with no example must not fail
    panel.show_example(example(127, 127, 3))
    targets = dict(panel.export_targets())
    assert targets["Adder example (bits)"].grab().save(str(tmp_path / "bits.png"))
    exporter = pgx.ImageExporter(targets["Accuracy curve"])
    exporter.parameters()["width"] = 500
    exporter.export(str(tmp_path / "acc.png"))
    assert (tmp_path / "bits.png").stat().st_size > 1000 and (tmp_path / "acc.png").stat().st_size > 1000


@pytest.mark.parametrize("index", [0, 5])
def test_real_adder_example(panel, index):
    task = make_task(default_config("adder", hidden=4))
    ex = task.display_example(index)
    panel.show_example(ex)
    rows = {label: (as_text(bits), value) for label, bits, value in panel.bits.rows()}
    assert rows["a"] == (format(ex["a"], "08b"), ex["a"]) and rows["b"] == (format(ex["b"], "08b"), ex["b"])
    assert rows["a + b"] == (format(ex["a"] + ex["b"], "08b"), ex["a"] + ex["b"])
    assert rows["predicted"] == (format(ex["pred_sum"], "08b"), ex["pred_sum"])
    assert (ex["correct"] and "predicted" not in panel.equation.text()) or \
        (not ex["correct"] and f"→ predicted {ex['pred_sum']}" in panel.equation.text())
