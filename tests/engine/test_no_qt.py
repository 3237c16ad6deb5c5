"""The engine (trainer, tasks, checkpoints, CLI) runs without Qt: importing any of it loads no PyQt6/pyqtgraph."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CODE = """
import importlib, pkgutil, sys
import rnn_lab.engine
for module in pkgutil.walk_packages(rnn_lab.engine.__path__, "rnn_lab.engine."):
    importlib.import_module(module.name)
import rnn_lab.main
qt = sorted(m for m in sys.modules if m.startswith(("PyQt6", "PyQt5", "PySide", "pyqtgraph", "rnn_lab.gui")))
assert not qt, qt
print("ok")
"""


def test_engine_imports_no_qt():
    result = subprocess.run([sys.executable, "-c", CODE], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_headless_commands_import_no_qt(tmp_path):
    """`main.py train` end to end, then check what got imported (via -X importtime, on stderr)."""
    result = subprocess.run([sys.executable, "-X", "importtime", "main.py", "train", "--task", "adder", "--iters",
                             "3", "--quiet", "--save", str(tmp_path / "a.npz")], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]
    assert "rnn_lab.engine.trainer" in imported
    assert not [m for m in imported if m.startswith(("PyQt6", "pyqtgraph", "rnn_lab.gui"))]
