"""Timeline rows: one per event, fold order, a sentence in the run's language."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from state_builders import START, Laptop, make_runbook

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.log.ordering import ordered, parse_time
from runbook_assistant.core.run.timeline import TimelineRow, event_text, timeline_rows


def sample() -> Laptop:
    a = Laptop("dev-a")
    a.start(participants=[{"name": "Anna", "role": "incident-lead"}])
    a.check("rollback-uitvoeren", 5, actor="Anna", verified_by="B. de Vries")
    a.skip("bezetting", 6, reason="iedereen is er")
    a.decide("rollback-ok", "failover", 7, actor="Anna")
    a.record(EventKind.SERVICE_STATUS_CHANGED, 8, payload={"service": "Sociale Zaken",
                                                           "status": "down"})
    a.record(EventKind.NOTE_ADDED, 9, step_id="bezetting", payload={"text": "Cem onderweg"})
    a.uncheck("bezetting", 10)
    a.record(EventKind.PARTICIPANT_JOINED, 11, payload={"name": "Cem", "role": "netwerk"})
    a.record(EventKind.RUN_CLOSED, 12, payload={"summary": "Hersteld"})
    return a


def test_english_sentences() -> None:
    rows = timeline_rows(make_runbook("en"), sample().log, "en")
    texts = [r.text for r in rows]
    assert texts[1] == "Checked 'Voer de rollback uit' (verified by B. de Vries)"
    assert texts[2] == "Skipped 'Controleer de bezetting': iedereen is er"
    assert texts[3].startswith("Decided 'Is het netwerk bereikbaar?': failover")
    assert texts[4] == "Sociale Zaken: down"
    assert texts[5] == "Note on 'Controleer de bezetting': Cem onderweg"
    assert texts[6] == "Reopened 'Controleer de bezetting'"
    assert texts[7] == "Cem joined as Netwerkspecialist"
    assert texts[8] == "Closed the run: Hersteld"


def test_dutch_sentences() -> None:
    rows = timeline_rows(make_runbook("nl"), sample().log, "nl")
    texts = [r.text for r in rows]
    assert texts[0].startswith("Gestart: 'Storing 18 februari' met draaiboek")
    assert texts[1] == "Afgevinkt: 'Voer de rollback uit' (gecontroleerd door B. de Vries)"
    assert texts[2] == "Overgeslagen: 'Controleer de bezetting' (reden: iedereen is er)"
    assert texts[4] == "Sociale Zaken: uitgevallen"
    assert texts[8] == "Afgesloten: Hersteld"


def test_rows_follow_fold_order_whatever_the_input_order() -> None:
    a, b = Laptop("dev-a"), Laptop("dev-b")
    b.log.append(a.start())
    b.check("coordinator", 3, actor="Bram")
    a.check("bezetting", 2, actor="Anna")
    mixed = list(reversed(a.log + b.log))
    rows = timeline_rows(make_runbook(), mixed, "en")
    assert [r.actor for r in rows] == ["Anna", "Anna", "Bram"]
    assert [r.step_id for r in rows] == [None, "bezetting", "coordinator"]
    assert rows[1].step_title == "Controleer de bezetting"


def test_a_late_entry_shows_both_times() -> None:
    a = Laptop("dev-a")
    a.start()
    a.record(EventKind.STEP_CHECKED, 30, step_id="coordinator", occurred_minute=4)
    row = timeline_rows(make_runbook(), a.log, "en")[-1]
    assert row.late
    assert row.time == START.replace(minute=4)
    assert row.wall_time == START.replace(minute=30)
    assert row.event_id == a.log[-1].id and row.seq == 2 and row.device_id == "dev-a"


def test_shortfall_at_start_is_in_the_sentence() -> None:
    a = Laptop("dev-a")
    start = a.start()
    start.payload["shortfall"] = [{"role": "netwerk", "needed": 2, "present": 1}]
    row = timeline_rows(make_runbook("en"), a.log, "en")[0]
    assert row.text.endswith("; short of staff: Netwerkspecialist 1 of 2")


def test_a_decision_names_its_owner_only_when_someone_else_owns_it() -> None:
    a = Laptop("dev-a")
    a.start()
    a.decide("rollback-ok", "failover", 5, actor="Anna")
    other = a.decide("rollback-ok", "herstel", 6, actor="Anna")
    other.payload.update(owner="Bram", rationale="na overleg", label="Ja",
                         revisit_by="11:00")
    rows = timeline_rows(make_runbook("en"), a.log, "en")
    assert rows[1].text == "Decided 'Is het netwerk bereikbaar?': failover"
    assert rows[2].text == ("Decided 'Is het netwerk bereikbaar?': Ja — na overleg "
                            "(owner Bram) (revisit by 11:00)")


def exercise_log() -> Laptop:
    a = Laptop("dev-a")
    a.start(mode="exercise")
    a.record(EventKind.EXERCISE_CLOCK, 1, actor="Olaf",
             payload={"speed": 10.0, "exercise_offset": 60.0, "action": "speed"})
    a.record(EventKind.EXERCISE_CLOCK, 2, actor="Olaf",
             payload={"speed": 0.0, "exercise_offset": 660.0, "action": "pause"})
    a.record(EventKind.EXERCISE_CLOCK, 3, actor="Olaf",
             payload={"speed": 2.5, "exercise_offset": 660.0, "action": "resume"})
    a.record(EventKind.EXERCISE_CLOCK, 4, actor="Olaf",
             payload={"speed": 2.5, "exercise_offset": 5415.0, "action": "jump"})
    a.record(EventKind.NOTE_ADDED, 5, actor="Olaf",
             payload={"text": "niemand las voor", "observer": True})
    a.record(EventKind.NOTE_ADDED, 6, actor="Olaf", step_id="bezetting",
             payload={"text": "Cem twijfelt", "observer": True})
    a.record(EventKind.NOTE_ADDED, 7, payload={"text": "Waarneming: gewoon een notitie"})
    return a


def test_exercise_clock_and_observer_notes_in_english() -> None:
    texts = [r.text for r in timeline_rows(make_runbook("en"), exercise_log().log, "en")]
    assert texts[1:] == [
        "Exercise clock ×10 from T+00:01:00",
        "Exercise clock paused at T+00:11:00",
        "Exercise clock running again at ×2.5 from T+00:11:00",
        "Exercise clock set ahead to T+01:30:15",
        "Observation: niemand las voor",
        "Observation on 'Controleer de bezetting': Cem twijfelt",
        "Note: Waarneming: gewoon een notitie"]


def test_exercise_clock_and_observer_notes_in_dutch() -> None:
    texts = [r.text for r in timeline_rows(make_runbook("nl"), exercise_log().log, "nl")]
    assert texts[1:] == [
        "Oefenklok ×10 vanaf T+00:01:00",
        "Oefenklok gepauzeerd op T+00:11:00",
        "Oefenklok loopt weer op ×2.5 vanaf T+00:11:00",
        "Oefenklok vooruitgezet naar T+01:30:15",
        "Waarneming: niemand las voor",
        "Waarneming bij 'Controleer de bezetting': Cem twijfelt",
        "Notitie: Waarneming: gewoon een notitie"]


def test_report_drafts_name_the_field_as_the_report_heads_it() -> None:
    a = Laptop("dev-a")
    a.start()
    for minute, field in enumerate(("summary", "impact", "personal_data", "whatever"), start=1):
        a.record(EventKind.REPORT_DRAFTED, minute, payload={"field": field, "text": "x"})
    nl = [r.text for r in timeline_rows(make_runbook("nl"), a.log, "nl")][1:]
    en = [r.text for r in timeline_rows(make_runbook("en"), a.log, "en")][1:]
    assert nl == ["Rapport bijgewerkt: Samenvatting", "Rapport bijgewerkt: Gevolgen per dienst",
                  "Rapport bijgewerkt: Persoonsgegevens geraakt", "Rapport bijgewerkt: whatever"]
    assert en == ["Report drafted: Summary", "Report drafted: Impact per service",
                  "Report drafted: Personal data affected", "Report drafted: whatever"]


def reference_rows(runbook, events, lang: str) -> list[TimelineRow]:
    """Each row made on its own from its event (``event_text``): no shared sentences."""
    rows = []
    for event in ordered(events):
        wall = parse_time(event.wall_time)
        step = runbook.step(event.step_id) if event.step_id else None
        title = step.title if step else (event.step_id or "")
        rows.append(TimelineRow(
            parse_time(event.occurred_at) if event.occurred_at else wall, wall, event.late,
            event.actor, str(event.kind), event.step_id, title,
            event_text(event, runbook, lang, step_title=title), event.device_id, event.id,
            event.seq))
    return rows


STEPS = [s.id for s in make_runbook().iter_steps()] + ["not-in-the-runbook"]
entry = st.tuples(st.integers(0, 1), st.sampled_from(["check", "uncheck", "skip", "note", "plain"]),
                  st.sampled_from(STEPS), st.sampled_from(["Anna", "Bram"]), st.booleans(),
                  st.integers(0, 3))


@settings(max_examples=100, deadline=None)
@given(entries=st.lists(entry, max_size=30), lang=st.sampled_from(["en", "nl"]))
def test_rows_are_each_events_own_sentence_and_times(entries, lang: str) -> None:
    laptops = [Laptop("dev-a"), Laptop("dev-b")]
    laptops[0].start()
    minute = 1.0
    for device, action, step_id, actor, late, gap in entries:
        laptop, minute = laptops[device], minute + gap + 0.5
        occurred = {"occurred_minute": 0.5} if late else {}
        if action == "check":
            laptop.record(EventKind.STEP_CHECKED, minute, step_id=step_id, actor=actor,
                          payload={"verified_by": "Zoë"} if gap else {}, **occurred)
        elif action == "uncheck":
            laptop.record(EventKind.STEP_UNCHECKED, minute, step_id=step_id, actor=actor)
        elif action == "skip":
            laptop.record(EventKind.STEP_SKIPPED, minute, step_id=step_id, actor=actor,
                          payload={"reason": "r"} if gap else {})
        elif action == "note":
            laptop.record(EventKind.NOTE_ADDED, minute, step_id=step_id if gap else None,
                          actor=actor, payload={"text": f"n{gap}"})
        else:
            laptop.record(EventKind.STEP_CHECKED, minute, step_id=step_id, actor=actor)
    events = laptops[0].log + laptops[1].log
    runbook = make_runbook(lang)
    assert timeline_rows(runbook, events, lang) == reference_rows(runbook, events, lang)
