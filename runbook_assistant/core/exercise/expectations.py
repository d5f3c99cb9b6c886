"""What a scenario asks of the team: its goals, its debrief questions, and per inject the reaction
the exercise staff expects, judged against the events that are that reaction.

Goals and debrief questions are the bulleted items of the scenario's sections with the ids
``goals``/``doelen`` and ``debrief``/``nabespreking``. An inject's ``expect=`` names steps of the
exercised runbook (checked, skipped or decided) or ``message:ID`` (that message sent); the reaction
is *those* events, never simply the next thing someone did. ``within=`` says by when. Ids the
runbook does not have are found by ``validate`` (``runbook.scenario_links``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.runbook.model import Inject, Runbook
from runbook_assistant.core.runbook.scenario_links import MESSAGE_PREFIX

GOAL_SECTIONS = ("goals", "doelen", "oefendoelen")
QUESTION_SECTIONS = ("debrief", "nabespreking", "debrief-questions", "evaluatievragen")
_STEP_KINDS = (EventKind.STEP_CHECKED, EventKind.STEP_SKIPPED, EventKind.DECISION_RECORDED)
_ITEM_RE = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$")

# How an expected reaction turned out.
MET, LATE, MISSED, WAITING = "met", "late", "missed", "waiting"


def scenario_goals(scenario: Runbook) -> list[str]:
    """The exercise goals: the list items of the goals section (empty when there is none)."""
    return _items(scenario, GOAL_SECTIONS)


def debrief_questions(scenario: Runbook) -> list[str]:
    """The debrief questions: the list items of the debrief section."""
    return _items(scenario, QUESTION_SECTIONS)


def _items(scenario: Runbook, ids: Sequence[str]) -> list[str]:
    section = next((s for s in scenario.sections if s.id in ids), None)
    if section is None:
        return []
    items: list[str] = []
    for line in section.intro.splitlines():
        match = _ITEM_RE.match(line)
        if match:
            items.append(match.group(1).strip())
        elif items and line.strip() and line[:1].isspace():
            items[-1] += " " + line.strip()  # a continuation line of the item
    return items


@dataclass(frozen=True)
class Reaction:
    """The expected reaction to one inject: each expected item and when it happened (exercise
    seconds, None: not yet), the verdict, and the event that completed it."""

    verdict: str  # met | late | missed | waiting | "" (nothing expected)
    found: tuple[tuple[str, float | None], ...] = ()
    seconds: float | None = None  # from delivery to the last expected event (0: done before)
    event: Event | None = None

    @property
    def missing(self) -> list[str]:
        return [item for item, at in self.found if at is None]


def judge(inject: Inject, delivered: float, events: Sequence[Event], seconds: Sequence[float],
          end: float, *, closed: bool) -> Reaction:
    """The reaction to ``inject`` (delivered at ``delivered``) among ``events`` (with their
    exercise ``seconds``), the exercise having run until ``end``.

    Met: every expected item happened, within ``within`` of delivery (or at all when no
    ``within``). Late: all happened, the last too late. Missed: something expected has not
    happened by the deadline, or by the end of a closed exercise. Waiting: not yet, with time left.
    An item done before the inject arrived counts as met at once.
    """
    if not inject.expect:
        return Reaction("")
    found: list[tuple[str, float | None]] = []
    last: tuple[float, Event] | None = None
    for item in inject.expect:
        hit = next((i for i, e in enumerate(events) if _answers(e, item)), None)
        at = seconds[hit] if hit is not None else None
        found.append((item, at))
        if hit is not None and (last is None or seconds[hit] > last[0]):
            last = (seconds[hit], events[hit])
    deadline = delivered + inject.within if inject.within is not None else None
    if any(at is None for _, at in found):
        over = closed or (deadline is not None and end > deadline)
        return Reaction(MISSED if over else WAITING, tuple(found))
    assert last is not None
    took = max(0.0, last[0] - delivered)
    verdict = LATE if deadline is not None and last[0] > deadline else MET
    return Reaction(verdict, tuple(found), took, last[1])


def _answers(event: Event, item: str) -> bool:
    if item.startswith(MESSAGE_PREFIX):
        return (event.kind is EventKind.MESSAGE_SENT
                and event.payload.get("message_id") == item[len(MESSAGE_PREFIX):])
    return event.kind in _STEP_KINDS and event.step_id == item
