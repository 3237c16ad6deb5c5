"""Exports: PNG (magic bytes, the width asked for, real pixels), SVG (well-formed XML), CSV (rows of
numbers), widgets and the whole window; the export dialog offers the formats a target allows."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
from PyQt6.QtCore import Qt
from PyQt6.QtGui import QImage
from PyQt6.QtWidgets import QLabel

from rnn_lab.gui.dialogs import WHOLE_WINDOW, ExportDialog
from rnn_lab.gui.export import ExportError, export, formats_for, grab_window
from tests.gui.window_fixtures import *  # noqa: F403

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def plot(qtbot):
    w = pg.GraphicsLayoutWidget()
    qtbot.addWidget(w)
    w.resize(500, 300)
    p = w.addPlot()
    x = np.arange(50, dtype=float)
    p.plot(x, np.sin(x / 5), pen=pg.mkPen("#3b8bd9", width=2))
    w.show()
    return w, p


def distinct_colours(path) -> int:
    img = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    ptr = img.constBits()
    ptr.setsize(img.sizeInBytes())
    arr = np.frombuffer(ptr, dtype=np.uint32)
    return len(np.unique(arr))


def test_png_of_a_plot(plot, tmp_path):
    _, p = plot
    out = export(p, tmp_path / "p.png", "PNG", width=800)
    assert out.read_bytes()[:8] == PNG_MAGIC
    assert QImage(str(out)).width() == 800
    assert distinct_colours(out) > 10  # axes, text, an antialiased curve: not a blank image


def test_svg_of_a_plot_is_xml(plot, tmp_path):
    _, p = plot
    out = export(p, tmp_path / "p.svg", "SVG")
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 10


def test_csv_of_a_plot_has_the_data(plot, tmp_path):
    _, p = plot
    out = export(p, tmp_path / "p.csv", "CSV")
    rows = list(csv.reader(out.read_text().splitlines()))
    assert len(rows) == 51  # header + 50 points
    values = np.array(rows[1:], dtype=float)
    np.testing.assert_allclose(values[:, 1], np.sin(np.arange(50) / 5), atol=1e-6)


def test_whole_layout_and_widgets(plot, qtbot, tmp_path):
    w, _ = plot
    assert formats_for(w.ci) == ["PNG", "SVG"] and formats_for(w) == ["PNG", "SVG"]
    assert export(w.ci, tmp_path / "l.png", "PNG", width=640).read_bytes()[:8] == PNG_MAGIC
    label = QLabel("hello")
    qtbot.addWidget(label)
    label.show()
    assert formats_for(label) == ["PNG"]
    out = export(label, tmp_path / "w.png", "PNG", width=300)
    assert QImage(str(out)).width() == 300
    with pytest.raises(ExportError, match="SVG"):
        export(label, tmp_path / "w.svg", "SVG")
    assert formats_for(object()) == []


def test_export_dialog_offers_what_a_target_allows(plot, qtbot):
    w, p = plot
    label = QLabel("x")
    dlg = ExportDialog([("Plot", p), ("Panel", label), ("Nothing", object())])
    qtbot.addWidget(dlg)
    labels = [dlg.target_combo.itemText(i) for i in range(dlg.target_combo.count())]
    assert labels == ["Plot", "Panel", WHOLE_WINDOW]
    formats = [dlg.format_combo.itemText(i) for i in range(dlg.format_combo.count())]
    assert formats == ["PNG", "SVG", "CSV"]
    dlg.target_combo.setCurrentIndex(1)
    assert dlg.format_combo.count() == 1
    dlg.target_combo.setCurrentIndex(0)
    dlg.format_combo.setCurrentText("SVG")
    assert not dlg.width_spin.isEnabled()
    assert dlg.choice()[:3] == ("Plot", p, "SVG")


def test_window_exports(qtbot, tmp_path, settings, monkeypatch):
    from PyQt6.QtWidgets import QDialog, QFileDialog

    from tests.gui.window_fixtures import open_window

    window, controller = open_window(qtbot, settings, threaded=False)
    try:
        controller.run_steps(20)
        window.curves.redraw()
        labels = [label for label, _ in window.export_targets()]
        assert "Curves: loss" in labels
        out = grab_window(window, tmp_path / "win.png")
        img = QImage(str(out))
        assert (img.width(), img.height()) == (1280, 800) and distinct_colours(out) > 50
        # File > Export end to end: choose the loss plot as CSV
        monkeypatch.setattr(ExportDialog, "exec", lambda self: (self.target_combo.setCurrentIndex(
            [self.target_combo.itemText(i) for i in range(self.target_combo.count())].index("Curves: loss")),
            self.format_combo.setCurrentText("CSV"), QDialog.DialogCode.Accepted)[-1])
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "loss.csv"), ""))
        window.export_action.trigger()
        rows = list(csv.reader((tmp_path / "loss.csv").read_text().splitlines()))
        assert len(rows) > 20
    finally:
        window.close()



def test_every_panel_target_exports(qtbot, tmp_path, settings):
    from tests.gui.window_fixtures import open_window

    window, controller = open_window(qtbot, settings, threaded=False)
    try:
        controller.set_trace(0)
        controller.set_example(0)
        controller.run_steps(5)
        targets = []
        for dock in window.right_docks:  # each panel of the task on screen in turn (they share tabs)
            if not dock.isHidden():
                dock.raise_()
                qtbot.wait(50)
                targets += window.export_targets()
        assert len({label for label, _ in targets}) > len(window.curves.export_targets())
        for label, item in targets:
            fmts = formats_for(item)
            assert fmts, f"{label}: {type(item).__name__} cannot be exported"
            out = export(item, tmp_path / f"{len(list(tmp_path.iterdir()))}.png", "PNG", width=400)
            assert out.read_bytes()[:8] == PNG_MAGIC, label
    finally:
        window.close()


# ---------------------------------------------------------------------------- exports for slides
def _curves_panel(qtbot):
    from rnn_lab.gui.panels.curves import CurvesPanel

    p = CurvesPanel()
    qtbot.addWidget(p)
    p.glw.setBackground("w")
    p.resize(700, 700)
    p.show()
    p.set_task({"task": "char", "metric_name": "perplexity", "config": {"clip": 5.0}})
    step = np.arange(1, 301, dtype=float)
    loss = np.exp(-step / 100) + 1
    p.on_progress({"kind": "progress", "step": 300, "state": "running", "metric_name": "perplexity",
                   "points": {"step": step, "time": step / 100, "loss": loss, "metric": np.exp(loss),
                              "grad_norm": np.ones(300), "lr": np.full(300, 0.003)},
                   "val": [{"step": s, "split": "val", "loss": 1.5 - s / 1000, "perplexity": 4.0} for s in (100.0, 200.0, 300.0)]})
    p.add_marker(150.0, "lr 0.003 -> 0.01", "#8c8c8c")
    p.redraw()
    return p


def _gray(img: QImage, width: int = 400) -> np.ndarray:
    from PyQt6.QtCore import Qt

    small = img.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation).convertToFormat(
        QImage.Format.Format_Grayscale8)
    ptr = small.constBits()
    ptr.setsize(small.sizeInBytes())
    return np.frombuffer(ptr, dtype=np.uint8).reshape(small.height(), small.bytesPerLine())[:, :small.width()].astype(float)


def rasterise_svg(svg, width: int, height: int) -> QImage:
    """The SVG as a browser or ImageMagick would draw it: librsvg's rsvg-convert when installed (it
    showed the stroke bug), else Qt's own renderer."""
    import shutil
    import subprocess

    out = svg.with_suffix(".rsvg.png")
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", "-w", str(width), "-h", str(height), "-b", "white", str(svg), "-o", str(out)],
                       check=True, timeout=60)
        return QImage(str(out))
    from PyQt6.QtGui import QColor, QPainter
    from PyQt6.QtSvg import QSvgRenderer

    img = QImage(width, height, QImage.Format.Format_ARGB32)
    img.fill(QColor("white"))
    painter = QPainter(img)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return img


def assert_svg_like_png(svg, png) -> None:
    """The rasterised SVG looks like the PNG: same layout of ink, pixel for pixel at a reduced size."""
    ref = QImage(str(png))
    a, b = _gray(ref), _gray(rasterise_svg(svg, ref.width(), ref.height()))
    assert a.shape == b.shape
    ink_a, ink_b = a < 200, b < 200  # (white background: axes, text, curves)
    overlap = np.logical_and(ink_a, ink_b).sum() / max(1, np.logical_or(ink_a, ink_b).sum())
    assert abs(ink_a.mean() - ink_b.mean()) < 0.02, (ink_a.mean(), ink_b.mean())  # no band of stroke
    assert overlap > 0.35, overlap
    assert np.abs(a - b).mean() < 12


def test_a_plot_exports_with_its_axes_and_the_svg_draws_like_the_png(qtbot, tmp_path):
    from rnn_lab.gui.export_slide import SlidePlot, supports

    p = _curves_panel(qtbot)
    assert supports(p.loss_plot)
    slide = SlidePlot(p.loss_plot, 1600)
    try:  # the copy labels both axes (in the window the loss plot has no x values)
        assert slide.plot.getAxis("bottom").style["showValues"] and slide.plot.getAxis("bottom").labelText == "step"
        assert slide.legend is not None and slide.legend.entry_texts() == ["train", "validation"]
    finally:
        slide.close()
    png = export(p.loss_plot, tmp_path / "loss.png", "PNG", width=1600)
    svg = export(p.loss_plot, tmp_path / "loss.svg", "SVG")
    img = QImage(str(png))
    assert img.width() == 1600 and 0.45 <= img.height() / img.width() <= 0.8
    g = _gray(img, 800)
    h = g.shape[0]
    # the x axis is drawn: tick labels and "step" under the plot, i.e. ink in the band below the curves
    band = g[int(h * 0.72): int(h * 0.92)] < 230
    assert band.mean() > 0.004 and band.any(axis=1).sum() >= 8  # several rows of text, across the width
    assert band.any(axis=0)[:400].sum() > 20 and band.any(axis=0)[400:].sum() > 20
    assert "<image" not in svg.read_text()  # validation points are paths, not the symbol atlas
    assert_svg_like_png(svg, png)


def test_a_scatter_plot_is_redrawn_for_the_slide_with_its_legend(qtbot, tmp_path):
    """Before: the gate-saturation scatter was exported as the window shows it, scaled: at 1600 pixels its
    9-point legend came out about 1% of the width. Scatters are now redrawn like curves, legend included."""
    from rnn_lab.gui.export_slide import SlidePlot, supports

    w = pg.GraphicsLayoutWidget()
    qtbot.addWidget(w)
    w.resize(420, 420)
    p = w.addPlot()
    p.addLegend(labelTextSize="9pt")  # (the scatters join it by name, as in the saturation view)
    rng = np.random.default_rng(0)
    for name, symbol, colour in (("forget gate f", "o", "#3b8bd9"), ("input gate i", "t", "#e6a100")):
        sc = pg.ScatterPlotItem(rng.random(20), rng.random(20), size=9, symbol=symbol, brush=pg.mkBrush(colour),
                                name=name)
        p.addItem(sc)
    p.plot([0, 1], [1, 0], pen=pg.mkPen("#999999", style=Qt.PenStyle.DashLine))
    w.show()
    qtbot.waitExposed(w)
    assert supports(p)
    slide = SlidePlot(p, 1600)
    try:
        assert slide.legend is not None and slide.legend.entry_texts() == ["forget gate f", "input gate i"]
        scatters = [i for i in slide.plot.items if isinstance(i, pg.ScatterPlotItem)]
        assert [len(s.data) for s in scatters] == [20, 20]
    finally:
        slide.close()
    png = export(p, tmp_path / "scatter.png", "PNG", width=1600)
    svg = export(p, tmp_path / "scatter.svg", "SVG")
    assert QImage(str(png)).width() == 1600
    assert_svg_like_png(svg, png)


def test_plot_csv_columns_are_named_by_run_and_series(qtbot, tmp_path):
    from rnn_lab.engine.runs import RunStore
    from rnn_lab.gui.panels.runs import RUN_PALETTE

    p = _curves_panel(qtbot)
    store = RunStore(RUN_PALETTE)
    run = store.new_run({"task": "char", "model": "lstm", "hidden": 128, "lr": 0.003})
    p.set_runs(store, run)
    out = export(p.loss_plot, tmp_path / "loss.csv", "CSV")
    header = next(csv.reader(out.read_text().splitlines()))
    assert header == ["LSTM 128 · lr 0.003: train loss (step)", "LSTM 128 · lr 0.003: train loss",
                      "LSTM 128 · lr 0.003: train loss (smoothed) (step)", "LSTM 128 · lr 0.003: train loss (smoothed)",
                      "LSTM 128 · lr 0.003: validation loss (step)", "LSTM 128 · lr 0.003: validation loss"]
    rows = list(csv.reader(out.read_text().splitlines()))[1:]
    assert len(rows) == 300 and rows[0][4] == "100.0" and rows[3][4] == ""  # 3 validation points, then blanks


def test_whole_window_export_honours_the_width(qtbot, tmp_path, settings):
    from tests.gui.window_fixtures import open_window

    window, _ = open_window(qtbot, settings, threaded=False)
    try:
        out = grab_window(window, tmp_path / "w.png", 1000)
        assert QImage(str(out)).width() == 1000
    finally:
        window.close()


def export_plots(tmp_path, task: str, steps: int):
    """Run ``main.py --export-plots`` offscreen at 1280x800, as a teacher would; returns the folder."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "plots"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, str(root / "main.py"), "--export-plots", str(out), "--task", task,
                           "--steps", str(steps), "--size", "1280x800"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out


def test_export_plots_writes_png_svg_and_csv_for_every_plot(tmp_path):
    out = export_plots(tmp_path, "adder", 40)
    pngs = sorted(p.stem for p in out.glob("*.png"))
    assert pngs == sorted(p.stem for p in out.glob("*.svg"))  # every plot in both formats
    for name in ("curves-loss", "curves-accuracy", "curves-gradient-norm", "accuracy-curve",
                 "spectral-radius-over-training", "gradient-flow-through-time"):
        assert name in pngs, pngs
        assert (out / f"{name}.csv").is_file()
    header = (out / "curves-loss.csv").read_text().splitlines()[0]
    assert header.startswith("RNN 16 tanh · lr 0.03: train loss (step),")
    assert_svg_like_png(out / "curves-loss.svg", out / "curves-loss.png")


def test_export_plots_draws_each_view_in_front_of_its_tab(tmp_path):
    """Before: the heatmaps of "Inside the network" (behind the Sampling tab) were written while hidden, as
    empty 1600 x 103 strips with the tick labels on top of each other; and the next-token chart was written
    empty (no prompt yet). Each view is now brought to the front while its own plots are written, and a plot
    with nothing in it is skipped."""
    from PIL import Image, ImageStat

    out = export_plots(tmp_path, "char", 10)
    names = {p.stem for p in out.glob("*.png")}
    assert "next-token-probabilities-bar-chart" not in names  # nothing sampled yet: nothing to show
    with Image.open(out / "heatmap-h-hidden-state-lstm0.png") as image:
        heatmap = image.convert("RGB")
    assert heatmap.width == 1600 and heatmap.height >= 200, heatmap.size
    w, h = heatmap.size
    middle = heatmap.crop((w // 4, h // 3, 3 * w // 4, 2 * h // 3))  # inside the image: the hidden state's colours
    assert max(ImageStat.Stat(middle).stddev) > 5, "the heatmap's image is blank"
    with Image.open(out / "all-heatmaps-and-gradient-flow.png") as whole:
        assert whole.height > whole.width * 0.8, whole.size  # six heatmaps and the gradient plot, not squeezed
