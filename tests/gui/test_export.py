"""Exports: PNG (magic bytes, the width asked for, real pixels), SVG (well-formed XML), CSV (rows of
numbers), widgets and the whole window; the export dialog offers the formats a target allows."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import numpy as np
import pyqtgraph as pg
import pytest
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
