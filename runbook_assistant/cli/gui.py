"""Open the desktop app: from click's context, or straight from a command line that only opens it.

Opening the app is the common start, and importing click and building the command group is a
noticeable part of a cold start. ``gui_request`` recognises a command line made only of the global
options (``--db``, ``--library``, ``--lang``, ``--portable``) that click would accept as given;
anything else (a command, ``--help``, ``--version``, a value click refuses) is left to click, so
its messages and exit codes stay the only ones.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from runbook_assistant.core import paths

if TYPE_CHECKING:
    from runbook_assistant.cli.context import AppContext

_VALUE_OPTIONS = ("--db", "--library", "--lang")
LANGUAGES = ("nl", "en")


class GuiRequest(NamedTuple):
    """The global options of a command line that only opens the app."""

    db_path: str | None = None
    libraries: tuple[str, ...] = ()
    lang: str | None = None
    portable: bool = False


def open_gui(app: AppContext) -> int:
    """Start the desktop app; returns its exit code (1 when the database is open elsewhere)."""
    return run_gui(app.db_path, app.libraries, app.lang)


def run_gui(db_path: str | None, libraries: tuple[str, ...], lang: str | None) -> int:
    """Start the app on ``--db`` (or the default database) with the bundled and extra folders."""
    from runbook_assistant.ui.app import run_app  # Qt is imported only here

    database = Path(db_path) if db_path else paths.default_db_path()
    folders = [paths.bundled_runbooks_dir(), *(Path(p) for p in libraries)]
    return run_app(database, folders, lang)


def _click_accepts(value: str, *, folder: bool) -> bool:
    # What click.Path(dir_okay=False) / (file_okay=False) checks: a path that exists must be of
    # the right kind and readable. Empty or dash-like values are left to click as well.
    if not value or value.startswith("-"):
        return False
    try:
        mode = os.stat(value).st_mode
    except OSError:
        # A database may be new, its folder may not (``group._db_in_existing_folder``).
        return folder or os.path.isdir(os.path.dirname(os.path.abspath(value)))
    right_kind = stat.S_ISDIR(mode) if folder else not stat.S_ISDIR(mode)
    return right_kind and os.access(value, os.R_OK)


def gui_request(args: list[str]) -> GuiRequest | None:
    """The request when ``args`` only opens the app with valid global options, else None."""
    db_path: str | None = None
    libraries: list[str] = []
    lang: str | None = None
    portable = False
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--portable":
            portable = True
            continue
        name, equals, value = arg.partition("=")
        if name not in _VALUE_OPTIONS:
            return None  # a command, --help, --version, -h or something click must judge
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if name == "--lang":
            if value not in LANGUAGES:
                return None
            lang = value
        elif not _click_accepts(value, folder=name == "--library"):
            return None
        elif name == "--db":
            db_path = value  # the last one wins, as with click
        else:
            libraries.append(value)
    return GuiRequest(db_path, tuple(libraries), lang, portable)


def launch(request: GuiRequest) -> int:
    """Open the app for a request from ``gui_request``; errors end as the command line ends them."""
    if request.portable:
        paths.set_portable(True)
    try:
        return run_gui(request.db_path, request.libraries, request.lang)
    except KeyboardInterrupt:
        from runbook_assistant.cli.errors import ending

        print(ending("interrupted", request.lang or "en"), file=sys.stderr)
        return 130
    except Exception as exc:
        # The same "error: ..." lines (and crash log) as every command; click loads only now.
        from runbook_assistant.cli.errors import ending, report, write_crash_log
        from runbook_assistant.core.errors import RunbookAssistantError

        lang = request.lang or "en"
        if isinstance(exc, RunbookAssistantError):
            report(exc, lang)
            return 1
        log = write_crash_log()
        print(ending("bug", lang, kind=type(exc).__name__, exc=exc), file=sys.stderr)
        print(ending("bug_hint", lang, log=log), file=sys.stderr)
        return 1
