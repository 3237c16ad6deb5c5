"""The Word vectors view: answers computed by the run (nearest words equal a NumPy cosine), the map of
the most frequent words, tied weights, a loaded checkpoint, and what it exports."""

import numpy as np
import pytest

from rnn_lab.engine.tasks.registry import default_config
from rnn_lab.gui.panels.word_vectors import WordVectorsPanel
from tests.gui.window_fixtures import WAIT_MS, open_window, settings  # noqa: F401


def cosine_top(W, i, k):
    W = W.astype(np.float64)
    cos = (W @ W[i]) / (np.linalg.norm(W, axis=1) * np.linalg.norm(W[i]))
    cos[i] = -np.inf
    order = np.argsort(-cos, kind="stable")[:k]
    return order, cos[order]


@pytest.mark.parametrize("tie", [False, True])
def test_nearest_words_and_the_map(qtbot, settings, tie):  # noqa: F811
    config = default_config("lm", hidden=16, embed=16, batch=4, bptt=8, tie_weights=tie)
    window, controller = open_window(qtbot, settings, config, threaded=False)
    try:
        panel = next(p for p in window.panels if isinstance(p, WordVectorsPanel))
        window.docks[panel].raise_()
        controller.run_steps(20)
        panel.word.setText("Dog")  # looked up in lower case, as PTB writes it
        panel.a.setText("cat"), panel.b.setText("dog"), panel.c.setText("boy")
        panel.word.returnPressed.emit()
        qtbot.waitUntil(lambda: panel.answer is not None and panel.answer["word"] == "dog", timeout=WAIT_MS)
        task = window.controller.trainer.task
        W = task.model.embed.params[0]
        order, cos = cosine_top(W, task.vocab.index["dog"], 10)
        shown = [(panel.nearest.item(r, 0).text(), float(panel.nearest.item(r, 1).text())) for r in range(10)]
        assert [w for w, _ in shown] == [task.vocab[int(i)] for i in order]
        np.testing.assert_allclose([s for _, s in shown], cos, atol=6e-4)  # (shown with 3 decimals)
        assert panel.analogy.rowCount() == 10 and "cat − dog + boy" in panel.analogy.horizontalHeaderItem(0).text()
        n = min(300, len(task.vocab) - 1)  # <unk> has no place on the map
        x, y = panel.points.getData()
        assert len(x) == n and np.isfinite(x).all() and np.isfinite(y).all()
        assert sum(item.isVisible() for item in panel._labels) > 10  # labelled where they fit
        assert "dog" in [item.textItem.toPlainText() for item in panel._labels if item.isVisible()]
        assert ("tied to the output layer" in panel.status.text()) == tie
        labels = [label for label, _ in panel.export_targets()]
        assert any("PCA" in label for label in labels)
        panel.word.setText("unicornzzz")
        panel.ask()
        qtbot.waitUntil(lambda: panel.note.isVisibleTo(panel), timeout=WAIT_MS)
        assert "unicornzzz" in panel.note.text()
    finally:
        window.close()


def test_a_loaded_checkpoint_shows_its_own_vectors(qtbot, settings, tmp_path):  # noqa: F811
    from rnn_lab.engine.checkpoint import save_checkpoint

    config = default_config("lm", hidden=16, embed=16, batch=4, bptt=8)
    window, controller = open_window(qtbot, settings, config, threaded=False)
    try:
        controller.run_steps(15)
        path = tmp_path / "lm.npz"
        save_checkpoint(path, window.controller.trainer)
        W_saved = window.controller.trainer.task.model.embed.params[0].copy()
        controller.build(config)  # a fresh model: other vectors
        panel = next(p for p in window.panels if isinstance(p, WordVectorsPanel))
        window.docks[panel].raise_()
        controller.load(str(path))
        panel.look_up("cat")
        qtbot.waitUntil(lambda: panel.answer is not None and panel.answer["word"] == "cat"
                        and panel.answer["step"] == 15, timeout=WAIT_MS)
        vocab = window.controller.trainer.task.vocab
        order, _ = cosine_top(W_saved, vocab.index["cat"], 10)
        assert [t for t, _ in panel.answer["nearest"]] == [vocab[int(i)] for i in order]
    finally:
        window.close()
