"""The rules of the real cases in the engine, on the bundled playbooks: qualified four eyes,
staffing gates, recorded overrides, checked statements and legal clocks from discovery."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hand_clock import T0, HandClock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runbook_assistant.core.comms.messages import fill_message
from runbook_assistant.core.errors import CommandError
from runbook_assistant.core.run.discipline import RuleRefusal, parse_moment
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.parser import parse_file

RUNBOOKS = Path(__file__).resolve().parents[2] / "runbooks"
TEAM = [("Anna", "incident-lead"), ("Bram", "netwerk"), ("Chris", "netwerk"),
        ("Dana", "communicatie"), ("Eva", "ciso"), ("Femke", "fg")]


def start(engine: Engine, runbook_id: str = "network-outage-change",
          team: list[tuple[str, str | None]] | None = None, **kw: object) -> str:
    path = RUNBOOKS / f"{runbook_id}.md"
    runbook = parse_file(path).runbook
    assert runbook is not None
    return engine.start_run(runbook, path.read_text(encoding="utf-8"), title="Outage",
                            actor="Anna", participants=TEAM if team is None else team,
                            **kw).run_id  # type: ignore[arg-type]


def reach_rollback(engine: Engine, run_id: str) -> None:
    """The rollback steps are in a section every run reaches; nothing before them is needed."""
    assert engine.state(run_id).step("rollback-execute") is not None


def refused(engine: Engine, run_id: str, step_id: str, **kw: object) -> CommandError:
    before = len(engine.events(run_id))
    with pytest.raises(CommandError) as caught:
        engine.check(run_id, step_id, **kw)  # type: ignore[arg-type]
    assert len(engine.events(run_id)) == before, "a refused command writes nothing"
    return caught.value


# --- qualified four eyes ---------------------------------------------------------------------
def test_a_verifier_who_is_not_a_participant_is_refused(engine: Engine) -> None:
    run_id = start(engine)
    error = refused(engine, run_id, "rollback-execute", actor="Bram", verified_by="Nobody Known")
    assert isinstance(error, RuleRefusal)
    assert "Nobody Known is not a participant of this run" in error.message
    # It names who present could do it.
    assert "perform it (Network specialist): Bram, Chris" in error.message


def test_a_verifier_without_the_role_is_refused(engine: Engine) -> None:
    run_id = start(engine)
    error = refused(engine, run_id, "rollback-execute", actor="Bram", verified_by="Dana")
    assert "Dana does not have the role Network specialist" in error.message


def test_a_performer_without_the_role_is_refused(engine: Engine) -> None:
    run_id = start(engine)
    error = refused(engine, run_id, "rollback-execute", actor="Dana", verified_by="Bram")
    assert "Dana does not have the role Network specialist" in error.message


def test_one_person_cannot_be_both(engine: Engine) -> None:
    run_id = start(engine)
    error = refused(engine, run_id, "rollback-execute", actor="Bram", verified_by="bram ")
    assert not isinstance(error, RuleRefusal)  # no override makes one person two
    assert "someone other than the performer" in error.message


def test_two_present_specialists_are_recorded(engine: Engine) -> None:
    run_id = start(engine)
    event = engine.check(run_id, "rollback-execute", actor="Bram", verified_by="Chris")
    assert event.payload == {"verified_by": "Chris"}
    assert engine.state(run_id).step("rollback-execute").verified_by == "Chris"


def test_someone_who_joined_later_qualifies(engine: Engine) -> None:
    run_id = start(engine, team=[("Anna", "incident-lead"), ("Bram", "netwerk")])
    engine.join(run_id, "Chris", actor="Anna", role="netwerk")
    engine.check(run_id, "rollback-execute", actor="Bram", verified_by="Chris")


def test_the_verifier_role_qualifies_a_verifier_but_not_a_performer(engine: Engine) -> None:
    # ransomware: the mandated official notifies the DPA; the FG may verify (verifier=fg).
    team: list[tuple[str, str | None]] = [("Anna", "incident-lead"), ("Gijs", "college"),
                                          ("Femke", "fg")]
    run_id = start(engine, "ransomware-first-hours", team)
    step = engine.runbook_of(run_id).step("datalek-ap")
    assert step is not None and (step.role, step.verifier) == ("college", "fg")
    error = refused(engine, run_id, "datalek-ap", actor="Femke", verified_by="Gijs")
    assert "Femke does not have the role Official mandated by the municipal executive" \
        in error.message
    assert "verify it (Official mandated by the municipal executive or Data protection " \
        "officer): Gijs, Femke" in error.message
    engine.check(run_id, "datalek-ap", actor="Gijs", verified_by="Femke")


# --- staffing gates --------------------------------------------------------------------------
def test_a_staffing_gate_names_the_shortfall(engine: Engine) -> None:
    # The real case: 2 of the usual 6 specialists in, one of them doing the change alone.
    run_id = start(engine, team=[("Anna", "incident-lead"), ("Bram", "netwerk"),
                                 ("Dana", "communicatie")])
    error = refused(engine, run_id, "rollback-read-plan", actor="Bram", verified_by="Anna")
    assert "'Read the rollback plan aloud together' needs 2 Network specialist (1 present)" \
        in error.message
    assert "record it anyway with --override REASON" in (error.hint or "")


def test_a_step_without_a_gate_is_not_held_up_by_staffing(engine: Engine) -> None:
    run_id = start(engine, team=[("Anna", "incident-lead")])
    engine.check(run_id, "appoint-lead", actor="Anna")


# --- overrides -------------------------------------------------------------------------------
def test_an_override_records_the_reason_who_and_what_was_refused(engine: Engine) -> None:
    run_id = start(engine, team=[("Anna", "incident-lead"), ("Bram", "netwerk")])
    refused(engine, run_id, "rollback-execute", actor="Bram", verified_by="Anna")
    event = engine.check(run_id, "rollback-execute", actor="Bram", verified_by="Anna",
                         override="Network down for hours; the supplier watched by phone")
    assert event.payload["override"] == "Network down for hours; the supplier watched by phone"
    assert event.payload["overridden_by"] == "Bram"
    assert "needs 2 Network specialist (1 present)" in event.payload["refused"]
    assert "Anna does not have the role Network specialist" in event.payload["refused"]
    state = engine.state(run_id)
    (override,) = state.overrides
    assert (override.step_id, override.by, override.event_id) == ("rollback-execute", "Bram",
                                                                  event.id)
    assert state.override_of("rollback-execute") == override
    # Reopened, the step is no longer checked by the override, but the override stays on record.
    engine.uncheck(run_id, "rollback-execute", actor="Anna")
    state = engine.state(run_id)
    assert state.override_of("rollback-execute") is None and len(state.overrides) == 1


def test_an_override_alone_may_stand_in_for_a_missing_verifier(engine: Engine) -> None:
    run_id = start(engine, team=[("Bram", "netwerk")])
    refused(engine, run_id, "rollback-execute", actor="Bram")
    event = engine.check(run_id, "rollback-execute", actor="Bram", override="Alone at night")
    assert "verified_by" not in event.payload and event.payload["override"] == "Alone at night"


@pytest.mark.parametrize("reason", ["", "   "])
def test_an_override_needs_a_reason(engine: Engine, reason: str) -> None:
    run_id = start(engine, team=[("Bram", "netwerk")])
    error = refused(engine, run_id, "rollback-execute", actor="Bram", override=reason)
    assert error.message == "an override needs a reason"


def test_nothing_is_overridden_that_was_not_refused(engine: Engine) -> None:
    run_id = start(engine)
    error = refused(engine, run_id, "rollback-execute", actor="Bram", verified_by="Chris",
                    override="just in case")
    assert error.message.startswith("nothing to override")


# --- checked statements ----------------------------------------------------------------------
def test_a_check_step_records_its_outcome_by_its_role(engine: Engine) -> None:
    run_id = start(engine)
    state = engine.state(run_id)
    assert state.checks["security"].outcome is None
    assert not state.checks["security"].established
    error = refused(engine, run_id, "check-attack", actor="Eva")
    assert "record the outcome of the check" in error.message
    refused(engine, run_id, "check-attack", actor="Eva", outcome="no idea")
    refused(engine, run_id, "appoint-lead", actor="Anna", outcome="ruled-out")
    engine.check(run_id, "check-attack", actor="Eva", outcome="ruled out")
    security = engine.state(run_id).checks["security"]
    assert (security.outcome, security.by, security.at, security.established) == (
        "ruled-out", "Eva", T0, True)


def test_filled_messages_say_what_was_checked_and_nothing_more(engine: Engine) -> None:
    run_id = start(engine)
    runbook = engine.runbook_of(run_id)
    letter = runbook.message("msg-council-letter")
    assert letter is not None
    text = fill_message(letter, engine.state(run_id)).text
    assert "- An attack (hack, DDoS): still under investigation" in text
    assert "{check:" not in text
    engine.check(run_id, "check-attack", actor="Eva", outcome="ruled-out")
    engine.check(run_id, "check-data", actor="Anna", outcome="not-ruled-out")
    text = fill_message(letter, engine.state(run_id)).text
    assert "- An attack (hack, DDoS): ruled out" in text
    assert "- Damage to files and data: not ruled out" in text
    assert "- Risk to personal data: still under investigation" in text
    # A check cannot be filled in by hand.
    given = fill_message(letter, engine.state(run_id), {"check:personal-data": "ruled out"})
    assert "- Risk to personal data: still under investigation" in given.text


@pytest.mark.parametrize("path", sorted(RUNBOOKS.glob("*.md")), ids=lambda p: p.stem)
def test_no_bundled_message_claims_no_attack_or_no_damage_on_a_fresh_run(
        engine: Engine, path: Path) -> None:
    runbook = parse_file(path).runbook
    assert runbook is not None
    if runbook.kind != "runbook":
        return
    run_id = engine.start_run(runbook, path.read_text(encoding="utf-8"), title="T",
                              actor="A").run_id
    state = engine.state(run_id)
    claims = ("no attack", "no hack", "geen aanval", "geen hack", "geen sprake van een",
              "no files were damaged", "not damaged", "geen bestanden beschadigd",
              "niet beschadigd", "not at risk", "niet in het geding", "no data", "ruled out",
              "uitgesloten")
    for template in runbook.messages:
        text = fill_message(template, state).text.casefold()
        for claim in claims:
            sentence = text.replace("niet uitgesloten", "").replace("not ruled out", "")
            assert claim not in sentence, f"{template.id}: '{claim}'"


# --- the moment of discovery -----------------------------------------------------------------
def test_legal_clocks_count_from_the_moment_of_discovery(engine: Engine, clock: HandClock
                                                         ) -> None:
    discovered = T0 - timedelta(hours=5)
    run_id = start(engine, "ransomware-first-hours", discovered_at=discovered)
    state = engine.state(run_id)
    assert state.discovered_at == discovered and state.discovered_by == "Anna"
    assert state.step("datalek-ap").due_at == discovered + timedelta(hours=72)
    assert state.step("meldingen-cbw-waarschuwing").due_at == discovered + timedelta(hours=24)
    assert state.step("meldingen-cbw-eindverslag").due_at == discovered + timedelta(days=30)
    # Timers without from=discovery still count from the start.
    assert state.step("start-ciso").due_at == T0 + timedelta(minutes=10)
    # {starttijd}-like placeholders mean when it began: the moment of discovery.
    message = engine.runbook_of(run_id).message("msg-sociaal")
    assert message is not None
    assert "Since 04:00" in fill_message(message, state, tz=UTC).text


def test_a_later_discovered_event_may_lie_before_the_start(engine: Engine,
                                                          clock: HandClock) -> None:
    run_id = start(engine, "ransomware-first-hours")
    assert engine.state(run_id).step("datalek-ap").due_at == T0 + timedelta(hours=72)
    clock.advance(30)
    engine.discovered(run_id, T0 - timedelta(days=1), actor="Eva")
    state = engine.state(run_id)
    assert state.discovered_at == T0 - timedelta(days=1) and state.discovered_by == "Eva"
    assert state.step("datalek-ap").due_at == T0 + timedelta(hours=48)
    before = len(engine.events(run_id))
    with pytest.raises(CommandError, match="cannot lie in the future"):
        engine.discovered(run_id, clock.now() + timedelta(minutes=1), actor="Eva")
    with pytest.raises(CommandError, match="cannot read the time"):
        engine.discovered(run_id, "yesterday", actor="Eva")
    assert len(engine.events(run_id)) == before


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 23), st.integers(0, 59))
def test_hh_mm_is_today_in_local_time(hours: int, minutes: int) -> None:
    now = datetime(2026, 11, 23, 23, 59, tzinfo=UTC).astimezone()
    moment = parse_moment(f"{hours:02d}:{minutes:02d}", now)
    local = moment.astimezone()
    assert (local.date(), local.hour, local.minute) == (now.date(), hours, minutes)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(team=st.lists(st.tuples(st.sampled_from(["Anna", "Bram", "Chris", "Dana"]),
                               st.sampled_from([None, "netwerk", "incident-lead"])),
                     max_size=6),
       performer=st.sampled_from(["Anna", "Bram", "Chris", "Dana", "Nobody"]),
       verifier=st.sampled_from(["Anna", "Bram", "Chris", "Dana", "Nobody"]))
def test_four_eyes_is_recorded_exactly_when_the_rule_holds(
        tmp_path_factory: pytest.TempPathFactory, team: list[tuple[str, str | None]],
        performer: str, verifier: str) -> None:
    engine = Engine.open(tmp_path_factory.mktemp("db") / "runs.sqlite3", clock=HandClock())
    try:
        run_id = start(engine, team=team)
        roles: dict[str, set[str | None]] = {}
        for name, role in team:
            roles.setdefault(name, set()).add(role)
        specialists = sum(1 for held in roles.values() if "netwerk" in held)
        allowed = (performer != verifier and "netwerk" in roles.get(performer, set())
                   and "netwerk" in roles.get(verifier, set()) and specialists >= 2)
        try:
            engine.check(run_id, "rollback-execute", actor=performer, verified_by=verifier)
            recorded = True
        except CommandError:
            recorded = False
        assert recorded == allowed
    finally:
        engine.close_store()
