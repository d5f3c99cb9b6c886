"""Make text typed by people inert in every export format.

Titles, notes, rationales and names can hold anything: HTML, Markdown, spreadsheet formulas,
control characters. Each format gets its own defence: HTML is autoescaped by Jinja2, Markdown
special characters are backslash-escaped, CSV cells that a spreadsheet would run as a formula get
an apostrophe in front, and control characters (other than newline and tab) are dropped everywhere
but in the JSON events, whose bytes the hash chain covers (JSON escapes them itself).
"""

from __future__ import annotations

import re

# C0 and C1 control characters, DEL, and the Unicode line/paragraph separators and bidi overrides
# (they can make a line display differently from what it says); newline and tab stay.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# CommonMark lets any ASCII punctuation be backslash-escaped. These can make markup anywhere in a
# line: code, emphasis, links and images, raw HTML and autolinks, table cells, strike, entities.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# These only at the start of a line: headings, lists, quotes, setext underlines, ordered lists.
_MD_LINE_START = re.compile(r"^([#+\-=>]|\d+[.)])")
_MD_ANY = re.compile(r"[\\`*_\[\]<>|~&]|^\s*(?:[#+\-=>]|\d+[.)])").search
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean(text: object) -> str:
    """Text without control characters (newline and tab kept; CR LF becomes LF)."""
    value = "" if text is None else str(text)
    if value.isprintable():  # the common case, checked in C: nothing to remove
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n")
    return _CONTROL.sub("", value)


def one_line(text: object) -> str:
    """Clean text on one line (line breaks become spaces)."""
    return " ".join(clean(text).split())


def md(text: object) -> str:
    """Text as inert Markdown on one line (for table cells and headings)."""
    value = "" if text is None else str(text)
    if not value.isprintable() or "  " in value:
        value = one_line(value)
    return _md_line(value.strip())


def md_block(text: object) -> str:
    """Text as inert Markdown keeping its line breaks (as hard breaks)."""
    lines = (_md_line(" ".join(line.split())) for line in clean(text).split("\n"))
    return "  \n".join(line for line in lines if line)


def _md_line(line: str) -> str:
    if not _MD_ANY(line):  # most text has nothing to escape
        return line
    line = _MD_INLINE.sub(r"\\\1", line)
    return _MD_LINE_START.sub(lambda m: "\\" + m.group(1) if not m.group(1)[0].isdigit()
                              else m.group(1)[:-1] + "\\" + m.group(1)[-1], line)


_HTML_ESCAPES = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&#34;",
                 ord("'"): "&#39;"}
_NEEDS_ESCAPE = re.compile("[&<>\"']").search


def html(text: object) -> str:
    """Clean text escaped for HTML (the escapes Jinja2's autoescape makes), for the hot paths
    that build table rows without a template."""
    value = clean(text)
    return value.translate(_HTML_ESCAPES) if _NEEDS_ESCAPE(value) else value


def csv_cell(text: object) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    raw = "" if text is None else str(text)
    if raw.isprintable() and not raw.startswith(_FORMULA_START):
        return raw
    value = clean(raw)
    if raw.startswith(_FORMULA_START) or value.startswith(_FORMULA_START):
        return "'" + value
    return value
