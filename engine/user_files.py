"""Reading a file the user named: regular files only, a size cap, and JSON with a nesting limit.

Every reader of a user's file (texts, seq2seq data, lessons, checkpoints, the autosave) opens it
here, so one rule holds everywhere:

- only a regular file is read (a symbolic link to one is fine). A FIFO, a device (``/dev/zero``,
  ``/dev/stdin``), a socket or a folder is refused before a byte is read: reading a FIFO waits for
  a writer forever, ``/dev/zero`` never ends. The file is opened non-blocking and checked on the
  open descriptor, so a path swapped for a FIFO between a check and the open cannot block either;
- a file larger than the reader's cap is refused, naming both sizes, before it is read, and a
  file that grows while being read is cut off at the cap;
- JSON from a user's file is parsed with a nesting limit (``loads_json``): Python's parser raises
  RecursionError on deep nesting (and a deep enough document can crash the interpreter), which
  is not an error a caller expects.

Errors are ``UserFileError`` (a ValueError) with one sentence naming the file; callers turn it into
their own kind (TaskError, CheckpointError, ...). This module imports nothing from the engine.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from .errors import ExplainedError
from .i18n import QT_TRANSLATE_NOOP, Sentence

FILE, FILES = QT_TRANSLATE_NOOP("engine", "file"), QT_TRANSLATE_NOOP("engine", "files")
JSON_MAX_DEPTH = 64  # nesting of objects and arrays; RNN Lab's own files need fewer than 10 levels
_KINDS = ((stat.S_ISFIFO, QT_TRANSLATE_NOOP("engine", "a named pipe (FIFO)")),
          (stat.S_ISCHR, QT_TRANSLATE_NOOP("engine", "a character device")),
          (stat.S_ISBLK, QT_TRANSLATE_NOOP("engine", "a block device")),
          (stat.S_ISSOCK, QT_TRANSLATE_NOOP("engine", "a socket")), (stat.S_ISDIR, QT_TRANSLATE_NOOP("engine", "a folder")))


class UserFileError(ExplainedError):
    """A file the user named cannot be read as asked; the message (a translatable ``Sentence``) names it
    and says why."""


def _error(template: str, what: str, path, **args) -> UserFileError:
    """The error ``template`` about the ``what`` (a noun the caller marked for the catalogue) at ``path``."""
    return UserFileError(Sentence(template, what=Sentence(what), path=str(path), **args))


def describe_kind(mode: int) -> str:
    """What a non-regular file is, in words ("a named pipe (FIFO)", "a character device", ...)."""
    return next((name for test, name in _KINDS if test(mode)), QT_TRANSLATE_NOOP("engine", "not a regular file"))


def size_text(n: int) -> str:
    """Bytes as MB with one decimal (decimal megabytes, as file managers show them)."""
    return f"{n / 1e6:,.1f} MB"


def open_regular(path: str | os.PathLike, what: str = FILE) -> BinaryIO:
    """Open ``path`` for reading in binary mode if it is a regular file; UserFileError otherwise
    (missing, a folder, a FIFO, a device, no permission)."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                     | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} does not exist."), what, p) from None
    except IsADirectoryError:
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} is a folder, not a file."), what, p) from None
    except OSError as exc:
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} cannot be opened: {reason}."), what, p,
                     reason=exc.strerror or str(exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} is {kind}, not a regular file; only regular "
                                           "files are read."), what, p, kind=Sentence(describe_kind(mode)))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)  # (a regular file never blocks; reads behave as usual)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: str | os.PathLike, max_bytes: int, what: str = FILE, kind: str = FILES) -> bytes:
    """All bytes of the regular file ``path``; UserFileError if it is larger than ``max_bytes``
    ("The {what} P is 2.0 MB; {kind} larger than 1.0 MB are refused.")."""
    p = Path(path)
    with open_regular(p, what) as f:
        size = os.fstat(f.fileno()).st_size
        if size > max_bytes:
            raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} is {size}; {kind} larger than {most} are "
                                           "refused."), what, p, size=size_text(size), kind=Sentence(kind),
                         most=size_text(max_bytes))
        try:
            data = f.read(max_bytes + 1)
        except OSError as exc:
            raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} could not be read: {reason}."), what, p,
                         reason=exc.strerror or str(exc)) from None
    if len(data) > max_bytes:  # it grew while we read it
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} is larger than {most} (it grew while being read)."), what, p,
                     most=size_text(max_bytes))
    return data


def read_text(path: str | os.PathLike, max_bytes: int, what: str = FILE, encoding: str = "utf-8",
              kind: str = FILES) -> str:
    """``read_bytes`` decoded with ``encoding``, a leading byte-order mark dropped; UserFileError naming the
    first byte that is not valid in the encoding."""
    data = read_bytes(path, max_bytes, what, kind)
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} is not valid {encoding} text (byte {byte} at offset "
                                       "{offset})."), what, Path(path), encoding=encoding.upper(),
                     byte=f"0x{data[exc.start]:02x}", offset=exc.start) from None


def open_append(path: str | os.PathLike, what: str = FILE) -> BinaryIO:
    """Open ``path`` for appending (created if missing) if it is, or becomes, a regular file; UserFileError
    otherwise (a FIFO without a reader would block a plain ``open``)."""
    p = Path(path)
    try:
        fd = os.open(p, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} cannot be written: {reason}."), what, p,
                     reason=exc.strerror or str(exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} is {kind}, not a regular file."), what, p,
                         kind=Sentence(describe_kind(mode)))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "ab")
    except BaseException:
        os.close(fd)
        raise


def check_regular(path: str | os.PathLike, what: str = FILE) -> Path:
    """``path`` as a Path if it names an existing regular file (following symbolic links), without
    opening it; UserFileError naming what it is otherwise."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} does not exist."), what, p) from None
    except OSError as exc:
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} cannot be read: {reason}."), what, p,
                     reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(mode):
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} is a folder, not a file."), what, p)
    if not stat.S_ISREG(mode):
        raise _error(QT_TRANSLATE_NOOP("engine", "The {what} {path} is {kind}, not a regular file; only regular files "
                                       "are read."), what, p, kind=Sentence(describe_kind(mode)))
    return p


# ------------------------------------------------------------------------------------------- JSON
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def json_depth(text: str | bytes) -> int:
    """The deepest nesting of objects and arrays in a JSON text (brackets inside strings ignored).

    Vectorised (a regular expression drops the strings, NumPy counts the brackets), so checking a
    checkpoint's metadata of many megabytes costs milliseconds."""
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else bytes(text)
    data = _STRING.sub(b'""', data)
    b = np.frombuffer(data, dtype=np.uint8)
    steps = (b == ord("[")).astype(np.int32) + (b == ord("{"))
    steps -= (b == ord("]")).astype(np.int32) + (b == ord("}"))
    return int(np.cumsum(steps).max(initial=0))


def loads_json(text: str | bytes, max_depth: int = JSON_MAX_DEPTH, what: str = "the JSON") -> Any:
    """``json.loads`` that refuses a document nested deeper than ``max_depth`` with a ValueError
    (json.JSONDecodeError for a syntax error, as ``json.loads``), never a RecursionError."""
    depth = json_depth(text)
    if depth > max_depth:
        raise ValueError(f"{what} is nested {depth} levels deep; at most {max_depth} are read")
    try:
        return json.loads(text)
    except RecursionError:  # (cannot happen below the limit; kept as the last line of defence)
        raise ValueError(f"{what} is nested too deeply to read") from None
