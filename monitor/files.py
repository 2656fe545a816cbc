"""Reading local files safely: only regular files, and never more than a cap.

Plain Python with no dependencies, so that ``monitor extract`` (which must start without the
store, the HTTP client or Qt) reads files the same way ``monitor ingest`` does.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["NotRegularFileError", "display_path", "read_capped"]


def display_path(path: Path | str) -> str:
    """``path`` as text that can be printed and stored: a name that is not UTF-8 (``caf\\xe9.txt``)
    keeps its odd bytes as ``\\xNN`` escapes instead of the lone surrogates Python decodes them to,
    which no terminal, JSON writer or SQLite column accepts."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


class NotRegularFileError(OSError):
    """A FIFO, device or socket where a file was expected: never read, it may never end."""


#: Bytes read per call when reading a file up to its cap.
_READ_CHUNK = 1024 * 1024


def read_capped(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file ``path``, or None when it holds more than ``limit`` bytes.

    What is read is capped, not what ``st_size`` promises: a file can grow while read, and
    /proc-like files say 0. Anything but a regular file is refused with NotRegularFileError
    (opened non-blocking, so a FIFO with no writer cannot hang us between check and open).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = ("a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or
                    stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "a special file")
            raise NotRegularFileError(f"not a regular file ({kind}); only files are read")
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = handle.read(min(_READ_CHUNK, limit + 1 - total))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            total += len(chunk)
        return None
