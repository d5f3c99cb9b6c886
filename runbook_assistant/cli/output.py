"""What the CLI prints goes through here: text from a file (titles, notes, device names, paths)
never reaches the terminal raw.

A control character (ESC starts terminal escape sequences, BEL rings, a carriage return hides what
came before) or a bidi override (which makes text read in another order than it is stored) is
shown as a visible escape such as ``\\x1b`` or ``\\u202e``. Line breaks and tabs stay.
"""

from __future__ import annotations

import unicodedata
from typing import Any

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
    if text.isprintable() and not (_BIDI & set(text)):
        return text  # the usual case: nothing to do
    return "".join(_escaped(c) if _hidden(c) else c for c in text)


def _hidden(char: str) -> bool:
    if char in _KEEP:
        return False
    return char in _BIDI or unicodedata.category(char) in ("Cc", "Cf")


def echo(message: Any = "", *, err: bool = False, nl: bool = True) -> None:
    """``click.echo`` of ``safe(message)``."""
    click.echo(safe(message), err=err, nl=nl)
