"""The Contacts, Messages and Services tabs: keyboard use, what reaches the database, models."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hand_clock import HandClock
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from runbook_assistant.core import paths
from runbook_assistant.core.log.events import EventKind
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.parser import parse_text
from runbook_assistant.ui import theme
from runbook_assistant.ui.contacts_view import ContactsView
from runbook_assistant.ui.messages_view import MessagesView
from runbook_assistant.ui.services_view import ServicesView, StatusRole

RUNBOOK = "informatienummer-14020-email"
T0 = datetime.now(UTC).replace(hour=7, minute=40, second=0, microsecond=0)
SHOTS_ENV = "RUNBOOK_ASSISTANT_SCREENSHOTS"  # a folder: the screenshot test also saves there

# The services of the bundled information-line playbook, as residents know them.
PHONE = "Bellen met de gemeente (informatienummer)"
COUNTERS = "Balies voor paspoort, rijbewijs en verhuizing"
EMAIL = "E-mail aan de gemeente"


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


@pytest.fixture
def run_id(engine: Engine, clock: HandClock) -> str:
    source = (paths.bundled_runbooks_dir() / f"{RUNBOOK}.md").read_text(encoding="utf-8")
    runbook = parse_text(source, f"{RUNBOOK}.md").runbook
    assert runbook is not None
    event = engine.start_run(runbook, source, title="Storing 14020 dinsdag", actor="Sanne de Vries",
                             participants=[("Sanne de Vries", "incident-lead"),
                                           ("Iris Jansen", "communicatie"),
                                           ("Yasmina Haddou", "kcc")])
    clock.advance(5)
    return event.run_id


def kinds(engine: Engine, run_id: str, kind: EventKind) -> list[dict]:
    return [e.payload for e in engine.events(run_id) if e.kind is kind]


def shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    activate(qtbot, widget)
    return widget


def activate(qtbot, widget: QWidget) -> None:
    """Window shortcuts (Ctrl+Enter) need the active window; offscreen nobody gives it back
    after a dialog closed."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


class AnswerDialog:
    """Answers the next message box with one key press. The box runs its own event loop, so a
    timer looks for it; ``text`` is what it asked."""

    def __init__(self, qtbot, key: Qt.Key) -> None:
        self.qtbot = qtbot
        self.key = key
        self.text: str | None = None
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):
            self.timer.stop()
            self.text = dialog.text()
            self.qtbot.keyClick(dialog, self.key)


# --- models ------------------------------------------------------------------------------------
def test_the_three_models_pass_the_model_tester(qtbot, qtmodeltester, engine: Engine,
                                                run_id: str) -> None:
    engine.service(run_id, EMAIL, "down", actor="Sanne de Vries")
    engine.message_sent(run_id, "msg-sociaal", actor="Iris Jansen", text="Storing.")
    for view in (ServicesView(engine, run_id), MessagesView(engine, run_id),
                 ContactsView(engine, run_id)):
        qtbot.addWidget(view)
        qtmodeltester.check(view.model)
        assert view.model.rowCount() > 0


def test_column_titles_follow_a_live_language_switch(qtbot, engine: Engine, run_id: str,
                                                     translations) -> None:
    views = [ServicesView(engine, run_id), MessagesView(engine, run_id),
             ContactsView(engine, run_id)]
    for view in views:
        qtbot.addWidget(view)

    def titles() -> list[list[str]]:
        return [[view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
                for view in views]

    translations.use("nl")
    qtbot.waitUntil(lambda: titles() == [["Dienst", "Status", "Sinds"],
                                         ["Kanaal", "Doelgroep", "Bericht"],
                                         ["Rol", "Naam", "Telefoon"]])
    translations.use("en")
    qtbot.waitUntil(lambda: titles() == [["Service", "Status", "Since"],
                                         ["Channel", "Audience", "Message"],
                                         ["Role", "Name", "Phone"]])


# --- services ----------------------------------------------------------------------------------
def test_changing_a_service_status_from_the_keyboard(qtbot, engine: Engine, clock: HandClock,
                                                     run_id: str) -> None:
    view = shown(qtbot, ServicesView(engine, run_id, actor="Sanne de Vries"))
    assert [view.model.index(r, 0).data() for r in range(4)] == [
        PHONE, COUNTERS, EMAIL, "Website"]
    assert view.model.index(0, 1).data(StatusRole) == "unknown"
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Down)  # the counters
    with qtbot.waitSignal(view.recorded) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_3)
    assert blocker.args[0].payload == {"service": COUNTERS, "status": "down"}
    clock.advance(30)
    qtbot.keyClicks(view.note, "alleen urgente zaken")
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_2)
    clock.advance(15)
    view.status_box.setFocus()
    qtbot.keyClick(view.status_box, Qt.Key.Key_Down)  # degraded -> down ... -> restored
    qtbot.keyClick(view.status_box, Qt.Key.Key_Down)
    assert kinds(engine, run_id, EventKind.SERVICE_STATUS_CHANGED) == [
        {"service": COUNTERS, "status": "down"},
        {"service": COUNTERS, "status": "degraded",
         "note": "alleen urgente zaken"},
        {"service": COUNTERS, "status": "down"},
        {"service": COUNTERS, "status": "restored"},
    ]
    row = view.model.index(1, 0)
    assert view.model.index(1, 1).data(StatusRole) == "restored"
    assert view.model.index(1, 3).data() == "30 min"  # down
    assert view.model.index(1, 4).data() == "15 min"  # degraded
    assert view.model.index(1, 5).data() == "45 min"  # first down to restored
    assert row.data() == COUNTERS and view.note.text() == ""


def test_a_closed_run_takes_no_status_changes(qtbot, engine: Engine, run_id: str) -> None:
    engine.close(run_id, actor="Sanne de Vries")
    view = shown(qtbot, ServicesView(engine, run_id, actor="Sanne de Vries"))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_3)
    assert not view.status_box.isEnabled()
    assert "closed" in view.message.text()
    assert kinds(engine, run_id, EventKind.SERVICE_STATUS_CHANGED) == []


# --- messages ----------------------------------------------------------------------------------
def test_marking_a_message_sent_from_the_keyboard(qtbot, engine: Engine, clock: HandClock,
                                                  run_id: str) -> None:
    view = shown(qtbot, MessagesView(engine, run_id, actor="Iris Jansen"))
    view.list.setFocus()
    while view.selected_template().id != "msg-sociaal":
        qtbot.keyClick(view.list, Qt.Key.Key_Down)
    assert "{balie}" in view.text.toPlainText()
    assert "{balie}" in view.missing.text()
    qtbot.keyClicks(view.fields["balie"], "Stadhuis, Markt 1")
    text = view.text.toPlainText()
    assert "Kom naar de balie: Stadhuis, Markt 1." in text and view.missing.text() == ""
    assert "Gemeente Voorbeeldstad" in text
    cancel = AnswerDialog(qtbot, Qt.Key.Key_Escape)  # changed one's mind: nothing recorded
    qtbot.keyClick(view.fields["balie"], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert cancel.text is not None and "via sociale-media to inwoners" in cancel.text
    assert kinds(engine, run_id, EventKind.MESSAGE_SENT) == []
    activate(qtbot, view)
    confirm = AnswerDialog(qtbot, Qt.Key.Key_Return)
    with qtbot.waitSignal(view.recorded):
        qtbot.keyClick(view.fields["balie"], Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    assert confirm.text is not None
    assert kinds(engine, run_id, EventKind.MESSAGE_SENT) == [
        {"message_id": "msg-sociaal", "text": text, "channel": "sociale-media",
         "audience": "inwoners"}]
    due = (clock.now() + timedelta(minutes=60)).astimezone().strftime("%H:%M")
    assert view.countdown.text() == f"Next update due at {due}: in 1 h 00 min"
    clock.advance(75)
    view.update_countdown()
    assert view.countdown.text() == f"Next update was due at {due}: 15 min late"
    row = view.model.row_of("msg-sociaal")
    assert view.model.index(row, 3).data() == (clock.now() - timedelta(minutes=75)).astimezone(
    ).strftime("%H:%M")
    view.list.setFocus()
    while view.selected_template().id != "msg-website":
        qtbot.keyClick(view.list, Qt.Key.Key_Up)
    # What was typed once fills the same placeholder in every template.
    assert view.fields["balie"].text() == "Stadhuis, Markt 1"
    assert "Kom naar de balie: Stadhuis, Markt 1." in view.text.toPlainText()


def test_copy_puts_the_filled_text_on_the_clipboard(qtbot, engine: Engine, run_id: str) -> None:
    view = shown(qtbot, MessagesView(engine, run_id, actor="Iris Jansen"))
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == view.text.toPlainText()
    assert view.selected_template().id == "msg-loket-open"  # the first template


# --- contacts ----------------------------------------------------------------------------------
def test_contacts_show_who_fills_each_role_and_copy_the_numbers(qtbot, engine: Engine,
                                                                run_id: str) -> None:
    view = shown(qtbot, ContactsView(engine, run_id))
    first = [view.proxy.index(r, 1).data() for r in range(2)]
    assert first == ["Sanne de Vries\n(in this run, on call)", "Joost Bakker"]
    phone_font: QFont = view.proxy.index(0, 2).data(Qt.ItemDataRole.FontRole)
    assert phone_font.pointSizeF() >= 1.5 * QApplication.font().pointSizeF()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    qtbot.keyClicks(view.search, "haddou")
    assert view.proxy.rowCount() == 1
    qtbot.keyClick(view.search, Qt.Key.Key_Return)  # to the table, first match selected
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "Yasmina Haddou: 06-00000019 / 010-0000019"
    assert "06-00000019" in view.details.text()
    view.search.clear()
    qtbot.keyClicks(view.search, "omroep")  # notes and organisations are searched too
    assert {view.proxy.index(r, 1).data() for r in range(view.proxy.rowCount())} == {
        "Nieuwsdienst Omroep Voorbeeldregio"}


def test_a_broken_user_contacts_file_shows_its_problem_and_the_bundled_contacts(
        qtbot, engine: Engine, run_id: str) -> None:
    user = paths.user_data_dir() / "contacts.yaml"
    user.write_text("contacts:\n  - name: X\n    pager: 12\n", encoding="utf-8")
    view = shown(qtbot, ContactsView(engine, run_id))
    assert view.problems.isVisible()
    assert f"{user}:3: unknown key 'pager'" in view.problems.text()
    assert view.model.rowCount() > 30


# --- screenshots -------------------------------------------------------------------------------
@pytest.fixture
def themed(request: pytest.FixtureRequest) -> Iterator[str]:
    """The app's own theme (palette and stylesheet) for a screenshot, undone afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet, font = app.palette(), app.styleSheet(), app.font()
    theme.apply_theme(app, request.param)
    theme.apply_font_scale(app, 1.0)
    yield request.param
    app.setPalette(palette)
    app.setStyleSheet(sheet)
    app.setFont(font)


@pytest.mark.parametrize("themed", ["light", "dark"], indirect=True)
def test_screenshots_of_the_three_tabs(qtbot, engine: Engine, clock: HandClock, run_id: str,
                                       tmp_path: Path, themed: str) -> None:
    """A run with a few service changes and a message sent, grabbed offscreen."""
    for minutes, service, status in ((0, PHONE, "down"), (2, EMAIL, "down"),
                                     (10, COUNTERS, "degraded"),
                                     (30, PHONE, "degraded"),
                                     (25, PHONE, "restored"),
                                     (3, "Website", "up")):
        clock.advance(minutes)
        engine.service(run_id, service, status, actor="Sanne de Vries")
    engine.message_sent(run_id, "msg-sociaal", actor="Iris Jansen", text="Storing.")
    clock.advance(12)
    folder = Path(os.environ.get(SHOTS_ENV) or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "" if themed == "light" else f"-{themed}"
    services = ServicesView(engine, run_id)
    messages = MessagesView(engine, run_id)
    contacts = ContactsView(engine, run_id)
    for name, view, size in (("services-board", services, (900, 420)),
                             ("messages-tab", messages, (760, 820)),
                             ("contacts-tab", contacts, (900, 640))):
        shown(qtbot, view)
        view.resize(*size)
        if view is messages:
            messages.list.setCurrentIndex(messages.model.index(
                messages.model.row_of("msg-website"), 0))
            qtbot.keyClicks(messages.fields["balie"], "Stadhuis, Markt 1")
            qtbot.waitUntil(messages.fields["afspraken"].isVisible)  # shown by a queued call
        if view is services:
            services.table.setCurrentIndex(services.model.index(1, 0))
        image = view.grab().toImage()
        assert not image.isNull() and image.width() == size[0]
        assert image.save(str(folder / f"{name}{suffix}.png"))
    assert services.model.index(0, 5).data() == "1 h 07 min"
