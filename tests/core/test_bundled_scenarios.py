"""The bundled exercise scenarios: clean, in both languages, each for a bundled runbook."""

from __future__ import annotations

import pytest

from runbook_assistant.core import paths
from runbook_assistant.core.exercise.expectations import debrief_questions, scenario_goals
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.runbook.scenario_links import unknown_expectations

PAIRS = [("oefening-wijziging-zonder-tweede-persoon", "exercise-change-without-second-person"),
         ("oefening-failover-mislukt", "exercise-failover-fails"),
         ("oefening-14020-en-email-uit", "exercise-14020-and-email-down"),
         ("oefening-ransomware-vrijdagavond", "exercise-ransomware-friday-evening"),
         ("oefening-ransomware-leverancier", "exercise-supplier-ransomware"),
         ("oefening-ddos-verkiezingsavond", "exercise-ddos-election-night"),
         ("oefening-regionale-stroomuitval", "exercise-regional-power-cut")]


@pytest.fixture(scope="module")
def library() -> Library:
    return Library([paths.bundled_runbooks_dir()], None)


def test_every_bundled_file_validates_without_a_finding(library: Library) -> None:
    findings = [str(d) for entry in library.entries() for d in entry.result.diagnostics]
    assert findings == []


@pytest.mark.parametrize(("dutch", "english"), PAIRS)
def test_each_scenario_exists_in_dutch_and_english(library: Library, dutch: str,
                                                   english: str) -> None:
    nl, en = library.get(dutch), library.get(english)
    for scenario, lang in ((nl, "nl"), (en, "en")):
        assert scenario.kind == "exercise" and scenario.lang == lang
        runbook = library.get(scenario.runbook or "")
        assert runbook.kind == "runbook" and runbook.lang == lang
        assert {i.to for i in scenario.injects if i.to} <= {r.id for r in runbook.roles}
        offsets = [i.offset for i in scenario.injects]
        assert offsets == sorted(offsets) and offsets[0] == 0 and len(offsets) >= 8
        assert scenario.injects[-1].to is None  # the end goes to everyone
    assert [(i.offset, i.to) for i in nl.injects] == [(i.offset, i.to) for i in en.injects]
    assert [s.id for s in nl.sections][:2] != [] and len(nl.sections) == len(en.sections)


@pytest.mark.parametrize("scenario_id", [s for pair in PAIRS for s in pair])
def test_each_scenario_states_goals_questions_and_reactions_the_runbook_has(
        library: Library, scenario_id: str) -> None:
    scenario = library.get(scenario_id)
    runbook = library.get(scenario.runbook or "")
    assert len(scenario_goals(scenario)) >= 3 and len(debrief_questions(scenario)) >= 3
    for inject in scenario.injects:
        assert unknown_expectations(inject, runbook) == [], inject.text


def test_the_new_scenarios_play_in_rounds_outside_weekday_mornings(library: Library) -> None:
    for dutch, _english in PAIRS[3:]:
        scenario = library.get(dutch)
        assert sum(1 for i in scenario.injects if i.expect) >= 6
        text = " ".join(i.text for i in scenario.injects[:1]).lower()
        assert any(word in text for word in ("vrijdag", "zondag", "woensdag 21", "17:30")), text
    rounds = [s.id for s in library.get("oefening-ransomware-vrijdagavond").sections]
    assert {"ronde-1", "ronde-2", "ronde-3"} <= set(rounds)
