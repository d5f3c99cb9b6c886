"""Open the desktop app; until it is built, show the help."""

from __future__ import annotations

import click

from runbook_assistant.cli.context import AppContext


def open_gui(app: AppContext) -> int:
    """Start the desktop app on the context's database and library; return its exit code."""
    ctx = click.get_current_context()
    click.echo(ctx.get_help())
    return 0
