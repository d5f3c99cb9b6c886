"""Communication commands: ``contacts`` and ``run message`` (fill a template, log it as sent).

``run message`` never prompts: what it cannot fill stays visible as ``{name}`` and is named on
stderr, so it is safe in scripts and over a phone call alike.
"""

from __future__ import annotations

import click

from runbook_assistant.cli import cli, pass_app
from runbook_assistant.cli.common import announce, echo_json
from runbook_assistant.cli.context import AppContext
from runbook_assistant.cli.errors import cli_lang
from runbook_assistant.cli.run_cmds import run
from runbook_assistant.cli.texts import t
from runbook_assistant.core.comms.contacts import Contact, ContactBook, load_contacts
from runbook_assistant.core.comms.messages import fill_message, format_moment
from runbook_assistant.core.comms.municipality import Municipality, load_municipality
from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.run.message_steps import sent_since_last_check


def _contact_book() -> ContactBook:
    """The contacts; problems in a contacts file are named on stderr and do not stop anything."""
    book = load_contacts()
    for problem in book.problems:
        click.echo(t("warning", text=problem.text(cli_lang())), err=True)
    return book


def _municipality() -> Municipality:
    """The municipality's settings; problems in its file are named on stderr."""
    settings = load_municipality()
    for problem in settings.problems:
        click.echo(t("warning", text=problem.text(cli_lang())), err=True)
    return settings


def _contact_lines(contact: Contact) -> list[str]:
    head = contact.name + ("  [on call]" if contact.on_call else "")
    if contact.roles:
        head += f"  ({', '.join(contact.roles)})"
    numbers = []
    if contact.phone:
        numbers.append(f"phone {contact.phone}")
    if contact.alternate_phone:
        numbers.append(f"alternate {contact.alternate_phone}")
    if contact.email:
        numbers.append(contact.email)
    lines = [head]
    if numbers:
        lines.append("  " + "   ".join(numbers))
    about = " — ".join(p for p in (contact.organisation, contact.notes) if p)
    if about:
        lines.append(f"  {about}")
    return lines


@cli.command("contacts")
@click.option("--role", default=None, metavar="ROLE",
              help="Only who holds this role (on-call first).")
@click.option("--json", "as_json", is_flag=True, help="A JSON array instead of text.")
def contacts(role: str | None, as_json: bool) -> None:
    """Who to call: the bundled contacts merged with your own contacts.yaml."""
    book = _contact_book()
    found = book.for_role(role) if role else list(book.contacts)
    if role and not found:
        click.echo(f"no contacts for role '{role}'; roles: {', '.join(book.roles())}", err=True)
    if as_json:
        echo_json([c.to_dict() for c in found])
        return
    for number, contact in enumerate(found):
        if number:
            click.echo("")
        click.echo("\n".join(_contact_lines(contact)))


def step_message_text(engine: Engine, run_id: str, step_id: str, pairs: tuple[str, ...],
                      channel: str | None, no_send: bool) -> tuple[str | None, str]:
    """What ``run check`` logs as sent with a step that sends a message (``message=``): the text,
    filled like ``run message`` (its warnings on stderr), or None when nothing is to be logged (no
    such step, ``--no-send``, or a send already logged since the step was last checked); and the
    line to say on stderr once the check is recorded."""
    runbook = engine.runbook_of(run_id)
    step = runbook.step(step_id)
    template = runbook.message(step.message) if step is not None and step.message else None
    if template is None:
        if pairs or channel is not None:
            click.echo(t("warning", text=t("send_options_unused")), err=True)
        return None, ""
    if no_send:
        return None, ""
    state = engine.state(run_id)
    earlier = sent_since_last_check(state, step_id, template.id)
    if earlier is not None:
        when = format_moment(earlier.at, state.lang, now=engine.clock.now(),
                             tz=_municipality().tz())
        return None, t("warning", text=t("already_sent", message=template.id, when=when,
                                         who=earlier.actor))
    filled = fill_message(template, state, _values(pairs),
                          organisation=_contact_book().organisation, now=engine.clock.now(),
                          municipality=_municipality())
    for key in filled.unused:
        click.echo(t("warning", text=t("set_unused", key=key, template=template.id)), err=True)
    for name in filled.missing:
        click.echo(t("warning", text=t("placeholder_missing", name=name)), err=True)
    return filled.text, t("step_sends", message=template.id, audience=template.audience,
                          channel=(channel or "").strip() or template.channel)


def _values(pairs: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CommandError(f"cannot read --set '{pair}'", hint="use --set KEY=VALUE")
        values[key.strip()] = value
    return values


@run.command("message")
@click.argument("run_ref", metavar="RUN")
@click.argument("message_id")
@click.option("--actor", required=True, metavar="NAME", help="Who fills (and sends) it.")
@click.option("--set", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A value for a placeholder (may repeat).")
@click.option("--sent", is_flag=True, help="Record that the filled text was sent.")
@click.option("--channel", default=None, metavar="CHANNEL",
              help="The channel it went out on (default: the template's); with --sent.")
@pass_app
def message(app: AppContext, run_ref: str, message_id: str, actor: str, pairs: tuple[str, ...],
            sent: bool, channel: str | None) -> None:
    """Fill the template MESSAGE_ID with what the run knows and print it.

    With --sent the exact text is recorded as sent; the event id is the last line.
    """
    values = _values(pairs)
    engine = app.engine
    run_id = engine.resolve_run(run_ref)
    runbook = engine.runbook_of(run_id)
    template = runbook.message(message_id)
    if template is None:
        ids = ", ".join(m.id for m in runbook.messages) or "none"
        raise CommandError(f"unknown message '{message_id}' in runbook '{runbook.id}'",
                           hint=f"messages: {ids}")
    state = engine.state(run_id)
    filled = fill_message(template, state, values, organisation=_contact_book().organisation,
                          now=engine.clock.now(), municipality=_municipality())
    for key in filled.unused:
        click.echo(t("warning", text=t("set_unused", key=key, template=template.id)), err=True)
    for name in filled.missing:
        click.echo(t("warning", text=t("placeholder_missing", name=name)), err=True)
    if channel is not None and not sent:
        click.echo(t("warning", text=t("channel_needs_sent")), err=True)
    if not sent:
        click.echo(filled.text)
        return
    # Recorded first, so a refusal (a closed run) leaves stdout empty.
    event = engine.message_sent(run_id, template.id, actor=actor, text=filled.text,
                                channel=(channel or "").strip() or template.channel,
                                audience=template.audience)
    click.echo(filled.text)
    announce(engine, event, sentence_to_stderr=True)
