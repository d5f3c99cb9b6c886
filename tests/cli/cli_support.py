"""Checks shared by the command-line tests: what a success and a refusal look like to a user."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

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


def ok_json(result: Result) -> Any:
    """The JSON on stdout of a command that succeeded."""
    return json.loads("\n".join(ok(result)))


def start_run(ra: Callable[..., Result], runbook: str, *extra: str,
              title: str = "Storing 18 februari", actor: str = "Anna",
              participants: tuple[str, ...] = ("Anna=incident-lead",)) -> str:
    """``run start`` as a user types it; returns the new run's id (the last line)."""
    people = [arg for person in participants for arg in ("--participant", person)]
    return ok(ra("run", "start", runbook, "--title", title, "--actor", actor, *people,
                 *extra))[-1]


def run_events(ra: Callable[..., Result], run_id: str) -> list[dict[str, Any]]:
    """The run's events as ``run show --json`` prints them."""
    events: list[dict[str, Any]] = ok_json(ra("run", "show", run_id, "--json"))["events"]
    return events
