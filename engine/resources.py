"""The project's own files shipped inside the package (``rnn_lab/assets``): built-in texts, lessons, icon.

Read through ``importlib.resources``, so they are found the same way in a checkout, an editable
install, a wheel, an sdist build or pipx. No path is worked out from a source file's own location.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = "rnn_lab"


def asset(*parts: str) -> Traversable:
    """The shipped file or folder ``assets/<parts...>`` (it may not exist; check ``.is_file()``)."""
    node = files(PACKAGE).joinpath("assets")
    for part in parts:
        node = node.joinpath(part)
    return node


def asset_path(*parts: str) -> Path:
    """``asset(*parts)`` as a file-system path, for readers that need one (Qt's icon loader, ``open``).

    Every way of installing RNN Lab (wheel, editable, sdist, pipx) leaves the package as plain files,
    so this is the shipped file itself; a zip import, which would need temporary copies, is refused.
    """
    node = asset(*parts)
    if isinstance(node, Path):
        return node
    raise FileNotFoundError(f"RNN Lab's assets are not plain files here ({node}); install the package "
                            "with pip (not as a zip archive)")


def asset_files(folder: str, suffix: str) -> list[Traversable]:
    """The files of ``assets/<folder>`` (e.g. "texts/en") whose names end with ``suffix``, sorted by name."""
    node = asset(*folder.split("/"))
    if not node.is_dir():
        return []
    return sorted((f for f in node.iterdir() if f.is_file() and f.name.endswith(suffix)), key=lambda f: f.name)
