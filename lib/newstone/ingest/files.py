"""Opening input files without blocking, and reading them within a size limit.

A user's folder can hold a named pipe, a socket or a device file: opened, a pipe blocks
until something writes to it, a device can stream for ever. Only regular files are
opened (symlinks followed); anything else becomes an error row, "not a regular file",
without being opened. The check is made again on the open file, so a file swapped for a
pipe in between is still refused, and the file is opened non-blocking, so even then the
open itself returns at once.

One article may hold at most :func:`max_article_bytes` bytes (50 MB unless the
environment variable ``NEWSTONE_MAX_ARTICLE_MB`` says otherwise): a larger .txt or .html
file, .jsonl line or .csv field becomes an error row, and no more than the limit is ever
read into memory for it.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

from newstone.errors import InputRefused

DEFAULT_MAX_ARTICLE_MB = 50


MAX_ARTICLE_ENV = "NEWSTONE_MAX_ARTICLE_MB"


def max_article_bytes() -> int:
    """The most bytes one article may take: ``NEWSTONE_MAX_ARTICLE_MB`` megabytes (a
    positive number, fractions allowed), else 50 MB. Raises
    :class:`~newstone.errors.InputRefused` for a value that is not a positive number."""
    value = os.environ.get(MAX_ARTICLE_ENV, "").strip()
    if not value:
        return DEFAULT_MAX_ARTICLE_MB * 2**20
    try:
        megabytes = float(value)
    except ValueError:
        megabytes = float("nan")
    if not 0 < megabytes < 2**40:  # NaN and inf fail too
        raise InputRefused(f"{MAX_ARTICLE_ENV}={value!r}: expected a positive number of megabytes")
    return max(1, int(megabytes * 2**20))


def describe_size(n_bytes: int) -> str:
    """ "50 MB", "0.5 MB", "120 bytes": a limit as the user set it."""
    if n_bytes < 2**20 // 10:
        return f"{n_bytes} bytes"
    return f"{n_bytes / 2**20:.3g} MB"


def too_large(limit: int) -> str:
    """The error of an article over the limit."""
    return f"article larger than {describe_size(limit)} (the limit, set by {MAX_ARTICLE_ENV}), not read"


_SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


def special_kind(mode: int) -> str | None:
    """None for a regular file, else what it is ("a named pipe", "a socket" ...)."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _SPECIAL_KINDS if test(mode)), "a special file")


def not_regular(kind: str) -> str:
    """The error of a file that is not a regular one: it is never opened."""
    return f"not a regular file ({kind}), not opened"


def special_file(path: str) -> str | None:
    """What ``path`` is when it exists and is not a regular file or a directory ("a named
    pipe"), else None. Never opens it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    return None if stat.S_ISDIR(mode) else special_kind(mode)


# Non-blocking: opening a named pipe swapped in after the check returns at once instead
# of waiting for a writer (reads from a regular file ignore the flag).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


def open_regular(path: str) -> tuple[BinaryIO | None, str | None]:
    """(binary file object, None) for a regular file, or (None, error message): a file that
    is not regular is refused without being opened, one that cannot be read says why."""
    try:
        kind = special_kind(os.stat(path).st_mode)
        if kind:
            return None, not_regular(kind)
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        return None, f"unreadable file: {exc.strerror or exc}"
    try:
        kind = special_kind(os.fstat(fd).st_mode)
    except OSError as exc:
        os.close(fd)
        return None, f"unreadable file: {exc.strerror or exc}"
    if kind:  # swapped for a pipe since the check
        os.close(fd)
        return None, not_regular(kind)
    return os.fdopen(fd, "rb"), None


def read_article_bytes(path: str, limit: int | None = None) -> tuple[bytes | None, str | None]:
    """(bytes, None) of a one-article file, or (None, error message) when it is not a
    regular file, cannot be read or holds more than ``limit`` bytes (default
    :func:`max_article_bytes`); never reads more than ``limit + 1`` bytes."""
    limit = max_article_bytes() if limit is None else limit
    handle, error = open_regular(path)
    if handle is None:
        return None, error
    with handle:
        try:
            if os.fstat(handle.fileno()).st_size > limit:
                return None, too_large(limit)
            data = handle.read(limit + 1)
        except OSError as exc:
            return None, f"unreadable file: {exc.strerror or exc}"
    if len(data) > limit:  # grew, or a file whose size the system does not know (/proc)
        return None, too_large(limit)
    return data, None


def bounded_lines(handle, limit: int):
    """The lines of ``handle`` (binary or text, opened by the caller), each with its end;
    a line longer than ``limit`` comes as None (the rest of it skipped, never held)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n" if isinstance(line, bytes) else "\n"):
            yield line
            continue
        while line and not line.endswith(b"\n" if isinstance(line, bytes) else "\n"):
            line = handle.readline(1 << 20)
        yield None
