"""A step that sends a message (``message=``): checking it in the app offers its text, filled,
in the Messages tab; the check logs no text nobody saw, and a text already logged as sent since
is not offered again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.engine import Engine


def open_step(qtbot: Any, window: Any, run_id: str, step_id: str) -> Any:
    window.show()
    qtbot.waitExposed(window)
    window.open_run(run_id)
    view = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: view.state is not None)
    assert view.select_step(step_id)
    view.list.setFocus()
    return view


def test_checking_a_message_step_offers_its_text_in_the_messages_tab(
        qtbot: Any, window: Any, engine: Engine, start_run: Any, settings: Any) -> None:
    settings.actor = "Anna"
    run_id = start_run("ui-email", title="Mail weg")
    view = open_step(qtbot, window, run_id, "tell-staff")
    QTest.keyClick(view.list, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.side.currentWidget() is view.side.comms["messages"])
    messages = view.side.comms["messages"]
    assert messages.selected_template().id == "msg-staff"
    assert messages.text.toPlainText().startswith("E-mail is down since ")
    assert "sends “E-mail is down”" in view.header.message.text()
    kinds = [e.kind for e in engine.events(run_id)]
    assert kinds[-1] is EventKind.STEP_CHECKED and EventKind.MESSAGE_SENT not in kinds


def test_a_message_already_logged_as_sent_is_not_offered_again(
        qtbot: Any, window: Any, engine: Engine, start_run: Any, settings: Any) -> None:
    settings.actor = "Anna"
    run_id = start_run("ui-email", title="Mail weg")
    engine.message_sent(run_id, "msg-staff", actor="Anna", text="E-mail is down.")
    view = open_step(qtbot, window, run_id, "tell-staff")
    front = view.side.currentWidget()
    QTest.keyClick(view.list, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.state is not None
                    and view.state.step("tell-staff").status == "done")
    assert view.side.currentWidget() is front
    assert "sends" not in view.header.message.text()
