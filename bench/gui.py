"""What the window costs: headless vs window-open training throughput, UI stalls and keystroke latency.

    python -m bench.gui [--task char|adder] [--seconds 10] [--rounds 3] [--warmup 2]

One process, interleaved rounds (headless, window, window, headless, ...), each from a fresh model
built from the task's default config (same seed):

- **headless**: ``Trainer.fit`` on the calling thread, in chunks of about 0.1 s, no window, no callback,
  reports throttled to 1/30 s (the cheapest way the engine trains; the CLI costs a little more);
- **window**: the real ``MainWindow`` + ``Controller`` (training in a child process, as the app does;
  ``--worker thread`` for training on a thread of the window's process), set up as ``gui.app.run`` does
  (switch interval 2 ms, pyqtgraph options, theme), on the offscreen platform, with every view that
  applies to the task shown at once: the right-hand docks are floated to their own top-level windows
  (640x480 each, otherwise they are tabs and only one would draw), so the curves, the heatmaps and
  gradient flow ("Inside the network"), gate saturation, the recurrent weights and, for char/lm,
  the sampling panel with auto-sample every 1 s and the sample timeline all draw while training
  runs at full speed.

During each window block the UI thread's event loop (a real ``QEventLoop``, as ``app.exec``) runs:

- a 10 ms ``PreciseTimer``: the stall is each interval minus 10 ms (p50/p95/p99/max);
- simulated typing (char/lm only): every 150 ms a key press + release is *posted* to the prompt
  ``QLineEdit``; the latency is from posting to the line edit's ``textEdited`` signal, so it includes
  the wait for the event loop (and for the GIL), not only the key's processing;
- in the middle of the block, "Evaluate now" (``controller.evaluate("val")``): the time until its
  answer arrives and the worst stall while it ran.

Threads: ``--threads default`` gives each side the app's own default: headless every usable core
(``rnn-lab train``), the window every usable core but one (Train > Threads, "Automatic"). ``--threads N``
gives both sides N threads (the window's menu choice N), to compare them at the same thread count.

Steps/s are the trainer's own step counter (as its progress reports give it) over wall time (after ``--warmup`` seconds that are not
counted); tokens/s = steps/s x tokens per step. The ratio window/headless is the median of the
per-round ratios, so load that comes and goes hits both sides. Load average is printed with the
figures: on a shared 2-CPU machine the absolute numbers move with it; compare ratios.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

# Threads are set at run time (engine/threads.py), as the app does; the window draws offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PyQt6")

TICK_MS = 10  # the stall probe's period
KEY_MS = 150  # one simulated keystroke every KEY_MS


def percentiles(xs: list[float], qs=(50, 95, 99)) -> list[float]:
    """Nearest-rank percentiles of ``xs`` (empty -> NaN)."""
    if not xs:
        return [float("nan")] * len(qs)
    s = sorted(xs)
    return [s[min(len(s) - 1, max(0, int(round(q / 100 * len(s) + 0.5)) - 1))] for q in qs]


def tokens_per_step(config) -> int:
    """Tokens (bits for the adder) one training step consumes."""
    from rnn_lab.engine.tasks.registry import make_task

    return int(make_task(config).train_step().tokens)


# ---------------------------------------------------------------------------------------- headless
def headless_block(config, warmup: float, seconds: float, threads: int | None = None) -> dict[str, float]:
    """``Trainer.fit`` in chunks of about 0.1 s; steps/s over ``seconds`` after ``warmup``.
    ``threads`` None: the headless default (``rnn-lab train``'s)."""
    from rnn_lab.engine.tasks.registry import make_task
    from rnn_lab.engine.threads import choose_threads, set_threads
    from rnn_lab.engine.trainer import Trainer

    set_threads(choose_threads(threads))  # (the window's set-up set this process's pool too)
    trainer = Trainer(make_task(config))
    chunk = 1
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < warmup:  # warm-up sizes the chunks to ~0.1 s
        c0 = time.perf_counter()
        trainer.fit(max_steps=trainer.step_count + chunk)
        chunk = max(1, int(chunk * 0.1 / max(time.perf_counter() - c0, 1e-4)))
    s0, t0, cpu0 = trainer.step_count, time.perf_counter(), time.process_time()
    while time.perf_counter() - t0 < seconds:
        trainer.fit(max_steps=trainer.step_count + chunk)
    wall = time.perf_counter() - t0
    from rnn_lab.engine.threads import blas_threads

    return {"steps_per_s": (trainer.step_count - s0) / wall, "steps": trainer.step_count - s0, "wall": wall,
            "cpu": (time.process_time() - cpu0) / wall, "threads": blas_threads()}


# ---------------------------------------------------------------------------------------- window
class WindowBench:
    """The real main window, built as ``gui.app.run`` builds it, with every applicable view shown."""

    def __init__(self, config, antialias: bool = True, curves_ms: int | None = None,
                 worker: str = "process", threads: int | None = None) -> None:
        import PyQt6.QtWidgets  # noqa: F401  (before pyqtgraph, as gui.app.run)
        import pyqtgraph as pg
        from PyQt6.QtCore import QSettings, Qt, QTimer

        from rnn_lab.gui import theme
        from rnn_lab.gui.controller import Controller
        from rnn_lab.gui.main_window import MainWindow

        sys.setswitchinterval(0.002)  # as gui.app.run
        self.app = pg.mkQApp("RNN Lab bench")
        pg.setConfigOptions(imageAxisOrder="row-major", antialias=antialias)  # gui.app.run: antialias=True
        theme.apply_theme(self.app, "light")
        settings = QSettings(str(Path(tempfile.mkdtemp(prefix="rnnlab-bench-")) / "settings.ini"),
                             QSettings.Format.IniFormat)  # never the user's layout
        self.config = config
        self.controller = Controller(process=worker == "process")
        self.window = MainWindow(self.controller, settings, "light")  # Train > Threads: automatic
        if threads:
            from rnn_lab.gui import threads_menu

            threads_menu.choose(self.window, threads, save=False)
        self.threads = self.controller.threads
        if curves_ms:  # experiment: the curves panel's redraw timer (40 ms = 25 Hz in the app)
            self.window.curves.timer.setInterval(curves_ms)
        self.window.show_panels_for(config.task)
        self.controller.start()
        self.window.resize(1600, 1000)
        self.window.show()
        self.controller.message.connect(self._on_message)
        self.eval_answer: float | None = None
        self.built = False
        self.step, self.state = 0, "paused"  # from the latest progress report

        # the stall probe
        self.ticks: list[float] = []
        self.measuring = False
        self.tick = QTimer()
        self.tick.setTimerType(Qt.TimerType.PreciseTimer)
        self.tick.setInterval(TICK_MS)
        self.tick.timeout.connect(self._on_tick)
        self._last_tick = None
        self.tick.start()
        # simulated typing into the prompt box (char/lm)
        self.sampling = next((p for p in self.window.panels if type(p).__name__ == "SamplingPanel"), None)
        self.key_latency: list[float] = []
        self._posted: list[float] = []
        self.keys = QTimer()
        self.keys.setInterval(KEY_MS)
        self.keys.timeout.connect(self._post_key)
        if self.sampling is not None and config.task in self.sampling.tasks:
            self.sampling.prompt.textEdited.connect(self._key_done)

    # -- probes
    def _on_tick(self) -> None:
        now = time.perf_counter()
        if self.measuring and self._last_tick is not None:
            self.ticks.append((now, max(0.0, now - self._last_tick - TICK_MS / 1000)))
        self._last_tick = now

    def _post_key(self) -> None:
        from PyQt6.QtCore import QCoreApplication, QEvent, Qt
        from PyQt6.QtGui import QKeyEvent

        box = self.sampling.prompt
        if len(box.text()) > 40:
            box.clear()  # (not a textEdited)
        box.setCursorPosition(len(box.text()))
        self._posted.append(time.perf_counter())
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.postEvent(box, QKeyEvent(kind, Qt.Key.Key_E, Qt.KeyboardModifier.NoModifier, "e"))

    def _key_done(self, _text: str) -> None:
        if self._posted:
            self.key_latency.append(time.perf_counter() - self._posted.pop(0))

    def _on_message(self, msg) -> None:
        kind = msg.get("kind")
        if kind == "eval" and self.eval_answer is None:
            self.eval_answer = time.perf_counter()
        elif kind == "built":
            self.built, self.step = True, 0
        elif kind == "progress":
            self.step, self.state = msg["step"], msg["state"]

    def worker_cpu(self) -> float:
        """CPU seconds of the training process so far (0 when training runs on a thread of this one)."""
        proc = self.controller._proc
        if proc is None:
            return 0.0
        try:
            fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    # -- driving
    def wait(self, seconds: float) -> None:
        """Run the event loop (as ``app.exec`` would) for ``seconds``."""
        from PyQt6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    def show_views(self, views: str) -> list[str]:
        """``all``: float every right-hand dock that applies to the task (tabs would show only one) and
        turn on auto-sampling every second; ``default``: the window as a user first sees it (tabs, the
        task's own view in front, no auto-sampling); ``curves``: every right-hand dock hidden.
        Returns the titles of the docks shown."""
        if views == "default":
            return [d.windowTitle() for d in self.window.right_docks if d.isVisible()]
        shown = []
        for i, dock in enumerate(self.window.right_docks):
            panel = dock.widget()
            if views == "curves":
                dock.hide()
                continue
            if self.config.task not in getattr(panel, "tasks", ()):
                continue
            dock.setFloating(True)
            dock.resize(640, 480)
            dock.move(40 * i, 30 * i)
            dock.show()
            shown.append(dock.windowTitle())
        if views == "all" and self.sampling is not None and self.config.task in self.sampling.tasks:
            self.sampling.auto_seconds.setValue(1)
            self.sampling.auto.setChecked(True)
        return shown

    def block(self, warmup: float, seconds: float, typing: bool, views: str = "all") -> dict[str, float]:
        """Build a fresh model, play, warm up, then measure ``seconds`` of training with the probes."""
        self.window.info, self.built = None, False
        self.controller.build(self.config)
        t_build = time.perf_counter()
        while self.window.info is None or not self.built:
            self.wait(0.05)
            if time.perf_counter() - t_build > 60:
                raise RuntimeError("the window did not build the model within 60 s")
        views = self.show_views(views)
        self.wait(0.2)
        self.window.toggle_play()  # what Space does
        self.wait(warmup)
        self.ticks, self.key_latency, self._posted = [], [], []
        self.eval_answer = None
        if typing:
            self.keys.start()
        self.measuring = True
        ui_cpu0, cpu0, child0 = time.thread_time(), time.process_time(), self.worker_cpu()
        s0, t0 = self.step, time.perf_counter()
        self.wait(seconds / 2)
        t_eval = time.perf_counter()
        self.controller.evaluate("val")  # the "Evaluate now" action
        self.wait(seconds - (time.perf_counter() - t0))
        s1, t1 = self.step, time.perf_counter()
        ui_cpu, cpu = time.thread_time() - ui_cpu0, time.process_time() - cpu0
        child = self.worker_cpu() - child0
        self.measuring = False
        self.keys.stop()
        self.window.toggle_play()  # pause
        self.wait(0.3)
        if self.state == "running":
            raise RuntimeError("the trainer did not pause")
        stalls = [s for _, s in self.ticks]
        t_ans = self.eval_answer if self.eval_answer is not None else t1
        # every tick interval that overlaps the evaluation (the one that ends after it included)
        during = [s for t, s in self.ticks if t >= t_eval and t - s - TICK_MS / 1000 <= t_ans] or [0.0]
        return {"steps_per_s": (s1 - s0) / (t1 - t0), "steps": s1 - s0, "wall": t1 - t0, "stalls": stalls,
                "keys": list(self.key_latency), "eval_s": (t_ans - t_eval) if self.eval_answer else float("nan"),
                "eval_stall_max": max(during), "ui_cpu": ui_cpu / (t1 - t0), "cpu": cpu / (t1 - t0),
                "child_cpu": child / (t1 - t0),
                "views": views, "trace": self.controller.display.trace, "weights": self.controller.display.weights}

    def close(self) -> None:
        self.tick.stop()
        self.window.close()
        self.controller.close()


# ---------------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", choices=["char", "adder"], default="char")
    parser.add_argument("--seconds", type=float, default=10.0, help="measured seconds per block")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds at the start of each block")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (medians are reported)")
    parser.add_argument("--views", choices=["all", "default", "curves"], default="all",
                        help="all: every view at once (floated); default: the first-start layout (tabs); "
                             "curves: only the training curves")
    parser.add_argument("--no-antialias", action="store_true",
                        help="experiment: pyqtgraph antialias off (the app turns it on)")
    parser.add_argument("--curves-ms", type=int, default=0,
                        help="experiment: the curves panel's redraw period in ms (the app: 40)")
    parser.add_argument("--no-typing", action="store_true", help="no simulated keystrokes")
    parser.add_argument("--worker", choices=["process", "thread"], default="process",
                        help="where the window trains: a child process (the app's default) or a thread")
    parser.add_argument("--threads", default="default",
                        help="'default' (headless: every usable core; window: every core but one) or N for both")
    args = parser.parse_args(argv)
    threads = None if args.threads == "default" else int(args.threads)

    from rnn_lab.engine.tasks.registry import default_config

    config = default_config(args.task)
    per_step = tokens_per_step(config)
    load0 = os.getloadavg()
    bench = WindowBench(config, antialias=not args.no_antialias, curves_ms=args.curves_ms or None,
                        worker=args.worker, threads=threads)
    typing = not args.no_typing and bench.sampling is not None and args.task in bench.sampling.tasks
    head, win = [], []
    for r in range(args.rounds):
        order = ("headless", "window") if r % 2 == 0 else ("window", "headless")
        for side in order:
            if side == "headless":
                head.append(headless_block(config, args.warmup, args.seconds, threads))
            else:
                win.append(bench.block(args.warmup, args.seconds, typing, args.views))
        print(f"  round {r + 1}/{args.rounds}: headless {head[-1]['steps_per_s']:.1f} steps/s, window "
              f"{win[-1]['steps_per_s']:.1f} steps/s, stall p99 {percentiles(win[-1]['stalls'])[2] * 1e3:.1f} ms, "
              f"load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
    load1 = os.getloadavg()
    bench.close()

    ratios = [w["steps_per_s"] / h["steps_per_s"] for h, w in zip(head, win)]
    stalls = [s for w in win for s in w["stalls"]]
    keys = [k for w in win for k in w["keys"]]
    hs, ws = (statistics.median(x["steps_per_s"] for x in side) for side in (head, win))
    p = [x * 1e3 for x in percentiles(stalls)]
    print(f"task {args.task} ({config.model} H={config.hidden}, batch {config.batch}, {per_step} tokens/step), "
          f"{args.rounds} rounds x {args.seconds:g} s (+{args.warmup:g} s warm-up); threads: headless "
          f"{head[-1]['threads']}, window {bench.threads} (--threads {args.threads}); QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM')}"
          f"{', antialias off' if args.no_antialias else ''}"
          f"{f', curves redraw every {args.curves_ms} ms' if args.curves_ms else ''}; "
          f"training in a {'child process' if args.worker == 'process' else 'thread of the window process'}; "
          f"load average (1 min) {load0[0]:.1f} before, {load1[0]:.1f} after, on {os.cpu_count()} CPUs")
    print(f"--views {args.views}: {', '.join(win[-1]['views']) or 'no dock'} + training curves; traces "
          f"{'on' if win[-1]['trace'] is not None else 'OFF'}, weights {'on' if win[-1]['weights'] else 'OFF'}")
    print("| | steps/s | tokens/s |")
    print("|---|---|---|")
    print(f"| headless Trainer.fit | {hs:,.1f} | {hs * per_step:,.0f} |")
    print(f"| window, views {args.views} | {ws:,.1f} | {ws * per_step:,.0f} |")
    print(f"window/headless: **{statistics.median(ratios):.0%}** (rounds "
          + ", ".join(f"{r:.0%}" for r in ratios) + ")")
    print(f"UI stall (10 ms timer lateness), {len(stalls):,} ticks: p50 {p[0]:.1f} ms, p95 {p[1]:.1f} ms, "
          f"p99 **{p[2]:.1f} ms**, max {max(stalls) * 1e3:.1f} ms; "
          f"{sum(s for s in stalls if s > 0.05) / sum(w['wall'] for w in win):.0%} of the time in stalls over 50 ms")
    if keys:
        k = [x * 1e3 for x in percentiles(keys)]
        print(f"keystroke latency (posted -> textEdited), {len(keys)} keys: p50 {k[0]:.1f} ms, p95 {k[1]:.1f} ms, "
              f"p99 {k[2]:.1f} ms, max {max(keys) * 1e3:.1f} ms")
    print("'Evaluate now' during training: answered after "
          + ", ".join(f"{w['eval_s'] * 1e3:.0f}" for w in win) + " ms; worst stall while it ran "
          + ", ".join(f"{w['eval_stall_max'] * 1e3:.1f}" for w in win) + " ms")
    print("CPU while the window trains (share of one core): UI thread "
          + ", ".join(f"{w['ui_cpu']:.0%}" for w in win) + "; window process "
          + ", ".join(f"{w['cpu']:.0%}" for w in win) + "; training process "
          + ", ".join(f"{w['child_cpu']:.0%}" for w in win) + "; headless process " + ", ".join(f"{h['cpu']:.0%}" for h in head))


if __name__ == "__main__":
    main()
