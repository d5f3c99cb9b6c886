"""``self-test``: an offscreen smoke test of the installed or bundled app (see ``selftest.py``)."""

from __future__ import annotations

import click

from runbook_assistant.cli import cli


@cli.command("self-test")
def self_test() -> None:
    """Check that this installation works, offscreen, in a temporary folder.

    Parses the bundled library, records and verifies events in a temporary database, writes
    every export including a PDF (and checks its text), and loads the Qt parts of the desktop
    app. Your own database, device key and settings are not touched. Exit 0 when all is well;
    otherwise `self-test: FAILED: <what>` and exit 1.
    """
    from runbook_assistant.selftest import SelfTestFailed, run_self_test

    try:
        seconds = run_self_test(lambda line: click.echo(f"self-test: ok: {line}"))
    except SelfTestFailed as exc:
        click.echo(f"self-test: FAILED: {exc}", err=True)
        raise click.exceptions.Exit(1) from exc
    click.echo(f"self-test: passed in {seconds:.1f} s")
