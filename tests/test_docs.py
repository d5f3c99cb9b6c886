"""The command-line documentation keeps up with the commands the app has."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from runbook_assistant.cli import cli

REPO = Path(__file__).resolve().parent.parent
CLI_DOC = REPO / "docs" / "cli.md"
LIBRARY_COMMANDS = ("validate", "list", "show", "search")
# Commands load on demand: ask the group for them as click itself does.
_CTX = click.Context(cli)
COMMANDS: dict[str, click.Command] = {
    name: command for name in cli.list_commands(_CTX)
    if (command := cli.get_command(_CTX, name)) is not None}


def _documented_headings() -> set[str]:
    return set(re.findall(r"^### (\S+)", CLI_DOC.read_text(encoding="utf-8"), re.MULTILINE))


def test_help_lists_the_library_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0, result.output
    listed = re.findall(r"^  (\S+)  ", result.output, re.MULTILINE)
    assert set(LIBRARY_COMMANDS) <= set(listed)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_a_section_in_docs_cli(name: str) -> None:
    assert name in _documented_headings(), f"docs/cli.md has no '### {name}' section"


@pytest.mark.parametrize("name", sorted(
    f"{group} {sub}" for group, command in COMMANDS.items()
    if isinstance(command, click.Group) for sub in command.commands))
def test_every_subcommand_is_in_docs_cli(name: str) -> None:
    assert f"runbook-assistant {name} " in CLI_DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", LIBRARY_COMMANDS)
def test_library_commands_document_their_exit_codes(name: str) -> None:
    text = CLI_DOC.read_text(encoding="utf-8")
    section = text.split(f"### {name}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    assert re.search(r"\bexit\b", section, re.IGNORECASE), f"no exit codes under '### {name}'"
    assert f"runbook-assistant {name}" in section


def test_every_option_of_the_library_commands_is_documented() -> None:
    text = CLI_DOC.read_text(encoding="utf-8")
    for name in LIBRARY_COMMANDS:
        for param in COMMANDS[name].params:
            for option in getattr(param, "opts", []):
                if option.startswith("--") and option != "--help":
                    assert option in text, f"{name} {option} is not in docs/cli.md"
