"""Runbook Markdown (YAML front matter, CommonMark, task lists, ``{...}`` attributes) → Runbook.

``parse_text``, ``parse_bytes`` and ``parse_file`` never raise: whatever the input, they return a
``ParseResult`` whose diagnostics say what is wrong and where (``path:line``). The format is
described in ``docs/runbook-format.md``.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from runbook_assistant.core.runbook.attrs import Attrs, SplitLine
from runbook_assistant.core.runbook.body import Body, DraftSection, read_body
from runbook_assistant.core.runbook.diagnostics import Findings
from runbook_assistant.core.runbook.durations import parse_duration
from runbook_assistant.core.runbook.foreign_blocks import clean_title
from runbook_assistant.core.runbook.frontmatter import (
    Meta,
    find_front_matter,
    is_own_format,
    load_front_matter,
    read_meta,
)
from runbook_assistant.core.runbook.gates import read_needs
from runbook_assistant.core.runbook.imported import workable
from runbook_assistant.core.runbook.model import (
    DUE_FROM,
    Diagnostic,
    MessageTemplate,
    ParseResult,
    Runbook,
    Section,
    Severity,
    Step,
)
from runbook_assistant.core.runbook.placeholders import (
    PLACEHOLDER_RE,
    checks_of,
    placeholders_of,
)
from runbook_assistant.core.runbook.validate import validate
from runbook_assistant.core.slug import slugify
from runbook_assistant.core.textfile import not_text, read_limited, reason

__all__ = ["PLACEHOLDER_RE", "parse_bytes", "parse_duration", "parse_file", "parse_text",
           "placeholders_of", "slugify"]

MAX_FILE_BYTES = 10 * 1024 * 1024  # far beyond any runbook; keeps a wrong file from eating memory
MAX_STEP_ID = 48
STEP_FLAGS = ("four-eyes", "decision", "optional", "needs-staffing")
STEP_KEYS = ("role", "due", "timebox", "every", "verifier", "needs", "from", "check", "message")
DURATION_KEYS = ("due", "timebox", "every")
SECTION_FLAGS = ("read-do", "do-confirm")
SECTION_GATE_FLAGS = ("needs-staffing",)
GENERIC_STEMS = ("readme", "index", "_index")
MESSAGE_KEYS = ("channel", "audience", "title")


def parse_text(text: str, path: str = "<text>") -> ParseResult:
    """Parse and validate runbook text; ``Runbook.sha256`` is that of its UTF-8 encoding."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _parse_safely(text, path, digest)


def parse_bytes(data: bytes, path: str) -> ParseResult:
    """Parse file contents: UTF-8 (a BOM is fine); anything else is reported, not raised."""
    text = None
    if b"\x00" not in data:  # a NUL byte: UTF-16, or not text at all (not_text() says which)
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode("utf-8-sig")
    if text is None:
        line, message = not_text(data) or (1, "not a text file")
        return _unusable(path, line, message)
    return _parse_safely(text, path, hashlib.sha256(data).hexdigest())


def parse_file(path: str | os.PathLike[str]) -> ParseResult:
    """Read and parse one file; an unreadable or oversized file gives an error diagnostic."""
    name = os.fspath(path)
    try:
        data = read_limited(name, MAX_FILE_BYTES)
    except OSError as exc:
        return _unusable(name, 1, f"cannot read the file: {reason(exc)}")
    if len(data) > MAX_FILE_BYTES:
        return _unusable(name, 1, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB; "
                         "a runbook is far smaller")
    return parse_bytes(data, name)


def _parse_safely(text: str, path: str, digest: str) -> ParseResult:
    try:
        return _parse(text, path, digest)
    except Exception as exc:  # last resort: a parser bug must not take the caller down
        return _unusable(path, 1, f"internal parser problem: {type(exc).__name__}: {exc}")


def _parse(text: str, path: str, digest: str) -> ParseResult:
    findings = Findings(path)
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    block = find_front_matter(lines)
    data: dict[object, object] | None = {}
    if block is not None:
        data = load_front_matter(block, findings)
        if data is None:
            return ParseResult(None, findings.sorted())
    findings.foreign = not is_own_format(data)
    meta = read_meta(data, block, findings)
    # Front matter lines become blank lines, so that token maps stay file line numbers.
    markdown_text = text if block is None else "\n" * block.last + "\n".join(lines[block.last:])
    body = read_body(lines, markdown_text, exercise=meta.kind == "exercise", findings=findings)
    runbook = _Assembler(meta, body, path, digest, findings).runbook()
    findings.items.extend(validate(runbook))
    if findings.foreign:  # an import must run: no decision may leave sections waiting for ever
        runbook = workable(runbook, findings)
    return ParseResult(runbook, findings.sorted(), tuple(body.guesses))


@dataclass
class _Assembler:
    """Turns the front matter and the body drafts into the frozen model, with ids assigned."""

    meta: Meta
    body: Body
    path: str
    digest: str
    findings: Findings
    # Message ids are unique across the runbook, but assigned section by section.
    message_ids: dict[str, int] = field(default_factory=dict)

    def runbook(self) -> Runbook:
        meta, body, findings = self.meta, self.body, self.findings
        stem = _name_stem(self.path)
        heading = body.title.text if body.title is not None else ""
        title = meta.title or heading or _title_from_file_name(stem)
        if findings.foreign:
            title = clean_title(title)
        runbook_id = meta.id
        if findings.foreign:
            runbook_id = slugify(stem) or "runbook"
            if "id" in meta.keys:  # a Docusaurus page, an Obsidian note: ids of their own
                keys = ", ".join(f"'{key}'" for key in meta.other_keys[:3])
                findings.warning(1, f"front matter of another tool ({keys}; an id but no "
                                 f"version): read as an imported playbook with id "
                                 f"'{runbook_id}' from the file name (add 'version: 1' to make "
                                 "it a runbook of its own)")
            else:
                findings.warning(1, "no front matter with an id: read as an imported playbook "
                                 f"with id '{runbook_id}' from the file name (add front matter "
                                 "with id, title and version to make it a runbook of its own)")
            if "version" not in meta.keys:  # a version written wrong has its own warning
                findings.warning(1, "no version in the front matter: using version 1")
        if body.plain_steps_line is not None:
            findings.warning(body.plain_steps_line, "list items without task boxes are read as "
                             "steps: write them as '- [ ] ...' and add attributes such as "
                             "{#id role=... due=...} for stable ids, roles and timers")
        return Runbook(
            id=runbook_id or slugify(stem) or "runbook", title=title, version=meta.version or 1,
            lang=meta.lang, kind=meta.kind, path=self.path, sha256=self.digest, owner=meta.owner,
            severity=meta.severity, summary=meta.summary, intro="\n\n".join(body.intro),
            tags=meta.tags, roles=meta.roles, staffing=meta.staffing, services=meta.services,
            sections=self._sections(heading or title), runbook=meta.runbook,
            injects=tuple(body.injects), review_by=meta.review_by, foreign=findings.foreign,
            extra=meta.extra)

    # --- sections ------------------------------------------------------------------------------
    def _sections(self, fallback_title: str) -> tuple[Section, ...]:
        drafts = self.body.sections
        titles, modes, gates, wanted = [], [], [], []
        for number, draft in enumerate(drafts, 1):
            heading = draft.heading or SplitLine(fallback_title, Attrs())
            title = heading.text or heading.attrs.id or f"Section {number}"
            titles.append(title)
            modes.append(self._section_mode(heading, title, draft.line))
            gates.append(self._section_gates(heading.attrs, draft.line))
            wanted.append((heading.attrs.id, slugify(title) or f"section-{number}", draft.line))
        ids = self._unique_ids("section", wanted)
        steps = self._steps(drafts, ids)
        return tuple(
            Section(id=ids[k], title=titles[k], line=draft.line, mode=modes[k],
                    intro="\n\n".join(draft.intro), steps=steps[k],
                    messages=self._messages(draft, ids[k]), **gates[k])
            for k, draft in enumerate(drafts))

    def _section_mode(self, heading: SplitLine, title: str, line: int) -> str | None:
        if heading.problem:
            self.findings.problem(line, heading.problem)
        modes = [flag for flag in heading.attrs.classes if flag in SECTION_FLAGS]
        if len(modes) > 1:
            self.findings.problem(line, f"section '{title}' is marked both .read-do and "
                                  ".do-confirm: choose one")
        known = "#id, .read-do, .do-confirm, .needs-staffing, needs="
        for flag in heading.attrs.classes:
            if flag not in SECTION_FLAGS + SECTION_GATE_FLAGS:
                self._unknown(line, f".{flag}", f"section '{title}'", known,
                              _dotted(SECTION_FLAGS + SECTION_GATE_FLAGS))
        for key, value in heading.attrs.pairs:
            if key != "needs":
                self._unknown(line, f"{key}={value}", f"section '{title}'", known, ("needs",))
        return modes[0] if modes else None

    def _section_gates(self, attrs: Attrs, line: int) -> dict[str, object]:
        needs = attrs.get("needs")
        return {"needs_staffing": "needs-staffing" in attrs.classes,
                "needs": self._needs(needs, line) if needs is not None else ()}

    def _needs(self, value: str, line: int) -> tuple[tuple[str, int], ...]:
        try:
            return read_needs(value)
        except ValueError as exc:
            self.findings.problem(line, f"needs=: {exc}")
            return ()

    # --- steps ---------------------------------------------------------------------------------
    def _steps(self, drafts: list[DraftSection], section_ids: list[str]) -> list[tuple[Step, ...]]:
        kept = []  # (section index, draft step, title)
        wanted = []
        for k, draft in enumerate(drafts):
            for number, step in enumerate(draft.steps, 1):
                if step.title.problem:
                    self.findings.problem(step.line, step.title.problem)
                title = step.title.text
                if not title:
                    self.findings.problem(step.line, "step without a title: write what to do "
                                          "after the task box")
                    continue
                base = f"{section_ids[k]}-{slugify(title) or f'step-{number}'}"
                wanted.append((step.title.attrs.id, base[:MAX_STEP_ID].rstrip("-"), step.line))
                kept.append((k, step, title))
        ids = self._unique_ids("step", wanted)
        result: list[list[Step]] = [[] for _ in drafts]
        for (k, step, title), step_id in zip(kept, ids, strict=True):
            fields = self._step_attrs(step.title.attrs, title, step.line)
            result[k].append(Step(id=step_id, title=title, section_id=section_ids[k],
                                  line=step.line, details=step.details, options=step.options,
                                  **fields))
        return [tuple(steps) for steps in result]

    def _step_attrs(self, attrs: Attrs, title: str, line: int) -> dict[str, object]:
        fields: dict[str, object] = {}
        unknown: list[tuple[str, str]] = []
        where = f"step '{_short(title)}'"
        known = ("#id, role=, due=, from=, timebox=, every=, verifier=, needs=, check=, "
                 "message=, .four-eyes, .decision, .optional, .needs-staffing")
        for key, value in attrs.pairs:
            if key in ("role", "verifier", "check", "message"):
                fields[key] = value or None
            elif key == "needs":
                fields["needs"] = self._needs(value, line)
            elif key == "from":
                if value in DUE_FROM:
                    fields["due_from"] = value
                else:
                    self.findings.problem(line, f"from={value}: a timer counts from 'start' or "
                                          "'discovery' (e.g. due=72h from=discovery)")
                if attrs.get("due") is None:
                    self.findings.warning(line, f"from={value} without due=: from= says what "
                                          "the due= timer counts from")
            elif key in DURATION_KEYS:
                fields[key] = self._duration(key, value, line)
            else:
                unknown.append((key, value))
                self._unknown(line, f"{key}={value}", where, known, STEP_KEYS)
        for flag in attrs.classes:
            if flag in STEP_FLAGS:
                fields[flag.replace("-", "_")] = True
            else:
                unknown.append(("class", flag))
                self._unknown(line, f".{flag}", where, known, _dotted(STEP_FLAGS))
        fields["attrs"] = tuple(unknown)
        return fields

    def _duration(self, key: str, value: str, line: int) -> int | None:
        try:
            seconds = parse_duration(value)
        except ValueError as exc:
            self.findings.problem(line, f"{key}=: {exc}")
            return None
        if seconds == 0 and key != "due":
            self.findings.problem(line, f"{key}={value}: use a duration longer than zero")
            return None
        return seconds

    # --- messages ------------------------------------------------------------------------------
    def _messages(self, draft: DraftSection, section_id: str) -> tuple[MessageTemplate, ...]:
        wanted = []
        for number, message in enumerate(draft.messages, 1):
            derived = f"msg-{section_id}-{number}"
            if message.attrs.id is None:
                self.findings.warning(message.line, f"message block without an id: using "
                                      f"'{derived}' (add {{#msg-...}} after 'message' so that "
                                      "sent messages keep their name)")
            wanted.append((message.attrs.id, derived, message.line))
        ids = self._unique_ids("message", wanted, scope=self.message_ids)
        result = []
        for message, message_id in zip(draft.messages, ids, strict=True):
            attrs = message.attrs
            for flag in attrs.classes:
                self._unknown(message.line, f".{flag}", f"message '{message_id}'",
                              "#id, channel=, audience=, title=", ())
            for key, value in attrs.pairs:
                if key not in MESSAGE_KEYS:
                    self._unknown(message.line, f"{key}={value}", f"message '{message_id}'",
                                  "#id, channel=, audience=, title=", MESSAGE_KEYS)
            result.append(MessageTemplate(
                id=message_id, channel=attrs.get("channel") or "",
                audience=attrs.get("audience") or "", text=message.text,
                placeholders=placeholders_of(message.text), section_id=section_id,
                line=message.line, title=attrs.get("title") or "",
                checks=checks_of(message.text)))
        return tuple(result)

    # --- shared --------------------------------------------------------------------------------
    def _unique_ids(self, kind: str, wanted: list[tuple[str | None, str, int]],
                    scope: dict[str, int] | None = None) -> list[str]:
        """Explicit ids first (a repeat is reported), then derived ones, made unique with -2, -3."""
        used: dict[str, int] = {} if scope is None else scope
        ids: list[str | None] = [None] * len(wanted)
        for k, (explicit, _, line) in enumerate(wanted):
            if explicit is None:
                continue
            if explicit in used:
                self.findings.problem(line, f"duplicate {kind} id '{explicit}' (also on line "
                                      f"{used[explicit]}): give each {kind} its own id")
                continue
            used[explicit] = line
            ids[k] = explicit
        next_suffix: dict[str, int] = {}
        for k, (explicit, derived, line) in enumerate(wanted):
            if ids[k] is not None:
                continue
            base = explicit or derived
            candidate, number = base, next_suffix.get(base, 2)
            while candidate in used:
                candidate, number = f"{base}-{number}", number + 1
            next_suffix[base] = number
            used[candidate] = line
            ids[k] = candidate
        return [i or "" for i in ids]

    def _unknown(self, line: int, written: str, where: str, known: str,
                 names: tuple[str, ...]) -> None:
        name = written.split("=", 1)[0]
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.75)
        hint = f"did you mean '{close[0]}'?" if close else f"known: {known}"
        self.findings.warning(line, f"unknown attribute '{written}' on {where} ({hint}); "
                              "it is kept but not used")


def _name_stem(path: str) -> str:
    """What an imported playbook's id and title come from: the file's name, or the folder's for
    README.md, index.md and _index.md (wikis and static sites have one in every folder)."""
    file = Path(path)
    if file.stem.lower() in GENERIC_STEMS and file.parent.name not in ("", ".", ".."):
        return file.parent.name
    return file.stem


def _title_from_file_name(stem: str) -> str:
    words = stem.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if words else "Untitled"


def _dotted(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f".{name}" for name in names)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unusable(path: str, line: int, message: str) -> ParseResult:
    return ParseResult(None, (Diagnostic(path, line, Severity.ERROR, message),))
