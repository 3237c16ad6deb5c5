"""Write a file all at once: a crash, a kill or a full disk mid-write leaves the previous file intact.

The content goes to a temporary file in the same folder (same filesystem, so ``os.replace`` is atomic),
which is flushed and fsynced, renamed over the target, and the folder is fsynced so the rename itself
is durable. The temporary never stays behind, not even on KeyboardInterrupt. Checkpoints, lessons and
the all-runs CSV are written this way.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def atomic_write(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(f)`` on a binary temporary file next to ``path``, then replace ``path`` with it.

    OSError names the path on failure (missing folder, no permission, disk full)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"cannot write {path}: the folder {folder} does not exist")
    tmp = _create_temp(folder, path.name)
    try:
        with open(tmp, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:  # also KeyboardInterrupt: never leave a half-written temporary behind
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OSError(f"cannot write {path}: {exc.strerror or exc}") from None
        raise
    _fsync_folder(folder)
    return path


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """``atomic_write`` of a text (newlines written as given)."""
    data = text.encode(encoding)
    return atomic_write(path, lambda f: f.write(data))


def _create_temp(folder: Path, name: str) -> Path:
    """A new, exclusively created file ``.{name}.{pid}.{n}.tmp`` next to the target."""
    for attempt in range(100):
        tmp = folder / f".{name}.{os.getpid()}.{attempt}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise OSError(f"cannot write in {folder}: {exc.strerror or exc}") from None
        os.close(fd)
        return tmp
    raise OSError(f"cannot write in {folder}: too many leftover temporary files named .{name}.*.tmp")


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
