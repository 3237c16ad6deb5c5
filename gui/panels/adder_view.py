"""Binary adder: watch an RNN learn to add, bit by bit.

Draws ``report["example"]`` (see ``AdderTask.display_example``) as written addition: the rows a, b,
the true sum and the predicted sum as 8 bits with the most significant bit on the LEFT, as people
write numbers (the task's bit lists are least significant first, the order the network reads them).
Each predicted bit is shaded by the network's P(bit = 1) and outlined in red when wrong; below, the
decimal equation in green when right or red when wrong, and the exact-match accuracy over all
128 x 128 pairs (validation) with the batch accuracy faint behind it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt
from PyQt6.QtGui import QColor, QFont, QPainter, QPen
from PyQt6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ..i18n import number
from ..theme import CHANGE_COLOR, CORRECT_COLOR, TRAIN_COLOR, WRONG_COLOR
from ..throttle import Throttle
from ..widgets.accuracy_curve import AccuracyCurve
from .base import Panel

ONE = QColor(TRAIN_COLOR)  # a 1 bit (and the shade of P(bit = 1) in the predicted row)
ZERO = QColor("#eef1f4")  # a 0 bit: light on both themes, with dark ink
RIGHT, WRONG = CORRECT_COLOR, WRONG_COLOR


def msb_first(bits: Any) -> list:
    """A least-significant-first sequence in the order people write numbers."""
    return list(bits)[::-1]


def blend(p: float) -> QColor:
    """ZERO at p = 0 to ONE at p = 1 (NaN counts as 0.5: no opinion)."""
    p = 0.5 if not np.isfinite(p) else min(max(float(p), 0.0), 1.0)
    return QColor(*(round(z + (o - z) * p) for z, o in zip(ZERO.getRgb()[:3], ONE.getRgb()[:3])))


def ink_for(fill: QColor) -> QColor:
    """Black or white text, whichever reads on ``fill``."""
    return QColor("#111111") if fill.lightnessF() > 0.6 else QColor("#ffffff")


class BitsView(QWidget):
    """Four rows of 8 bits (a, b, true sum, predicted sum), MSB on the left, drawn big."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.example: dict[str, Any] | None = None
        self.setMinimumSize(420, 250)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_example(self, example: dict[str, Any] | None) -> None:
        self.example = example
        self.update()

    def rows(self) -> list[tuple[str, list[int], int]]:
        """(label, bits MSB first, decimal value) per row, as drawn."""
        e = self.example
        if not e:
            return []
        return [("a", msb_first(e["a_bits"]), int(e["a"])), ("b", msb_first(e["b_bits"]), int(e["b"])),
                ("a + b", msb_first(e["true_bits"]), int(e["true_sum"])),
                (self.tr("predicted"), msb_first(e["pred_bits"]), int(e["pred_sum"]))]

    def wrong_columns(self) -> list[int]:
        """Display columns (0 = MSB) where the predicted bit differs from the true bit."""
        rows = self.rows()
        return [c for c, (t, p) in enumerate(zip(rows[2][1], rows[3][1])) if int(t) != int(p)] if rows else []

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        rows = self.rows()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        if not rows:
            p.setPen(text)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       self.tr("Waiting for an example: start or step training."))
            return
        n = len(rows[0][1])
        W, H = self.width(), self.height()
        cell = max(12.0, min((W - 20) / (n + 5.2), (H - 10) / (len(rows) + 1.6), 72.0))
        left = (W - cell * (n + 5.2)) / 2 + cell * 2.6  # label column 2.6 cells, decimal column 2.6 cells
        top = (H - cell * (len(rows) + 1.6)) / 2 + cell * 0.2
        big, mid, small = QFont(self.font()), QFont(self.font()), QFont(self.font())
        mid.setPointSizeF(cell * 0.26)
        mid.setBold(True)
        big.setPointSizeF(cell * 0.42)
        big.setBold(True)
        small.setPointSizeF(max(6.0, cell * 0.16))
        probs = msb_first(np.asarray(self.example["probs"], dtype=np.float64))
        wrong = set(self.wrong_columns())
        for r, (label, bits, value) in enumerate(rows):
            y = top + r * cell * (1.1 if r < 2 else 1.25) + (cell * 0.35 if r >= 2 else 0)
            if r == 2:  # the rule of written addition, above the result rows
                p.setPen(QPen(text, 2))
                p.drawLine(int(left - cell * 0.9), int(y - cell * 0.2), int(left + cell * n), int(y - cell * 0.2))
            p.setFont(big if r != 3 else mid)
            p.setPen(text)
            p.drawText(QRectF(left - cell * 2.6, y, cell * 2.4, cell), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, label)
            for c, bit in enumerate(bits):
                fill = blend(probs[c]) if r == 3 else (ONE if int(bit) else ZERO)
                box = QRectF(left + c * cell + 2, y + 2, cell - 4, cell - 4)
                p.setPen(QPen(QColor(WRONG), max(3.0, cell * 0.08)) if r == 3 and c in wrong else Qt.PenStyle.NoPen)
                p.setBrush(fill)
                p.drawRoundedRect(box, cell * 0.12, cell * 0.12)
                p.setPen(ink_for(fill))
                p.setFont(big)
                p.drawText(box, Qt.AlignmentFlag.AlignCenter, str(int(bit)))
                if r == 3:  # P(bit = 1), small, under the predicted bit
                    p.setFont(small)
                    p.setPen(text)
                    p.drawText(QRectF(left + c * cell, y + cell, cell, cell * 0.3), Qt.AlignmentFlag.AlignCenter,
                               f"{probs[c]:.2f}")
            p.setFont(big)
            ok = r != 3 or not wrong
            p.setPen(text if ok else QColor(WRONG))
            p.drawText(QRectF(left + n * cell + cell * 0.3, y, cell * 2.3, cell),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"= {value}")
        p.setFont(small)
        p.setPen(QColor(CHANGE_COLOR))
        p.drawText(QRectF(left, top - cell * 0.25, cell * n, cell * 0.25), Qt.AlignmentFlag.AlignCenter,
                   self.tr("← the network reads the bits right to left (least significant first)"))
        p.end()


class AdderPanel(Panel):
    """The current example as written addition, its decimal equation, and the accuracy curve."""

    title = QT_TRANSLATE_NOOP("Panel", "Binary adder")
    tab_title = QT_TRANSLATE_NOOP("Panel", "Adder")
    tasks = ("adder",)
    uses_example = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.index = 0
        self.bits = BitsView()
        self.equation = QLabel("")
        self.equation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.equation.setTextFormat(Qt.TextFormat.RichText)
        font = QFont(self.font())
        font.setPointSize(22)
        font.setBold(True)
        self.equation.setFont(font)
        self.legend = QLabel(self.tr("Shade of a predicted bit = the network's P(bit = 1) (number below it);  "
                                     "red outline = wrong bit."))
        self.legend.setWordWrap(True)
        self.new_example = QPushButton(self.tr("New example"))
        self.new_example.clicked.connect(self.next_example)
        self.score = QLabel("")
        self._score_text = ""
        # The adder validates every 50 steps, dozens of times a second at full speed: show 4 a second.
        self._show_score = Throttle(lambda: self.score.setText(self._score_text), 0.25, self)
        # Fixed heights: "✓" comes from a taller fallback font, and a label that changes height
        # with its text relays the panel out, repainting the plot below it each time.
        for label, tallest in ((self.equation, "1 + 1 = 2 &#10003; → " + self.tr("predicted {sum}").format(sum=3)),
                               (self.score, self.tr("Step {step}: exact match on all 16,384 pairs {accuracy:.1%}").format(
                                   step=1, accuracy=0.5))):
            label.setText(tallest)
            label.setFixedHeight(label.sizeHint().height())
            label.setText("")
        self.curve = AccuracyCurve(self.tr("all 16,384 pairs"))
        self.curve.plot_item.setLabel("left", self.tr("exact-match accuracy"))

        row = QHBoxLayout()
        row.addWidget(self.legend, 1)
        row.addWidget(self.new_example)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bits, 3)
        layout.addWidget(self.equation)
        layout.addLayout(row)
        layout.addWidget(self.score)
        layout.addWidget(self.curve, 2)

    # ------------------------------------------------------------------ Panel contract
    def set_task(self, info: dict[str, Any]) -> None:
        self.bits.set_example(None)
        self.equation.setText("")
        self._show_score.cancel()
        self.score.setText("")
        self.curve.clear_data()

    def on_progress(self, report: dict[str, Any]) -> None:
        if report.get("example"):
            self.show_example(report["example"])
        vals = self.curve.add_report(report)
        if vals:
            last = vals[-1]
            bits = self.tr("   ·   bits right: {share:.1%}").format(share=last["bit_accuracy"]) \
                if "bit_accuracy" in last else ""
            self._score_text = self.tr("Step {step}: exact match on all 16,384 pairs {accuracy:.1%}").format(
                step=number(int(last["step"])), accuracy=last["accuracy"]) + bits
            self._show_score()

    def export_targets(self) -> list[tuple[str, Any]]:
        return [(self.tr("Adder example (bits)"), self.bits), (self.tr("Adder panel"), self),
                (self.tr("Accuracy curve"), self.curve.plot_item)]

    # ------------------------------------------------------------------ actions and drawing
    def next_example(self) -> None:
        self.index += 1
        self.request.emit("example_index", {"index": self.index})

    def show_example(self, example: dict[str, Any]) -> None:
        self.bits.set_example(example)
        a, b, s, pred = (int(example[k]) for k in ("a", "b", "true_sum", "pred_sum"))
        if pred == s:
            self.equation.setText(f'<span style="color:{RIGHT};">{a} + {b} = {s} &#10003;</span>')
        else:
            self.equation.setText(f"{a} + {b} = {s} &nbsp;<span style=\"color:{WRONG};\">→ "
                                  + self.tr("predicted {sum}").format(sum=pred) + "</span>")
