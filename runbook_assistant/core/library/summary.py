"""What the library knows of a file without its full runbook: a summary, cross-file findings.

Listing, filtering and cross-file checks need a handful of fields per runbook; rebuilding the whole
model (some seventy objects per runbook) for each of a thousand files is what made a warm start
slow. The summary is computed once, when the file is parsed, and cached next to the full result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

if TYPE_CHECKING:  # a warm list reads summaries only: no model is imported for them
    from runbook_assistant.core.runbook.model import ParseResult


@dataclass(frozen=True)
class RunbookSummary:
    """One runbook or scenario as a list shows it: the same values as its ``Runbook`` fields."""

    id: str
    title: str
    version: int
    lang: str
    kind: str
    path: str
    sha256: str
    steps: int  # how many steps in all sections
    tags: tuple[str, ...]
    severity: str
    summary: str
    runbook: str | None  # for a scenario: the id of the runbook it exercises
    injects: int  # how many injects (scenarios)
    errors: int  # diagnostics of the file, findings across files included
    warnings: int
    review_by: str = ""  # YYYY-MM-DD from the front matter, for the approval state

    @classmethod
    def of(cls, result: ParseResult) -> RunbookSummary | None:
        """The summary of a parse result (None when no runbook came out of the file)."""
        from runbook_assistant.core.runbook.model import Severity

        rb = result.runbook
        if rb is None:
            return None
        errors = sum(1 for d in result.diagnostics if d.severity is Severity.ERROR)
        return cls(id=rb.id, title=rb.title, version=rb.version, lang=rb.lang, kind=rb.kind,
                   path=rb.path, sha256=rb.sha256,
                   steps=sum(len(section.steps) for section in rb.sections), tags=rb.tags,
                   severity=rb.severity, summary=rb.summary, runbook=rb.runbook,
                   injects=len(rb.injects), errors=errors,
                   warnings=len(result.diagnostics) - errors, review_by=rb.review_by)


class Prepared(NamedTuple):
    """A parsed file made ready for the index: the pickled result, its summary, its search text.

    ``result`` is the ParseResult itself when it was parsed in this process (None when it came
    from a worker process: the pickle is all that crosses, and it is unpickled only when used).
    """

    blob: bytes
    summary: RunbookSummary | None
    fts: tuple[str, ...] | None
    result: ParseResult | None = None


class _Identified(Protocol):
    """What cross-file checks read of a runbook: a Runbook and a RunbookSummary both have it."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def runbook(self) -> str | None: ...


def cross_file_findings(files: Sequence[tuple[Path, _Identified | None, bool]],
                        known_runbooks: Sequence[str] | set[str] = ()) -> list[list[str]]:
    """Error messages per file for problems that span files, given (path, runbook, usable).

    The first file with an id keeps it, every later one gets a duplicate error (and is no longer
    usable); a scenario must name a usable runbook of the set or one of ``known_runbooks``.
    """
    first: dict[str, int] = {}
    found: list[list[str]] = [[] for _ in files]
    usable: list[bool] = []
    for n, (_, runbook, ok) in enumerate(files):
        if runbook is not None:
            other = first.setdefault(runbook.id, n)
            if other != n:
                found[n].append(f"duplicate runbook id '{runbook.id}' (also in {files[other][0]})")
                ok = False
        usable.append(ok and runbook is not None)
    runbook_ids = set(known_runbooks) | {
        rb.id for (_, rb, _), ok in zip(files, usable, strict=True)
        if ok and rb is not None and rb.kind == "runbook"}
    for n, (_, scenario, _) in enumerate(files):
        if (scenario is not None and scenario.kind == "exercise" and scenario.runbook
                and scenario.runbook not in runbook_ids):
            found[n].append(f"scenario exercises unknown runbook '{scenario.runbook}'")
    return found
