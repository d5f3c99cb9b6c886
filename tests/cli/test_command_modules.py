"""A command that one module holds whole is run with that module alone: ``list`` and ``search``
start without the export, sync and exercise code and their libraries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import click

from runbook_assistant.cli import cli
from runbook_assistant.cli.group import _ALONE

REPO = Path(__file__).resolve().parent.parent.parent

MODULES_AFTER = """
import json, sys
from runbook_assistant.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
print(json.dumps([code, sorted(sys.modules)]))
"""


def test_each_command_run_alone_is_defined_whole_in_its_module() -> None:
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):  # registers every command module
        command = cli.get_command(ctx, name)
        assert command is not None
        if name in _ALONE:
            assert command.callback is not None
            assert command.callback.__module__ == f"runbook_assistant.cli.{_ALONE[name]}"
            assert not isinstance(command, click.Group)  # no other module can add to it


def _modules_after(tmp_path: Path, *args: str) -> tuple[int, set[str]]:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    result = subprocess.run([sys.executable, "-c", MODULES_AFTER, *args], capture_output=True,
                            text=True, timeout=120, env=env, cwd=REPO)
    code, modules = json.loads(result.stdout.splitlines()[-1])
    return code, set(modules)


def test_list_and_search_import_neither_templates_nor_sync(tmp_path: Path) -> None:
    for args in (["list", "--json"], ["search", "netwerk"]):
        code, loaded = _modules_after(tmp_path, *args)
        assert code == 0
        assert "runbook_assistant.cli.library_cmds" in loaded
        assert not {"jinja2", "runbook_assistant.cli.export_cmds",
                    "runbook_assistant.cli.sync_cmds", "runbook_assistant.core.sync",
                    "PySide6"} & loaded


def test_a_warm_list_neither_parses_nor_loads_the_signing_code(tmp_path: Path) -> None:
    _modules_after(tmp_path, "list", "--json")  # fills the library cache
    code, loaded = _modules_after(tmp_path, "list", "--json")
    assert code == 0
    # No runbook parsed (markdown-it, YAML) and no approval to check (cryptography, OpenSSL).
    forbidden = {"markdown_it", "yaml", "cryptography", "_hashlib"}
    if _recently_written(REPO / "runbooks"):
        # A file written in the last few seconds is hashed again on purpose (its stat may not
        # show a change made within the same tick); it is still not parsed.
        forbidden.discard("_hashlib")
    assert not forbidden & loaded


def _recently_written(folder: Path) -> bool:
    from runbook_assistant.core.library.scan import FileStat

    now = time.time_ns()
    return any(not FileStat.of(path.stat()).settled(now)
               for path in folder.rglob("*") if path.is_file())


def test_a_command_of_several_modules_still_finds_them_all(tmp_path: Path) -> None:
    # ``run`` gets subcommands from several modules: ``run draft`` lives in export_cmds.
    code, loaded = _modules_after(tmp_path, "run", "draft", "--help")
    assert code == 0
    assert "runbook_assistant.cli.export_cmds" in loaded
