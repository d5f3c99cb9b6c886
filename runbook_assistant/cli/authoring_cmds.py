"""Authoring commands: import a Word document or foreign Markdown, approve a runbook version."""

from __future__ import annotations

import datetime
from pathlib import Path

import click

from runbook_assistant.cli import cli
from runbook_assistant.cli.errors import cli_lang
from runbook_assistant.cli.output import echo
from runbook_assistant.cli.texts import t
from runbook_assistant.core.errors import RunbookAssistantError


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, metavar="OUT.md",
              type=click.Path(dir_okay=False, path_type=Path),
              help="The runbook file to write.")
@click.option("--id", "runbook_id", default=None, metavar="ID",
              help="The runbook's id (default: from the file name).")
@click.option("--lang", "lang", type=click.Choice(["nl", "en"]), default=None,
              help="The runbook's language (default: guessed from the text).")
@click.option("--force", is_flag=True, help="Overwrite OUT.md (and OUT.contacts.yaml).")
def import_command(file: Path, out: Path, runbook_id: str | None, lang: str | None,
                   force: bool) -> None:
    """Convert FILE (a Word .docx or a Markdown playbook) into a runbook OUT.md.

    Prints each guess as `path:line: note: ...` on stderr (for a Word file the line is the
    paragraph's number), then what was written. Contact tables are written beside OUT.md as
    OUT.contacts.yaml.
    """
    from runbook_assistant.core.authoring.convert import (
        ImportProblem,
        contacts_path,
        import_file,
        write_import,
    )

    if not file.exists():
        raise ImportProblem.of("import_missing", file=file)
    extra = contacts_path(out)
    for target in (out, extra):
        if target.exists() and not force:
            raise ImportProblem.of("import_exists", file=target)
    imported = import_file(file, runbook_id=runbook_id, lang=lang, out_name=str(out))
    lang_shown = cli_lang()
    for note in imported.notes:
        echo(note.line_in(lang_shown), err=True)
    extra_written = write_import(imported, out, file.name)
    runbook = imported.runbook
    for diagnostic in imported.check.diagnostics:
        echo(str(diagnostic), err=True)
    echo(t("imported", out=out, sections=_count(len(runbook.sections), "section"),
           steps=_count(len(runbook.steps), "step"),
           messages=_count(len(runbook.messages), "message"), id=runbook.id,
           language=runbook.lang))
    if extra_written is not None:
        echo(t("imported_contacts", out=extra_written, count=imported.contact_count))


@cli.command("approve")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--as", "name", required=True, metavar="NAME",
              help="The approver's name, as people know it.")
def approve_command(file: Path, name: str) -> None:
    """Approve the runbook FILE as it is now, signed with this laptop's device key.

    Writes FILE.approval.json beside it; any later edit of FILE voids the approval.
    """
    from runbook_assistant.core.authoring.approval import approval_path, approve
    from runbook_assistant.core.log.identity import DeviceIdentity

    if not file.is_file():
        raise RunbookAssistantError.of("approve_not_a_file", file=file)
    approval = approve(file, name, DeviceIdentity.load_or_create(),
                       datetime.datetime.now(datetime.UTC))
    echo(t("approved", file=file, id=approval.runbook_id, version=approval.version,
           sha=approval.sha256[:12], who=approval.approved_by, device=approval.fingerprint))
    echo(t("wrote", path=approval_path(file)))


def _count(number: int, noun: str) -> str:
    return t(f"n_{noun}") if number == 1 else t(f"n_{noun}s", n=number)
