"""After the run, in the app: drafting and finalising the report, the runs archive, and reopening
a closed run (read-only checklist, writable report), end to end through the main window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.run.paperwork import action_items, report_status


def menu(qtbot: Any, window: Any, action: str) -> None:
    """Choose a View menu item (its shortcut: Ctrl+Shift+A archive, Ctrl+Shift+R report)."""
    getattr(window.actions_, action).trigger()


def test_drafting_and_finalising_the_report_of_a_closed_run(
        qtbot: Any, window: Any, engine: Engine, start_run: Any, settings: Any) -> None:
    settings.actor = "Anna"
    run_id = start_run()
    engine.close(run_id, actor="Anna", summary="Netwerk hersteld")
    window.show()
    qtbot.waitExposed(window)
    window.open_run(run_id)
    menu(qtbot, window, "report")
    report = window.tabs.currentWidget()
    assert report.objectName() == "reportView"
    assert "version 1: draft" in report.status.text()
    assert report.fields["summary"].toPlainText() == "Netwerk hersteld"  # given when closing

    report.fields["cause"].setFocus()
    QTest.keyClicks(report.fields["cause"], "Vier kernswitches defect")
    QTest.keyClicks(report.fields["security_incident"], "Geen hack of DDoS (CISO)")
    qtbot.mouseClick(report.save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Vier kernswitches defect" in report.preview.toPlainText())
    assert report.by["cause"].text().startswith("by Anna")
    drafted = [(e.payload["field"], e.actor) for e in engine.events(run_id)
               if e.kind == "report_drafted"]
    assert drafted == [("cause", "Anna"), ("security_incident", "Anna")]

    assert report.add("Draaiboek aanvullen", "Bram", "2000-01-31", "")
    assert report.actions_model.rowCount() == 1
    overdue = report.actions_model.index(0, 4)
    assert overdue.data() == "overdue"
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) is not None

    assert report.finalise.isEnabled()
    qtbot.mouseClick(report.finalise, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "final, finalised by Anna" in report.status.text())
    assert not report.finalise.isEnabled()
    assert report_status(engine.events(run_id)).final

    QTest.keyClicks(report.fields["measures"], "Vier ogen bij elke wijziging")
    assert report.save_fields() == 1
    assert "version 2: draft" in report.status.text() and report.finalise.isEnabled()


def test_the_archive_lists_every_run_apart_and_finds_them(
        qtbot: Any, window: Any, engine: Engine, start_run: Any) -> None:
    first = start_run(title="Storing 18 februari")
    engine.close(first, actor="Anna")
    engine.add_action(first, "Reserve testen", actor="Anna", owner="Bram", due="2000-01-01")
    start_run(title="Mail weg", runbook_id="ui-email")
    start_run(title="Oefening maart", mode="exercise")
    window.show()
    menu(qtbot, window, "archive")
    archive = window.tabs.currentWidget()
    assert archive.objectName() == "runsArchive"
    incidents, exercises = archive.models["incidents"], archive.models["exercises"]
    assert sorted(r.title for r in incidents.rows) == ["Mail weg", "Storing 18 februari"]
    assert [r.title for r in exercises.rows] == ["Oefening maart"]
    assert archive.overdue.isVisibleTo(archive)
    assert archive.overdue.text() == "Overdue action items: 1"
    closed = next(r for r in incidents.rows if r.run_id == first)
    row = incidents.rows.index(closed)
    assert incidents.index(row, 3).data() == "closed"
    assert incidents.index(row, 5).data() == "1 (1 overdue)"

    QTest.keyClicks(archive.search, "ui-email")
    assert [r.title for r in incidents.rows] == ["Mail weg"] and exercises.rowCount() == 0
    archive.search.clear()
    QTest.keyClicks(archive.search, "storing")
    assert [r.title for r in incidents.rows] == ["Storing 18 februari"]
    archive.search.clear()
    today = incidents.index(0, 0).data()[:10]
    QTest.keyClicks(archive.search, today)
    assert incidents.rowCount() == 2 and exercises.rowCount() == 1


def test_a_closed_run_reopens_read_only_from_the_archive_and_exports(
        qtbot: Any, window: Any, engine: Engine, start_run: Any, tmp_path: Any,
        message_boxes: Any, settings: Any) -> None:
    settings.actor = "Anna"
    run_id = start_run(title="Storing 18 februari")
    engine.close(run_id, actor="Anna")
    window.refresh_runs()
    assert run_id not in window.runs_view.model.run_ids()  # no longer among the open runs
    window.show()
    menu(qtbot, window, "archive")
    archive = window.tabs.currentWidget()
    table = archive.tables["incidents"]
    table.setFocus()
    table.setCurrentIndex(archive.models["incidents"].index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_run_id() == run_id
                    and window.tabs.currentWidget().objectName() == "runView")
    view = window.tabs.currentWidget()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Storing 18 februari"
    qtbot.waitUntil(lambda: view.state is not None and view.state.closed)
    assert view.header.closed.isVisibleTo(view)
    before = len(engine.events(run_id))
    view.list.setFocus()
    QTest.keyClick(view.list, Qt.Key.Key_Space)
    assert len(engine.events(run_id)) == before  # the checklist takes nothing more

    out = tmp_path / "report.html"
    assert window.export_menu.export("report", str(out)) is not None
    qtbot.waitUntil(out.exists)
    assert "Storing 18 februari" in out.read_text(encoding="utf-8")

    window.tabs.setCurrentWidget(archive)
    table.setFocus()
    qtbot.mouseClick(archive.report_button, Qt.MouseButton.LeftButton)
    report = window.tabs.currentWidget()
    assert report.objectName() == "reportView" and report.run_id == run_id
    assert report.add("Reserve testen", "Bram", "", "")
    assert [a.text for a in action_items(engine.events(run_id))] == ["Reserve testen"]
    # A runbook to change that the library does not know is refused (as on the command line).
    assert not report.add("Draaiboek aanpassen", "Bram", "", "geen-draaiboek")
    assert any("geen-draaiboek" in text for text in message_boxes.texts())
    assert report.add("Draaiboek aanpassen", "Bram", "", "ui-netwerk")
    assert [a.runbook_id for a in action_items(engine.events(run_id))] == ["", "ui-netwerk"]


def test_the_report_screen_shows_what_a_check_established_apart_from_notes_by_hand(
        qtbot: Any, window: Any, engine: Engine, start_run: Any, settings: Any) -> None:
    settings.actor = "Anna"
    run_id = start_run("ui-email", title="Mail weg")
    window.show()
    window.open_run(run_id)
    menu(qtbot, window, "report")
    report = window.tabs.currentWidget()
    assert "Establish whether this is an attack: <i>still under investigation</i>" in \
        report.established.text()
    engine.check(run_id, "attack", actor="Bram", outcome="ruled-out")
    report.refresh()
    shown = report.established.text()
    assert "Establish whether this is an attack: <b>ruled out</b>" in shown and "Bram" in shown
    assert "never into the council letter" in report.drafts_label.text()
