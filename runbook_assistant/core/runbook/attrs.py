"""The trailing attribute block of a heading, step or fence line: ``Title {#id .flag key=value}``.

The syntax is Pandoc's, as mdit-py-plugins' ``attrs`` reads it: ``#id``, ``.flag``, ``key=value``,
``key="quoted value"`` (backslash escapes inside), ``%comment%``. It is read here with one regular
expression rather than that plugin's character-by-character scanner, which took a third of the
parse time of a long runbook. Bare values may hold any non-space characters but quotes, braces and
``=`` (so ``due=1.5h`` is read, and then reported as a malformed duration). Braces that are not a
readable block, such as ``{naam}`` in a title, stay part of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Where to give up looking for the opening brace: titles with many braces are not attribute blocks.
_MAX_TRIES = 16
# A tail that was clearly meant as attributes (starts with #id or .flag, or has key=) but failed.
_LOOKS_LIKE_ATTRS = re.compile(r"\{\s*(?:[#.]|[\w:-]+\s*=)")
_ESCAPE = re.compile(r"\\(.)")
_NAME = r"""[^\s!"#$%&'()*+,./;<=>?@\[\\\]^`{|}~]+"""
_ITEM = re.compile(
    rf"""\s*(?:\#(?P<id>{_NAME})|\.(?P<cls>{_NAME})|%[^%]*%"""
    r"""|(?P<key>[A-Za-z0-9_:-]+)=(?:"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<bare>[^\s"'{}=]+)))"""
    r"""(?=\s|$)""")


@dataclass(frozen=True)
class Attrs:
    """A parsed attribute block."""

    id: str | None = None
    classes: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()  # key=value in written order

    def get(self, key: str) -> str | None:
        """The value of ``key``, or None."""
        return next((v for k, v in self.pairs if k == key), None)


@dataclass(frozen=True)
class SplitLine:
    """A line with its attribute block taken off: ``text``, ``attrs`` and a reading problem."""

    text: str
    attrs: Attrs
    problem: str | None = None  # set when a block was meant but cannot be read


def read_attrs(block: str) -> Attrs:
    """Parse a whole ``{...}`` block; raises ``ValueError`` (saying what is wrong) otherwise."""
    if not (block.startswith("{") and block.endswith("}")):
        raise ValueError("an attribute block is written between { and }")
    inner = block[1:-1]
    ident: str | None = None
    classes: list[str] = []
    pairs: dict[str, str] = {}
    pos = 0
    while pos < len(inner):
        match = _ITEM.match(inner, pos)
        if match is None:
            rest = inner[pos:].strip()
            if not rest:
                break
            raise ValueError(f"cannot read '{rest.split()[0]}'")
        pos = match.end()
        if match.group("id"):
            ident = match.group("id")
        elif match.group("cls"):
            classes.append(match.group("cls"))
        elif match.group("key"):
            key = match.group("key")
            quoted = match.group("quoted")
            if quoted is None:
                value = match.group("bare")
            else:
                value = _ESCAPE.sub(r"\1", quoted) if "\\" in quoted else quoted
            if key == "id":
                ident = value
            elif key == "class":
                classes.extend(value.split())
            else:
                pairs[key] = value
    return Attrs(id=ident or None, classes=tuple(classes), pairs=tuple(pairs.items()))


def split_attrs(line: str) -> SplitLine:
    """Take the trailing ``{...}`` block off ``line``; the text keeps everything before it."""
    stripped = line.rstrip()
    if not stripped.endswith("}"):
        return SplitLine(stripped, Attrs())
    pos = len(stripped)
    first_error: str | None = None
    for _ in range(_MAX_TRIES):
        pos = stripped.rfind("{", 0, pos)
        if pos < 0:
            break
        # An escaped brace (\{) is text, as in Markdown itself.
        if pos > 0 and stripped[pos - 1] == "\\":
            continue
        tail = stripped[pos:]
        try:
            attrs = read_attrs(tail)
        except ValueError as exc:
            if first_error is None and _LOOKS_LIKE_ATTRS.match(tail):
                first_error = (f"cannot read the attribute block '{tail}' ({exc}); write e.g. "
                               "{#id role=netwerk .four-eyes due=5m}")
            continue
        return SplitLine(stripped[:pos].rstrip(), attrs)
    return SplitLine(stripped, Attrs(), first_error)
