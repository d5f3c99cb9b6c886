"""Markdown → HTML for display, with markdown-it-py's own renderer and raw HTML switched off.

Runbooks come from anyone's folder, so what they render to must be inert: raw HTML is escaped
(the ``html`` option is off), markdown-it refuses ``javascript:``/``file:``/``data:`` links, and
images are shown as their description in brackets instead of being fetched. The text browser
showing the result also refuses to load any resource (``SafeTextBrowser``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

translate = QCoreApplication.translate


def _image_as_text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    # An image would be a request to somewhere (or a local file): show what it was meant to show.
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env).strip()
    label = translate("Markdown", "image")
    text = f"{label}: {alt}" if alt else label
    return f'<span class="image">[{html.escape(text)}]</span>'


@cache
def _parser() -> MarkdownIt:
    # Imported on first use: the window's first paint does not wait for markdown-it.
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.add_render_rule("image", _image_as_text)
    return md


def render_markdown(text: str) -> str:
    """HTML for a piece of runbook Markdown (a step's details, a section's intro)."""
    if not text.strip():
        return ""
    return _parser().render(text)
