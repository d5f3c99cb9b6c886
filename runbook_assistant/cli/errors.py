"""The command line's one error boundary: every error ends as ``error: ...`` on stderr and an exit
code, never a traceback.

The click group (``cli.group``) catches core errors in its ``invoke`` and raises ``CoreFailure``;
its ``main`` runs ``finish`` around everything click does, so the console command and the tests'
``CliRunner`` go through the same code. ``error_lines`` is the one place an error becomes text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from runbook_assistant.cli.output import echo
from runbook_assistant.core.errors import RunbookAssistantError

_EXIT_CODES: dict[type[RunbookAssistantError], int] = {}


def exit_code_for(kind: type[RunbookAssistantError], code: int) -> None:
    """Make every error of ``kind`` end the command with ``code`` instead of 1."""
    _EXIT_CODES[kind] = code


def exit_code_of(error: RunbookAssistantError) -> int:
    """The exit code an error ends the command with: 1 unless its kind was given another."""
    return next((_EXIT_CODES[k] for k in type(error).__mro__ if k in _EXIT_CODES), 1)


class CoreFailure(click.ClickException):
    """A core error on its way out: shown by ``error_lines``; exit ``exit_code`` (by default
    ``exit_code_of(error)``; ``verify`` gives its own)."""

    def __init__(self, error: RunbookAssistantError, exit_code: int | None = None) -> None:
        super().__init__(str(error))
        self.error = error
        self.exit_code = exit_code_of(error) if exit_code is None else exit_code
        self.lang = cli_lang()  # while the command's context is still there

    def show(self, file: Any = None) -> None:
        report(self.error, self.lang)


def cli_lang() -> str:
    """The language of the command line's messages: ``--lang``, else English (scripts read the
    English words; the docs promise them)."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    lang = getattr(obj, "lang", None)
    return lang if lang in ("nl", "en") else "en"


def error_lines(exc: RunbookAssistantError, lang: str = "en") -> list[str]:
    """How a core error reads on the command line: ``error: ...`` and, if it has one, ``hint:``
    (``fout:`` and ``tip:`` in Dutch)."""
    error, hint = ("fout", "tip") if lang == "nl" else ("error", "hint")
    lines = [f"{error}: {exc.text(lang)}"]
    hint_text = exc.hint_text(lang)
    if hint_text:
        lines.append(f"{hint}: {hint_text}")
    return lines


def report(exc: RunbookAssistantError, lang: str | None = None) -> None:
    """Print a core error (and its hint) to stderr."""
    for line in error_lines(exc, lang or cli_lang()):
        echo(line, err=True)  # a message may quote a file's text: no raw control characters


_ENDS = {
    "en": {"aborted": "error: aborted", "interrupted": "error: interrupted",
           "bug": "error: unexpected problem: {kind}: {exc}",
           "bug_hint": "hint: nothing recorded before this was lost; details are in {log}"},
    "nl": {"aborted": "fout: afgebroken", "interrupted": "fout: onderbroken",
           "bug": "fout: onverwacht probleem: {kind}: {exc}",
           "bug_hint": "tip: niets van wat eerder is vastgelegd is verloren; de details staan "
                       "in {log}"},
}


def ending(key: str, lang: str, **values: Any) -> str:
    """A line the command line ends with when nothing else can say it: ``aborted``,
    ``interrupted``, ``bug`` and ``bug_hint``, in ``lang``."""
    return _ENDS.get(lang, _ENDS["en"])[key].format(**values)


def lang_in(args: list[str]) -> str:
    """The ``--lang`` of a command line before click has read it (for errors click raises
    itself, and for those after its context is gone): nl or en."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else (
            args[i + 1] if arg == "--lang" and i + 1 < len(args) else None)
        if value in ("nl", "en"):
            return value
    return "en"


def finish(run: Callable[[], Any], lang: str = "en") -> int:
    """Run click (``standalone_mode=False``) and turn whatever ends it into an exit code;
    ``lang``: the language of the lines said here."""
    try:
        code = run()
    except click.exceptions.Exit as done:
        return int(done.exit_code or 0)
    except click.exceptions.Abort:
        click.echo(ending("aborted", lang), err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except RunbookAssistantError as exc:  # raised while click read the options, before invoke
        report(exc, lang)
        return exit_code_of(exc)
    except KeyboardInterrupt:
        click.echo(ending("interrupted", lang), err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug must still end in one clear line, not a traceback
        log = write_crash_log()
        click.echo(ending("bug", lang, kind=type(exc).__name__, exc=exc), err=True)
        click.echo(ending("bug_hint", lang, log=log), err=True)
        return 1
    return int(code or 0) if isinstance(code, int) else 0


def write_crash_log() -> str:
    """Append the current traceback to a log in the user data folder; return its path."""
    import traceback

    from runbook_assistant.core import paths

    try:
        log = paths.user_data_dir() / "errors.log"
        with log.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        return str(log)
    except OSError:
        return "(the error log could not be written)"


def run_cli(group: click.Group, argv: list[str] | None) -> int:
    """The exit code of the command line ``argv`` (None: ``sys.argv``), errors shown on stderr."""
    code = group.main(args=argv, prog_name="runbook-assistant", standalone_mode=False)
    return int(code or 0) if isinstance(code, int) else 0
