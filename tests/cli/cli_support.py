"""Checks shared by the command-line tests: what a success and a refusal look like to a user."""

from __future__ import annotations

from click.testing import Result


def ok(result: Result) -> list[str]:
    """The lines on stdout of a command that succeeded (exit 0, no traceback)."""
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.stdout.splitlines()


def refused(result: Result, message: str) -> None:
    """A refusal: exit 1, ``error: <message>...`` first on stderr, nothing on stdout."""
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"error: {message}"), result.stderr
    assert "Traceback" not in result.output and result.stdout == ""
