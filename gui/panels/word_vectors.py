"""Word vectors: what the word LM's embedding learned (the book's chapters 2-4, distributed
representations): the nearest words of a typed word by cosine similarity, an analogy a − b + c, and a
2-D map (PCA) of the 300 most frequent words that organises itself as training goes on.

Everything is computed on the training side (``engine/vectors.py``): the panel sends
``request("vectors", query)`` when the query changes, and again about once a second while the run
trains and the view is visible; the answer arrives as a "vectors" message. With tied weights the
vectors are also the output layer's; a loaded checkpoint shows its own.
"""

from __future__ import annotations

import html
import math
import time
from typing import Any

import numpy as np
import pyqtgraph as pg
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QLocale, QRectF, QStringListModel, Qt
from PyQt6.QtGui import QColor, QFont, QFontMetricsF
from PyQt6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..theme import CORRECT_COLOR, TRAIN_COLOR, VAL_COLOR
from .base import Panel

REFRESH_S = 1.0  # while training: a new answer at most this often
LABEL_FONT_PT = 8


class WordVectorsPanel(Panel):
    title = QT_TRANSLATE_NOOP("Panel", "Word vectors")
    tab_title = QT_TRANSLATE_NOOP("Panel", "Vectors")
    tasks = ("lm",)
    first_view = False  # the word LM opens on its samples; the vectors are a tab away

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer: dict[str, Any] | None = None
        self._asked_at, self._asked_step, self.step = -math.inf, -1, 0
        self._labels: list[pg.TextItem] = []
        self._label_words: list[str] = []
        self._completer_model = QStringListModel()
        self._tied_note = ""

        self.word = QLineEdit()
        self.word.setPlaceholderText(self.tr("Type a word and press Enter, e.g. stock"))
        self.word.returnPressed.connect(self.ask)
        completer = QCompleter(self._completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.word.setCompleter(completer)
        self.a, self.b, self.c = QLineEdit(), QLineEdit(), QLineEdit()
        for box, hint in ((self.a, self.tr("buy")), (self.b, self.tr("bought")), (self.c, self.tr("sold"))):
            box.setPlaceholderText(hint)
            box.returnPressed.connect(self.ask)
            box.setCompleter(completer)
        find = QPushButton(self.tr("Look up"))
        find.clicked.connect(self.ask)
        self.nearest = self._table(self.tr("Nearest words"))
        self.analogy = self._table(self.tr("a − b + c"))
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # words are data, never markup
        self.status = QLabel(self.tr("The map appears with the first answer of the run."))
        self.status.setWordWrap(True)

        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.plot.vb.setDefaultPadding(0.06)  # (labels reach right of their points)
        self.plot.setTitle(self.tr("The 300 most frequent words (PCA)"), size="9pt")
        self.points = self.plot.plot([], [], pen=None, symbol="o", symbolSize=4,
                                     symbolBrush=pg.mkBrush(120, 120, 120, 160), symbolPen=None)
        self.points.series_name = "words"
        self.marked = self.plot.plot([], [], pen=None, symbol="o", symbolSize=9, symbolPen=None)
        self.marked.series_name = "looked up"
        self.marked.setZValue(15)
        self.points.sigClicked.connect(self._point_clicked)
        self.plot.vb.sigRangeChanged.connect(lambda *_: self._place_labels())
        self.plot.vb.sigResized.connect(lambda *_: self._place_labels())

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Word")), 0, 0)
        grid.addWidget(self.word, 0, 1, 1, 5)
        grid.addWidget(find, 0, 6)
        grid.addWidget(QLabel(self.tr("Analogy")), 1, 0)
        grid.addWidget(self.a, 1, 1)
        grid.addWidget(QLabel("−"), 1, 2)
        grid.addWidget(self.b, 1, 3)
        grid.addWidget(QLabel("+"), 1, 4)
        grid.addWidget(self.c, 1, 5)
        lists = QWidget()
        row = QGridLayout(lists)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nearest, 0, 0)
        row.addWidget(self.analogy, 0, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(lists)
        split.addWidget(self.plot_widget)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)

    def _table(self, title: str) -> QTableWidget:
        table = QTableWidget(0, 2)
        table.setHorizontalHeaderLabels([title, self.tr("cosine")])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(20)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setMinimumHeight(120)
        table.setToolTip(self.tr("Double-click a word to look it up"))
        table.cellDoubleClicked.connect(lambda r, _c, t=table: self.look_up(t.item(r, 0).text()))
        return table

    # ------------------------------------------------------------------ Panel contract
    def set_task(self, info: dict[str, Any]) -> None:
        self.answer, self.step = None, 0
        self._asked_at, self._asked_step = -math.inf, -1
        vocab = (info.get("data_info") or {}).get("vocab") or []
        self._completer_model.setStringList([w for w in vocab if w])
        for table in (self.nearest, self.analogy):
            table.setRowCount(0)
        self.points.setData([], [])
        self.marked.setData([], [])
        self._set_labels([], np.zeros((0, 2)))
        tied = bool((info.get("config") or {}).get("tie_weights")) or info.get("model") == "better"
        self._tied_note = self.tr("The embedding is tied to the output layer: these vectors are also its "
                                  "weights.") if tied else ""
        self.status.setText(self._tied_note)
        self.ask()

    def on_progress(self, report: dict[str, Any]) -> None:
        self.step = int(report.get("step", 0))
        now = time.monotonic()
        if self.isVisible() and self.step != self._asked_step and now - self._asked_at >= REFRESH_S:
            self.ask()

    def on_message(self, msg: dict[str, Any]) -> None:
        if msg.get("kind") == "vectors":
            self.show_answer(msg)
        elif msg.get("kind") == "loaded":
            self.ask()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.step != self._asked_step:
            self.ask()

    def export_targets(self) -> list[tuple[str, Any]]:
        if self.answer is None:
            return []
        return [(self.tr("Word map (PCA of the 300 most frequent words)"), self.plot),
                (self.tr("Nearest words"), self.nearest), (self.tr("Analogy"), self.analogy)]

    # ------------------------------------------------------------------ asking
    def query(self) -> dict[str, Any]:
        analogy = [box.text().strip() for box in (self.a, self.b, self.c)]
        return {"word": self.word.text().strip(), "analogy": analogy if all(analogy) else None, "k": 10, "map": True}

    def ask(self) -> None:
        """Ask the run for the answer to the current query (and a fresh map)."""
        self._asked_at, self._asked_step = time.monotonic(), self.step
        self.request.emit("vectors", self.query())

    def look_up(self, word: str) -> None:
        self.word.setText(word)
        self.ask()

    # ------------------------------------------------------------------ showing
    def show_answer(self, msg: dict[str, Any]) -> None:
        self.answer = msg
        self.step = max(self.step, int(msg.get("step", 0)))
        word = msg.get("word") or ""
        self.nearest.setHorizontalHeaderLabels([self.tr("Nearest to “%1”").replace("%1", word) if word
                                                else self.tr("Nearest words"), self.tr("cosine")])
        self._fill(self.nearest, msg.get("nearest") or [])
        abc = msg.get("analogy")
        self.analogy.setHorizontalHeaderLabels([f"{abc[0]} − {abc[1]} + {abc[2]}" if abc else self.tr("a − b + c"),
                                                self.tr("cosine")])
        self._fill(self.analogy, msg.get("analogy_result") or [])
        unknown = list(msg.get("unknown") or [])
        n = len(unknown)
        self.note.setText(self.tr("%n word(s) not in the vocabulary: %1", "", n).replace("%1", ", ".join(unknown))
                          if n else "")
        self.note.setVisible(bool(n))
        wmap = msg.get("map")
        if wmap:
            self._draw_map(wmap, msg)
        self.status.setText(self.tr("Step %1 · cosine similarity of the embedding's rows; the map updates about "
                                    "once a second while training.").replace("%1", QLocale().toString(int(msg.get("step", 0))))
                            + (" " + self._tied_note if self._tied_note else ""))

    def _fill(self, table: QTableWidget, rows: list) -> None:
        table.setRowCount(len(rows))
        for r, (token, score) in enumerate(rows):
            item = QTableWidgetItem(str(token))
            cos = QTableWidgetItem(f"{float(score):+.3f}")
            cos.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            shade = QColor(TRAIN_COLOR)
            shade.setAlphaF(max(0.0, min(1.0, float(score))) * 0.45)  # a stronger tint for a closer word
            cos.setBackground(shade)
            table.setItem(r, 0, item)
            table.setItem(r, 1, cos)

    def _draw_map(self, wmap: dict[str, Any], msg: dict[str, Any]) -> None:
        words = list(wmap.get("words") or [])
        xy = np.asarray(wmap.get("xy"), dtype=np.float64).reshape(-1, 2)
        extra = wmap.get("extra") or {}
        if words:
            self.points.setData(xy[:, 0], xy[:, 1], data=words)
        explained = list(np.ravel(wmap.get("explained", (0.0, 0.0))))
        share = [QLocale().toString(100 * float(v), "f", 1) for v in explained[:2]]
        self.plot.setLabel("bottom", self.tr("1st principal component (%1 % of the variance)").replace("%1", share[0]))
        self.plot.setLabel("left", self.tr("2nd principal component (%1 %)").replace("%1", share[1]))
        where = {w: tuple(p) for w, p in zip(words, xy)} | {w: tuple(p) for w, p in extra.items()}
        looked = [(msg.get("word"), VAL_COLOR)] + [(t, TRAIN_COLOR) for t, _ in msg.get("nearest") or []]
        looked += [(w, CORRECT_COLOR) for w in (msg.get("analogy") or [])]
        looked += [(t, CORRECT_COLOR) for t, _ in (msg.get("analogy_result") or [])[:1]]
        looked = [(w, c) for w, c in looked if w and w in where]
        if looked:
            pts = np.array([where[w] for w, _ in looked])
            self.marked.setData(pts[:, 0], pts[:, 1], symbolBrush=[pg.mkBrush(c) for _, c in looked])
        else:
            self.marked.setData([], [])
        self.plot.vb.updateAutoRange()  # now, not at the next paint: the labels are placed in this range
        label_words = [w for w, _ in looked] + [w for w in words if w not in dict(looked)]
        self._set_labels(label_words, np.array([where[w] for w in label_words]).reshape(-1, 2),
                         colors={w: c for w, c in reversed(looked)})

    def _set_labels(self, words: list[str], xy: np.ndarray, colors: dict[str, str] | None = None) -> None:
        """One text item per word (reused between answers), the looked-up words first."""
        colors = colors or {}
        font = QFont()
        font.setPointSize(LABEL_FONT_PT)
        while len(self._labels) < len(words):
            item = pg.TextItem("", anchor=(0, 0.5))
            item.setFont(font)
            self.plot.addItem(item, ignoreBounds=True)
            self._labels.append(item)
        fg = self.plot.getAxis("left").pen().color().name()
        for k, item in enumerate(self._labels):
            if k < len(words):
                word = words[k]
                item.setHtml(f"<span style='color:{colors.get(word, fg)}'>{html.escape(word)}</span>"
                             if word in colors else html.escape(word))
                if word not in colors:
                    item.setColor(fg)
                item.setPos(float(xy[k, 0]), float(xy[k, 1]))
                item.setZValue(20 if word in colors else 10)  # the looked-up words' labels on top
        self._label_words = list(words)
        self._place_labels()

    def _place_labels(self) -> None:
        """Show the labels that fit without overlapping, the looked-up words and the most frequent first;
        zooming in makes room for more."""
        vb = self.plot.vb
        fm = QFontMetricsF(self._labels[0].textItem.font()) if self._labels else None
        view = vb.viewRect()
        taken: list[QRectF] = []
        for k, item in enumerate(self._labels):
            if k >= len(self._label_words) or not view.contains(item.pos()):
                item.setVisible(False)
                continue
            pos = vb.mapViewToDevice(item.pos())
            rect = QRectF(pos.x(), pos.y() - fm.height() / 2, fm.horizontalAdvance(self._label_words[k]) + 6,
                          fm.height())
            visible = not any(rect.intersects(r) for r in taken)
            item.setVisible(visible)
            if visible:
                taken.append(rect)

    def _point_clicked(self, _item, points, *_) -> None:
        if len(points):
            self.look_up(str(points[0].data()))
