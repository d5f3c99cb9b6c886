"""The four-eyes dialog in a run of the network-change playbook, by keyboard: only qualifying
people are offered (and the others are told why not), the first Enter records, the last performer
is remembered, an override needs a reason and shows in red; check steps ask for their outcome."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from run_view_support import T0, bundled, dialog_of, open_view, press

from runbook_assistant.core.run.engine import Engine
from runbook_assistant.ui import theme
from runbook_assistant.ui.step_list import RowInfoRole

TEAM = [("Anna", "incident-lead"), ("B. de Vries", "netwerk"), ("Bram", "netwerk"),
        ("Chris", "netwerk"), ("Dewi", "communicatie")]


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


def start(engine: Engine, team: list[tuple[str, str | None]]) -> str:
    runbook, text = bundled("network-outage-change")
    return engine.start_run(runbook, text, title="Outage", actor="Anna",
                            participants=team).run_id


def last_event(db: Path, run_id: str) -> Any:
    fresh = Engine.open(db)
    try:
        return fresh.events(run_id)[-1]
    finally:
        fresh.close_store()


def open_four_eyes(qtbot: Any, view: Any, step_id: str = "rollback-execute") -> Any:
    view.select_step(step_id)
    press(view, Qt.Key.Key_Space)
    return dialog_of(qtbot, view)


def test_only_qualifying_people_are_offered_and_the_others_are_told_why(
        qtbot: Any, engine: Engine) -> None:
    view = open_view(qtbot, engine, start(engine, TEAM))
    dialog = open_four_eyes(qtbot, view)
    assert dialog.offered_performers() == ["B. de Vries", "Bram", "Chris"]
    # Anna is at the keyboard but not a network specialist: the first specialist performs.
    assert dialog.performer() == "B. de Vries"
    assert dialog.offered_verifiers() == ["Bram", "Chris"]  # never the performer
    assert dialog.verifier() == ""  # nobody is verified for you
    why = dialog.not_offered.text()
    assert "Anna (ICT incident coordinator) is not offered: not a Network specialist." in why
    assert "Dewi (Communications advisor) is not offered" in why
    assert not dialog.override_button.isEnabled()  # nothing to override here


def test_typing_picks_a_name_and_the_first_enter_records(qtbot: Any, engine: Engine,
                                                         db: Path) -> None:
    run_id = start(engine, TEAM)
    view = open_view(qtbot, engine, run_id)
    dialog = open_four_eyes(qtbot, view)
    QTest.keyClicks(dialog.performer_box, "Bram")
    assert dialog.performer() == "Bram"
    QTest.keyClicks(dialog.verifier_box, "B")  # typing on: still one name, never "B. de Vries B"
    QTest.keyClicks(dialog.verifier_box, "B")
    assert dialog.verifier() == "B. de Vries"
    QTest.keyClick(dialog.verifier_box, Qt.Key.Key_Return)  # the first Enter records
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    event = last_event(db, run_id)
    assert (event.actor, event.payload) == ("Bram", {"verified_by": "B. de Vries"})


def test_the_last_performer_is_offered_first_next_time(qtbot: Any, engine: Engine) -> None:
    view = open_view(qtbot, engine, start(engine, TEAM))
    dialog = open_four_eyes(qtbot, view, "rollback-read-plan")
    QTest.keyClicks(dialog.performer_box, "Chris")
    QTest.keyClicks(dialog.verifier_box, "Bram")
    QTest.keyClick(dialog.verifier_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    dialog = open_four_eyes(qtbot, view, "rollback-execute")
    assert dialog.performer() == "Chris"  # "Done by" does not reset every time
    QTest.keyClick(dialog, Qt.Key.Key_Escape)


def test_an_override_needs_a_reason_and_shows_in_red(qtbot: Any, engine: Engine,
                                                     db: Path) -> None:
    # The real case: one network specialist in.
    run_id = start(engine, [("Anna", "incident-lead"), ("Bram", "netwerk")])
    view = open_view(qtbot, engine, run_id)
    dialog = open_four_eyes(qtbot, view)
    assert dialog.offered_verifiers() == []
    assert "Nobody taking part may verify it." in dialog.problem.text()
    assert "needs 2 Network specialist (1 present)" in dialog.problem.text()
    assert not dialog.record_button.isEnabled()
    assert dialog.override_button.isEnabled()
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    assert dialog.reason.isVisible() and dialog.focusWidget() is dialog.reason
    assert not dialog.record_button.isEnabled()  # the reason cannot be empty
    QTest.keyClicks(dialog.reason, "   ")
    assert not dialog.record_button.isEnabled()
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible()
    QTest.keyClicks(dialog.reason, "Second specialist follows by phone")
    assert dialog.record_button.isEnabled() and dialog.verifier() == ""
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    event = last_event(db, run_id)
    assert event.payload["override"] == "   Second specialist follows by phone".strip()
    assert event.payload["overridden_by"] == "Bram"
    info = view.model.step_index("rollback-execute").data(RowInfoRole)
    assert info.overridden and "OVERRIDE by Bram: Second specialist follows by phone" in info.meta
    timeline = view.side.timeline.model

    def override_rows() -> list[int]:
        return [r for r in range(timeline.rowCount())
                if "OVERRIDE" in str(timeline.index(r, 2).data())]
    qtbot.waitUntil(lambda: bool(override_rows()))
    row = override_rows()[0]
    brush = timeline.index(row, 2).data(Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == QColor(theme.colors()["danger"])


GATED = """---
id: poort
title: Poort
version: 1
roles:
  netwerk: Netwerkspecialist
staffing:
  netwerk: 2
---
# Poort

## Wijzigen {#wijzigen .needs-staffing}

- [ ] Zet de switch om {#omzetten role=netwerk}
"""


def test_a_staffing_gate_on_a_plain_step_asks_for_an_override(qtbot: Any, engine: Engine,
                                                              db: Path) -> None:
    from runbook_assistant.core.runbook.parser import parse_text

    runbook = parse_text(GATED).runbook
    assert runbook is not None
    run_id = engine.start_run(runbook, GATED, title="T", actor="Bram",
                              participants=[("Bram", "netwerk")]).run_id
    view = open_view(qtbot, engine, run_id)
    view.select_step("omzetten")
    press(view, Qt.Key.Key_Space)
    dialog = dialog_of(qtbot, view)
    assert dialog.objectName() == "overrideDialog"
    assert "needs 2 Netwerkspecialist (1 present)" in dialog.prompt.text()
    assert not dialog.save_button.isEnabled()  # the reason cannot be empty
    QTest.keyClicks(dialog.edit, "Storm: the second specialist cannot get here")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    event = last_event(db, run_id)
    assert event.payload["override"] == "Storm: the second specialist cannot get here"
    assert view.model.step_index("omzetten").data(RowInfoRole).overridden


def test_a_check_step_asks_for_its_outcome(qtbot: Any, engine: Engine, db: Path) -> None:
    run_id = start(engine, [*TEAM, ("Eva", "ciso")])
    view = open_view(qtbot, engine, run_id)
    view.select_step("check-attack")
    press(view, Qt.Key.Key_Space)
    dialog = dialog_of(qtbot, view)
    assert dialog.objectName() == "outcomeDialog" and not dialog.record_button.isEnabled()
    QTest.keyClick(dialog.options, Qt.Key.Key_2)
    QTest.keyClick(dialog.options, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    assert last_event(db, run_id).payload == {"outcome": "not-ruled-out"}
    info = view.model.step_index("check-attack").data(RowInfoRole)
    assert "outcome: not ruled out" in info.meta


def test_a_legal_clock_more_than_a_day_away_shows_its_date(qtbot: Any, engine: Engine) -> None:
    from datetime import timedelta

    runbook, text = bundled("ransomware-first-hours")
    run_id = engine.start_run(runbook, text, title="Ransom", actor="Anna",
                              discovered_at=T0 - timedelta(hours=2)).run_id
    view = open_view(qtbot, engine, run_id)
    info = view.model.step_index("datalek-ap").data(RowInfoRole)
    due = (T0 + timedelta(hours=70)).astimezone().strftime("%Y-%m-%d %H:%M")
    assert info.countdown.endswith(f", by {due}"), info.countdown


def test_the_step_detail_says_who_overrode_and_why(qtbot: Any, engine: Engine) -> None:
    run_id = start(engine, [("Anna", "incident-lead"), ("Bram", "netwerk")])
    engine.check(run_id, "rollback-read-plan", actor="Bram", override="Alone at night")
    view = open_view(qtbot, engine, run_id)
    view.select_step("rollback-read-plan")
    qtbot.waitUntil(lambda: "OVERRIDE by Bram: Alone at night" in view.detail.toPlainText())
