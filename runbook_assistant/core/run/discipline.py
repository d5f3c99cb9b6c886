"""The rules of the real cases, held by the engine: qualified four eyes, staffing gates, check
outcomes and the moment of discovery.

A refusal is a ``RuleRefusal``: a ``CommandError`` that an override (a reason, recorded in the
event with who overrode) may set aside. Other refusals (an unknown step, a decision) cannot be
overridden. See docs/runbook-format.md, "Four eyes", "Staffing gates" and "Checks".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, time

from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.run.state_types import Participant, RunState, StaffingGap
from runbook_assistant.core.run.tracks import person_key
from runbook_assistant.core.runbook.model import CHECK_OUTCOMES, Runbook, Step

# How a recorded outcome reads; "under-investigation" is also what an unrecorded check reads as.
OUTCOME_WORDS: dict[str, dict[str, str]] = {
    "en": {"ruled-out": "ruled out", "not-ruled-out": "not ruled out",
           "under-investigation": "still under investigation"},
    "nl": {"ruled-out": "uitgesloten", "not-ruled-out": "niet uitgesloten",
           "under-investigation": "nog in onderzoek"},
}
UNDER_INVESTIGATION = "under-investigation"


def outcome_text(outcome: str | None, lang: str) -> str:
    """A check outcome in ``lang``; None (nothing recorded) reads as still under investigation."""
    words = OUTCOME_WORDS.get(lang, OUTCOME_WORDS["en"])
    return words.get(outcome or UNDER_INVESTIGATION, outcome or "")


def check_outcome(step: Step, outcome: str | None) -> str | None:
    """The outcome to record for ``step``: required on a check step, refused on any other."""
    value = (outcome or "").strip().casefold().replace(" ", "-").replace("_", "-")
    if step.check is None:
        if value:
            raise CommandError.of("not_a_check_step", step=step.title)
        return None
    if value not in CHECK_OUTCOMES:
        said, said_nl = ((f"unknown outcome '{outcome}'", f"onbekende uitkomst '{outcome}'")
                         if value else ("record the outcome of the check",
                                        "leg de uitkomst van de controle vast"))
        raise CommandError.of("check_needs_outcome", step=step.title, check=step.check,
                              said=said, said_nl=said_nl, outcomes=", ".join(CHECK_OUTCOMES))
    return value


class RuleRefusal(CommandError):
    """A refusal by a rule of the real cases (four eyes, staffing): an override may set it
    aside, with a reason that is recorded."""


@dataclass(frozen=True)
class Candidates:
    """Who present may perform and who may verify a four-eyes step."""

    performers: tuple[str, ...]
    verifiers: tuple[str, ...]


def holds(person: Participant, role: str | None) -> bool:
    return role is None or role in person.roles


def candidates(state: RunState, step: Step) -> Candidates:
    """The participants who hold the step's role, and those who may verify it (its role or its
    ``verifier=`` role); a step without a role takes anyone in the run."""
    people = state.participants
    return Candidates(
        tuple(p.name for p in people if holds(p, step.role)),
        tuple(p.name for p in people if holds(p, step.role)
              or (step.verifier is not None and step.verifier in p.roles)))


@dataclass(frozen=True)
class Eligibility:
    """One participant and what they may do on a four-eyes step (for the app's dialog)."""

    name: str
    roles: tuple[str, ...]
    performs: bool
    verifies: bool


def eligibility(state: RunState, step: Step) -> tuple[Eligibility, ...]:
    """Every participant with whether they may perform and whether they may verify ``step``."""
    who = candidates(state, step)
    return tuple(Eligibility(p.name, p.roles, p.name in who.performers, p.name in who.verifiers)
                 for p in state.participants)


def participant(state: RunState, name: str) -> Participant | None:
    key = person_key(name)
    return next((p for p in state.participants if person_key(p.name) == key), None)


# How a refusal of the rules reads, composed from the run's people and the runbook's role names.
REFUSAL_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "not_participant": "{name} is not a participant of this run",
        "lacks_role": "{name} does not have the role {role}",
        "needs_verifier": "a second person must verify it",
        "same_person": "the verifier must be someone other than the performer",
        "four_eyes": "'{step}' is a four-eyes step: {problems}. Present who could perform it"
                     "{role}: {performers}; verify it{verifier_roles}: {verifiers}",
        "or": " or ", "nobody": "nobody",
        "needs": "'{step}' needs {gaps}", "gap": "{needed} {role} ({present} present)",
    },
    "nl": {
        "not_participant": "{name} neemt niet deel aan deze uitvoering",
        "lacks_role": "{name} heeft de rol {role} niet",
        "needs_verifier": "een tweede persoon moet het controleren",
        "same_person": "wie controleert moet een ander zijn dan wie het uitvoert",
        "four_eyes": "'{step}' is een vier-ogenstap: {problems}. Aanwezig die het kunnen "
                     "uitvoeren{role}: {performers}; controleren{verifier_roles}: {verifiers}",
        "or": " of ", "nobody": "niemand",
        "needs": "'{step}' vraagt meer mensen: {gaps}",
        "gap": "{role} {needed} nodig, {present} aanwezig",
    },
}


def four_eyes_refusal(state: RunState, runbook: Runbook, step: Step, actor: str,
                      verifier: str, lang: str = "en") -> str | None:
    """Why this performer and verifier may not record ``step`` (None: they may), in ``lang``.

    Both must be participants, two different people, the performer holding the step's role and
    the verifier its role or its verifier role. The message names who present could do it.
    """
    words = REFUSAL_WORDS.get(lang, REFUSAL_WORDS["en"])
    who = candidates(state, step)
    role = runbook.role_name(step.role) if step.role else ""
    verifier_roles = words["or"].join(runbook.role_name(r) for r in (step.role, step.verifier)
                                      if r)
    performer = participant(state, actor)
    checker = participant(state, verifier) if verifier else None
    problems = []
    if performer is None:
        problems.append(words["not_participant"].format(name=actor))
    elif not holds(performer, step.role):
        problems.append(words["lacks_role"].format(name=performer.name, role=role))
    if not verifier:
        problems.append(words["needs_verifier"])
    elif person_key(verifier) == person_key(actor):
        problems.append(words["same_person"])
    elif checker is None:
        problems.append(words["not_participant"].format(name=verifier))
    elif checker.name not in who.verifiers:
        problems.append(words["lacks_role"].format(name=checker.name, role=verifier_roles))
    if not problems:
        return None
    return words["four_eyes"].format(
        step=step.title, problems="; ".join(problems), role=f" ({role})" if role else "",
        performers=_names(who.performers, words["nobody"]),
        verifier_roles=f" ({verifier_roles})" if verifier_roles else "",
        verifiers=_names(who.verifiers, words["nobody"]))


def staffing_refusal(state: RunState, runbook: Runbook, step: Step,
                     lang: str = "en") -> str | None:
    """The shortfall against the staffing the step needs (None: enough people are present)."""
    words = REFUSAL_WORDS.get(lang, REFUSAL_WORDS["en"])
    gaps = []
    for role_id, needed in runbook.staffing_needs(step):
        present = sum(1 for p in state.participants if role_id in p.roles)
        if present < needed:
            gaps.append(words["gap"].format(needed=needed, role=runbook.role_name(role_id),
                                            present=present))
    if not gaps:
        return None
    return words["needs"].format(step=step.title, gaps=", ".join(gaps))


def _names(names: Iterable[str], none: str) -> str:
    listed = list(names)
    return ", ".join(listed) if listed else none


def parse_moment(text: str, now: datetime) -> datetime:
    """A moment typed by a person: ISO 8601, or ``HH:MM`` today; local time unless an offset
    is given. Refuses what cannot be read."""
    value = text.strip()
    local_now = now.astimezone()
    try:
        if len(value) <= 5 and ":" in value:
            hours, minutes = (int(part) for part in value.split(":"))
            moment = datetime.combine(local_now.date(), time(hours, minutes))
        else:
            moment = datetime.fromisoformat(value)
    except ValueError:
        raise CommandError.of("bad_moment", value=text) from None
    if moment.tzinfo is None:
        moment = moment.astimezone()  # local time, as people read it off the wall clock
    return moment


def discovery_moment(value: datetime | str, now: datetime) -> datetime:
    """The moment of discovery: readable and not in the future (it may lie before the run)."""
    moment = parse_moment(value, now) if isinstance(value, str) else value
    if moment.tzinfo is None:
        moment = moment.astimezone()
    if moment > now:
        raise CommandError.of("discovery_in_future")
    return moment


def staffing_shortfall(runbook: Runbook,
                       roles_per_person: Iterable[Iterable[str]]) -> tuple[StaffingGap, ...]:
    """Compare the staffing minimums with the roles people hold (one person may hold several)."""
    present: dict[str, int] = {}
    for roles in roles_per_person:
        for role in set(roles):
            present[role] = present.get(role, 0) + 1
    return tuple(StaffingGap(role, needed, present.get(role, 0))
                 for role, needed in runbook.staffing if present.get(role, 0) < needed)


def roles_per_person(people: Iterable[tuple[str, str | None]]) -> list[list[str]]:
    """Each person's roles from (name, role) pairs: one name listed twice (any case) is one
    person with two roles, as the engine counts a run's participants."""
    by_person: dict[str, list[str]] = {}
    for name, role in people:
        roles = by_person.setdefault(person_key(name), [])
        if role and role not in roles:
            roles.append(role)
    return list(by_person.values())
