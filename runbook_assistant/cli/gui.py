"""Open the desktop app on the context's database, library folders and language."""

from __future__ import annotations

from runbook_assistant.cli.context import AppContext


def open_gui(app: AppContext) -> int:
    """Start the desktop app; returns its exit code (1 when the database is open elsewhere)."""
    from runbook_assistant.ui.app import run_app  # Qt is imported only here

    return run_app(app.database, app.library_dirs, app.lang)
