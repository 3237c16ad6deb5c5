"""How large recordings get, and what recording costs the window: 10 s and 60 s recordings (10 frames
a second) of the whole window and of one view, in every format this installation writes.

    python -m bench.recording [--quick]

Each recording is ``main.py --record FILE --steps N --record-frames F`` offscreen at 1280x800, so a
frame follows N/F training steps, as a window training at full speed shows about 3 steps of the char
LM (30 a second) per frame of 0.1 s. Printed per recording: frames, seconds, frame size, bytes, and
bytes per second of recording. Then the window's own cost: the time to grab one frame (what the
window's thread does 10 times a second while recording), the median of 30 grabs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as main.py does (before NumPy is imported)
ROOT = Path(__file__).resolve().parents[1]
RUNS = [  # (label, task, steps per frame, view)
    ("adder, whole window", "adder", 1, None),
    ("char LM, whole window", "char", 3, None),
    ("char LM, Inside view", "char", 3, "Inside"),
]


def record(out: Path, task: str, steps: int, frames: int, view: str | None) -> tuple[str, float]:
    args = [sys.executable, str(ROOT / "main.py"), "--record", str(out), "--task", task, "--steps", str(steps),
            "--record-frames", str(frames)] + (["--record-view", view] if view else [])
    t0 = time.perf_counter()
    proc = subprocess.run(args, capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if proc.returncode:
        return f"FAILED: {proc.stderr.strip()[-200:]}", 0.0
    return proc.stdout.strip().splitlines()[-1], time.perf_counter() - t0


def window_costs(seconds: float = 8.0) -> tuple[float, float, float]:
    """(median ms to grab one frame of the 1280x800 window; training steps/s of the char LM in its child
    process without recording; the same while the whole window is recorded at 10 frames a second)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import pyqtgraph as pg
    from PyQt6.QtCore import QSettings
    from PyQt6.QtTest import QTest

    from rnn_lab.engine.tasks.registry import default_config
    from rnn_lab.gui.controller import Controller
    from rnn_lab.gui.main_window import MainWindow
    from rnn_lab.gui.recorder import grab_rgb

    pg.mkQApp("bench")
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    controller = Controller(process=True)
    window = MainWindow(controller, QSettings(tempfile.mktemp(suffix=".ini"), QSettings.Format.IniFormat))
    window.resize(1280, 800)
    window.show()
    controller.start()
    controller.build(default_config("char"))
    while window.info is None:
        QTest.qWait(50)
    window.speed.set_speed(0)  # full speed (a task's first run is slowed down for the learner)
    controller.play()
    QTest.qWait(2000)

    def rate() -> float:
        s0, t0 = window.step, time.perf_counter()
        QTest.qWait(int(seconds * 1000))
        return (window.step - s0) / (time.perf_counter() - t0)

    plain = rate()
    with tempfile.TemporaryDirectory() as folder:
        window.recorder.start(window, Path(folder) / "w.gif")
        recorded = rate()
        window.recorder.stop()
        window.recorder.wait(120)
    times = []
    for _ in range(30):
        t0 = time.perf_counter()
        grab_rgb(window)
        times.append(time.perf_counter() - t0)
    controller.close()
    window.close()
    return statistics.median(times) * 1e3, plain, recorded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 s recordings only")
    parser.add_argument("--costs", action="store_true", help="only the window's costs")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT.parent))
    from rnn_lab.gui.recording import SUFFIXES, formats

    print(f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        for seconds in () if args.costs else (10,) if args.quick else (10, 60):
            frames = seconds * 10
            for label, task, per_frame, view in RUNS:
                for fmt in formats() if (seconds == 60 and task == "char" and view is None) else ["gif"]:
                    out = Path(folder) / f"{task}-{seconds}{SUFFIXES[fmt]}"
                    line, took = record(out, task, frames * per_frame, frames, view)
                    size = out.stat().st_size if out.exists() else 0
                    print(f"{seconds:3d} s  {label:24s} {fmt:5s} {size / 1e6:6.2f} MB  {size / seconds / 1e3:6.0f} kB/s  "
                          f"({took:5.1f} s to make)  {line}")
    grab_ms, plain, recorded = window_costs()
    print(f"grabbing one frame of the 1280x800 window: {grab_ms:.1f} ms (median of 30): at 10 frames a second "
          f"{grab_ms:.1f} % of the window's thread")
    print(f"training (char LM, child process): {plain:.1f} steps/s, {recorded:.1f} steps/s while the whole window "
          f"is recorded (ratio {recorded / plain:.2f})")


if __name__ == "__main__":
    main()
