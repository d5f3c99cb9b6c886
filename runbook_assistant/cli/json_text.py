"""JSON for scripts, indented: the text ``json.dumps(data, ensure_ascii=False, indent=2)`` gives,
made several times faster.

With ``indent`` the standard library leaves its C encoder for a pure-Python one that yields every
bracket, comma and value through nested generators: for ``list --json`` of a thousand runbooks
that took longer than reading the whole library. Here strings are still escaped by the C
function, and the layout is written in one pass. Anything unusual (a key that is not a string,
an object JSON cannot hold) goes to ``json.dumps``, so the output and the errors stay the same.
"""

from __future__ import annotations

import json
from typing import Any

_STRING = json.encoder.encode_basestring  # its C version: escapes as ensure_ascii=False does
_INDENT = "  "


class _Unusual(Exception):
    """Something only ``json.dumps`` knows how to write (or to refuse)."""


def indented(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, the same text."""
    out: list[str] = []
    try:
        _write(data, "\n", out)
    except (_Unusual, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    # The same order of checks as json's encoder: bool before int, str subclasses as str.
    if isinstance(value, str):
        out.append(_STRING(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + _INDENT
        out.append("[")
        separator = inner
        following = "," + inner
        for item in value:
            text = _plain(item)
            if text is not None:
                out.append(separator + text)
            else:
                out.append(separator)
                _write(item, inner, out)
            separator = following
        out.append(newline + "]")
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + _INDENT
        out.append("{")
        separator = inner
        following = "," + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual  # json turns numbers, booleans and None into strings: its job
            text = _plain(item)
            if text is not None:
                out.append(separator + _STRING(key) + ": " + text)
            elif type(item) is list and item and all(type(x) is str for x in item):
                deeper = inner + _INDENT
                out.append(separator + _STRING(key) + ": [" + deeper
                           + ("," + deeper).join(map(_STRING, item)) + inner + "]")
            else:
                out.append(separator + _STRING(key) + ": ")
                _write(item, inner, out)
            separator = following
        out.append(newline + "}")
    else:
        raise _Unusual


def _plain(item: Any) -> str | None:
    """The text of the usual values (a string, an int, null), written at once as ``_write``
    would; None for anything else."""
    kind = type(item)
    if kind is str:
        return _STRING(item)
    if kind is int:
        return int.__repr__(item)
    return "null" if item is None else None


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
