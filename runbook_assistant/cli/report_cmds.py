"""Paperwork commands: ``run finalise``, ``run action add|done`` and ``actions``.

They work on closed runs too: closing a run closes its checklist, not its report.
"""

from __future__ import annotations

from datetime import date

import click

from runbook_assistant.cli import cli, pass_app
from runbook_assistant.cli.common import announce, echo_json
from runbook_assistant.cli.context import AppContext
from runbook_assistant.cli.run_cmds import run
from runbook_assistant.core.run.paperwork import ActionItem


@run.command("finalise")
@click.argument("run_ref", metavar="RUN")
@click.option("--actor", required=True, metavar="NAME", help="Who makes the report final.")
@pass_app
def finalise(app: AppContext, run_ref: str, actor: str) -> None:
    """Make the current version of RUN's incident report final (the run must be closed).

    A change to the report afterwards starts the next version; every version stays in the log.
    """
    engine = app.engine
    announce(engine, engine.finalise_report(engine.resolve_run(run_ref), actor=actor))


@run.group("action")
def action() -> None:
    """Follow-up action items of a run: add them, mark them done."""


@action.command("add")
@click.argument("run_ref", metavar="RUN")
@click.argument("text")
@click.option("--owner", required=True, metavar="NAME", help="Who carries the action out.")
@click.option("--due", default=None, metavar="YYYY-MM-DD", help="When it must be done.")
@click.option("--runbook", "runbook_id", default=None, metavar="RUNBOOK_ID",
              help="A runbook the action changes.")
@click.option("--actor", required=True, metavar="NAME", help="Who records it.")
@pass_app
def action_add(app: AppContext, run_ref: str, text: str, owner: str, due: str | None,
               runbook_id: str | None, actor: str) -> None:
    """Add an action item to RUN."""
    engine = app.engine
    if runbook_id:
        app.library.get(runbook_id)  # an unknown runbook is refused, not linked
    announce(engine, engine.add_action(engine.resolve_run(run_ref), text, actor=actor,
                                        owner=owner, due=due, runbook_id=runbook_id))


@action.command("done")
@click.argument("run_ref", metavar="RUN")
@click.argument("action_ref", metavar="ACTION")
@click.option("--actor", required=True, metavar="NAME", help="Who records it.")
@click.option("--note", default="", help="How it was done.")
@pass_app
def action_done(app: AppContext, run_ref: str, action_ref: str, actor: str, note: str) -> None:
    """Mark action item ACTION of RUN done (ACTION: A2, 2, or its id)."""
    engine = app.engine
    announce(engine, engine.action_done(engine.resolve_run(run_ref), action_ref, actor=actor,
                                         note=note))


@cli.command("actions")
@click.option("--open", "open_only", is_flag=True, help="Only action items not done yet.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_app
def actions(app: AppContext, open_only: bool, as_json: bool) -> None:
    """Action items of every run: owner, due date, status, the run they came from."""
    engine = app.engine
    items = engine.actions(open_only=open_only)
    titles = {s.run_id: s.title for s in engine.runs()}
    today = engine.clock.now().astimezone().date()
    if as_json:
        echo_json([action_json(i, titles.get(i.run_id, ""), today) for i in items])
        return
    if not items:
        click.echo("no action items" if not open_only else "no open action items")
        return
    for item in items:
        status = "overdue" if item.overdue(today) else item.status
        due = item.due.isoformat() if item.due else "-"
        runbook = f" [runbook {item.runbook_id}]" if item.runbook_id else ""
        click.echo(f"{item.run_id[-8:]} {item.label:<4} {status:<8} {due:<10} {item.owner}: "
                   f"{item.text}{runbook} ({titles.get(item.run_id, '')})")


def action_json(item: ActionItem, run_title: str, today: date) -> dict[str, object]:
    """One action item as JSON."""
    return {"id": item.action_id, "label": item.label, "run_id": item.run_id,
            "run_title": run_title, "text": item.text, "owner": item.owner,
            "due": item.due.isoformat() if item.due else None, "status": item.status,
            "overdue": item.overdue(today), "runbook_id": item.runbook_id or None,
            "added_by": item.added_by, "added_at": item.added_at.isoformat(),
            "done_by": item.done_by or None,
            "done_at": item.done_at.isoformat() if item.done_at else None, "note": item.note}
