"""Fixtures for the command-line tests: ``ra`` runs ``runbook-assistant`` through click's
CliRunner on the test's database (``db``), reading the runbook folder a module gives in
``cli_library`` (None: the bundled playbooks)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from runbook_assistant.cli import cli


@pytest.fixture
def cli_library() -> Path | None:
    return None


@pytest.fixture
def ra(db: Path, cli_library: Path | None) -> Callable[..., Result]:
    runner = CliRunner()
    options = ["--db", str(db)]
    if cli_library is not None:
        options += ["--library", str(cli_library)]

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(cli, [*options, *(str(a) for a in args)])
    return invoke
