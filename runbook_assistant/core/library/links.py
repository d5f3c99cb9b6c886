"""Findings that span files, added to each file's own: duplicate ids, a scenario for a runbook
that is not there, and ids a scenario's injects expect that its runbook does not have."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from runbook_assistant.core.library.summary import cross_file_findings
from runbook_assistant.core.runbook.model import Diagnostic, ParseResult, Runbook, Severity
from runbook_assistant.core.runbook.scenario_links import check_expectations


class _Entry(Protocol):
    """What linking reads of a library entry (a dataclass: findings are added with replace)."""

    __dataclass_fields__: dict[str, Any]

    @property
    def path(self) -> Path: ...
    @property
    def result(self) -> ParseResult: ...


EntryT = TypeVar("EntryT", bound=_Entry)


def with_error(result: ParseResult, path: Path, message: str) -> ParseResult:
    """``result`` with one more error, at line 1 of ``path``."""
    extra = Diagnostic(str(path), 1, Severity.ERROR, message)
    return ParseResult(result.runbook, (*result.diagnostics, extra))


def link(entries: Iterable[EntryT], known_runbooks: Iterable[str] = (),
         lookup: Callable[[str], Runbook | None] = lambda _: None) -> list[EntryT]:
    """Add the findings that span files: duplicate ids, scenarios for runbooks not there, and
    ``expect=`` ids their runbook lacks (warnings). A scenario's runbook is looked for among
    ``entries`` first, then with ``lookup``."""
    entries = list(entries)
    findings = cross_file_findings(
        [(e.path, e.result.runbook, e.result.ok) for e in entries], set(known_runbooks))
    linked = []
    for entry, messages in zip(entries, findings, strict=True):
        result = entry.result
        for message in messages:
            result = with_error(result, entry.path, message)
        linked.append(replace(entry, result=result) if messages else entry)
    return link_expectations(linked, lookup)


def link_expectations(entries: list[EntryT],
                      lookup: Callable[[str], Runbook | None] = lambda _: None) -> list[EntryT]:
    """Each usable scenario with a warning per inject ``expect=`` id its runbook does not have."""
    runbooks: dict[str, Runbook] = {}
    for entry in entries:
        rb = entry.result.runbook
        if rb is not None and entry.result.ok and rb.kind == "runbook":
            runbooks.setdefault(rb.id, rb)
    linked = []
    for entry in entries:
        scenario = entry.result.runbook
        target = None
        if scenario is not None and scenario.kind == "exercise" and scenario.runbook:
            target = runbooks.get(scenario.runbook) or lookup(scenario.runbook)
        found = (check_expectations(scenario, target, str(entry.path))
                 if scenario is not None and target is not None else [])
        if found:
            result = entry.result
            entry = replace(entry, result=ParseResult(result.runbook,
                                                      (*result.diagnostics, *found)))
        linked.append(entry)
    return linked
