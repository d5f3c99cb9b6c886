"""The body walker's reading of foreign blocks: bold-only paragraphs as headings, numbered
paragraphs as steps, announced texts as message templates (see ``foreign_blocks``).

A mixin of ``body._Walker``; the library and ``runbook-assistant import`` both read foreign files
through it, so a file reads the same wherever it is opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from runbook_assistant.core.runbook.attrs import Attrs
from runbook_assistant.core.runbook.foreign_blocks import (
    message_lead,
    numbered_paragraph,
    pseudo_heading,
    quoted_text,
)

if TYPE_CHECKING:
    from markdown_it.token import Token

    from runbook_assistant.core.runbook.body import Body, DraftSection, DraftStep


class ForeignBlocks:
    """What a foreign file's paragraphs mean beyond CommonMark."""

    if TYPE_CHECKING:  # provided by the walker
        tokens: list[Token]
        close: list[int]
        lines: list[str]
        body: Body
        current: DraftSection | None
        has_tasks: bool
        has_sections: bool
        excluded: bytearray
        pseudo: dict[int, int]

        def _prose(self, index: int, end: int) -> None: ...
        def _section_for_steps(self, line: int) -> DraftSection: ...
        def _source(self, start: int, end: int, *, dedent: bool = True) -> str: ...
        def _add_message(self, attrs: Attrs, text: str, line: int) -> None: ...
        def _plain_step(self, title: str, line: int, details: str) -> DraftStep: ...

    def _pseudo_headings(self) -> dict[int, int]:
        """Bold-only paragraphs followed by more than a heading: token index → heading level,
        one deeper than the heading they are under (## when there is none). A bold line that
        opens a file without # headings, above further bold headings, is its title (#), as a
        Word document's first line in bold is; a one-word bold line right above it (Factsheet,
        Handreiking) is a label of the document's kind, not the title."""
        tokens = self.tokens
        top = [i for i, t in enumerate(tokens) if t.level == 0 and t.nesting != -1]
        found: dict[int, int] = {}
        level = 1
        for n, index in enumerate(top):
            token = tokens[index]
            if token.type == "heading_open":
                level = int(token.tag[1:]) if token.tag[1:].isdigit() else 2
                continue
            if token.type != "paragraph_open" or n + 1 == len(top):
                continue
            if tokens[top[n + 1]].type == "heading_open":  # a bold line just above a heading
                continue
            if pseudo_heading(tokens[index + 1].content) is not None:
                found[index] = min(level + 1, 6)
        if (top and top[0] in found and len(found) > 1
                and not any(t.type == "heading_open" and t.tag == "h1" for t in tokens)):
            first = top[0]
            kicker = pseudo_heading(tokens[first + 1].content) or ""
            if len(top) > 1 and top[1] in found and len(found) > 2 and len(kicker.split()) == 1:
                # "**Factsheet**" over "**Ransomware: wat te doen**": a word naming the kind of
                # document stands above the title (published factsheets); it stays as text.
                del found[first]
                first = top[1]
            found[first] = 1
        return found

    def _foreign_paragraph(self, index: int, end: int) -> int:
        """Read one top-level paragraph of a foreign file; returns the last token index used."""
        content = self.tokens[index + 1].content
        taken = self._message_after_lead(index, end, content)
        if taken is not None:
            return taken
        first, _, rest = content.partition("\n")
        title = numbered_paragraph(first)
        if (title is None or self.has_tasks
                or not (self.current is not None or not self.has_sections)):
            self._prose(index, end)
            return end
        line = _first_line(self.tokens[index])
        self.body.guesses.append((line, "a numbered paragraph is read as a step"))
        self._plain_step(title, line, rest.strip("\n"))
        return end

    def _message_after_lead(self, index: int, end: int, content: str) -> int | None:
        """``Tekst voor de website:`` and the quote, fenced block or lone paragraph under it: a
        message template of the section. None when that is not clear."""
        lead = message_lead(content) if self.current is not None else None
        following = end + 1
        if lead is None or following >= len(self.tokens):
            return None
        token, block_end = self.tokens[following], self.close[following]
        if token.type == "blockquote_open" and token.map:
            text = quoted_text("\n".join(self.lines[token.map[0]:token.map[1]]))
        elif token.type == "fence" and not token.info.strip().startswith("message"):
            text = token.content.rstrip("\n")
        elif token.type == "paragraph_open" and self._ends_a_part(block_end + 1):
            text = self.tokens[following + 1].content
        else:
            return None
        channel, audience = lead
        title = content.strip().strip("*_").rstrip(":").strip()
        pairs = [("title", title)] + [(k, v) for k, v in (("channel", channel),
                                                            ("audience", audience)) if v]
        line = _first_line(token)
        self._add_message(Attrs(pairs=tuple(pairs)), text, line)
        if token.map:
            self.excluded[token.map[0]:token.map[1]] = b"\x01" * (token.map[1] - token.map[0])
        self.body.guesses.append((line, f"the text under '{title}' is read as a message "
                                  f"template (channel {channel or 'not named'})"))
        return block_end

    def _ends_a_part(self, index: int) -> bool:
        """Whether the block at ``index`` ends what came before: the end, or a heading."""
        if index >= len(self.tokens):
            return True
        token = self.tokens[index]
        return token.type == "heading_open" or index in self.pseudo


def _first_line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1
