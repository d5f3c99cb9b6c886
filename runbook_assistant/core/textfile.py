"""Reading a runbook file's bytes safely, and saying in plain words why bytes are not UTF-8 text.

A library folder may hold anything that ends in ``.md``: a named pipe (opening it would wait for a
writer for ever), a link to a device, a Word document renamed by hand, a file saved by Notepad as
"Unicode" (UTF-16) or as "ANSI" (Windows-1252). None of these may hang or crash a scan; each gets
one message that tells the user what to do.
"""

from __future__ import annotations

import errno
import os
import stat

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class NotRegularFile(OSError):
    """The path is a pipe, socket or device: nothing to read a runbook from."""


def read_limited(path: str, limit: int) -> bytes:
    """A regular file's bytes, at most ``limit + 1`` of them (so more means too big).

    Raises ``NotRegularFile`` for pipes and devices (without waiting on them), ``OSError`` for
    the rest.
    """
    # O_NONBLOCK: opening a named pipe would otherwise wait until something writes to it.
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "folder" if stat.S_ISDIR(info.st_mode) else _special_kind(info.st_mode)
            raise NotRegularFile(f"not a regular file but a {kind}")
        # Plain descriptor calls: file objects cost more to make than a runbook costs to read.
        # Ask for what is there (and one more, to notice a file that grew), then go on in small
        # steps to the end or the limit.
        data = chunk = os.read(fd, min(info.st_size + 1, limit + 1))
        while chunk and len(data) <= limit:
            chunk = os.read(fd, min(1 << 16, limit + 1 - len(data)))
            data += chunk
        return data
    finally:
        os.close(fd)


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


def reason(exc: OSError) -> str:
    """Why a file could not be read, for people: "not a regular file but a named pipe"."""
    if isinstance(exc, NotRegularFile):
        return str(exc)
    if exc.errno == errno.ELOOP:
        return "it is a link in a loop of links, which never reaches a file"
    return exc.strerror or str(exc)


def not_text(data: bytes) -> tuple[int, str] | None:
    """(line, message) when ``data`` is not UTF-8 text, else None (a UTF-8 BOM is fine)."""
    if data.startswith(UTF16_BOMS):
        return 1, ("not a text file as runbooks are read: it is saved as UTF-16 (Notepad's "
                   "'Unicode'); save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        return _line_at(data, nul), f"not a text file (NUL byte at byte {nul})"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
        byte = data[offset]
        hint = _legacy_hint(data, offset)
        return (_line_at(data, offset),
                f"not a text file (invalid UTF-8 at byte {offset}): {hint}save it as UTF-8 "
                f"(byte 0x{byte:02X} cannot be read)")
    return None


def _legacy_hint(data: bytes, offset: int) -> str:
    """Name the likely encoding when the bad byte reads as a letter in Windows-1252."""
    try:
        char = data[offset:offset + 1].decode("cp1252")
    except (UnicodeDecodeError, LookupError):  # LookupError: a build without that codec
        return ""
    if char.isalpha() or char in "€‘’“”–—…":
        return f"it looks like Windows-1252 or Latin-1 text ('{char}'); "
    return ""


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
