"""Run commands: start a run, record what happens (check, skip, decide, ...), show the state.

Every recording command prints a confirmation and then, as its last stdout line, the id of the
committed event (printed only after the engine returned, so after the commit).
"""

from __future__ import annotations

import click

from runbook_assistant.cli import cli, pass_app
from runbook_assistant.cli.common import (
    actor_option,
    announce,
    at_option,
    echo_json,
    parse_at,
    run_and_step,
    step_id_of,
)
from runbook_assistant.cli.context import AppContext
from runbook_assistant.cli.errors import cli_lang
from runbook_assistant.cli.run_render import render_run, run_json, summary_json
from runbook_assistant.cli.texts import t
from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.formatting import date_time
from runbook_assistant.core.run.command_checks import SERVICE_STATUSES
from runbook_assistant.core.run.timeline import event_text


@cli.group()
def run() -> None:
    """Start runs of a runbook and record what happens in them.

    RUN is a run id or a unique prefix of one (at least six characters). STEP is a step id (or its
    number in the runbook, as `show` numbers them). --at TIME records a late entry (from paper):
    ISO 8601, or HH:MM today, local time.
    """


def _participant(param: click.Parameter, text: str) -> tuple[str, str]:
    """``NAME=ROLE`` as a pair; anything else is a usage error (exit 2), before any write."""
    name, sep, role = text.rpartition("=")
    if not sep or not name.strip() or not role.strip():
        raise click.BadParameter(f"'{text}' is not NAME=ROLE", param=param)
    return name.strip(), role.strip()


# --- start, list, show -----------------------------------------------------------------------
@run.command("start")
@click.argument("runbook_id")
@click.option("--title", required=True, help="What this run is about (e.g. the outage).")
@actor_option
@click.option("--participant", "participants", multiple=True, metavar="NAME=ROLE",
              callback=lambda _ctx, param, values: tuple(_participant(param, v) for v in values),
              help="Someone present, with a role id (may repeat).")
@click.option("--exercise", is_flag=True, help="An exercise, not a real incident.")
@click.option("--scenario", default=None, metavar="SCENARIO_ID",
              help="The exercise scenario played (implies --exercise).")
@click.option("--keeps-running", is_flag=True,
              help="An exercise whose clock runs on while the app is closed (default: it pauses).")
@click.option("--discovered-at", default=None, metavar="TIME",
              help="When the incident was discovered (legal clocks count from it): "
                   "HH:MM today or ISO 8601 (local time); may lie before the start.")
@pass_app
def start(app: AppContext, runbook_id: str, title: str, actor: str,
          participants: tuple[str, ...], exercise: bool, scenario: str | None,
          keeps_running: bool, discovered_at: str | None) -> None:
    """Start a run of RUNBOOK_ID (a scenario id starts its runbook as an exercise).

    Prints the new run id as the last line.
    """
    library = app.library
    runbook = library.get(runbook_id)
    if runbook.kind == "exercise":
        if scenario and scenario != runbook.id:
            raise CommandError(f"'{runbook_id}' is a scenario itself; leave out --scenario")
        if not runbook.runbook:
            raise CommandError(f"scenario '{runbook.id}' names no runbook to exercise",
                               hint="add `runbook: <id>` to its front matter")
        scenario, runbook = runbook.id, library.get(runbook.runbook)
    elif scenario:
        played = library.get(scenario)
        if played.kind != "exercise":
            raise CommandError(f"'{scenario}' is not an exercise scenario")
        if played.runbook != runbook.id:
            exercised = f"'{played.runbook}'" if played.runbook else "no runbook"
            raise CommandError(f"scenario '{scenario}' exercises {exercised}, "
                               f"not '{runbook.id}'")
    people = [(name, role) for name, role in participants]
    from runbook_assistant.core.authoring.approval import approval_status

    approval = approval_status(runbook.path, runbook.sha256, runbook.review_by)
    engine = app.engine
    event = engine.start_run(runbook, library.source(runbook.id), title=title, actor=actor,
                             mode="exercise" if exercise or scenario else "incident",
                             participants=people, scenario_id=scenario,
                             clock_keeps_running=keeps_running,
                             approval=approval.record(), discovered_at=discovered_at)
    if approval.approval is None:  # English keeps the approval's own words (docs/cli.md)
        why = approval.reason if cli_lang() == "en" else t(f"why_{approval.why or 'unreadable'}")
        click.echo(t("warning", text=t("not_approved", id=runbook.id, version=runbook.version,
                                       why=why)), err=True)
    if approval.review_due:
        click.echo(t("warning", text=t("review_due", id=runbook.id, version=runbook.version,
                                       date=approval.review_by)), err=True)
    state = engine.state(event.run_id)
    click.echo(event_text(event, runbook, runbook.lang))
    for gap in state.start_shortfall:
        click.echo(t("warning", text=t("short_of_staff", role=runbook.role_name(gap.role),
                                       present=gap.present, needed=gap.needed)), err=True)
    click.echo(event.run_id)


@run.command("list")
@click.option("--open", "open_only", is_flag=True, help="Only runs that are not closed.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array instead of a table.")
@pass_app
def list_runs(app: AppContext, open_only: bool, as_json: bool) -> None:
    """Runs in the database, newest first: incidents, then exercises (never counted as one).

    --json gives one array; each run's `mode` says which it is.
    """
    summaries = app.engine.runs(open_only=open_only)
    if as_json:
        echo_json([summary_json(s) for s in summaries])
        return
    if not summaries:
        click.echo("no runs" + (" open" if open_only else ""), err=True)
        return
    for heading, mode in (("Incidents", "incident"), ("Exercises", "exercise")):
        group = [s for s in summaries if (s.mode == "exercise") == (mode == "exercise")]
        click.echo(f"{heading} ({len(group)})")
        for s in group:
            started = date_time(s.started_at) or "-"
            status = "closed" if s.closed else ("overdue" if s.overdue else "open")
            scenario = f"  [{s.scenario_id}]" if s.scenario_id else ""
            click.echo(f"  {s.run_id}  {started}  {status:<7}  {s.done:>3}/{s.total:<3}  "
                       f"{s.title}{scenario}")


@run.command("show")
@click.argument("run_ref", metavar="RUN")
@click.option("--json", "as_json", is_flag=True,
              help="Every event (with its id) and the state, as JSON.")
@pass_app
def show_run(app: AppContext, run_ref: str, as_json: bool) -> None:
    """The state of a run: steps, decisions, services, messages and the timeline."""
    engine = app.engine
    run_id = engine.resolve_run(run_ref)
    state = engine.state(run_id)
    record = engine.run_record(run_id)
    if as_json:
        data = run_json(record, state, engine.events(run_id))
        echo_json(data)
    else:
        click.echo("\n".join(render_run(record, state, engine.runbook_of(run_id))))


# --- recording commands ----------------------------------------------------------------------
@run.command("check")
@click.argument("run_ref", metavar="RUN")
@click.argument("step")
@actor_option
@click.option("--verified-by", default=None, metavar="NAME",
              help="The second person who verified it (four-eyes steps).")
@click.option("--outcome", default=None, metavar="OUTCOME",
              help="A check step's outcome: ruled-out, not-ruled-out or under-investigation.")
@click.option("--override", default=None, metavar="REASON",
              help="Record a step refused by a four-eyes or staffing rule anyway; the reason "
                   "and who overrode are recorded.")
@click.option("--set", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A value for a placeholder of the message the step sends (may repeat).")
@click.option("--channel", default=None, metavar="CHANNEL",
              help="The channel the step's message went out on (default: the template's).")
@click.option("--no-send", is_flag=True,
              help="A step that sends a message: check it without logging the send.")
@at_option
@pass_app
def check(app: AppContext, run_ref: str, step: str, actor: str, verified_by: str | None,
          outcome: str | None, override: str | None, pairs: tuple[str, ...],
          channel: str | None, no_send: bool, at: str | None) -> None:
    """Check STEP done. A step that sends a message logs the send too (the template filled as
    `run message` fills it), unless --no-send or it was logged since the step's last check."""
    from runbook_assistant.cli.comms_cmds import step_message_text

    engine, run_id, step_id = run_and_step(app, run_ref, step)
    text, said = step_message_text(engine, run_id, step_id, pairs, channel, no_send)
    event = engine.check(run_id, step_id, actor=actor, verified_by=verified_by,
                         occurred_at=parse_at(at), outcome=outcome, override=override,
                         sent_text=text, channel=channel or "")
    if said:  # said only once the check (and the send) are committed
        click.echo(said, err=True)
    announce(engine, event)


@run.command("discovered")
@click.argument("run_ref", metavar="RUN")
@click.argument("moment", metavar="TIME")
@actor_option
@pass_app
def discovered(app: AppContext, run_ref: str, moment: str, actor: str) -> None:
    """Record (or correct) when the incident was discovered: HH:MM today or ISO 8601 (local
    time). It may lie before the run started; legal clocks (due= from=discovery) count from it.
    """
    engine = app.engine
    run_id = engine.resolve_run(run_ref)
    event = engine.discovered(run_id, moment, actor=actor)
    announce(engine, event)


@run.command("uncheck")
@click.argument("run_ref", metavar="RUN")
@click.argument("step")
@actor_option
@at_option
@pass_app
def uncheck(app: AppContext, run_ref: str, step: str, actor: str, at: str | None) -> None:
    """Reopen STEP (undoes its last check, skip or decision)."""
    engine, run_id, step_id = run_and_step(app, run_ref, step)
    event = engine.uncheck(run_id, step_id, actor=actor, occurred_at=parse_at(at))
    announce(engine, event)


@run.command("skip")
@click.argument("run_ref", metavar="RUN")
@click.argument("step")
@actor_option
@click.option("--reason", required=True, help="Why the step is skipped.")
@at_option
@pass_app
def skip(app: AppContext, run_ref: str, step: str, actor: str, reason: str,
         at: str | None) -> None:
    """Skip STEP, with a reason."""
    engine, run_id, step_id = run_and_step(app, run_ref, step)
    event = engine.skip(run_id, step_id, actor=actor,
                        reason=reason, occurred_at=parse_at(at))
    announce(engine, event)


@run.command("note")
@click.argument("run_ref", metavar="RUN")
@click.argument("text")
@actor_option
@click.option("--step", default=None, help="The step the note is about.")
@at_option
@pass_app
def note(app: AppContext, run_ref: str, text: str, actor: str, step: str | None,
         at: str | None) -> None:
    """Add a note (TEXT) to the run's log."""
    engine = app.engine
    run_id = engine.resolve_run(run_ref)
    step_id = step_id_of(engine.runbook_of(run_id), step) if step else None
    event = engine.note(run_id, text, actor=actor, step_id=step_id, occurred_at=parse_at(at))
    announce(engine, event)


@run.command("decide")
@click.argument("run_ref", metavar="RUN")
@click.argument("step")
@click.argument("option")
@actor_option
@click.option("--rationale", default="", help="Why this option was chosen.")
@click.option("--owner", default=None, help="Who owns the decision (default: the actor).")
@click.option("--revisit-by", default=None, metavar="WHEN",
              help="When the decision should be looked at again.")
@at_option
@pass_app
def decide(app: AppContext, run_ref: str, step: str, option: str, actor: str, rationale: str,
           owner: str | None, revisit_by: str | None, at: str | None) -> None:
    """Record a decision: OPTION is the target section id or the option's label."""
    engine, run_id, step_id = run_and_step(app, run_ref, step)
    event = engine.decide(run_id, step_id, option,
                          actor=actor, rationale=rationale, owner=owner, revisit_by=revisit_by,
                          occurred_at=parse_at(at))
    announce(engine, event)


@run.command("join")
@click.argument("run_ref", metavar="RUN")
@click.argument("name")
@click.option("--role", default=None, help="The role they take (role id or name).")
@actor_option
@pass_app
def join(app: AppContext, run_ref: str, name: str, role: str | None, actor: str) -> None:
    """NAME joins the run (optionally in a role)."""
    engine = app.engine
    event = engine.join(engine.resolve_run(run_ref), name, actor=actor, role=role)
    announce(engine, event)


@run.command("service")
@click.argument("run_ref", metavar="RUN")
@click.argument("service")
@click.argument("status", type=click.Choice(SERVICE_STATUSES, case_sensitive=False))
@actor_option
@click.option("--note", "note_text", default="", help="A short explanation.")
@pass_app
def service(app: AppContext, run_ref: str, service: str, status: str, actor: str,
            note_text: str) -> None:
    """Set a SERVICE's status (name or unique prefix): up, degraded, down or restored."""
    engine = app.engine
    event = engine.service(engine.resolve_run(run_ref), service, status, actor=actor,
                           note=note_text)
    announce(engine, event)


@run.command("close")
@click.argument("run_ref", metavar="RUN")
@actor_option
@click.option("--summary", default="", help="What happened, in a sentence or two.")
@pass_app
def close(app: AppContext, run_ref: str, actor: str, summary: str) -> None:
    """Close the run; it takes no more entries afterwards."""
    engine = app.engine
    event = engine.close(engine.resolve_run(run_ref), actor=actor, summary=summary)
    announce(engine, event)
