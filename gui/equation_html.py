"""The book's equations of one cell at one unit and one timestep, with the numbers of a trace written
in, as Qt rich text (HTML: subscripts, σ, ⊙), for the Equations view.

``equations_html(layer, t, unit, ...)`` reads a layer of a ``Task.trace(..., equations=True)``: the
arrays (T, H) named by ``engine.layers.recurrent.Recurrent.record_equations`` ("a.f", "xWx.f", "dh",
"dc", ...) and the gates ("f", "c", "h"...). It does no arithmetic: every number it writes is one the
engine recorded (a sum's terms and its total, a product's factors and its result), so what the
learner reads is what the network computed. It returns the HTML and the numbers it wrote, by name.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np
from PyQt6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

CONTEXT = "Equations"
MINUS = "\u2212"
SIGMA = "\u03c3"
ODOT = "\u2299"
PARTIAL = "\u2202"
ACTIVATION_SYMBOL = {"tanh": "tanh", "sigmoid": SIGMA, "relu": "relu"}


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(CONTEXT, text, None, n)


# ------------------------------------------------------------------------------------------ numbers
def number(x: float, locale: QLocale | None = None) -> str:
    """A value as the view writes it: 3 decimals from 0.01 up, 3 significant digits times a power of
    ten below (gradients are small), in the user's locale, with a true minus sign."""
    locale = locale or QLocale()
    if not math.isfinite(x):
        return "NaN" if math.isnan(x) else ("∞" if x > 0 else MINUS + "∞")
    if x == 0 or abs(x) >= 0.01:
        text = locale.toString(float(x), "f", 3)
        if abs(x) >= 1e4:
            text = locale.toString(float(x), "g", 4)
    else:
        exp = math.floor(math.log10(abs(x)))
        mant = x / 10.0**exp
        if round(abs(mant), 2) >= 10:
            mant, exp = mant / 10, exp + 1
        text = f"{locale.toString(mant, 'f', 2)}×10<sup>{str(exp).replace('-', MINUS)}</sup>"
    return text.replace("-", MINUS)


def signed_sum(values: list[float], locale: QLocale | None = None) -> str:
    """Terms of a sum as written by hand: 0.312 − 0.120 + 0.050."""
    out = ""
    for k, v in enumerate(values):
        if k == 0:
            out = number(v, locale)
        else:
            out += f" {MINUS if v < 0 else '+'} {number(abs(v), locale)}"
    return out


def factor(x: float, locale: QLocale | None = None) -> str:
    """A factor in a product: negative numbers in brackets."""
    text = number(x, locale)
    return f"({text})" if x < 0 else text


# ------------------------------------------------------------------------------------------ symbols
def sub(base: str, index: str) -> str:
    return f"<i>{base}</i><sub>{index}</sub>"


def weight(which: str, block: str | None) -> str:
    """W_x^(f): the block of a weight matrix that feeds gate ``block``."""
    sup = f"<sup>({gate_symbol(block)})</sup>" if block else ""
    return f"<i>W</i><sub>{which}</sub>{sup}"


def gate_symbol(block: str) -> str:
    return "h\u0303" if block == "h_tilde" else block


def d(of: str) -> str:
    """∂L/∂(of), with ``of`` already HTML."""
    return f"{PARTIAL}<i>L</i>/{PARTIAL}{of}"


T_, T1, T_1 = "t", "t\u22121", "t+1"  # t, t−1, t+1


class Writer:
    """Collects the lines of the view and the numbers written in them."""

    def __init__(self, layer: Mapping[str, Any], t: int, unit: int, locale: QLocale | None = None) -> None:
        self.layer, self.t, self.unit = layer, t, unit
        self.locale = locale or QLocale()
        self.numbers: dict[str, float] = {}
        self.parts: list[str] = []

    def value(self, key: str, t: int | None = None) -> float | None:
        """The recorded value of ``key`` at (t, unit), noted under "key" (or "key@t+1")."""
        t = self.t if t is None else t
        arr = self.layer.get(key)
        if arr is None or np.ndim(arr) != 2 or not 0 <= t < np.shape(arr)[0]:
            return None
        v = float(np.asarray(arr)[t, self.unit])
        self.numbers[key if t == self.t else f"{key}@{t - self.t:+d}"] = v
        return v

    def n(self, key: str, t: int | None = None) -> str:
        v = self.value(key, t)
        return "?" if v is None else number(v, self.locale)

    def f(self, key: str, t: int | None = None) -> str:
        v = self.value(key, t)
        return "?" if v is None else factor(v, self.locale)

    def heading(self, text: str) -> None:
        self.parts.append(f"<h4 style='margin-top:8px; margin-bottom:2px'>{text}</h4>")

    def line(self, lhs: str, *chunks: str, note: str = "") -> None:
        """One equation: ``lhs = chunk = chunk ...``; a line breaks only between chunks."""
        body = " ".join(f"<span style='white-space:nowrap'>= {c}</span>" for c in chunks)
        extra = f"<br><span style='color:gray'>{note}</span>" if note else ""
        # a hanging indent: the continuation of a long equation starts under its "="
        self.parts.append(f"<p style='margin:3px 0 3px 28px; text-indent:-18px'>{lhs} {body}{extra}</p>")

    def text(self, text: str) -> None:
        self.parts.append(f"<p style='margin:3px 0 3px 10px; color:gray'>{text}</p>")

    def pre_activation(self, block: str, act: str) -> tuple[str, str]:
        """(the formula act(x W + h W + b), its numbers = act(a) = value) of gate ``block``."""
        peep = f"{block}" if f"peep.{block}" in self.layer and block != "g" else ""
        h_term = sub("h", T1)
        if block == "h_tilde":
            h_term = f"({sub('r', T_)} {ODOT} {sub('h', T1)})"
        terms = [f"{sub('x', T_)} {weight('x', self._block(block))}", f"{h_term} {weight('h', self._block(block))}",
                 f"<i>b</i>{'<sup>(' + gate_symbol(block) + ')</sup>' if self._block(block) else ''}"]
        keys = [f"xWx.{block}", f"hWh.{block}", f"b.{block}"]
        if peep:
            cell = sub("c", T_) if block == "o" else sub("c", T1)
            terms.append(f"<i>p</i><sub>{block}</sub> {ODOT} {cell}")
            keys.append(f"peep.{block}")
        values = [self.value(k) for k in keys]
        formula = f"{act}({' + '.join(terms)})"
        if any(v is None for v in values):
            return formula, "?"
        numbers = f"{act}({signed_sum(values, self.locale)})"
        return formula, numbers

    def _block(self, block: str) -> str | None:
        return None if block == "h" else block

    def html(self) -> str:
        return "".join(self.parts)


# ------------------------------------------------------------------------------------------ the cells
def equations_html(layer: Mapping[str, Any], t: int, unit: int, *, token: str = "", activation: str = "tanh",
                   locale: QLocale | None = None) -> tuple[str, dict[str, float]]:
    """HTML of the equations of ``layer`` (a trace's layer dict with the equations' numbers) at step
    ``t`` for ``unit``, and the numbers written, by name ("a.f", "f", "dc", "f@+1" = f at t+1...)."""
    w = Writer(layer, t, unit, locale)
    cell = str(layer.get("cell", ""))
    if "a." + ("h" if cell == "rnn" else "f" if cell in ("lstm", "peephole") else "z") not in layer:
        return "", {}
    if cell == "rnn":
        _rnn(w, activation)
    elif cell in ("lstm", "peephole"):
        _lstm(w, peephole=cell == "peephole")
    elif cell == "gru":
        _gru(w)
    else:
        return "", {}
    return w.html(), w.numbers


def _gradient_in(w: Writer) -> None:
    """∂L/∂h_t = from the output at t + from step t+1."""
    last = w.t == np.shape(w.layer["dh"])[0] - 1
    w.line(d(sub("h", T_)), tr(QT_TRANSLATE_NOOP("Equations", "(from the output at <i>t</i>) + (from step <i>t</i>+1)")),
           f"{signed_sum([w.value('dh_out'), w.value('dh_next')], w.locale)}", w.n("dh"),
           note=tr(QT_TRANSLATE_NOOP("Equations", "This is the last step of the example: nothing comes back from later steps "
                   "(truncated backpropagation through time).")) if last else "")


def _rnn(w: Writer, activation: str) -> None:
    act = ACTIVATION_SYMBOL.get(activation, "tanh")
    w.heading(tr(QT_TRANSLATE_NOOP("Equations", "Forward: the plain RNN (chapter 5)")))
    formula, numbers = w.pre_activation("h", act)
    w.line(sub("h", T_), formula, numbers, f"{act}({w.n('a.h')})", w.n("h"))
    w.heading(tr(QT_TRANSLATE_NOOP("Equations", "Backward: the gradient of this unit in the last backward pass")))
    _gradient_in(w)
    derivative = {"tanh": f"(1 {MINUS} {sub('h', T_)}<sup>2</sup>)", "sigmoid":
                  f"{sub('h', T_)}(1 {MINUS} {sub('h', T_)})", "relu": f"[{sub('a', T_)} &gt; 0]"}[activation
                                                                                                if activation in ACTIVATION_SYMBOL else "tanh"]
    w.line(d(sub("a", T_)), f"{d(sub('h', T_))} {ODOT} {derivative}",
           f"{w.f('dh')} × {w.f('act_grad')}", w.n("da"),
           note=tr(QT_TRANSLATE_NOOP("Equations", "The activation's slope scales the gradient at every step; below 1, "
                   "it shrinks on its way back (the vanishing gradient, chapter 6.1).")))
    w.line(tr(QT_TRANSLATE_NOOP("Equations", "%1 from this step")).replace("%1", d(sub("h", T1))), f"({d(sub('a', T_))} {weight('h', None)}<sup>T</sup>)"
           f"<sub><i>j</i></sub>", w.n("dh_prev"))


def _lstm(w: Writer, peephole: bool) -> None:
    title = tr(QT_TRANSLATE_NOOP("Equations", "Forward: the peephole LSTM (Gers and Schmidhuber, 2000)")) if peephole else \
        tr(QT_TRANSLATE_NOOP("Equations", "Forward: the LSTM (chapter 6.3)"))
    w.heading(title)
    for block, act in (("f", SIGMA), ("g", "tanh"), ("i", SIGMA), ("o", SIGMA)):
        if block == "o":  # o comes after c_t in the peephole LSTM; write it after c_t everywhere
            continue
        formula, numbers = w.pre_activation(block, act)
        w.line(f"<i>{block}</i>", formula, numbers, f"{act}({w.n('a.' + block)})", w.n(block))
    w.line(sub("c", T_), f"<i>f</i> {ODOT} {sub('c', T1)} + <i>g</i> {ODOT} <i>i</i>",
           f"{w.f('f')} × {w.f('c_prev')} + {w.f('g')} × {w.f('i')}", w.n("c"))
    formula, numbers = w.pre_activation("o", SIGMA)
    w.line("<i>o</i>", formula, numbers, f"{SIGMA}({w.n('a.o')})", w.n("o"))
    w.line(sub("h", T_), f"<i>o</i> {ODOT} tanh({sub('c', T_)})", f"{w.f('o')} × tanh({w.n('c')})", w.n("h"))

    w.heading(tr(QT_TRANSLATE_NOOP("Equations", "Backward: the gradient through the memory cell in the last backward pass (chapter 6.2)")))
    _gradient_in(w)
    T = np.shape(w.layer["dc"])[0]
    through_h = f"{d(sub('h', T_))} {ODOT} <i>o</i> {ODOT} (1 {MINUS} tanh<sup>2</sup> {sub('c', T_)})"
    if peephole:
        through_h = tr(QT_TRANSLATE_NOOP("Equations", "%1 + the term through o's peephole")).replace("%1", through_h)
    w.line(d(sub("c", T_)), f"{sub('f', T_1)} {ODOT} {d(sub('c', T_1))} + {through_h}",
           signed_sum([w.value("dc_next"), w.value("dc_local")], w.locale), w.n("dc"))
    if w.t + 1 < T:
        f_next = w.value("f", w.t + 1)
        share = QLocale().toString(100 * f_next, "f", 0) if f_next is not None else "?"
        w.line(f"{sub('f', T_1)} {ODOT} {d(sub('c', T_1))}",
               f"{w.f('f', w.t + 1)} × {w.f('dc', w.t + 1)}", w.n("dc_next"),
               note=tr(QT_TRANSLATE_NOOP("Equations", "The forget gate of step t+1 let %1 % of the gradient of c<sub>t+1</sub> through to "
                       "c<sub>t</sub>: the constant error carousel.")).replace("%1", share))
    else:
        w.text(tr(QT_TRANSLATE_NOOP("Equations", "Nothing flows into c<sub>t</sub> from a later step: this is the last step of the example.")))
    back = f"{d(sub('c', T_))} {ODOT} {sub('f', T_)}"
    w.line(tr(QT_TRANSLATE_NOOP("Equations", "%1 from this step")).replace("%1", d(sub("c", T1))),
           tr(QT_TRANSLATE_NOOP("Equations", "%1 + the terms through the peepholes")).replace("%1", back) if peephole else back,
           f"{w.f('dc')} × {w.f('f')}" + (f" = {w.n('dc_prev_f')} + …" if peephole else ""),
           w.n("dc_prev"))


def _gru(w: Writer) -> None:
    w.heading(tr(QT_TRANSLATE_NOOP("Equations", "Forward: the GRU (the book's appendix C)")))
    for block, act in (("z", SIGMA), ("r", SIGMA), ("h_tilde", "tanh")):
        formula, numbers = w.pre_activation(block, act)
        w.line(f"<i>{gate_symbol(block)}</i>", formula, numbers, f"{act}({w.n('a.' + block)})", w.n(block))
    w.line(sub("h", T_), f"(1 {MINUS} <i>z</i>) {ODOT} {sub('h', T1)} + <i>z</i> {ODOT} <i>h\u0303</i>",
           f"(1 {MINUS} {w.n('z')}) × {w.f('h_prev')} + {w.f('z')} × {w.f('h_tilde')}", w.n("h"))
    w.heading(tr(QT_TRANSLATE_NOOP("Equations", "Backward: the gradient of this unit in the last backward pass")))
    _gradient_in(w)
    w.line(tr(QT_TRANSLATE_NOOP("Equations", "%1 straight through")).replace("%1", d(sub("h", T1))), f"(1 {MINUS} <i>z</i>) {ODOT} {d(sub('h', T_))}",
           f"(1 {MINUS} {w.n('z')}) × {w.f('dh')}", w.n("dh_prev_direct"),
           note=tr(QT_TRANSLATE_NOOP("Equations", "The part 1 − z of the gradient goes straight to h<sub>t−1</sub>, past every weight "
                   "matrix: the GRU's way around the vanishing gradient.")))
    w.line(tr(QT_TRANSLATE_NOOP("Equations", "%1 from this step, all paths")).replace("%1", d(sub("h", T1))), w.n("dh_prev"))
