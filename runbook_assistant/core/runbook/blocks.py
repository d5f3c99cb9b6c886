"""markdown-it's block tokens of a runbook's text, made fast, and how they nest."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

# Block rules that can only match when the text holds a certain mark. When it does not, the rule is
# switched off: the tokens are the same, and markdown-it skips a test at every line (about half of
# its time on a typical runbook). Each test is a safe over-approximation of where the rule matches.
_RULE_MARKS: tuple[tuple[str, Callable[[str], object]], ...] = (
    ("lheading", re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$", re.MULTILINE).search),  # underline
    ("hr", re.compile(r"([-*_])[ \t]*\1[ \t]*\1[ \t]*$", re.MULTILINE).search),
    ("html_block", lambda text: "<" in text),
    ("blockquote", lambda text: ">" in text),
    ("fence", lambda text: "```" in text or "~~~" in text),
    ("reference", lambda text: "]:" in text),
)


def block_tokens(text: str) -> list[Token]:
    """markdown-it's CommonMark block tokens of ``text`` (inline content left unparsed)."""
    unused = frozenset(name for name, present in _RULE_MARKS if not present(text))
    return _markdown(unused).parse(text)


@lru_cache(maxsize=64)
def _markdown(disabled: frozenset[str]) -> MarkdownIt:
    # Made once per process for each set of rules. Inline parsing is off: titles and details
    # are kept as Markdown source, and the inline rule is most of markdown-it's time.
    md = MarkdownIt("commonmark").disable("inline")
    if disabled:
        md.disable(sorted(disabled))
    return md


def matching_close(tokens: list[Token]) -> list[int]:
    """For each token, the index of its closing token (itself for tokens that open nothing)."""
    close = list(range(len(tokens)))
    stack: list[int] = []
    for index, token in enumerate(tokens):
        if token.nesting == 1:
            stack.append(index)
        elif token.nesting == -1 and stack:
            close[stack.pop()] = index
    return close
