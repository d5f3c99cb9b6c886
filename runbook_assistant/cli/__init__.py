"""The command line (click). Every command is a thin layer over ``runbook_assistant.core``.

With no command it opens the desktop app. ``../docs/cli.md`` and the README describe the contract.
Opening the app is the common start, so ``main`` first checks whether the command line does only
that (``cli.gui.gui_request``) and then starts it without importing click at all; every other
command line goes to the click group (``cli.group``), which is imported on first use, as are
``cli``, ``AppContext`` and ``pass_app`` when taken from this package.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from runbook_assistant.cli.context import AppContext, pass_app
    from runbook_assistant.cli.group import cli

__all__ = ["AppContext", "cli", "gui_main", "main", "pass_app"]

_LAZY = {"cli": "runbook_assistant.cli.group", "AppContext": "runbook_assistant.cli.context",
         "pass_app": "runbook_assistant.cli.context"}


def __getattr__(name: str) -> Any:
    # PEP 562: ``from runbook_assistant.cli import cli`` imports click only when it is asked for.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def main(argv: list[str] | None = None) -> None:
    """Console entry point: ``error: ...`` and an exit code instead of a traceback."""
    from runbook_assistant.cli.gui import gui_request, launch

    args = sys.argv[1:] if argv is None else list(argv)
    request = gui_request(args)
    if request is not None:
        sys.exit(launch(request))
    from runbook_assistant.cli.errors import run_cli
    from runbook_assistant.cli.group import cli as group

    sys.exit(run_cli(group, argv))  # None: click reads sys.argv itself, as it always did


def gui_main() -> None:
    """GUI entry point (no console window on Windows): opens the desktop app."""
    _give_streams()
    main([*sys.argv[1:]])


def _give_streams() -> None:
    # A windowed program on Windows (pythonw, a PyInstaller build without console) starts with
    # sys.stdout and sys.stderr None: anything that writes to them, ours or a library's, would
    # raise. They go to the null device instead; what matters is in the log file.
    import os

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
