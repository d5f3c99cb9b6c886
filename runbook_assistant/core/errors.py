"""One error hierarchy for the core; the CLI shows ``error: ...``, the UI one kind of dialog.

An error raised with ``of(code, **params)`` carries a code from ``error_texts.TEXTS`` and its
parameters, so the CLI and the app can say it in Dutch or English (``text(lang)``,
``hint_text(lang)``); ``message`` and ``hint`` are its English words, as before. A parameter
may itself be an error: it is said in the same language (``{error}`` and ``{error_hint}``).
"""

from __future__ import annotations

from typing import Any, Self


class RunbookAssistantError(Exception):
    """Base of every error the core raises on purpose: its message is meant for people.

    ``hint`` is an optional second line that says what to do about it.
    """

    def __init__(self, message: str, hint: str | None = None, *, code: str | None = None,
                 params: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code
        self.params = dict(params or {})

    @classmethod
    def of(cls, code: str, **params: Any) -> Self:
        """The error ``code`` of the catalogue, filled with ``params`` (English words)."""
        message, hint = _render(code, "en", params)
        return cls(message, hint, code=code, params=params)

    @classmethod
    def like(cls, error: RunbookAssistantError) -> Self:
        """``error`` as an error of this kind, with the same words in both languages."""
        return cls(error.message, error.hint, code=error.code, params=error.params)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (nl or en); an error without a code has English only."""
        return _render(self.code, lang, self.params)[0] if self.code else self.message

    def hint_text(self, lang: str = "en") -> str | None:
        return _render(self.code, lang, self.params)[1] if self.code else self.hint

    def __str__(self) -> str:
        return self.message


class Words:
    """A parameter said in both languages ("the answer of URL"), for an error's ``of``."""

    def __init__(self, en: str, nl: str) -> None:
        self.en, self.nl = en, nl

    def text(self, lang: str = "en") -> str:
        return self.nl if lang == "nl" else self.en

    def hint_text(self, lang: str = "en") -> str | None:
        return None

    def __str__(self) -> str:
        return self.en


def _render(code: str | None, lang: str, params: dict[str, Any]) -> tuple[str, str | None]:
    # The catalogue loads with the first coded error, not with the app's first frame.
    from runbook_assistant.core.error_texts import render

    return render(code, lang, params)


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
