"""A parsed runbook written out in the project's own format (``docs/runbook-format.md``).

Used for imports: whatever the foreign reader made of a file (sections, steps, details, messages,
decisions that can work) is written with front matter, ``##`` sections and ``- [ ]`` steps, each
with the id it had, so that the result reads the same and validates. Attributes that would be an
error in the own format (a role that is not declared) are left out; ``dropped`` says which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from runbook_assistant.core.runbook.model import MessageTemplate, Runbook, Section, Step
from runbook_assistant.core.runbook.parser import MAX_STEP_ID
from runbook_assistant.core.slug import slugify

_OPTION_LINE = re.compile(r"[-*+]\s+(?:\[[ xX]\]\s+)?\[([^\]]*)\]\(\s*#([^)\s]*)\s*\)")


@dataclass
class Written:
    """The Markdown text, and notes (line in the source, text) about what was left out."""

    text: str
    dropped: list[tuple[int, str]] = field(default_factory=list)


def write_runbook(runbook: Runbook, *, runbook_id: str, lang: str) -> Written:
    """``runbook`` as Markdown in the own format, with ``runbook_id`` and ``lang``."""
    writer = _Writer(runbook)
    parts = [_front_matter(runbook, runbook_id, lang), f"# {_one_line(runbook.title)}"]
    if runbook.intro.strip():
        parts.append(runbook.intro.strip())
    for section in runbook.sections:
        written = writer.section(section)
        if written:
            parts.append(written)
    return Written("\n\n".join(parts) + "\n", writer.dropped)


def format_duration(seconds: int) -> str:
    """Seconds as a duration of the format (``5400`` → ``1h30m``)."""
    if seconds == 0:
        return "0m"
    text = ""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            text += f"{count}{unit}"
    return text


def _front_matter(runbook: Runbook, runbook_id: str, lang: str) -> str:
    data: dict[str, object] = {"id": runbook_id, "title": _one_line(runbook.title),
                               "version": runbook.version or 1, "lang": lang}
    for key in ("owner", "severity", "summary"):
        if getattr(runbook, key):
            data[key] = getattr(runbook, key)
    if runbook.tags:
        data["tags"] = list(runbook.tags)
    if runbook.roles:
        data["roles"] = {role.id: role.name for role in runbook.roles}
    if runbook.staffing:
        data["staffing"] = dict(runbook.staffing)
    if runbook.services:
        data["services"] = list(runbook.services)
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{body}---"


class _Writer:
    def __init__(self, runbook: Runbook) -> None:
        self.roles = {role.id for role in runbook.roles}
        self.dropped: list[tuple[int, str]] = []

    def section(self, section: Section) -> str:
        if not (section.steps or section.messages or section.intro.strip()):
            self.dropped.append((section.line, f"empty section '{section.title}' left out"))
            return ""
        mode = f" .{section.mode}" if section.mode else ""
        parts = [f"## {_one_line(section.title)} {{#{section.id}{mode}}}"]
        if section.intro.strip():
            parts.append(section.intro.strip())
        steps = "\n".join(self.step(step) for step in section.steps)
        if steps:
            parts.append(steps)
        parts += [_message(message) for message in section.messages]
        return "\n\n".join(parts)

    def step(self, step: Step) -> str:
        # A step id derived from its title is left to be derived again (it comes out the same;
        # written out, the long ids would make the file hard to read). Ids written in the file
        # are kept, and a title that ends in braces needs its id, or the braces would be read
        # as the attribute block.
        derived = f"{step.section_id}-{slugify(step.title)}"[:MAX_STEP_ID].rstrip("-")
        written = step.id != derived or step.title.rstrip().endswith("}")
        attrs = [f"#{step.id}"] if written else []
        attrs += [f".{flag.replace('_', '-')}" for flag in ("four_eyes", "decision", "optional")
                  if getattr(step, flag)]
        if step.role:
            if step.role in self.roles:
                attrs.append(f"role={step.role}")
            else:
                self.dropped.append((step.line, f"role '{step.role}' of step '{step.title}' "
                                     "left out: it is not declared under roles"))
        for key in ("due", "timebox", "every"):
            value = getattr(step, key)
            if value is not None:
                attrs.append(f"{key}={format_duration(value)}")
        block = f" {{{' '.join(attrs)}}}" if attrs else ""
        lines = [f"- [ ] {_one_line(step.title)}{block}"]
        details = step.details.strip("\n")
        if step.decision:
            details = self._without_left_out_options(step, details)
            options = "\n".join(f"- [{o.label}](#{o.target})" for o in step.options)
            details = "\n".join(part for part in (details, options) if part)
        lines += [f"  {line}" if line.strip() else "" for line in details.split("\n")
                  if details]
        return "\n".join(lines)


    def _without_left_out_options(self, step: Step, details: str) -> str:
        """A decision's details without the options the import left out of the run (they
        would be read as options again)."""
        kept = []
        for line in details.split("\n"):
            match = _OPTION_LINE.fullmatch(line.strip())
            if match is None or (match.group(1), match.group(2)) in {
                    (o.label, o.target) for o in step.options}:
                kept.append(line)
            else:
                self.dropped.append((step.line, f"option '{match.group(1)}' of decision "
                                     f"'{step.title}' left out: it does not lead to a section "
                                     "further down"))
        return "\n".join(kept).strip("\n")


def _message(message: MessageTemplate) -> str:
    attrs = [f"#{message.id}"]
    for key in ("channel", "audience", "title"):
        value = getattr(message, key)
        if value:
            attrs.append(f'{key}="{_quoted(value)}"')
    longest = max((len(m) for m in re.findall(r"`{3,}", message.text)), default=2)
    fence = "`" * max(3, longest + 1)
    return f"{fence}message {{{' '.join(attrs)}}}\n{message.text}\n{fence}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _quoted(text: str) -> str:
    return _one_line(text).replace("\\", "\\\\").replace('"', '\\"')
