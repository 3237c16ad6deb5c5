"""Write a file all at once: a crash, a kill or a full disk mid-write leaves the previous file intact.

The content goes to a temporary file in the same folder (same filesystem, so ``os.replace`` is atomic),
which is flushed and fsynced, renamed over the target, and the folder is fsynced so the rename itself
is durable. The temporary never stays behind, not even on KeyboardInterrupt. Checkpoints, lessons and
the all-runs CSV are written this way. Only a regular file is ever replaced (a symbolic link is followed
and stays a link), and it keeps its permission bits.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .user_files import describe_kind


def atomic_write(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(f)`` on a binary temporary file next to ``path``, then replace ``path`` with it.

    A symbolic link is followed (its target is replaced; the link stays a link); a file that exists
    keeps its permission bits; anything there that is not a regular file (a folder, a device such as
    ``/dev/full``, a FIFO) is refused, never replaced. Returns the path as given. OSError names the path
    on failure (missing folder, no permission, disk full)."""
    path = Path(path)
    target = write_target(path)
    folder = target.parent
    mode = _mode_of(target)
    tmp = _create_temp(folder, target.name)
    try:
        if mode is not None:
            os.chmod(tmp, mode)  # (the temporary was created with the umask's default mode)
        with open(tmp, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
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


def write_target(path: str | os.PathLike) -> Path:
    """The file a write to ``path`` replaces: ``path`` itself, or the file a symbolic link points to.
    OSError when the folder is missing, the link points nowhere, or what is there is not a regular file."""
    path = Path(path)
    target = path
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.exists():
            raise OSError(f"cannot write {path}: it is a symbolic link to {target}, which does not exist")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OSError(f"cannot write {path}: the folder {folder} does not exist")
    _mode_of(target, shown=path)
    return target


def check_writable(path: str | os.PathLike) -> Path:
    """OSError now, naming the reason, if ``atomic_write(path, ...)`` could not create its temporary file
    (no permission, a read-only file system): a long run checks its save target before it starts."""
    path = Path(path)
    target = write_target(path)
    try:
        tmp = _create_temp(target.parent, target.name)
    except OSError as exc:
        raise OSError(f"cannot save to {path}: {str(exc).split(': ', 1)[-1]}") from None
    os.unlink(tmp)
    return target


def _mode_of(target: Path, shown: Path | None = None) -> int | None:
    """Permission bits of the regular file ``target``, None if nothing is there; OSError for anything else."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OSError(f"cannot write {shown or target}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        what = describe_kind(st.st_mode)
        raise OSError(f"cannot write {shown or target}: it is {what}, not a regular file, and is never replaced; "
                      "choose another file name")
    return stat.S_IMODE(st.st_mode)


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """``atomic_write`` of a text (newlines written as given)."""
    data = text.encode(encoding)
    return atomic_write(path, lambda f: f.write(data))


_TEMP_NAME = re.compile(r"^\..+\.(\d+)\.\d+\.tmp$")


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete this user's temporaries (``.NAME.PID.N.tmp``) in ``folder`` whose process no longer runs:
    a kill mid-write leaves its temporary behind, and a long run saved every few minutes and killed a
    few times would otherwise fill the folder. Files of running processes (and of this one) stay."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    me, uid = os.getpid(), getattr(os, "getuid", lambda: None)()
    for entry in entries:
        match = _TEMP_NAME.match(entry.name)
        if not match or int(match.group(1)) in (me, 0):
            continue
        try:
            st = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(st.st_mode) or (uid is not None and st.st_uid != uid):
                continue
            if _running(int(match.group(1))):
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _running(pid: int) -> bool:
    """Whether a process ``pid`` exists (one we may not signal counts as running)."""
    if os.name != "posix":  # (on Windows, os.kill would end the process)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def _create_temp(folder: Path, name: str) -> Path:
    """A new, exclusively created file ``.{name}.{pid}.{n}.tmp`` next to the target (after removing the
    temporaries that killed processes left in ``folder``)."""
    remove_stale_temps(folder)
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
