"""One error hierarchy for the core; the CLI shows ``error: ...``, the UI one kind of dialog."""

from __future__ import annotations


class RunbookAssistantError(Exception):
    """Base of every error the core raises on purpose: its message is meant for people.

    ``hint`` is an optional second line that says what to do about it.
    """

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class ParseError(RunbookAssistantError):
    """A runbook or scenario cannot be used at all."""


class LibraryError(RunbookAssistantError):
    """A runbook id is unknown or a library folder cannot be read."""


class StoreError(RunbookAssistantError):
    """The database cannot be opened, read or written (read-only, full, corrupt, locked)."""


class CommandError(RunbookAssistantError):
    """An engine command was refused: unknown run/step/option, closed run, same verifier, ..."""


class VerifyError(RunbookAssistantError):
    """A file given to verify cannot be read as a database, export or bundle."""


class ExportError(RunbookAssistantError):
    """An export cannot be written."""


class SyncError(RunbookAssistantError):
    """A sync bundle is refused; nothing was merged."""
