"""Imports point one way (the contracts in pyproject.toml, checked by ``lint-imports`` in CI), and no
import of our own modules hides inside a function, where a cycle would go unnoticed.

The only function-level imports of our own modules are the start-up ones, there on purpose: ``main.py``
loads the window only for the window (``rnn-lab train`` never imports Qt), and ``gui/app.py`` sets the
Qt platform before anything imports Qt.
"""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTUP = {"main.py", "gui/app.py"}


def own_imports_in_functions(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.ImportFrom) and (sub.level or (sub.module or "").startswith("rnn_lab")) or \
                    isinstance(sub, ast.Import) and any(a.name.startswith("rnn_lab") for a in sub.names):
                found.append(f"{path.relative_to(ROOT)}:{sub.lineno}: {ast.unparse(sub)}")
    return found


def test_no_function_level_import_of_our_own_modules():
    sources = [p for folder in ("engine", "gui") for p in (ROOT / folder).rglob("*.py")] + [ROOT / "main.py"]
    found = [f for p in sources if str(p.relative_to(ROOT)) not in STARTUP for f in own_imports_in_functions(p)]
    assert found == []


def test_import_contracts_are_kept():
    """What CI runs too; import-linter comes with the dev extra (pip install -e ".[dev]")."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
