"""One error boundary: the console command and click's CliRunner end every error the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from runbook_assistant.cli import cli
from runbook_assistant.cli.errors import error_lines, run_cli
from runbook_assistant.core.errors import CommandError


@pytest.mark.parametrize("args", [
    ("show", "no-such-runbook"),
    ("run", "check", "no-such-run", "step", "--actor", "Anna"),
    ("export", "no-such-run", "--format", "md", "-o", "x.md"),
    ("sync", "import", "missing.bundle"),
])
def test_a_core_error_reads_the_same_from_a_console_and_from_a_test(
        args: tuple[str, ...], db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--db", str(db), *args]
    code = run_cli(cli, argv)
    console = capsys.readouterr()
    result = CliRunner().invoke(cli, argv)
    assert code == result.exit_code == 1
    assert console.err == result.stderr and console.err.startswith("error: ")
    assert console.out == result.stdout == ""


def test_a_bug_ends_in_one_line_and_a_crash_log(monkeypatch: pytest.MonkeyPatch,
                                                db: Path) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("runbook_assistant.core.run.engine.Engine.runs", broken)
    result = CliRunner().invoke(cli, ["--db", str(db), "run", "list"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "error: unexpected problem: ZeroDivisionError: division by zero"
    log = Path(lines[1].rsplit(" ", 1)[-1])
    assert "ZeroDivisionError" in log.read_text(encoding="utf-8")


def test_an_error_with_a_hint_is_two_lines() -> None:
    assert error_lines(CommandError("unknown run 'x'", hint="see `run list`")) == [
        "error: unknown run 'x'", "hint: see `run list`"]


def test_a_bug_is_said_in_dutch_with_lang_nl(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    """The lines that end a command when nothing else can follow ``--lang`` too (click's own
    context is gone by then: the language comes from the command line)."""
    def broken(*_args: object, **_kw: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("runbook_assistant.core.run.engine.Engine.runs", broken)
    result = CliRunner().invoke(cli, ["--db", str(db), "--lang", "nl", "run", "list"])
    lines = result.stderr.splitlines()
    assert lines[0] == "fout: onverwacht probleem: ZeroDivisionError: division by zero"
    assert lines[1].startswith("tip: niets van wat eerder is vastgelegd is verloren")


def test_the_app_start_says_its_last_lines_in_its_language(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from runbook_assistant.cli import gui

    def broken(*_args: object) -> int:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(gui, "run_gui", broken)
    assert gui.launch(gui.GuiRequest(None, (), "nl", False)) == 1
    assert capsys.readouterr().err.startswith("fout: onverwacht probleem: ZeroDivisionError")
