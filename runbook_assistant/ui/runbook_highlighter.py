"""Syntax colours for runbook Markdown in the editor: front matter, headings, steps, attributes
and message blocks, in the colours of the theme in use.

Line by line, as ``QSyntaxHighlighter`` works; the block state carries whether a line is inside
the front matter or a fenced block, so that a ``# comment`` in YAML is not a heading.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from runbook_assistant.ui import theme

OUTSIDE, FRONT_MATTER, FENCE = 0, 1, 2
_KEY = re.compile(r"^\s*(?:-\s+)?([\w-]+)\s*:")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s|$)")
_TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
_ATTRS = re.compile(r"\{[^{}\n]*\}\s*$")
_OPTION = re.compile(r"\[[^\]]*\]\(#[^)]*\)")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def _format(color: str, *, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    return fmt


class RunbookHighlighter(QSyntaxHighlighter):
    """Colours a runbook's Markdown as it is typed."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        self.update_colours()

    def update_colours(self) -> None:
        """Take the colours of the current theme (after a switch between light and dark)."""
        c = theme.colors()
        self.formats = {
            "front": _format(c["muted"]), "key": _format(c["link"], bold=True),
            "heading": _format(c["text"], bold=True), "task": _format(c["link"], bold=True),
            "item": _format(c["link"]), "attrs": _format(c["muted"], italic=True),
            "option": _format(c["link"], italic=True), "fence": _format(c["muted"]),
        }
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        state = self.previousBlockState()
        line = self.currentBlock().blockNumber()
        if line == 0 and text.strip() == "---":
            self._whole(text, "front")
            self.setCurrentBlockState(FRONT_MATTER)
            return
        if state == FRONT_MATTER:
            self._front_matter(text)
            return
        fence = _FENCE.match(text)
        if state == FENCE or fence:
            self._whole(text, "fence")
            # Inside a fence only a bare fence line closes it; outside, a fence line opens one.
            closing = state == FENCE and fence is not None and not text.strip("`~ \t")
            self.setCurrentBlockState(OUTSIDE if closing else FENCE)
            return
        self.setCurrentBlockState(OUTSIDE)
        if _HEADING.match(text):
            self._whole(text, "heading")
        elif task := _TASK.match(text):
            self.setFormat(0, task.end(), self.formats["task"])
        elif item := _ITEM.match(text):
            self.setFormat(0, item.end(), self.formats["item"])
        for option in _OPTION.finditer(text):
            self.setFormat(option.start(), option.end() - option.start(), self.formats["option"])
        attrs = _ATTRS.search(text)
        if attrs and (_HEADING.match(text) or _ITEM.match(text)):
            self.setFormat(attrs.start(), attrs.end() - attrs.start(), self.formats["attrs"])

    def _front_matter(self, text: str) -> None:
        if text.strip() in ("---", "..."):
            self._whole(text, "front")
            self.setCurrentBlockState(OUTSIDE)
            return
        self._whole(text, "front")
        key = _KEY.match(text)
        if key:
            self.setFormat(key.start(1), key.end(1) - key.start(1), self.formats["key"])
        self.setCurrentBlockState(FRONT_MATTER)

    def _whole(self, text: str, name: str) -> None:
        self.setFormat(0, len(text), self.formats[name])
