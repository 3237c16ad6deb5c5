"""Prompt & sampling: Enter asks for a sample, the answer is rendered escaped and tinted, unknown
words are noted, temperature/top-k stay in sync without echoing, auto-sampling only while running."""

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters as pgx
import pytest
from PyQt6.QtCore import Qt

from rnn_lab.engine.tasks.registry import default_config, make_task
from rnn_lab.gui.panels.sampling import SamplingPanel, sample_html, token_html, unknown_note

RESULT = {"kind": "sample", "step": 10, "prompt_tokens": ["the", "<unk>"], "unknown": ["<b>foo</b>"],
          "tokens": ["<script>", "a&b", "<eos>", "cat"], "probs": [0.9, 0.1, 0.5, 1.0],
          "top": [("company", 0.4), ("<unk>", 0.2), (" ", 0.1)], "text": "the <unk> <script> a&b <eos> cat"}


@pytest.fixture(autouse=True, scope="module")
def row_major():
    pg.setConfigOptions(imageAxisOrder="row-major")


@pytest.fixture
def panel(qtbot):
    p = SamplingPanel()
    qtbot.addWidget(p)
    p.set_task({"task": "lm", "config": {"temperature": 0.8, "top_k": 20}})
    p.resize(700, 600)
    p.show()
    return p


def test_enter_in_prompt_requests_a_sample(panel, qtbot):
    panel.length.setValue(25)
    qtbot.keyClicks(panel.prompt, "the cat")
    with qtbot.waitSignal(panel.request) as sig:
        qtbot.keyClick(panel.prompt, Qt.Key.Key_Return)
    assert sig.args == ["sample", {"prompt": "the cat", "length": 25}]


def test_sample_is_rendered_escaped_and_tinted(panel):
    panel.on_message(RESULT)
    plain = panel.text.toPlainText()
    assert "<script>" in plain and "a&b" in plain and "the" in plain and "cat" in plain
    source = sample_html(RESULT, " ")
    assert "&lt;script&gt;" in source and "a&amp;b" in source and "<script>" not in source
    assert "rgba(59,139,217,0.82)" in source  # p = 0.9 -> alpha 0.08 + 0.82 * 0.9
    assert "rgba(59,139,217,0.90)" in source  # p = 1.0 -> the strongest tint
    assert "‘<b>foo</b>’ → <unk>" in panel.note.text()
    assert panel.note.textFormat() == Qt.TextFormat.PlainText  # a word is never markup


def test_token_html_details():
    assert token_html("x\ny", 0.5).count("<br>") == 1
    assert "color:#d55e00" in token_html("<unk>", unknown=True) and "&lt;unk&gt;" in token_html("<unk>", unknown=True)
    assert "rgba(59,139,217,0.08)" in token_html("z", float("nan"))
    assert unknown_note(["a", "b"]) == "‘a’ → <unk>   ‘b’ → <unk>"


def test_no_separator_at_line_start_and_none_for_chars():
    words = sample_html({"prompt_tokens": [], "tokens": ["a", "<eos>", "b"], "probs": [1, 1, 1]}, " ")
    assert "<br></span><span" in words  # "b" starts its line without a space
    chars = sample_html({"prompt_tokens": ["h"], "tokens": ["i", "!"], "probs": [1, 1]}, "")
    assert "</b><span" in chars and "</span><span" in chars


def test_top_tokens_bar_chart(panel):
    panel.on_message(RESULT)
    bars = panel.bars
    assert bars is not None
    np.testing.assert_allclose(bars.opts["width"], [0.4, 0.2, 0.1])
    np.testing.assert_allclose(bars.opts["y"], [0, 1, 2])
    assert panel.top_labels == ["company", "<unk>", " "]
    ticks = panel.bars_plot.getAxis("left")._tickLevels[0]
    assert [s for _, s in ticks] == ["company", "<unk>", "␣"]
    panel.on_message({**RESULT, "top": [("a", 0.5)]})
    assert len(panel.bars.opts["width"]) == 1
    assert sum(isinstance(i, pg.TextItem) for i in panel.bars_plot.items) == 1  # old labels removed


def test_temperature_and_top_k_requests_and_sync(panel, qtbot):
    assert panel.temperature.value() == pytest.approx(0.8) and panel.top_k.value() == 20
    with qtbot.waitSignal(panel.request) as sig:
        panel.temperature.setValue(1.5)
    assert sig.args == ["set", {"name": "temperature", "value": 1.5}]
    with qtbot.waitSignal(panel.request) as sig:
        panel.top_k.setValue(5)
    assert sig.args == ["set", {"name": "top_k", "value": 5}]
    with qtbot.assertNotEmitted(panel.request):
        panel.on_message({"kind": "hparam", "name": "temperature", "old": 1.5, "new": 0.5, "step": 3})
        panel.on_message({"kind": "hparam", "name": "top_k", "old": 5, "new": 0, "step": 3})
        panel.on_message({"kind": "hparam", "name": "lr", "old": 1, "new": 2, "step": 3})
    assert panel.temperature.value() == pytest.approx(0.5) and panel.top_k.text() == "all"


def test_auto_sample_only_while_running(panel, qtbot):
    panel.auto_seconds.setValue(2)
    panel.auto.setChecked(True)
    assert panel.timer.isActive() and panel.timer.interval() == 2000
    with qtbot.assertNotEmitted(panel.request):
        panel.timer.timeout.emit()  # paused: nothing
    panel.on_progress({"kind": "progress", "state": "running"})
    panel.prompt.setText("you")
    with qtbot.waitSignal(panel.request) as sig:
        panel.timer.timeout.emit()
    assert sig.args == ["sample", {"prompt": "you", "length": 40}]
    panel.auto.setChecked(False)
    assert not panel.timer.isActive()


def test_char_task_joins_without_spaces(panel):
    panel.set_task({"task": "char", "unit": "character", "config": {}})
    assert panel.separator == "" and panel.length.value() == 200 and panel.text.toPlainText() == ""
    panel.on_message({"kind": "sample", "prompt_tokens": list("ab"), "unknown": [], "tokens": list(" c"),
                      "probs": [0.5, 0.5], "top": [], "text": "ab c"})
    assert panel.text.toPlainText() == "ab c" and panel.note.text() == ""


def test_export_targets(panel, tmp_path):
    panel.on_message(RESULT)
    targets = dict(panel.export_targets())
    exporter = pgx.ImageExporter(targets["Next-token probabilities (bar chart)"])
    exporter.parameters()["width"] = 500
    exporter.export(str(tmp_path / "bars.png"))
    assert (tmp_path / "bars.png").stat().st_size > 1000
    assert targets["Sampled text"].grab().save(str(tmp_path / "text.png"))


def test_real_language_model_sample(panel):
    task = make_task(default_config("lm", hidden=8, embed=8))
    result = task.sample("the zzzunknownzzz", 12, 1.0, 3, np.random.default_rng(0))
    panel.on_message({"kind": "sample", **result})
    assert "zzzunknownzzz" in panel.note.text()
    assert panel.text.toPlainText().split()[-12:] == result["tokens"]
    assert len(panel.bars.opts["width"]) == len(result["top"]) == 3
