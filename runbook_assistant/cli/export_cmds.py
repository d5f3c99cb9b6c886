"""Export commands: ``export`` (a run as md, html, csv, json, pdf or the incident report),
``checklist`` (a blank paper checklist) and ``run draft`` (write a part of the incident report).

The core writes the files (atomically: a complete file or none); PDF goes through Qt, imported
only when a PDF is asked for. The path written is printed on stdout.
"""

from __future__ import annotations

from pathlib import Path

import click

from runbook_assistant.cli import cli, pass_app
from runbook_assistant.cli.common import announce
from runbook_assistant.cli.context import AppContext
from runbook_assistant.cli.errors import cli_lang
from runbook_assistant.cli.run_cmds import run
from runbook_assistant.cli.texts import t
from runbook_assistant.core.export import export_checklist, export_run
from runbook_assistant.core.export.report import REPORT_FIELDS


@cli.command("export")
@click.argument("run_ref", metavar="RUN")
@click.option("--format", "fmt", required=True, metavar="FORMAT",
              help="md, html, csv, json, pdf, report or letter (HTML, or PDF when FILE ends in "
                   ".pdf) or debrief (exercise runs).")
@click.option("-o", "--output", "output", required=True, metavar="FILE",
              type=click.Path(dir_okay=False), help="The file to write (replaced if it exists).")
@click.option("--lang", "lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the export (default: the run's; for the letter the app's).")
@click.option("--csv-dialect", "csv_dialect", type=click.Choice(["excel", "excel-nl"]),
              default=None, help="CSV separators: excel (comma) or excel-nl (semicolon, for Dutch "
                                 "Excel); default: by the export's language.")
@pass_app
def export(app: AppContext, run_ref: str, fmt: str, output: str, lang: str | None,
           csv_dialect: str | None) -> None:
    """Export run RUN: its timeline, decisions and signed chain heads, the incident report, or
    the council information letter.

    Exercise runs say EXERCISE (OEFENING) on every page. `verify FILE.json` checks a JSON export.
    """
    if fmt.strip().lower() == "letter" and lang is None:
        from runbook_assistant.core.i18n import system_lang

        lang = app.lang or system_lang()  # the council's language, not the runbook's
    written = export_run(app.engine, run_ref, fmt, Path(output), lang=lang,
                         library=app.library, csv_dialect=csv_dialect)
    click.echo(str(written))


@cli.command("checklist")
@click.argument("runbook_id")
@click.option("-o", "--output", "output", required=True, metavar="FILE",
              type=click.Path(dir_okay=False), help="FILE.pdf or FILE.html.")
@click.option("--lang", "lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the labels (default: the runbook's).")
@pass_app
def checklist(app: AppContext, runbook_id: str, output: str, lang: str | None) -> None:
    """A blank paper checklist of RUNBOOK_ID (PDF or HTML by the file's extension).

    Boxes, time and initials columns, a second initials column on four-eyes steps, decision
    options and contacts per role. Type a filled-in sheet back in with
    `run check RUN STEP --actor INITIALS --at HH:MM`.
    """
    from runbook_assistant.core.comms.contacts import load_contacts

    runbook = app.library.get(runbook_id)
    book = load_contacts()
    for problem in book.problems:
        click.echo(t("warning", text=problem.text(cli_lang())), err=True)
    written = export_checklist(runbook, Path(output), contacts=book, lang=lang)
    click.echo(str(written))


@run.command("draft")
@click.argument("run_ref", metavar="RUN")
@click.argument("field", type=click.Choice(REPORT_FIELDS), metavar="FIELD")
@click.argument("text")
@click.option("--actor", required=True, metavar="NAME", help="Who writes it (name or initials).")
@pass_app
def draft(app: AppContext, run_ref: str, field: str, text: str, actor: str) -> None:
    """Write one part of the incident report (the last version counts).

    FIELD: summary, cause, impact, measures, or what was checked: security_incident,
    data_damaged, personal_data, other_checks. A check nobody wrote shows as "not yet checked".
    """
    engine = app.engine
    run_id = engine.resolve_run(run_ref)
    announce(engine, engine.draft_report(run_id, field, text, actor=actor))


