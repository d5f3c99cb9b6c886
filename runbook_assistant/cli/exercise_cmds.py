"""Exercise commands: deliver injects from a script (``run inject``), and the ``exercise`` group:
``status`` (the clock and the injects of a run), ``observe`` (an observer's note), ``debrief``
(one run, or two compared), ``draft`` (a scenario draft from a past run) and ``rehearsal`` (what
exercises taught about a runbook).

Exercise time is read from the clock events in the run's log (see ``core/exercise/timing.py``), so
a script can call these commands one by one and the clock carries on between them.
"""

from __future__ import annotations

from pathlib import Path

import click

from runbook_assistant.cli import cli, pass_app
from runbook_assistant.cli.common import announce, echo_json, step_id_of
from runbook_assistant.cli.context import AppContext
from runbook_assistant.cli.run_cmds import run
from runbook_assistant.cli.texts import t
from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.exercise.session import ExerciseSession
from runbook_assistant.core.exercise.timing import parse_offset
from runbook_assistant.core.formatting import date_text, format_offset, span_text
from runbook_assistant.core.run.timeline import event_text


def _session(app: AppContext, run_ref: str) -> ExerciseSession:
    engine = app.engine
    return ExerciseSession.for_run(engine, engine.resolve_run(run_ref), app.library)


@run.command("inject")
@click.argument("run_ref", metavar="RUN")
@click.option("--actor", required=True, metavar="NAME", help="Who delivers (the exercise leader).")
@click.option("--all-due", is_flag=True,
              help="Deliver every inject that is due on the exercise clock (not just the next).")
@click.option("--at", "at", metavar="T+HH:MM", default=None,
              help="Set the exercise clock ahead to this time first (implies --all-due).")
@pass_app
def inject(app: AppContext, run_ref: str, actor: str, all_due: bool, at: str | None) -> None:
    """Deliver injects of an exercise run's scenario.

    Without options: the next inject, moving the exercise clock ahead to it. Prints each delivered
    inject; the last line is the id of the last committed event.
    """
    session = _session(app, run_ref)
    if at is not None:
        delivered = session.advance_to(parse_offset(at), actor)
    elif all_due:
        delivered = session.tick(actor)
    else:
        delivered = session.jump_to_next(actor)
    if not delivered:
        upcoming = session.next_inject()
        click.echo("nothing is due at T+" + format_offset(session.clock.position())
                   + (f"; the next inject is at T+{format_offset(upcoming.offset)}"
                      if upcoming else "; every inject has been delivered"), err=True)
        return
    runbook = app.engine.runbook_of(session.run_id)
    for event in delivered:
        click.echo(event_text(event, runbook, session.lang))
    click.echo(delivered[-1].id)


@cli.group()
def exercise() -> None:
    """Tabletop exercises: the exercise clock, debriefs, scenario drafts and rehearsal records.

    Start an exercise with `run start SCENARIO_ID --title T --actor NAME`; deliver its injects
    with `run inject RUN --actor NAME`.
    """


@exercise.command("status")
@click.argument("run_ref", metavar="RUN")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@pass_app
def status(app: AppContext, run_ref: str, as_json: bool) -> None:
    """The exercise clock of RUN and its injects, delivered or still to come."""
    session = _session(app, run_ref)
    injects = session.injects()
    position = session.clock.position()
    if as_json:
        echo_json({
            "run_id": session.run_id,
            "scenario_id": session.scenario.id if session.scenario else None,
            "position_seconds": round(position, 3), "speed": session.clock.speed,
            "paused": session.clock.paused, "finished": session.finished,
            "injects": [{"offset": i.offset, "text": i.text, "to": i.to,
                         "delivered": i.delivered, "event_id": i.event_id} for i in injects],
        })
        return
    state = t("paused") if session.clock.paused else f"×{session.clock.speed:g}"
    runbook = app.engine.runbook_of(session.run_id)
    click.echo(t("exercise_clock", t=format_offset(position), state=state))
    for item in injects:
        mark = "[x]" if item.delivered else "[ ]"
        to = t("to_role", role=runbook.role_name(item.to)) if item.to else ""
        click.echo(f"  {mark} T+{format_offset(item.offset, with_seconds=False)}  "
                   f"{item.text}{to}")
    if not injects:
        click.echo(t("no_injects"))


@exercise.command("observe")
@click.argument("run_ref", metavar="RUN")
@click.argument("text")
@click.option("--actor", required=True, metavar="NAME", help="The observer.")
@click.option("--step", default=None, help="The step the observation is about.")
@pass_app
def observe(app: AppContext, run_ref: str, text: str, actor: str, step: str | None) -> None:
    """Add an observer's note (TEXT) to exercise RUN; the debrief lists these apart.

    The last line is the id of the committed event.
    """
    engine = app.engine
    run_id = engine.resolve_run(run_ref)
    step_id = step_id_of(engine.runbook_of(run_id), step) if step else None
    announce(engine, engine.observe(run_id, text, actor=actor, step_id=step_id))


@exercise.command("debrief")
@click.argument("run_ref", metavar="RUN")
@click.option("-o", "--output", "output", required=True, metavar="FILE",
              type=click.Path(dir_okay=False), help="FILE.html or FILE.pdf.")
@click.option("--compare", "other", metavar="RUN", default=None,
              help="A second run of the same scenario, shown side by side.")
@click.option("--lang", "lang", type=click.Choice(["nl", "en"]), default=None,
              help="Language of the debrief (default: the run's).")
@pass_app
def debrief(app: AppContext, run_ref: str, output: str, other: str | None,
            lang: str | None) -> None:
    """The debrief of exercise RUN (like `export RUN --format debrief`), optionally compared with
    a second run of the same scenario."""
    from runbook_assistant.core.export.debrief import export_debrief

    written = export_debrief(app.engine, run_ref, Path(output), compare_with=other, lang=lang,
                             library=app.library)
    click.echo(str(written))


@exercise.command("draft")
@click.argument("run_ref", metavar="RUN")
@click.option("-o", "--output", "output", required=True, metavar="FILE",
              type=click.Path(dir_okay=False), help="The scenario file to write (Markdown).")
@pass_app
def draft(app: AppContext, run_ref: str, output: str) -> None:
    """A scenario draft from past run RUN: its events become injects at their offsets.

    Edit the goals and the injects, then put the file in a library folder.
    """
    from runbook_assistant.core.exercise.rehearsal import scenario_from_run
    from runbook_assistant.core.export.atomic import check_target, write_text_atomic

    text = scenario_from_run(app.engine, run_ref)
    target = check_target(Path(output))
    write_text_atomic(target, [text])
    click.echo(str(target))


@exercise.command("rehearsal")
@click.argument("runbook_id")
@click.option("--json", "as_json", is_flag=True, help="As JSON.")
@pass_app
def rehearsal_cmd(app: AppContext, runbook_id: str, as_json: bool) -> None:
    """When each step of RUNBOOK_ID was last rehearsed and how long it typically takes.

    Only exercise runs count. Steps never rehearsed are marked.
    """
    from runbook_assistant.core.exercise.rehearsal import rehearsal

    runbook = app.library.get(runbook_id)
    if runbook.kind == "exercise":
        raise CommandError(f"'{runbook_id}' is a scenario",
                           hint=f"ask about the runbook it exercises: '{runbook.runbook}'")
    record = rehearsal(app.engine, runbook)
    if as_json:
        echo_json(record.to_dict())
        return
    last = date_text(record.last_exercise) if record.last_exercise else "never"
    click.echo(f"{runbook.title} ({runbook.id}): {record.exercise_runs} exercise runs, "
               f"last {last}")
    for step in record.steps:
        if step.never:
            click.echo(f"  NEVER  {step.title}  (#{step.step_id})")
            continue
        when = date_text(step.last_rehearsed) if step.last_rehearsed else "-"
        typical = "typical " + (span_text(step.typical, "en") if step.typical is not None else "-")
        click.echo(f"  {step.times:>3}x   {step.title}  (#{step.step_id})  last {when}, {typical}")
    never = len(record.never_rehearsed)
    click.echo(f"{never} of {len(record.steps)} steps never rehearsed", err=True)
