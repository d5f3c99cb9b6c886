"""The click group: global options, and the command modules loaded when a command is asked for.

With no command it opens the desktop app. ``../docs/cli.md`` and the README describe the contract.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import click

from runbook_assistant import __version__, pdf
from runbook_assistant.cli.context import AppContext
from runbook_assistant.cli.errors import CoreFailure, finish, lang_in
from runbook_assistant.cli.output import escaping_streams
from runbook_assistant.core import paths
from runbook_assistant.core.errors import RunbookAssistantError

pdf.register()  # PDF exports draw with Qt (imported only when a PDF is drawn)


def _db_in_existing_folder(param: click.Parameter, value: str | None) -> str | None:
    """``--db`` in a folder that does not exist is a usage error (exit 2); nothing is created."""
    if value is not None:
        folder = Path(value).expanduser().absolute().parent
        if not folder.is_dir():
            raise click.BadParameter(f"folder '{folder}' does not exist", param=param)
    return value


class _LazyGroup(click.Group):
    """The command line's one error boundary, and the command modules imported on first use.

    ``invoke`` turns a core error of any command into ``CoreFailure`` (``error: ...``, exit 1);
    ``main`` ends every run, in a console or a test's CliRunner, through ``errors.finish``.
    Opening the desktop app (no command) imports no command module: the export, sync and exercise
    code and their libraries stay out of the app's start-up.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RunbookAssistantError as exc:
            raise CoreFailure(exc) from exc

    def main(self, args: Any = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        with escaping_streams():  # every command's output, its errors included: cli/output.py
            code = finish(lambda: click.Group.main(self, args, prog_name or "runbook-assistant",
                                                   complete_var, False, **extra),
                          lang_in(list(sys.argv[1:] if args is None else args)))
        if standalone_mode:
            sys.exit(code)
        return code

    def list_commands(self, ctx: click.Context) -> list[str]:
        _register()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = _ALONE.get(cmd_name)
        if module is not None:  # one module holds the whole command: import only that one
            importlib.import_module(f"runbook_assistant.cli.{module}")
            found = super().get_command(ctx, cmd_name)
            if found is not None:
                return found
        _register()
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              callback=lambda _ctx, param, value: _db_in_existing_folder(param, value),
              help="SQLite file holding runs and events (default: in the user data folder).")
@click.option("--library", "libraries", type=click.Path(file_okay=False), multiple=True,
              help="Add a folder of runbooks to the bundled library (may repeat).")
@click.option("--lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the app and of messages (default: the system's).")
@click.option("--portable", is_flag=True, is_eager=True, expose_value=False,
              callback=lambda _ctx, _param, on: paths.set_portable(True) if on else None,
              help="Keep the database, device key and settings in data/ beside the program "
                   "(also when a portable.txt file is there).")
@click.version_option(__version__, prog_name="runbook-assistant")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, libraries: tuple[str, ...],
        lang: str | None) -> None:
    """Runbook Assistant: offline crisis runbooks with a verifiable timeline.

    With no command, opens the desktop app.
    """
    ctx.obj = AppContext(db_path=db_path, libraries=libraries, lang=lang)
    if ctx.invoked_subcommand is None:
        from runbook_assistant.cli.gui import open_gui  # Qt is imported only when needed

        ctx.exit(open_gui(ctx.obj))


# Top-level commands defined whole in one module (no other module adds subcommands to them), by
# the module that holds them: running one imports that module only, not every command's code
# and libraries (a ``list`` or ``search`` needs neither Jinja2 nor the sync code).
# tests/cli/test_cli_input.py checks that each is where this says.
_ALONE = {
    "validate": "library_cmds", "list": "library_cmds", "show": "library_cmds",
    "search": "library_cmds", "device": "device_cmd", "self-test": "selftest_cmd",
    "verify": "verify_cmd",
}


def _register() -> None:
    # Each command group lives in its own module; importing it adds its commands to ``cli``.
    from runbook_assistant.cli import (
        authoring_cmds,  # noqa: F401
        comms_cmds,  # noqa: F401  (imports run_cmds itself)
        device_cmd,  # noqa: F401
        exercise_cmds,  # noqa: F401
        export_cmds,  # noqa: F401
        hub_cmds,  # noqa: F401
        library_cmds,  # noqa: F401
        report_cmds,  # noqa: F401
        run_cmds,  # noqa: F401
        selftest_cmd,  # noqa: F401
        sync_cmds,  # noqa: F401
        verify_cmd,  # noqa: F401
    )
