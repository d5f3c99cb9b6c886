"""The Markdown body of a runbook: block tokens → draft sections, steps, messages and injects.

Only the block structure is parsed (no inline rule: that is most of markdown-it's time, and titles
and details are kept as Markdown source anyway). Line numbers come from each token's ``map``;
text is cut from the source lines, so the Markdown of intros and details stays as written.
"""

from __future__ import annotations

import bisect
import re
import textwrap
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from runbook_assistant.core.runbook.attrs import Attrs, SplitLine, read_attrs, split_attrs
from runbook_assistant.core.runbook.blocks import block_tokens, matching_close
from runbook_assistant.core.runbook.body_foreign import ForeignBlocks
from runbook_assistant.core.runbook.diagnostics import Findings
from runbook_assistant.core.runbook.durations import parse_duration
from runbook_assistant.core.runbook.foreign_blocks import clean_title
from runbook_assistant.core.runbook.model import Inject, Option

TASK_RE = re.compile(r"\[[ xX]\](?:[ \t]+|$)")
OPTION_RE = re.compile(r"(?:\[[ xX]\][ \t]+)?\[([^\]]*)\]\(\s*#([^)\s]*)\s*\)")
INJECT_RE = re.compile(r"(?:\[[ xX]\][ \t]+)?[Tt]\s*\+\s*(\d{1,3})(?::(\d\d))?(?::(\d\d))?(?![\d:])"
                       r"\s*(?:[—–-]+\s*)?(.*)")
INJECT_LIKE_RE = re.compile(r"(?:\[[ xX]\][ \t]+)?[Tt]\s*\+\s*\d")
INJECT_KEYS = ("to", "expect", "within")
MESSAGE_INFO_RE = re.compile(r"message(?=[\s{]|$)\s*(.*)", re.DOTALL)
_LISTS = ("bullet_list_open", "ordered_list_open")


@dataclass
class DraftStep:
    title: SplitLine
    line: int
    details: str
    options: tuple[Option, ...] = ()


@dataclass
class DraftMessage:
    attrs: Attrs
    text: str
    line: int


@dataclass
class DraftSection:
    heading: SplitLine | None  # None: made for steps that came before any section heading
    line: int
    level: int
    intro: list[str] = field(default_factory=list)
    steps: list[DraftStep] = field(default_factory=list)
    messages: list[DraftMessage] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.steps or self.messages or any(p.strip() for p in self.intro))


@dataclass
class Body:
    title: SplitLine | None = None  # the h1 title heading
    title_line: int = 0
    intro: list[str] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)
    injects: list[Inject] = field(default_factory=list)
    plain_steps_line: int | None = None  # first plain list item read as a step
    guesses: list[tuple[int, str]] = field(default_factory=list)  # how a foreign file was read


def read_body(lines: list[str], markdown_text: str, *, exercise: bool,
              findings: Findings) -> Body:
    """Walk the block tokens of ``markdown_text`` (whose lines are ``lines``) into a ``Body``."""
    return _Walker(lines, block_tokens(markdown_text), exercise, findings).walk()


class _Walker(ForeignBlocks):
    def __init__(self, lines: list[str], tokens: list[Token], exercise: bool,
                 findings: Findings) -> None:
        self.lines = lines
        self.tokens = tokens
        self.exercise = exercise
        self.findings = findings
        self.foreign = findings.foreign
        self.close = matching_close(tokens)
        self.fences = [i for i, t in enumerate(tokens) if t.type == "fence"]
        self.excluded = bytearray(len(lines) + 1)  # lines taken out of details/intro text
        self.body = Body()
        self.current: DraftSection | None = None
        self.subheading_line: int | None = None  # own format: a ### heading that steps follow
        # Foreign files: bold-only paragraphs that act as headings, token index → (level, text).
        self.pseudo = self._pseudo_headings() if self.foreign and not exercise else {}
        self.heading_roles = self._heading_roles()
        self.has_sections = "section" in self.heading_roles.values()
        self.has_tasks = any(TASK_RE.match(self._first_line(i)[0] or "")
                             for i, t in enumerate(tokens)
                             if t.type == "list_item_open" and t.level == 1)

    # --- the walk over top-level blocks --------------------------------------------------------
    def walk(self) -> Body:
        tokens, index = self.tokens, 0
        while index < len(tokens):
            token, end = tokens[index], self.close[index]
            if token.type == "heading_open" or index in self.pseudo:
                self._heading(index)
            elif token.type in _LISTS:
                self._list(index, end)
            elif self.foreign and token.type == "paragraph_open" and not self.exercise:
                end = self._foreign_paragraph(index, end)
            else:
                self._prose(index, end)
            index = end + 1
        if self.foreign:
            self._drop_group_headings()
        return self.body

    def _heading(self, index: int) -> None:
        token = self.tokens[index]
        line = _line(token)
        inline = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        text = " ".join(inline.content.split("\n")) if inline is not None else ""
        if index in self.pseudo:
            self.body.guesses.append((line, f"bold paragraph '{text.strip()}' read as a heading"))
        heading = self._split(text)
        role = self.heading_roles.get(index, "text")
        if role == "title":
            self.body.title, self.body.title_line = heading, line
            self.current = None
            return
        if role == "text":  # own format: ### and deeper are part of the section's text
            self._prose(index, self.close[index])
            if self.current is not None:
                self.subheading_line = line
            return
        level = self._level(index)
        if level == 1 and not self.foreign:
            self.findings.warning(line, "a second top-level heading (#) is read as a "
                                  "section: use ## for sections")
        self.current = DraftSection(heading, line, level)
        self.subheading_line = None
        self.body.sections.append(self.current)

    def _list(self, index: int, end: int) -> None:
        prose_from: int | None = None  # first line of a run of list items kept as text
        item = index + 1
        while item < end:
            token = self.tokens[item]
            item_end = self.close[item]
            if token.type == "list_item_open":
                kind = self._item_kind(item)
                if kind == "text":
                    if prose_from is None:
                        prose_from = _line(token) - 1
                else:
                    if prose_from is not None:
                        self._add_text(prose_from, _line(token) - 1)
                        prose_from = None
                    if kind == "inject":
                        self._inject(item, item_end)
                    else:
                        self._step(item, item_end, plain=kind == "plain")
            item = item_end + 1
        if prose_from is not None:
            self._add_text(prose_from, _end_line(self.tokens[index], len(self.lines)))

    def _prose(self, index: int, end: int) -> None:
        self._messages(index, end)
        token = self.tokens[index]
        if token.map:
            self._add_text(token.map[0], token.map[1])

    def _add_text(self, start: int, end: int) -> None:
        text = self._source(start, end, dedent=False)
        if text:
            (self.current.intro if self.current else self.body.intro).append(text)

    # --- list items ----------------------------------------------------------------------------
    def _item_kind(self, item: int) -> str:
        first, _ = self._first_line(item)
        if first is None:
            return "text"
        if self.exercise and INJECT_LIKE_RE.match(first):
            return "inject"
        if TASK_RE.match(first):
            return "task"
        if not self.has_tasks and not self.exercise and (self.current or not self.has_sections):
            return "plain"
        return "text"

    def _first_line(self, item: int) -> tuple[str | None, int]:
        """The first line of an item's first paragraph and its 0-based line (None: no paragraph)."""
        tokens = self.tokens
        if item + 2 >= len(tokens) or tokens[item + 1].type != "paragraph_open":
            return None, 0
        paragraph, inline = tokens[item + 1], tokens[item + 2]
        return inline.content.split("\n", 1)[0], (paragraph.map or [0])[0]

    def _section_for_steps(self, line: int) -> DraftSection:
        if self.current is None:
            if not self.foreign and self.has_sections:
                self.findings.warning(line, "steps before the first ## section are put in a "
                                      "section of their own: put a ## heading above them")
            self.current = DraftSection(None, line, 2)
            self.body.sections.append(self.current)
        return self.current

    def _step(self, item: int, item_end: int, *, plain: bool) -> None:
        first, first_index = self._first_line(item)
        if first is None:  # _item_kind only sends items that start with a paragraph
            return
        line = first_index + 1
        section = self._section_for_steps(line)
        if plain and self.body.plain_steps_line is None:
            self.body.plain_steps_line = line
        if self.subheading_line is not None and not self.foreign:
            self.findings.warning(self.subheading_line, "a ### heading is kept as text of its "
                                  "section; make it a ## section if it groups steps")
            self.subheading_line = None
        box = TASK_RE.match(first)
        title = self._split(first[box.end():] if box else first)
        self._messages(item, item_end)
        options: tuple[Option, ...] = ()
        if "decision" in title.attrs.classes:
            options = self._options(item, item_end)
        details = self._source(first_index + 1, _end_line(self.tokens[item], len(self.lines)))
        section.steps.append(DraftStep(title, line, details, options))

    def _options(self, item: int, item_end: int) -> tuple[Option, ...]:
        options = []
        level = self.tokens[item].level
        for index in range(item + 1, item_end):
            token = self.tokens[index]
            if token.type != "list_item_open" or token.level != level + 2:
                continue
            first, first_index = self._first_line(index)
            match = OPTION_RE.match(first.strip()) if first is not None else None
            if match is None:
                continue
            options.append(Option(match.group(1).strip(), match.group(2), first_index + 1))
            start, stop = token.map or (first_index, first_index + 1)
            self.excluded[start:stop] = b"\x01" * (stop - start)
        return tuple(options)

    def _inject(self, item: int, item_end: int) -> None:
        first, first_index = self._first_line(item)
        line = first_index + 1
        match = INJECT_RE.fullmatch(first.strip()) if first is not None else None
        if match is None:
            self.findings.problem(line, f"cannot read the inject time in '{first}' "
                                  "(write e.g. '- T+00:10 — what happens {to=role}')")
            return
        hours_or_minutes, minutes, seconds, rest = match.groups()
        if minutes is None:
            offset = int(hours_or_minutes) * 60  # T+MM: minutes
        else:
            offset = int(hours_or_minutes) * 3600 + int(minutes) * 60 + int(seconds or 0)
        split = split_attrs(rest)
        if split.problem:
            self.findings.problem(line, split.problem)
        known = "(known: to=, expect=, within=)"
        for key, value in split.attrs.pairs:
            if key not in INJECT_KEYS:
                self.findings.warning(line, f"unknown attribute '{key}={value}' on an inject "
                                      f"{known}")
        for name in split.attrs.classes:
            self.findings.warning(line, f"unknown attribute '.{name}' on an inject {known}")
        if not split.text:
            self.findings.problem(line, "inject without text: say what happens after the time")
        expect = tuple(dict.fromkeys((split.attrs.get("expect") or "").replace(",", " ").split()))
        within = self._within(split.attrs.get("within"), line, expect)
        details = self._source(first_index + 1, _end_line(self.tokens[item], len(self.lines)))
        text = split.text + (f"\n\n{details}" if details else "")
        self.body.injects.append(Inject(offset, text, split.attrs.get("to") or None, line,
                                        expect, within))

    def _within(self, value: str | None, line: int, expect: tuple[str, ...]) -> int | None:
        if value is None:
            return None
        if not expect:
            self.findings.warning(line, "within= without expect=: say which steps or messages "
                                  "are expected (expect=STEP or expect=message:ID)")
        try:
            seconds = parse_duration(value)
        except ValueError as exc:
            self.findings.problem(line, f"within=: {exc}")
            return None
        if seconds == 0:
            self.findings.problem(line, f"within={value}: use a duration longer than zero")
            return None
        return seconds

    # --- messages ------------------------------------------------------------------------------
    def _messages(self, start: int, end: int) -> None:
        """Take the ``message`` fences in tokens ``start..end`` as templates of this section."""
        first = bisect.bisect_left(self.fences, start)
        for index in self.fences[first:bisect.bisect_right(self.fences, end)]:
            token = self.tokens[index]
            match = MESSAGE_INFO_RE.match(token.info.strip())
            if match is None:
                continue
            line = _line(token)
            if self.current is None:
                self.findings.warning(line, "a message block before the first section is kept "
                                      "as text: move it into the section where it is sent")
                continue
            attrs = Attrs()
            written = match.group(1).strip()
            if written:
                if not written.startswith("{"):  # message channel=website: braces forgotten
                    written = f"{{{written}}}"
                try:
                    attrs = read_attrs(written)
                except ValueError as exc:
                    self.findings.problem(line, f"cannot read the attributes of this message "
                                          f"block ({exc}); write e.g. '```message "
                                          "{#msg-id channel=website audience=inwoners}'")
            self._add_message(attrs, token.content.rstrip("\n"), line)
            if token.map:
                self.excluded[token.map[0]:token.map[1]] = b"\x01" * (token.map[1] - token.map[0])

    def _add_message(self, attrs: Attrs, text: str, line: int) -> None:
        if self.current is not None:
            self.current.messages.append(DraftMessage(attrs, text, line))

    def _plain_step(self, title: str, line: int, details: str) -> DraftStep:
        """A step read from something other than a list item (a numbered paragraph)."""
        step = DraftStep(self._split(title), line, textwrap.dedent(details).strip("\n"))
        self._section_for_steps(line).steps.append(step)
        if self.body.plain_steps_line is None:
            self.body.plain_steps_line = line
        return step

    # --- helpers -------------------------------------------------------------------------------
    def _heading_roles(self) -> dict[int, str]:
        """For each top-level heading token: "title", "section" or "text" (own format ###+)."""
        headings = sorted([i for i, t in enumerate(self.tokens)
                           if t.type == "heading_open" and t.level == 0] + list(self.pseudo))
        roles: dict[int, str] = {}
        for index in headings:
            roles[index] = "section" if self.foreign or self._level(index) <= 2 else "text"
        if headings:
            first = self._level(headings[0])
            # Own format: a leading # heading. Foreign files: a leading heading above all others
            # (# over ##, or a lone ## over ###); a file of ### headings only has no title heading.
            if self.foreign:
                is_title = (all(self._level(i) > first for i in headings[1:])
                            or self._leading_page_title(headings))
            else:
                is_title = first == 1
            if is_title:
                roles[headings[0]] = "title"
        return roles

    def _leading_page_title(self, headings: list[int]) -> bool:
        """A # heading that opens the file with only prose under it, though other # headings
        follow: the page title of an export (Notion writes the title and sections alike)."""
        first = headings[0]
        if first != 0 or self.tokens[first].tag != "h1" or len(headings) < 2:
            return False
        return not any(t.type in _LISTS for t in self.tokens[first:headings[1]])

    def _level(self, index: int) -> int:
        if index in self.pseudo:
            return self.pseudo[index]
        tag = self.tokens[index].tag
        return int(tag[1:]) if tag[1:].isdigit() else 2

    def _split(self, text: str) -> SplitLine:
        """A title line split from its attributes; a foreign title loses its decoration."""
        split = split_attrs(text)
        return replace(split, text=clean_title(split.text)) if self.foreign else split

    def _drop_group_headings(self) -> None:
        """Foreign files: a heading with nothing under it but deeper headings only groups them."""
        sections = self.body.sections
        kept = []
        for k, section in enumerate(sections):
            if section.empty and k + 1 < len(sections) and sections[k + 1].level > section.level:
                if section.heading is not None:
                    self.body.guesses.append((section.line, f"heading '{section.heading.text}' "
                                              "only groups the headings under it: left out"))
            else:
                kept.append(section)
        self.body.sections = kept

    def _source(self, start: int, end: int, *, dedent: bool = True) -> str:
        """Source lines ``start..end`` (0-based, end exclusive) minus excluded ones, trimmed."""
        excluded = self.excluded
        kept = [self.lines[i] for i in range(start, min(end, len(self.lines))) if not excluded[i]]
        text = "\n".join(kept)
        return (textwrap.dedent(text) if dedent else text).strip("\n").rstrip()


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _end_line(token: Token, default: int) -> int:
    return token.map[1] if token.map else default
