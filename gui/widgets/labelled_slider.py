"""A slider for the feel and a spin box for the exact value, kept in step, optionally logarithmic.

``valueChanged(value)`` fires on every change (for a live readout); ``valueCommitted(value)`` is the
one to act on: at most every ``commit_interval_ms`` while the slider is dragged, at once when it is
released, and when the spin box finishes editing. So a drag across a live setting such as the
learning rate reaches the trainer ~8 times a second, not hundreds of times.
"""

from __future__ import annotations

import math

from PyQt6.QtCore import Qt, QTimer, pyqtSignal
from PyQt6.QtGui import QValidator
from PyQt6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QSizePolicy, QSlider, QSpinBox, QWidget

SLIDER_STEPS = 1000


def round_sig(x: float, digits: int = 3) -> float:
    """``x`` rounded to ``digits`` significant digits (slider positions give readable numbers)."""
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


class FloatSpin(QDoubleSpinBox):
    """A float spin box that shows values compactly (``0.003``, ``1e-05``) instead of fixed decimals,
    and steps multiplicatively on a log scale."""

    def __init__(self, log: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log = log
        self.setDecimals(12)  # storage precision; the text shows significant digits only

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt override
        return f"{value:.6g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt override
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):  # noqa: D102 - Qt override
        t = text.strip()
        try:
            v = float(t)
        except ValueError:
            partial = t == "" or all(ch in "0123456789.eE+-" for ch in t)
            return (QValidator.State.Intermediate if partial else QValidator.State.Invalid), text, pos
        ok = self.minimum() <= v <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt override
        if self._log and self.value() > 0:
            v = round_sig(self.value() * 10 ** (steps / 10))
            self.setValue(min(max(v, self.minimum()), self.maximum()))
        else:
            super().stepBy(steps)


class LabelledSlider(QWidget):
    """``[label] [slider] [spin]`` for a number in ``[lo, hi]``.

    ``slider_range`` narrows the slider to a comfortable span while the spin box still accepts the
    whole ``[lo, hi]`` (e.g. gradient clipping: slider 0..20, spin box up to 1000)."""

    valueChanged = pyqtSignal(object)
    valueCommitted = pyqtSignal(object)

    def __init__(self, label: str | None, lo: float, hi: float, value: float, *, log: bool = False,
                 integer: bool = False, slider_range: tuple[float, float] | None = None, tooltip: str = "",
                 commit_interval_ms: int = 120, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not lo < hi:
            raise ValueError(f"slider needs lo < hi, got {lo}, {hi}")
        self.lo, self.hi, self.integer = lo, hi, integer
        s_lo, s_hi = slider_range or (lo, hi)
        self.log = log and s_lo > 0
        self.s_lo, self.s_hi = s_lo, s_hi
        self._committed = value

        self.slider = QSlider(Qt.Orientation.Horizontal)
        steps = int(s_hi - s_lo) if integer and not self.log and s_hi - s_lo <= SLIDER_STEPS else SLIDER_STEPS
        self.slider.setRange(0, steps)
        self.slider.setMinimumWidth(60)
        self.slider.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if integer:
            self.spin = QSpinBox()
            self.spin.setRange(int(lo), int(min(hi, 2**31 - 1)))
            self.spin.setGroupSeparatorShown(False)
        else:
            self.spin = FloatSpin(log=log)
            self.spin.setRange(lo, hi)
            if not log:
                self.spin.setSingleStep(round_sig((s_hi - s_lo) / 100, 1))
        self.spin.setKeyboardTracking(False)  # valueChanged only on Enter, focus-out or the arrows
        self.spin.setMinimumWidth(74)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.label = QLabel(label) if label else None
        if self.label is not None:
            row.addWidget(self.label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.spin)
        if tooltip:
            for w in (self, self.slider, self.spin):
                w.setToolTip(tooltip)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(commit_interval_ms)
        self._timer.timeout.connect(self._commit)
        self.slider.valueChanged.connect(self._from_slider)
        self.slider.sliderReleased.connect(self._flush)
        self.spin.valueChanged.connect(self._from_spin)
        self.setValue(value)

    # -- mapping between slider positions and values -------------------------------------------
    def _to_pos(self, v: float) -> int:
        n = self.slider.maximum()
        v = min(max(v, self.s_lo), self.s_hi)
        if self.log:
            f = (math.log(v) - math.log(self.s_lo)) / (math.log(self.s_hi) - math.log(self.s_lo))
        else:
            f = (v - self.s_lo) / (self.s_hi - self.s_lo)
        return int(round(f * n))

    def _from_pos(self, p: int) -> float:
        f = p / self.slider.maximum()
        if self.log:
            v = math.exp(math.log(self.s_lo) + f * (math.log(self.s_hi) - math.log(self.s_lo)))
        else:
            v = self.s_lo + f * (self.s_hi - self.s_lo)
        v = round_sig(v, 3)
        return int(round(v)) if self.integer else v

    # -- value ------------------------------------------------------------------------------
    def value(self) -> float:
        return self.spin.value()

    def setValue(self, value: float) -> None:  # noqa: N802 - Qt naming
        """Show ``value`` without emitting anything (e.g. when a new task loads its settings)."""
        for w in (self.slider, self.spin):
            w.blockSignals(True)
        self.spin.setValue(int(value) if self.integer else float(value))
        self.slider.setValue(self._to_pos(self.spin.value()))
        for w in (self.slider, self.spin):
            w.blockSignals(False)
        self._committed = self.spin.value()
        self._timer.stop()

    def _from_slider(self, pos: int) -> None:
        v = min(max(self._from_pos(pos), self.lo), self.hi)
        self.spin.blockSignals(True)
        self.spin.setValue(v)
        self.spin.blockSignals(False)
        self._changed()

    def _from_spin(self, v: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(self._to_pos(v))
        self.slider.blockSignals(False)
        self._changed()
        self._flush()  # typed or stepped values are deliberate: apply at once

    def _changed(self) -> None:
        self.valueChanged.emit(self.value())
        if not self._timer.isActive():
            self._timer.start()

    def _flush(self) -> None:
        self._timer.stop()
        self._commit()

    def _commit(self) -> None:
        v = self.value()
        if v != self._committed:
            self._committed = v
            self.valueCommitted.emit(v)
