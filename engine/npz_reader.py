"""Reading an ``.npz`` archive one entry at a time, each only up to the bytes it may hold.

``np.load`` of an ``.npz`` reads whatever an entry's header declares: a 4 MB file can declare (and
deflate to) gigabytes of zeros, and every entry is read, used or not. ``NpzReader`` opens the archive's
directory only; ``read(key, max_bytes, ...)`` then checks the entry's declared sizes, in the zip
directory and in its ``.npy`` header, against ``max_bytes`` (and its shape and kind of number against
what the caller expects) before reading a byte of its data, and never unpickles anything.

Errors are ``NpzError`` (a ValueError) with one sentence naming the archive and the entry.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

import numpy as np

from .errors import ExplainedError
from .i18n import QT_TRANSLATE_NOOP
from .user_files import UserFileError, open_regular, size_text

MAX_ENTRIES = 100_000  # a checkpoint of the largest model has a few hundred
HEADER_BYTES = 1 << 16  # an .npy header is at most 64 kB (format 1.0); numpy's own reader stops at 10 kB
# What zipfile and zlib raise on damaged bytes: besides BadZipFile, a flipped flag bit in a zip header
# reads as "encrypted" (RuntimeError) or an unsupported feature (NotImplementedError).
DAMAGED = (zipfile.BadZipFile, EOFError, OSError, KeyError, RuntimeError, NotImplementedError, zlib.error)


class NpzError(ExplainedError):
    """The archive or one of its entries cannot be read as asked (the message says which and why)."""


class NpzReader:
    """An open ``.npz`` archive: ``keys()`` lists its entries (names without ``.npy``), ``read`` reads one.

    Use as a context manager (the file stays open until then)."""

    def __init__(self, path: str | os.PathLike, what: str = "archive") -> None:
        self.path = Path(path)
        try:
            self._file = open_regular(self.path, what)
        except UserFileError as exc:
            raise NpzError(exc.sentence) from None
        try:
            self.size = os.fstat(self._file.fileno()).st_size
            self._zip = zipfile.ZipFile(self._file)
            infos = self._zip.infolist()
        except DAMAGED as exc:
            self._file.close()
            raise NpzError(QT_TRANSLATE_NOOP("engine", "{path} is truncated or corrupt ({reason}); it cannot be "
                                             "loaded"), path=self.path, reason=str(exc)) from None
        if len(infos) > MAX_ENTRIES:
            self.close()
            raise NpzError(QT_TRANSLATE_NOOP("engine", "{path} has {count:,} entries; an archive RNN Lab reads has "
                                             "far fewer"), path=self.path, count=len(infos))
        self.entries = {i.filename[:-4]: i for i in infos if i.filename.endswith(".npy")}

    def __enter__(self) -> NpzReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._zip.close()
        except AttributeError:
            pass
        self._file.close()

    def keys(self) -> list[str]:
        return list(self.entries)

    def __contains__(self, key: str) -> bool:
        return key in self.entries

    def read(self, key: str, max_bytes: int, shape: tuple[int, ...] | None = None, kinds: str = "biuf") -> np.ndarray:
        """Entry ``key`` as a new (writable) array. NpzError, before its data is read, if the entry declares
        more than ``max_bytes`` of data, has another ``shape`` (when given) or holds another kind of number
        than ``kinds`` (NumPy's dtype kinds: b bool, i/u integers, f floats; objects are never read)."""
        info = self.entries.get(key)
        if info is None:
            raise NpzError(QT_TRANSLATE_NOOP("engine", "{path} is incomplete: entry {key!r} is missing"),
                           path=self.path, key=key)
        if info.file_size > max_bytes + HEADER_BYTES:
            raise self._too_big(key, info.file_size, max_bytes)
        try:
            with self._zip.open(info) as member:
                version = np.lib.format.read_magic(member)
                if version == (1, 0):
                    found, fortran, dtype = np.lib.format.read_array_header_1_0(member)
                elif version == (2, 0):
                    found, fortran, dtype = np.lib.format.read_array_header_2_0(member)
                else:
                    raise NpzError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} is in .npy format {version}, "
                                                     "which RNN Lab never writes"),
                                   path=self.path, key=key, version=str(version))
                if dtype.hasobject:
                    raise NpzError(QT_TRANSLATE_NOOP("engine", "{path} contains object arrays (pickled Python "
                                                     "objects) in entry {key!r}; RNN Lab never writes those and "
                                                     "refuses to load them"), path=self.path, key=key)
                nbytes = int(np.prod(found, dtype=np.float64)) * dtype.itemsize  # (float: no overflow)
                if nbytes > max_bytes:
                    raise self._too_big(key, nbytes, max_bytes)
                if shape is not None and tuple(found) != tuple(shape):
                    raise NpzError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} has shape {found}, expected "
                                                     "{expected}"),
                                   path=self.path, key=key, found=str(tuple(found)), expected=str(tuple(shape)))
                if dtype.kind not in kinds:
                    if kinds == "f":
                        raise NpzError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} holds {dtype} values, "
                                                         "expected floating-point numbers"),
                                       path=self.path, key=key, dtype=str(dtype))
                    raise NpzError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} holds {dtype} values, "
                                                     "expected numbers of kind {kinds}"),
                                   path=self.path, key=key, dtype=str(dtype), kinds=kinds)
                data = bytearray(nbytes)
                if member.readinto(data) != nbytes:
                    raise NpzError(QT_TRANSLATE_NOOP("engine", "{path} is truncated: entry {key!r} is shorter "
                                                     "than its header says"), path=self.path, key=key)
        except NpzError:
            raise
        except (ValueError, *DAMAGED) as exc:
            raise NpzError(QT_TRANSLATE_NOOP("engine", "{path} is truncated or corrupt ({key!r}: {reason}); it "
                                             "cannot be loaded"), path=self.path, key=key, reason=str(exc)) from None
        return np.frombuffer(data, dtype=dtype).reshape(found, order="F" if fortran else "C")

    def _too_big(self, key: str, declared: int, limit: int) -> NpzError:
        return NpzError(QT_TRANSLATE_NOOP("engine", "{path}: entry {key!r} declares {declared} of data, more than "
                                          "such an entry can hold here ({limit}); the file is damaged or was not "
                                          "written by RNN Lab, so it is not read"),
                        path=self.path, key=key, declared=size_text(declared), limit=size_text(limit))
