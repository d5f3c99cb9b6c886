"""Front matter: the runbook keys read out of it (found and loaded by ``frontmatter_syntax``)."""

from __future__ import annotations

import datetime
import difflib
import re
import reprlib
from dataclasses import dataclass, field
from typing import Any

from runbook_assistant.core.runbook.diagnostics import Findings
from runbook_assistant.core.runbook.frontmatter_syntax import (
    FrontMatterBlock,
    find_front_matter,
    load_front_matter,
)
from runbook_assistant.core.runbook.model import Role
from runbook_assistant.core.slug import is_slug, slugify

__all__ = ["KNOWN_KEYS", "FrontMatterBlock", "Meta", "find_front_matter", "is_own_format",
           "load_front_matter", "other_tool_keys", "read_meta"]

KNOWN_KEYS = ("id", "title", "version", "lang", "kind", "owner", "severity", "summary", "tags",
              "roles", "staffing", "services", "runbook", "review-by")
LANGS = ("nl", "en")
KINDS = ("runbook", "exercise")
SEVERITIES = ("low", "medium", "high", "critical")
MAX_VERSION = 2**31 - 1  # versions are stored in SQLite integers and shown to people
MAX_STAFFING = 999

_CHILD_KEY = re.compile(r"""\s+(?:-\s+)?["']?([^\s#:"'][^:"']*?)["']?\s*:(?:\s|$)""")
_brief_repr = reprlib.Repr()
_brief_repr.maxlevel, _brief_repr.maxlist, _brief_repr.maxdict = 3, 8, 8
_brief_repr.maxstring, _brief_repr.maxother, _brief_repr.maxlong = 200, 200, 40


@dataclass
class Meta:
    """The runbook keys of the front matter, checked and converted."""

    own: bool = False  # front matter with an id: the project's own format
    id: str | None = None
    title: str | None = None
    version: int | None = None
    lang: str = "en"
    kind: str = "runbook"
    owner: str = ""
    severity: str = ""
    summary: str = ""
    tags: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    staffing: tuple[tuple[str, int], ...] = ()
    services: tuple[str, ...] = ()
    runbook: str | None = None
    review_by: str = ""  # ISO date (YYYY-MM-DD) by which the runbook is to be reviewed again
    extra: tuple[tuple[str, str], ...] = ()
    key_lines: dict[str, int] = field(default_factory=dict)
    keys: frozenset[str] = frozenset()  # every key written
    other_keys: tuple[str, ...] = ()  # keys of another tool (see other_tool_keys)


def is_own_format(data: dict[Any, Any] | None) -> bool:
    """Whether front matter makes a file the project's own format: it has a non-empty ``id``,
    and a ``version`` too unless every other key is one of the format's (or a typo of one).

    Other tools write ids as well (Docusaurus pages, Obsidian notes): a page with an id, no
    version and keys of its own tool is an import, whose findings are warnings.
    """
    if not data or data.get("id") in (None, ""):
        return False
    return "version" in data or not other_tool_keys(data)


def other_tool_keys(data: dict[Any, Any]) -> tuple[str, ...]:
    """Front matter keys that are neither the format's nor a likely typo of one."""
    return tuple(name for name in map(str, data) if name not in KNOWN_KEYS
                 and not difflib.get_close_matches(name, KNOWN_KEYS, n=1, cutoff=0.75))


def read_meta(data: dict[Any, Any], block: FrontMatterBlock | None, findings: Findings) -> Meta:
    """Check and convert the known keys; report unknown keys and wrong values."""
    meta = Meta(own=is_own_format(data), keys=frozenset(map(str, data)),
                other_keys=other_tool_keys(data))
    lines = block.text.split("\n") if block else []
    offset = block.first + 1 if block else 1
    meta.key_lines = block.key_lines() if block else {}
    fallback = block.first if block else 1
    reader = _Reader(findings, meta.key_lines, fallback)

    extra = []
    for key, value in data.items():
        name = str(key)
        if name not in KNOWN_KEYS:
            close = difflib.get_close_matches(name, KNOWN_KEYS, n=1, cutoff=0.75)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            findings.warning(reader.line(name), f"unknown front matter key '{name}'{hint}; "
                             "it is kept but not used")
            extra.append((name, _brief(value)))
    meta.extra = tuple(extra)

    if meta.own:
        meta.id = reader.ident(data["id"])
        for key, hint in (("title", "title: ..."), ("version", "version: 1")):
            if data.get(key) is None:
                findings.problem(fallback, f"the front matter has no {key}: add '{hint}'")
    meta.title = reader.text(data, "title")
    meta.version = reader.version(data)
    meta.lang = reader.choice(data, "lang", LANGS) or "en"
    meta.kind = reader.choice(data, "kind", KINDS) or "runbook"
    meta.severity = reader.choice(data, "severity", SEVERITIES) or ""
    meta.owner = reader.text(data, "owner") or ""
    meta.summary = reader.text(data, "summary") or ""
    meta.tags = reader.text_list(data, "tags")
    meta.services = reader.text_list(data, "services")
    meta.runbook = reader.text(data, "runbook")
    meta.review_by = reader.date(data, "review-by")
    if meta.runbook is not None and meta.kind != "exercise":
        findings.warning(reader.line("runbook"),
                         "'runbook:' names the runbook a scenario exercises; "
                         "it is only used with 'kind: exercise'")
    meta.roles = reader.roles(data, _child_lines(lines, offset, meta.key_lines.get("roles")))
    meta.staffing = reader.staffing(data, {r.id for r in meta.roles},
                                    _child_lines(lines, offset, meta.key_lines.get("staffing")))
    return meta


@dataclass
class _Reader:
    findings: Findings
    key_lines: dict[str, int]
    fallback: int

    def line(self, key: str) -> int:
        return self.key_lines.get(key, self.fallback)

    def ident(self, value: Any) -> str | None:
        if isinstance(value, dict | list):
            self.findings.problem(self.line("id"), f"the id must be text, not {_kind_of(value)}")
            return None
        text = str(value).strip()
        if is_slug(text):
            return text
        suggestion = slugify(text)
        hint = f", e.g. '{suggestion}'" if suggestion else ""
        self.findings.problem(self.line("id"), f"the id '{_brief(text)}' is not a slug: use "
                              f"lower-case letters, digits and hyphens{hint}")
        return suggestion or None

    def text(self, data: dict[Any, Any], key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, dict | list):
            self.findings.problem(self.line(key), f"'{key}' must be text, not {_kind_of(value)}")
            return None
        return str(value).strip()

    def date(self, data: dict[Any, Any], key: str) -> str:
        """A date as YYYY-MM-DD (YAML reads an unquoted one as a date already)."""
        value = data.get(key)
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return value.date().isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        try:
            return datetime.date.fromisoformat(str(value).strip()).isoformat()
        except ValueError:
            self.findings.problem(self.line(key), f"'{key}' must be a date such as 2027-03-31, "
                                  f"not '{_brief(value)}'")
            return ""

    def version(self, data: dict[Any, Any]) -> int | None:
        value = data.get("version")
        if value is None:
            return None
        if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_VERSION:
            return value
        self.findings.problem(self.line("version"), f"the version must be a whole number of at "
                              f"least 1, not '{_brief(value)}' (raise it with each change)")
        return None

    def choice(self, data: dict[Any, Any], key: str, allowed: tuple[str, ...]) -> str | None:
        value = self.text(data, key)
        if value is None:
            return None
        lowered = value.lower()
        if key == "lang":  # nl-NL, en_GB: the language is what matters
            lowered = re.split(r"[-_]", lowered, maxsplit=1)[0]
        if lowered in allowed:
            return lowered
        self.findings.problem(self.line(key), f"'{key}' must be one of {', '.join(allowed)}, "
                              f"not '{_brief(value)}'")
        return None

    def text_list(self, data: dict[Any, Any], key: str) -> tuple[str, ...]:
        value = data.get(key)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        result = []
        for item in items:
            if item is None:
                continue
            if isinstance(item, dict | list):
                self.findings.problem(self.line(key), f"'{key}' must be a list of text, but one "
                                      f"item is {_kind_of(item)}")
                continue
            result.append(str(item).strip())
        return tuple(result)

    def roles(self, data: dict[Any, Any], lines: dict[str, int]) -> tuple[Role, ...]:
        value = data.get("roles")
        if value is None:
            return ()
        if isinstance(value, list):  # a bare list of ids still tells which roles exist
            self.findings.problem(self.line("roles"), "'roles' maps each role id to its name, "
                                  "e.g. 'netwerk: Netwerkspecialist'")
            value = {item: item for item in value if not isinstance(item, dict | list)}
        if not isinstance(value, dict):
            self.findings.problem(self.line("roles"), "'roles' maps each role id to its name, "
                                  "e.g. 'netwerk: Netwerkspecialist'")
            return ()
        roles = []
        for key, name in value.items():
            role_id = str(key).strip()
            line = lines.get(role_id, self.line("roles"))
            if isinstance(name, dict | list):
                self.findings.problem(line, f"role '{role_id}' must map to its name (text), "
                                      f"not {_kind_of(name)}")
                name = None
            roles.append(Role(role_id, role_id if name in (None, "") else str(name).strip(), line))
        return tuple(roles)

    def staffing(self, data: dict[Any, Any], declared: set[str],
                 lines: dict[str, int]) -> tuple[tuple[str, int], ...]:
        value = data.get("staffing")
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.findings.problem(self.line("staffing"), "'staffing' maps role ids to the "
                                  "minimum number of people present, e.g. 'netwerk: 2'")
            return ()
        result = []
        for key, count in value.items():
            role_id = str(key).strip()
            line = lines.get(role_id, self.line("staffing"))
            if role_id not in declared:
                self.findings.problem(line, f"staffing names role '{role_id}', which is not "
                                      "declared under 'roles:' in the front matter")
            if (not isinstance(count, int) or isinstance(count, bool)
                    or not 1 <= count <= MAX_STAFFING):
                self.findings.problem(line, f"staffing for '{role_id}' must be a whole number "
                                      f"of at least 1, not '{_brief(count)}'")
                continue
            result.append((role_id, count))
        return tuple(result)


def _child_lines(lines: list[str], offset: int, parent: int | None) -> dict[str, int]:
    """File line of each key indented under the top-level key on file line ``parent``."""
    found: dict[str, int] = {}
    if parent is None:
        return found
    start = parent - offset + 1
    for index in range(start, len(lines)):
        line = lines[index]
        if line.strip() and not line[0].isspace() and not line.startswith("-"):
            break  # the next top-level key
        match = _CHILD_KEY.match(line)
        if match:
            found.setdefault(match.group(1).strip(), offset + index)
    return found


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"'{_brief(value)}'"


def _brief(value: Any) -> str:
    """Short text for any YAML value, safe for shared or self-referencing structures."""
    text = _brief_repr.repr(value) if isinstance(value, dict | list) else str(value)
    return text if len(text) <= 200 else text[:199] + "…"
