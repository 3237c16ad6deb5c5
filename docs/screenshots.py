"""Render every task and every built-in lesson at 1280x800 and 1600x1000, in English and Japanese,
with ``--screenshot``.

    python docs/screenshots.py [OUT_DIR] [--jobs N] [--lang en ja] [--size 1280x800 1600x1000]

Writes OUT_DIR/<task or lesson>-<W>x<H>-<lang>.png (default OUT_DIR: ./screenshots) and prints one
line per picture. Look at every image: nothing clipped, overlapping or squeezed (issue 13's
checklist), no English left in the Japanese window but names such as LSTM (issue 14's). Each picture
is a separate ``main.py --screenshot --lang ...`` process, offscreen, so the pictures are the same on
every machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = ("1280x800", "1600x1000")
TASKS = {"adder": 150, "char": 200, "lm": 150, "seq2seq": 150}  # task -> steps before the picture
LESSON_STEPS = 120
LANGS = ("en", "ja")


def jobs(sizes=SIZES, langs=LANGS) -> list[tuple[str, list[str]]]:
    sys.path.insert(0, str(ROOT.parent))
    from rnn_lab.engine.lessons import builtin_lessons

    out = []
    for lang in langs:
        for size in sizes:
            for task, steps in TASKS.items():
                out.append((f"{task}-{size}-{lang}", ["--task", task, "--steps", str(steps), "--size", size,
                                                      "--lang", lang]))
            for path in builtin_lessons():
                out.append((f"lesson-{path.stem}-{size}-{lang}", ["--lesson", path.stem, "--steps",
                                                                  str(LESSON_STEPS), "--size", size, "--lang", lang]))
    return out


def render(name: str, args: list[str], folder: Path) -> str:
    target = folder / f"{name}.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(target), *args],
                          env=env, capture_output=True, text=True, timeout=600)
    status = "ok" if proc.returncode == 0 else f"FAILED ({proc.returncode}): {proc.stderr.strip()[-300:]}"
    return f"{target}  {time.perf_counter() - t0:5.1f} s  {status}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", default="screenshots", help="folder for the pictures")
    parser.add_argument("--jobs", type=int, default=2, help="pictures rendered at once (default 2)")
    parser.add_argument("--lang", nargs="+", default=list(LANGS), choices=LANGS, help="languages (default: both)")
    parser.add_argument("--size", nargs="+", default=list(SIZES), help="window sizes (default: %(default)s)")
    args = parser.parse_args()
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    failed = 0
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for line in pool.map(lambda job: render(job[0], job[1], folder), jobs(args.size, args.lang)):
            print(line, flush=True)
            failed += "FAILED" in line
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
