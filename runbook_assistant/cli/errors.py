"""Turn core errors into one ``error:`` line on stderr and an exit code, never a traceback."""

from __future__ import annotations

import click

from runbook_assistant.core.errors import RunbookAssistantError


def run_cli(group: click.Group, argv: list[str] | None) -> int:
    """Run the click group and return its exit code."""
    try:
        group.main(args=argv, prog_name="runbook-assistant", standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code or 0)
    except click.exceptions.Abort:
        click.echo("error: aborted", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except RunbookAssistantError as exc:
        report(exc)
        return 1
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    return 0


def report(exc: RunbookAssistantError) -> None:
    """Print a core error (and its hint) to stderr."""
    click.echo(f"error: {exc.message}", err=True)
    if exc.hint:
        click.echo(f"hint: {exc.hint}", err=True)


def fail(message: str, hint: str | None = None) -> None:
    """Stop a command with ``error: message`` and exit 1."""
    raise RunbookAssistantError(message, hint)


