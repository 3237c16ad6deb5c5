"""Seq2seq view: question/answers escaped and coloured per character, attention heatmap of the right
shape with character ticks (hidden for models without attention), accuracy, new-example requests."""

import html

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pgx
import pytest

from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.gui.panels.seq2seq_view import RIGHT, WRONG, Seq2seqPanel, chars_html, describe_attention


@pytest.fixture(autouse=True, scope="module")
def row_major():
    pg.setConfigOptions(imageAxisOrder="row-major")


def example(question="16+75  ", expected="91  ", generated="97  ", attention=True):
    Tx, Ty = len(question), len(generated)
    att = None
    if attention:
        att = np.random.default_rng(0).random((Ty, Tx)).astype(np.float32)
        att /= att.sum(axis=1, keepdims=True)
    return {"question": question.rstrip(), "expected": expected.rstrip(), "generated": generated.rstrip(),
            "correct": expected == generated, "attention": att, "in_labels": list(question),
            "out_labels": list(generated)}


@pytest.fixture
def panel(qtbot):
    p = Seq2seqPanel()
    qtbot.addWidget(p)
    p.set_task({"task": "seq2seq", "config": {}})
    p.resize(600, 800)
    p.show()
    return p


def test_attention_heatmap_has_the_right_shape_and_ticks(panel):
    ex = example()
    panel.on_progress({"kind": "progress", "example": ex, "points": {}, "val": []})
    hm = panel.attention.heatmap
    assert hm.shape == (4, 7) and hm.image.image.shape == (4, 7)  # (output chars, input chars)
    np.testing.assert_allclose(hm.image.image, ex["attention"])
    assert tuple(hm.image.getLevels()) == (0.0, 1.0)
    assert hm.x_labels == list("16+75··") and hm.y_labels == list("97··")  # padding marked, not blank boxes
    assert [s for _, s in hm.plot.getAxis("bottom")._tickLevels[0]][:5] == list("16+75")
    assert panel.attention.isVisibleTo(panel) and not panel.no_attention.isVisibleTo(panel)
    text = hm.readout(2, 1)
    assert "output 1 “7”" in text and "input 2 “+”" in text and f"{ex['attention'][1, 2]:.3f}" in text


def test_answers_coloured_per_character(panel):
    panel.show_example(example())
    gen = panel.generated.text()
    assert gen.count(RIGHT) == 1 and gen.count(WRONG) == 1  # "9" right, "7" wrong
    assert panel.verdict.text() == "✗ wrong"
    panel.show_example(example(generated="91  ", expected="91  "))
    assert WRONG not in panel.generated.text() and panel.verdict.text() == "✓ right"


def test_text_is_escaped():
    html_text = chars_html("<b>&", "<b>x")
    assert "&lt;" in html_text and "&amp;" in html_text and "<b>" not in html_text
    assert html_text.count(RIGHT) == 3 and html_text.count(WRONG) == 1  # '<', 'b', '>' match; '&' does not
    assert chars_html("a  b") == '<span style="white-space: pre;">a  b</span>'
    assert "“␣”" in describe_attention(0, 0, 0.5, " ", "x")


def test_models_without_attention_hide_the_heatmap(panel):
    panel.show_example(example(attention=False))
    assert not panel.attention.isVisibleTo(panel) and panel.no_attention.isVisibleTo(panel)
    assert all(label != "Attention weights" for label, _ in panel.export_targets())


def test_nan_attention_is_drawn_finite(panel):
    ex = example()
    ex["attention"][0, 0] = np.nan
    panel.show_example(ex)
    assert np.isfinite(panel.attention.heatmap.image.image).all()
    assert "non-finite" in panel.attention.readout.text()


def test_validation_accuracy(panel):
    panel.on_progress({"kind": "progress", "points": {"step": np.array([1.0]), "metric": np.array([0.1])},
                       "val": [{"step": 200.0, "split": "val", "loss": 1.0, "accuracy": 0.873}]})
    assert "87.3%" in panel.score.text() and "200" in panel.score.text()
    x, y = panel.curve.val.getOriginalDataset()
    np.testing.assert_array_equal(y, [0.873])


def test_new_example_request(panel, qtbot):
    with qtbot.waitSignal(panel.request) as sig:
        panel.new_example.click()
    assert sig.args == ["example_index", {"index": 1}]


def test_export_targets(panel, tmp_path):
    panel.show_example(example())
    targets = panel.export_targets()
    assert [label for label, _ in targets][0] == "Attention weights"
    for k, (label, item) in enumerate(targets):
        path = tmp_path / f"{k}.png"
        if isinstance(item, pg.PlotItem):
            exporter = pgx.ImageExporter(item)
            exporter.parameters()["width"] = 500
            exporter.export(str(path))
        else:
            assert item.grab().save(str(path))
        assert path.stat().st_size > 1000, label


@pytest.mark.parametrize("model", ["attention", "plain"])
def test_real_seq2seq_example(panel, model):
    ex = make_task(default_config("seq2seq", model=model, hidden=8)).display_example(2)
    panel.show_example(ex)
    if model == "attention":
        assert panel.attention.heatmap.shape == (len(ex["out_labels"]), len(ex["in_labels"]))
        from rnn_lab.gui.panels.seq2seq_view import mark_padding

        assert panel.attention.heatmap.x_labels == mark_padding(ex["in_labels"])
    else:
        assert not panel.attention.isVisibleTo(panel)
    assert html.escape(ex["question"]) in panel.question.text()
