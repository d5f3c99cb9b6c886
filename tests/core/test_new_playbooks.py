"""The playbooks of round two: each runs its main path through the engine in both languages,
with decisions taken, four-eyes steps done by two qualified people, staffing gates that hold, and
timers that run (the legal clocks from the moment of discovery, hours before the run started)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hand_clock import HandClock
from playbook_walk import team_of, walk

from runbook_assistant.core import paths
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.run.discipline import staffing_refusal
from runbook_assistant.core.run.engine import Engine

# (Dutch id, English id, the main path's decisions: step id -> chosen section)
PLAYBOOKS = [
    ("phishing-gecompromitteerd-account", "phishing-compromised-account",
     {"onderzoek-geld": "factuurfraude"}),
    ("datalek-melden", "data-breach-everyday",
     {"melden-soort": "apparaat", "beoordelen-besluit": "ap-melden"}),
    ("ketenstoring-landelijk-saas", "national-chain-saas-outage", {"start-welke": "saas"}),
    ("telefonie-informatienummer", "telephony-information-number",
     {"start-waar": "eigen", "eigen-ok": "eigen-doorschakelen"}),
    ("ransomware-leverancier", "supplier-ransomware", {"leverancier-duur": "noodprocedure"}),
    ("inloggen-onmogelijk", "nobody-can-log-in",
     {"start-aanval": "storing", "storing-ok": "hersteld"}),
    ("ddos-aanval", "ddos-attack", {"vaststellen-orde": "opschalen"}),
    ("stroomuitval-datacenter", "power-data-centre-failure",
     {"start-regionaal": "regionaal", "afsluiten-besluit": "afsluiten-uitvoeren"}),
    ("go-no-go-wijziging", "go-no-go-core-change",
     {"besluit-go": "uitvoeren", "uitvoeren-ok": "afsluiten"}),
    ("sleutelpersoon-onbereikbaar", "key-person-unavailable", {"bellen-vervanger": "overnemen"}),
]
# Playbooks with a legal clock that runs from discovery (the GDPR's 72 hours, the 24 hours of the
# Cyberbeveiligingswet): a breach or a significant incident is possible in each of them.
LEGAL_CLOCK = {"phishing-gecompromitteerd-account", "datalek-melden", "ransomware-leverancier",
               "ketenstoring-landelijk-saas", "inloggen-onmogelijk", "ddos-aanval",
               "stroomuitval-datacenter"}
# Playbooks with steps that wait for enough people (needs=, .needs-staffing).
STAFFED = {"phishing-gecompromitteerd-account", "telefonie-informatienummer",
           "ransomware-leverancier", "inloggen-onmogelijk", "stroomuitval-datacenter",
           "go-no-go-wijziging"}


@pytest.fixture(scope="module")
def library() -> Library:
    return Library([paths.bundled_runbooks_dir()], None)


CASES = [(rid, choices, dutch) for dutch, english, choices in PLAYBOOKS
         for rid in (dutch, english)]


@pytest.mark.parametrize(("runbook_id", "choices", "dutch"), CASES,
                         ids=[c[0] for c in CASES])
def test_the_main_path_runs_through_the_engine(library: Library, engine: Engine,
                                               clock: HandClock, runbook_id: str,
                                               choices: dict[str, str], dutch: str) -> None:
    entry = library.entry(runbook_id)
    runbook = entry.result.runbook
    assert runbook is not None and entry.result.diagnostics == ()
    discovered = clock.now() - timedelta(hours=3)  # the first report came in at 3 h before
    walked = walk(engine, clock, runbook, entry.path.read_text(encoding="utf-8"), choices,
                  discovered_at=discovered)
    state = walked.state
    assert not state.overrides  # every rule held: nothing was set aside

    assert dict(walked.chosen) == choices  # every planned decision was met and taken
    assert {d.step_id: d.option for d in state.decisions if d.current} == choices
    done = [s for s in state.steps.values() if s.active]
    assert done and all(s.status == "done" for s in done)
    four_eyes = [runbook.step(s.step_id) for s in done if runbook.step(s.step_id).four_eyes]
    assert four_eyes, "the main path has at least one four-eyes step"
    for step in four_eyes:
        checked = state.steps[step.id]
        assert checked.verified_by and checked.verified_by != checked.by
        allowed = {step.role, step.verifier}
        assert checked.verified_by.rsplit(" ", 1)[0] in allowed
    # Timers are present: deadlines on the path, and the legal clock counted from discovery.
    assert any(s.due_at is not None for s in done)
    from_discovery = [s for s in runbook.steps if s.due_from == "discovery"]
    assert bool(from_discovery) == (dutch in LEGAL_CLOCK)
    for step in from_discovery:
        assert step.due is not None
        assert state.steps[step.id].due_at == discovered + timedelta(seconds=step.due)
    # Staffing where the playbook gates on it: one person per role falls short, the team did not.
    gated = [s for s in runbook.steps if runbook.staffing_needs(s)]
    assert bool(gated) == (dutch in STAFFED)
    if gated:
        source = entry.path.read_text(encoding="utf-8")
        thin = engine.state(engine.start_run(
            runbook, source, title="Te weinig mensen", actor="incident-lead A",
            participants=team_of(runbook, {})).run_id)
        for step in gated:
            if any(count > 1 for _, count in runbook.staffing_needs(step)):
                assert staffing_refusal(thin, runbook, step), step.id
            if state.steps[step.id].active:
                assert staffing_refusal(state, runbook, step) is None
                assert state.steps[step.id].status == "done"


@pytest.mark.parametrize(("dutch", "english"), [(d, e) for d, e, _ in PLAYBOOKS])
def test_each_playbook_has_the_same_structure_in_both_languages(library: Library, dutch: str,
                                                                 english: str) -> None:
    nl, en = library.get(dutch), library.get(english)
    assert (nl.lang, en.lang) == ("nl", "en")
    assert [s.id for s in nl.sections] == [s.id for s in en.sections]
    shape = [(s.id, s.role, s.four_eyes, s.decision, s.optional, s.due, s.due_from, s.check,
              s.verifier, s.needs, [o.target for o in s.options]) for s in nl.steps]
    assert shape == [(s.id, s.role, s.four_eyes, s.decision, s.optional, s.due, s.due_from,
                      s.check, s.verifier, s.needs, [o.target for o in s.options])
                     for s in en.steps]
    assert [r.id for r in nl.roles] == [r.id for r in en.roles]
    assert nl.staffing == en.staffing and len(nl.services) == len(en.services)
    assert [m.id for m in nl.messages] == [m.id for m in en.messages]
