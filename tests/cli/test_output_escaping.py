"""Control characters (ESC, BEL, carriage return) and bidi overrides from titles, notes and
device names never reach the terminal raw: every command's output is escaped in one place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runbook_assistant.cli.output import safe

HOSTILE = "Storing\x1b[2J\x1b]0;pwned\x07 \u202eftl.exe\r gewoon"


@pytest.fixture
def cli_library(fixtures_dir: Path) -> Path:
    return fixtures_dir / "engine"


def _raw(text: str) -> bool:
    return any(c in text for c in ("\x1b", "\x07", "\u202e", "\r"))


def test_titles_and_notes_reach_the_terminal_escaped(ra) -> None:
    started = ra("run", "start", "storing-test", "--title", HOSTILE, "--actor", "Anna\x1b[31m")
    assert started.exit_code == 0, started.output
    run_id = started.stdout.strip().splitlines()[-1]
    noted = ra("run", "note", run_id, "--actor", "Bram", "--text", "klaar\x07\x1b[1A")
    for result in (started, noted, ra("run", "list"), ra("run", "show", run_id),
                   ra("verify")):
        assert not _raw(result.output), repr(result.output)
    listing = ra("run", "list").stdout
    assert "\\x1b]0;pwned\\x07" in listing and "\\u202eftl.exe" in listing


def test_json_output_stays_valid_and_means_the_same(ra) -> None:
    started = ra("run", "start", "storing-test", "--title", HOSTILE, "--actor", "Anna")
    assert started.exit_code == 0, started.output
    result = ra("run", "list", "--json")
    assert not _raw(result.stdout)
    assert json.loads(result.stdout)[0]["title"] == HOSTILE


def test_errors_naming_hostile_text_are_escaped_too(ra) -> None:
    result = ra("run", "show", "nope\x1b[2J")
    assert result.exit_code != 0 and not _raw(result.output), repr(result.output)


def test_safe_keeps_ordinary_text() -> None:
    assert safe("Café 18 februari\tklaar\nnext — ok") == "Café 18 februari\tklaar\nnext — ok"
    assert safe("a\x1bb\u2066c") == "a\\x1bb\\u2066c"
