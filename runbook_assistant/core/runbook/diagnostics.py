"""Collecting diagnostics while reading one file."""

from __future__ import annotations

from dataclasses import dataclass, field

from runbook_assistant.core.runbook.model import Diagnostic, Severity


@dataclass
class Findings:
    """The diagnostics of one file, in the order found.

    ``foreign`` files (no front matter with an id) are imports: their structural problems are
    reported as warnings so that they always load; see ``problem``.
    """

    path: str
    foreign: bool = False
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, line: int, message: str) -> None:
        """An error whatever the file: the file (or this part of it) cannot be used."""
        self.items.append(Diagnostic(self.path, max(line, 1), Severity.ERROR, message))

    def warning(self, line: int, message: str) -> None:
        """A warning: worth fixing, but the runbook works."""
        self.items.append(Diagnostic(self.path, max(line, 1), Severity.WARNING, message))

    def problem(self, line: int, message: str) -> None:
        """A structural problem: an error in an own-format runbook, a warning in a foreign one."""
        if self.foreign:
            self.warning(line, message)
        else:
            self.error(line, message)

    def sorted(self) -> tuple[Diagnostic, ...]:
        """Every diagnostic by line (stable, so findings on one line keep their order)."""
        return tuple(sorted(self.items, key=lambda d: d.line))
