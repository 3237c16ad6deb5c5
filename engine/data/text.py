"""Reading the user's text files safely: one clear TaskError sentence instead of a traceback.

``read_text(path, encoding)`` refuses, each with a message naming the file:
a missing path, a folder, a file over 300 MB (naming its size), an empty file, a binary file
(NUL bytes, or mostly control characters), and bytes that are not valid in ``encoding``
(the UTF-8 message offers the Latin-1 reading: ``encoding="latin-1"``, which never fails).

The text comes back with a UTF-8 byte-order mark removed and every line end as ``"\\n"``
(Windows ``\\r\\n`` and old-Mac ``\\r`` are converted), so a language model never learns ``\\r``.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import TaskError
from ..i18n import QT_TRANSLATE_NOOP, Sentence
from ..user_files import UserFileError, check_regular, read_bytes

MAX_BYTES = 300 * 10**6  # "300 MB": a larger text does not fit the in-memory pipeline comfortably
ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "latin-1": "latin-1", "latin1": "latin-1",
             "iso-8859-1": "latin-1"}
_SNIFF = 1 << 16  # bytes inspected for control characters
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))  # tab, LF, FF, CR, ESC are text


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


DATA_FILE = QT_TRANSLATE_NOOP("engine", "data file")


def check_file(path: str | Path, what: str = DATA_FILE) -> Path:
    """The path as a Path if it names an existing regular file, else TaskError (missing / folder /
    a FIFO or a device, which are never read). ``what`` names the file in the message (a text marked
    for the catalogue)."""
    p = Path(path).expanduser()
    if not p.exists():
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The {what} {path} does not exist."), what=Sentence(what), path=p)
    if p.is_dir():
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The path {path} is a folder, not a text file."), path=p)
    try:
        return check_regular(p, what)
    except UserFileError as exc:
        raise TaskError(exc.sentence) from None


def read_text(path: str | Path, encoding: str = "utf-8", *, what: str = DATA_FILE,
              max_bytes: int = MAX_BYTES) -> str:
    """The whole text of ``path`` decoded with ``encoding`` ("utf-8" or "latin-1"), checked as above."""
    enc = ENCODINGS.get(encoding.lower().replace("_", "-"))
    if enc is None:
        raise TaskError(QT_TRANSLATE_NOOP("engine", "Unknown text encoding {encoding!r}; use 'utf-8' or 'latin-1'."),
                        encoding=encoding)
    p = check_file(path, what)
    try:  # (opened as a regular file only: a path swapped for a FIFO after the check cannot block)
        data = read_bytes(p, max_bytes, QT_TRANSLATE_NOOP("engine", "file"), kind=QT_TRANSLATE_NOOP("engine", "text files"))
    except UserFileError as exc:
        raise TaskError(exc.sentence) from None
    if not data:
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The file {path} is empty."), path=p)
    _check_not_binary(p, data)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as exc:
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The file {path} is not valid UTF-8 text (byte 0x{byte:02x} at "
                                          "offset {offset}); if it is Latin-1 text, load it with encoding "
                                          "'latin-1'."), path=p, byte=data[exc.start], offset=exc.start) from None
    text = text.lstrip("\ufeff")  # byte-order marks (some editors write two) are not text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The file {path} contains only whitespace, no text."), path=p)
    return text


def _check_not_binary(p: Path, data: bytes) -> None:
    """TaskError if ``data`` looks like a binary file rather than text."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The file {path} is UTF-16 text; save it as UTF-8 to use it."),
                        path=p)
    if b"\x00" in data:
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The file {path} looks like a binary file (it contains NUL "
                                          "bytes), not text."), path=p)
    head = data[:_SNIFF]
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > 0.1 * len(head):
        raise TaskError(QT_TRANSLATE_NOOP("engine", "The file {path} looks like a binary file ({share:.0%} control "
                                          "characters), not text."), path=p, share=controls / len(head))
