"""Event kinds are declared once (core/run/kinds/): the declarations are complete and are kept."""

from __future__ import annotations

import pytest
from state_builders import Laptop, make_runbook

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.kinds import (
    EVENT_TYPES,
    GROUPS,
    TextContext,
    check_payload,
    declare,
    event_type,
    plain_sentence,
)
from runbook_assistant.core.run.timeline import event_text


def test_every_kind_is_declared_with_english_and_dutch_words() -> None:
    assert set(EVENT_TYPES) == set(EventKind)
    for kind, declared in EVENT_TYPES.items():
        assert declared.kind is kind
        assert set(declared.words) == {"en", "nl"}
        assert set(declared.words["en"]) == set(declared.words["nl"]), kind
        assert declared.group in GROUPS


def test_a_kind_cannot_be_declared_twice_or_half_translated() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        declare(EventKind.STEP_CHECKED, fields=(), fold=None, en={"sentence": "x"},
                nl={"sentence": "x"})
    with pytest.raises(ValueError, match="differ in: \\['extra'\\]"):
        declare(EventKind.RUN_CLOSED, fields=(), fold=None,
                en={"sentence": "Closed", "extra": "!"}, nl={"sentence": "Afgesloten"})
    with pytest.raises(ValueError, match="unknown timeline group"):
        declare(EventKind.RUN_CLOSED, fields=(), fold=None, en={"sentence": "Closed"},
                nl={"sentence": "Afgesloten"}, group="elsewhere")
    assert event_type(EventKind.RUN_CLOSED).words["en"] == {"sentence": "Closed the run"}


def test_a_payload_must_have_the_declared_fields_and_no_others() -> None:
    check_payload(EventKind.STEP_SKIPPED, {"reason": "busy"})
    check_payload(EventKind.NOTE_ADDED, {"text": "x", "observer": True})
    with pytest.raises(ValueError, match=r"missing \['reason'\], undeclared \[\]"):
        check_payload(EventKind.STEP_SKIPPED, {})
    with pytest.raises(ValueError, match=r"missing \[\], undeclared \['overruled'\]"):
        check_payload(EventKind.STEP_CHECKED, {"overruled": "no verifier on site"})


def test_the_plain_sentence_fills_payload_step_and_actor_and_leaves_gaps_empty() -> None:
    context = TextContext(make_runbook("en"), "en", "Call the supplier", "Anna")
    words = {"sentence": "{actor} on '{step}': {text}{missing}"}
    assert plain_sentence(words, {"text": "done"}, context) == "Anna on 'Call the supplier': done"


def test_a_kind_speaks_dutch_and_english_from_its_own_words() -> None:
    laptop = Laptop("dev-a")
    event = laptop.record(EventKind.TIMER_FIRED, 3, step_id="coordinator",
                          payload={"timer": "timebox"})
    assert event_text(event, make_runbook("en"), "en") == \
        "Timebox exceeded: 'Stel de coördinator aan'"
    assert event_text(event, make_runbook("nl"), "nl") == \
        "Langer dan gepland: 'Stel de coördinator aan'"
    # A language without words of its own reads English; an unknown timer reads as overdue.
    assert event_text(event, make_runbook("en"), "de").startswith("Timebox exceeded")
    odd = laptop.record(EventKind.TIMER_FIRED, 4, step_id="coordinator", payload={"timer": "x"})
    assert event_text(odd, make_runbook("en"), "en") == "Overdue: 'Stel de coördinator aan'"


@pytest.mark.parametrize("kind", list(EventKind))
def test_every_sentence_is_written_for_an_event_with_only_its_required_fields(
        kind: EventKind) -> None:
    declared = event_type(kind)
    sample: dict[str, object] = {"offset": 60, "speed": 2, "exercise_offset": 60,
                                 "participants": [], "shortfall": [], "supersedes": []}
    payload = {name: sample.get(name, "x") for name in declared.required}
    event = Laptop("dev-a").record(kind, 1, step_id="bezetting", payload=payload)
    for lang in ("en", "nl"):
        assert event_text(event, make_runbook(lang), lang).strip()


def test_the_flags_say_what_the_debrief_and_the_scenario_draft_do_with_a_kind() -> None:
    not_reactions = {k for k, t in EVENT_TYPES.items() if not t.reaction}
    assert not_reactions == {EventKind.INJECT_DELIVERED, EventKind.TIMER_FIRED,
                             EventKind.RUN_STARTED, EventKind.RUN_CLOSED, EventKind.EXERCISE_CLOCK,
                             # the paperwork afterwards answers no inject
                             EventKind.REPORT_FINALISED, EventKind.ACTION_ADDED,
                             EventKind.ACTION_DONE, EventKind.DISCOVERED}
    not_replayed = {k for k, t in EVENT_TYPES.items() if not t.replayed}
    assert EventKind.STEP_CHECKED not in not_replayed
    assert EventKind.EXERCISE_CLOCK in not_replayed


def test_a_run_change_names_the_area_of_its_event() -> None:
    from runbook_assistant.core.run.changes import EVERYTHING, RunChange

    laptop = Laptop("dev-a")
    note = laptop.record(EventKind.NOTE_ADDED, 1, payload={"text": "x"})
    state = object()
    change = RunChange(note.run_id, state, note)  # type: ignore[arg-type]
    assert change.areas == {"notes"} and change.touches("notes", "steps")
    assert not change.touches("steps")
    assert RunChange(note.run_id, state).areas == EVERYTHING  # type: ignore[arg-type]
