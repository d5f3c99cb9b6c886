"""Turn core errors into one ``error:`` line on stderr and an exit code, never a traceback."""

from __future__ import annotations

import click

from runbook_assistant.core.errors import RunbookAssistantError


def run_cli(group: click.Group, argv: list[str] | None) -> int:
    """Run the click group and return its exit code."""
    try:
        # With standalone_mode=False click returns the exit code of ctx.exit(n) instead of raising.
        code = group.main(args=argv, prog_name="runbook-assistant", standalone_mode=False)
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
    except Exception as exc:  # a bug must still end in one clear line, not a traceback
        log = _write_crash_log()
        click.echo(f"error: unexpected problem: {type(exc).__name__}: {exc}", err=True)
        click.echo(f"hint: nothing recorded before this was lost; details are in {log}", err=True)
        return 1
    return int(code or 0) if isinstance(code, int) else 0


def _write_crash_log() -> str:
    """Append the current traceback to a log in the user data folder; return its path."""
    import traceback

    from runbook_assistant.core import paths

    try:
        log = paths.user_data_dir() / "errors.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        return str(log)
    except OSError:
        return "(the error log could not be written)"


def report(exc: RunbookAssistantError) -> None:
    """Print a core error (and its hint) to stderr."""
    click.echo(f"error: {exc.message}", err=True)
    if exc.hint:
        click.echo(f"hint: {exc.hint}", err=True)


def fail(message: str, hint: str | None = None) -> None:
    """Stop a command with ``error: message`` and exit 1."""
    raise RunbookAssistantError(message, hint)


