"""Filling message templates: the values the app knows, the ones people give, the ones missing.

The app fills six placeholders itself (each in an English and a Dutch spelling, see
``placeholders.APP_PLACEHOLDERS``): the organisation, when the run started, the runbook's and the
run's title, when the next update is due and the current service statuses; and those of the
municipality's settings (``{gemeente}``, ``{informatienummer}`` …). Everything else is
given by the user. A placeholder without a value stays visible as ``{name}`` so a half-filled
message can never pass for a finished one.

``{start_time}`` / ``{starttijd}`` is when the incident began: the moment of discovery when it
is recorded, otherwise when the run started. ``{check:NAME}`` is the recorded outcome of the check
step ``NAME`` ("ruled out" / "not ruled out" / "still under investigation"), "still under
investigation" while none is recorded; it cannot be given by hand, so a message can only state
what someone entitled to it established.

Times are wall-clock ``HH:MM`` in the municipality's time zone (``time_zone`` in
``municipality.yaml``), with the zone named (``10:47 (CET)``) so a text read elsewhere or in
another season cannot be misread; a date is added (in the run's language) when the moment is not
on the day the message is filled.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from runbook_assistant.core.comms.municipality import Municipality
from runbook_assistant.core.run.discipline import outcome_text
from runbook_assistant.core.runbook.model import MessageTemplate, Runbook
from runbook_assistant.core.runbook.placeholders import (
    APP_PLACEHOLDERS,
    CHECK_PLACEHOLDER_RE,
    PLACEHOLDER_RE,
    placeholders_of,
)

if TYPE_CHECKING:
    from runbook_assistant.core.run.state_types import RunState, ServiceState

DEFAULT_UPDATE_EVERY = 3600  # seconds: residents expect an update at least every hour

# Every message of an exercise says so at its top and bottom, as Dutch exercises write it, so a
# text that leaks out of the exercise room can never be read as real.
EXERCISE_MARKER = {"en": "EXERCISE EXERCISE EXERCISE", "nl": "OEFENING OEFENING OEFENING"}

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}

# How a service's status reads in a message to residents (plainer than the board's words).
STATUS_FOR_RESIDENTS = {
    "en": {"up": "available", "degraded": "partly available", "down": "not available",
           "restored": "available again"},
    "nl": {"up": "beschikbaar", "degraded": "beperkt beschikbaar", "down": "niet beschikbaar",
           "restored": "weer beschikbaar"},
}


@dataclass(frozen=True)
class MessageContext:
    """What the app knows when it fills a template. ``tz`` None: the computer's time zone."""

    lang: str = "en"
    organisation: str = ""
    runbook_title: str = ""
    run_title: str = ""
    started_at: datetime | None = None
    now: datetime | None = None
    update_every: int = DEFAULT_UPDATE_EVERY
    services: tuple[ServiceState, ...] = ()
    tz: tzinfo | None = None
    municipality: Municipality | None = None
    exercise: bool = False
    checks: Mapping[str, str | None] = field(default_factory=dict)  # check name -> outcome

    @classmethod
    def of(cls, state: RunState, template: MessageTemplate | None = None, *,
           organisation: str = "", now: datetime | None = None,
           tz: tzinfo | None = None,
           municipality: Municipality | None = None) -> MessageContext:
        """The context of a run: its titles, start, services and the template's update rhythm."""
        runbook = state.runbook
        section = template.section_id if template is not None else None
        if tz is None and municipality is not None:
            tz = municipality.tz()  # the municipality's clock, not this computer's
        return cls(lang=state.lang, organisation=organisation, municipality=municipality,
                   exercise=state.mode == "exercise",
                   runbook_title=runbook.title if runbook is not None else "",
                   run_title=state.title, started_at=state.clock_start,
                   checks={name: c.outcome for name, c in state.checks.items()},
                   now=now or state.now,
                   update_every=update_interval(runbook, section) if runbook else
                   DEFAULT_UPDATE_EVERY,
                   services=state.services, tz=tz)


@dataclass(frozen=True)
class FilledMessage:
    """A filled template.

    ``known``: every placeholder that got a value (name as written -> value); ``missing``:
    placeholders left as ``{name}``; ``unused``: given values the template has no place for;
    ``asked``: the placeholders the app does not fill itself (what a form asks for).
    """

    text: str
    known: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.missing


def update_interval(runbook: Runbook | None, section_id: str | None = None) -> int:
    """Seconds to the next update: the ``every`` of the first recurring step in the message's
    section, else of the first recurring step of the runbook, else an hour."""
    if runbook is None:
        return DEFAULT_UPDATE_EVERY
    section = runbook.section(section_id) if section_id else None
    for steps in ((section.steps if section else ()), runbook.steps):
        every = next((s.every for s in steps if s.every), None)
        if every:
            return every
    return DEFAULT_UPDATE_EVERY


def format_moment(moment: datetime, lang: str, *, now: datetime | None = None,
                  tz: tzinfo | None = None, zone: bool = False) -> str:
    """``HH:MM`` local time; with the date (and year if another) when not on ``now``'s day;
    ``zone``: the time zone named after the time (``10:47 (CET)``)."""
    local = moment.astimezone(tz)
    clock = local.strftime("%H:%M")
    if zone and local.tzname():
        clock += f" ({local.tzname()})"
    today = now.astimezone(tz).date() if now is not None else local.date()
    if local.date() == today:
        return clock
    months = MONTHS.get(lang, MONTHS["en"])
    date = f"{local.day} {months[local.month - 1]}"
    if local.year != today.year:
        date += f" {local.year}"
    return f"{date} {clock}" if lang == "nl" else f"{clock} on {date}"


def services_text(services: tuple[ServiceState, ...], lang: str) -> str:
    """Reported statuses in restore order, e.g. ``E-mail: not available; Website: available``.

    Services nobody reported on yet are left out (residents gain nothing from "unknown").
    """
    words = STATUS_FOR_RESIDENTS.get(lang, STATUS_FOR_RESIDENTS["en"])
    return "; ".join(f"{s.name}: {words.get(s.status, s.status)}"
                     for s in services if s.status in words)


_AND = {"en": "and", "nl": "en"}


def name_list(names: list[str], lang: str) -> str:
    """Names as a sentence lists them: ``A``, ``A en B``, ``A, B en C``."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_AND.get(lang, 'and')} {names[-1]}"


def services_down_text(services: tuple[ServiceState, ...], lang: str) -> str:
    """The services out or degraded now, in restore order, as a list in a sentence."""
    return name_list([s.name for s in services if s.status in ("down", "degraded")], lang)


def restored_text(services: tuple[ServiceState, ...], lang: str) -> str:
    """The services restored, in the order they came back (the earliest first)."""
    back = sorted((s for s in services if s.status == "restored" and s.since is not None),
                  key=lambda s: s.since)  # type: ignore[arg-type, return-value]
    return name_list([s.name for s in back], lang)


def app_values(context: MessageContext) -> dict[str, str]:
    """The values the app fills itself, by canonical name (``organisation``, ``start_time``,
    ``runbook_title``, ``run_title``, ``next_update``, ``services``); unknown ones are absent."""
    now = context.now or datetime.now().astimezone()
    municipal = context.municipality.placeholder_values() if context.municipality else {}
    values = {
        **municipal,
        "organisation": context.organisation.strip() or municipal.get("municipality", ""),
        "runbook_title": context.runbook_title.strip(),
        "run_title": context.run_title.strip(),
        "next_update": format_moment(now + timedelta(seconds=context.update_every),
                                     context.lang, now=now, tz=context.tz, zone=True),
        "services": services_text(context.services, context.lang),
        "services_down": services_down_text(context.services, context.lang),
        "restored": restored_text(context.services, context.lang),
    }
    if context.started_at is not None:
        values["start_time"] = format_moment(context.started_at, context.lang, now=now,
                                             tz=context.tz, zone=True)
    return {k: v for k, v in values.items() if v}


def fill_message(template: MessageTemplate | str, run: RunState | MessageContext,
                 values: Mapping[str, str] | None = None, lang: str | None = None, *,
                 organisation: str = "", now: datetime | None = None,
                 tz: tzinfo | None = None,
                 municipality: Municipality | None = None) -> FilledMessage:
    """Fill ``template`` with what the app knows about ``run`` (and the ``municipality``'s
    settings) and with ``values`` given by the user (a given value wins; either spelling of an
    app placeholder may be given)."""
    if isinstance(run, MessageContext):
        context = run
    else:
        context = MessageContext.of(run, template if isinstance(template, MessageTemplate)
                                    else None, organisation=organisation, now=now, tz=tz,
                                    municipality=municipality)
    if lang and lang != context.lang:
        context = replace(context, lang=lang)
    text = template.text if isinstance(template, MessageTemplate) else template
    names = placeholders_of(text)
    given = {k.strip(): v for k, v in (values or {}).items()}
    known_by_app = app_values(context)
    filled: dict[str, str] = {}
    for name in names:
        value = _given(name, given)
        if value is None:
            value = known_by_app.get(APP_PLACEHOLDERS.get(name, ""))
        if value is not None:
            filled[name] = value
    used_canonical = {APP_PLACEHOLDERS[n] for n in names if n in APP_PLACEHOLDERS}
    unused = [k for k in given
              if k not in names and APP_PLACEHOLDERS.get(k) not in used_canonical]
    result = PLACEHOLDER_RE.sub(lambda m: filled.get(m.group(1), m.group(0)), text)
    result = CHECK_PLACEHOLDER_RE.sub(
        lambda m: outcome_text(context.checks.get(m.group(1)), context.lang), result)
    if context.exercise:
        result = mark_exercise(result, context.lang)
    return FilledMessage(
        text=result, known=filled, missing=[n for n in names if n not in filled],
        unused=unused, asked=[n for n in names if n not in APP_PLACEHOLDERS])


def mark_exercise(text: str, lang: str) -> str:
    """``text`` with the exercise marker above and below it (once)."""
    marker = EXERCISE_MARKER.get(lang, EXERCISE_MARKER["en"])
    if text.startswith(marker):
        return text
    return f"{marker}\n\n{text.strip()}\n\n{marker}"


def _given(name: str, given: Mapping[str, str]) -> str | None:
    if name in given:
        return given[name]
    canonical = APP_PLACEHOLDERS.get(name)
    if canonical is None:
        return None
    return next((v for k, v in given.items() if APP_PLACEHOLDERS.get(k) == canonical), None)


def next_update_due(state: RunState) -> datetime | None:
    """When the next update is due after the last message sent (None before the first)."""
    if not state.messages:
        return None
    last = max(state.messages, key=lambda m: m.at)
    runbook = state.runbook
    template = runbook.message(last.message_id) if runbook is not None else None
    every = update_interval(runbook, template.section_id if template else None)
    return last.at + timedelta(seconds=every)


def message_groups(runbook: Runbook) -> list[tuple[str, str, list[MessageTemplate]]]:
    """The runbook's templates grouped by (channel, audience), in order of first appearance."""
    groups: dict[tuple[str, str], list[MessageTemplate]] = {}
    for template in runbook.messages:
        groups.setdefault((template.channel, template.audience), []).append(template)
    return [(channel, audience, items) for (channel, audience), items in groups.items()]
