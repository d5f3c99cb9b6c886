"""What the CLI prints goes through here: text from a file (titles, notes, device names, paths)
never reaches the terminal raw.

``escaping_streams()`` puts ``safe`` between every command and standard output and error (the
click group and the console entry point use it), so no command needs to remember it.

A control character (ESC starts terminal escape sequences, BEL rings, a carriage return hides what
came before) or a bidi override (which makes text read in another order than it is stored) is
shown as a visible escape such as ``\\x1b`` or ``\\u202e``. Line breaks and tabs stay.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import click

_KEEP = {"\n", "\t"}
# Bidi embeddings, overrides and isolates, and the marks: they reorder what a person reads.
_BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F,
                          0x061C)}


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(value: Any) -> str:
    """``value`` as text with every control character and bidi control made visible."""
    text = str(value)
    # Bidi controls are format characters (Cf), so a printable line holds none. Checked a line at
    # a time (a line break is not printable): output of many lines keeps the fast path, and only
    # a line with something unprintable in it (a control, or just a no-break space) is looked at
    # character by character.
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return text  # the usual case, seen in one pass: nothing to do
    lines = text.split("\n")
    if all(line.isprintable() or _tabs_only(line) for line in lines):
        return text
    return "\n".join(line if line.isprintable() else "".join(
        _escaped(c) if _hidden(c) else c for c in line) for line in lines)


def _tabs_only(line: str) -> bool:
    """True when the only unprintable characters of ``line`` are tabs."""
    return "\t" in line and line.replace("\t", " ").isprintable()


def _hidden(char: str) -> bool:
    if char in _KEEP:
        return False
    return char in _BIDI or unicodedata.category(char) in ("Cc", "Cf")


def echo(message: Any = "", *, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` of ``safe(message)``."""
    click.echo(safe(message), err=err, nl=nl)


class _Escaping:
    """A text stream that writes ``safe(text)`` to the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(safe(text) if isinstance(text, str) else text)
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, encoding, buffer, fileno ...
        return getattr(self._stream, name)


@contextmanager
def escaping_streams() -> Iterator[None]:
    """While the block runs, ``sys.stdout`` and ``sys.stderr`` escape what ``safe`` escapes.

    (Bytes written to a stream's ``buffer`` pass as they are: no command prints a file's bytes
    to the terminal.)"""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, _Escaping):
        sys.stdout = _Escaping(sys.stdout)  # type: ignore[assignment]
    if not isinstance(sys.stderr, _Escaping):
        sys.stderr = _Escaping(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
