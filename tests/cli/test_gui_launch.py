"""Opening the app from the command line: a command line that only opens it starts the app without
click, with the same database, folders, language and portable mode as click would give it;
everything else (commands, --help, values click refuses) still goes through click."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from runbook_assistant.cli import main
from runbook_assistant.cli.errors import run_cli
from runbook_assistant.cli.gui import gui_request
from runbook_assistant.core import paths
from runbook_assistant.ui import app as ui_app

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[Any, ...]]]:
    """Every run_app call (database, folders, language, portable mode), without opening a window."""
    calls: list[tuple[Any, ...]] = []

    def fake_run_app(database: Path, folders: list[Path], lang: str | None = None) -> int:
        calls.append((database, list(folders), lang, paths.is_portable()))
        return 0

    monkeypatch.setattr(ui_app, "run_app", fake_run_app)
    yield calls
    paths.set_portable(False)


def both_ways(argv: list[str], started: list[tuple[Any, ...]]) -> tuple[Any, Any]:
    """What the app is started with through ``main`` and through the click group."""
    from runbook_assistant.cli import cli

    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 0
    fast = started.pop()
    paths.set_portable(False)
    assert run_cli(cli, argv) == 0
    return fast, started.pop()


@pytest.mark.parametrize("argv", [
    [],
    ["--db", "{tmp}/runs.sqlite3"],
    ["--db={tmp}/a.sqlite3", "--db", "{tmp}/b.sqlite3", "--lang", "nl"],
    ["--library", "{tmp}", "--library={tmp}/nog-niet-aangemaakt", "--lang=en"],
    ["--portable", "--db", "{tmp}/draagbaar.sqlite3"],
])
def test_opening_the_app_starts_it_as_click_would(argv: list[str], tmp_path: Path,
                                                  started: list[tuple[Any, ...]]) -> None:
    filled = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert gui_request(filled) is not None
    fast, through_click = both_ways(filled, started)
    assert fast == through_click
    assert fast[1][0] == paths.bundled_runbooks_dir()


@pytest.mark.parametrize("argv", [
    ["--help"], ["-h"], ["--version"], ["list"], ["--db"], ["--lang", "fr"], ["--lang="],
    ["--db", "{tmp}"], ["--library", "{tmp}/bestand.txt"], ["--db", "--lang"], ["--bogus"],
    ["--db", "{tmp}/x.sqlite3", "show", "x"],
])
def test_anything_else_is_left_to_click(argv: list[str], tmp_path: Path) -> None:
    (tmp_path / "bestand.txt").write_text("geen map", encoding="utf-8")
    assert gui_request([a.replace("{tmp}", str(tmp_path)) for a in argv]) is None


def test_a_value_click_refuses_gets_clicks_message(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--db", str(tmp_path)])
    assert done.value.code == 2
    assert "is a directory" in capsys.readouterr().err


def test_the_refusal_of_a_second_start_is_one_error_line(tmp_path: Path, qapp: Any,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    from runbook_assistant.ui.instance_lock import InstanceLock

    db = tmp_path / "runs.sqlite3"
    other = InstanceLock(db)
    assert other.acquire()
    try:
        with pytest.raises(SystemExit) as done:
            main(["--db", str(db)])
    finally:
        other.release()
    assert done.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: Runbook Assistant is already open on {db}\nhint: ")


def test_opening_the_app_does_not_import_click(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from runbook_assistant.ui import app\n"
        "app.run_app = lambda *args, **kwargs: 0\n"
        "from runbook_assistant.cli import main\n"
        "try:\n"
        "    main(['--db', sys.argv[1]])\n"
        "except SystemExit as done:\n"
        "    print(done.code, 'click' in sys.modules)\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "runs.sqlite3")],
                            capture_output=True, text=True, timeout=60, env=env, cwd=REPO)
    assert result.stdout.split() == ["0", "False"], result.stderr
