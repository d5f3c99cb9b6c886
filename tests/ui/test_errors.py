"""One error dialog for core errors; a bug in a slot is shown and logged, and the app goes on."""

from __future__ import annotations

import logging
import sys
from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer, Signal

from runbook_assistant.core.errors import CommandError, LibraryError
from runbook_assistant.ui.errors import ExceptHook, guarded, show_error

# No message box may wait for a click that never comes.
pytestmark = pytest.mark.usefixtures("message_boxes")


def test_a_core_error_shows_its_message_and_hint(message_boxes: Any) -> None:
    show_error(None, LibraryError("unknown runbook 'x'", hint="run list"))
    assert message_boxes.shown == [("errorDialog", "unknown runbook 'x'\nrun list")]


def test_guarded_returns_the_value_or_shows_the_error(message_boxes: Any) -> None:
    assert guarded(None, lambda: 42) == 42

    def refuse() -> int:
        raise CommandError("run r1 is closed", hint="a closed run takes no more entries")

    assert guarded(None, refuse) is None
    assert message_boxes.texts() == ["run r1 is closed\na closed run takes no more entries"]


def test_a_bug_is_logged_with_its_traceback_and_shown(message_boxes: Any,
                                                      caplog: pytest.LogCaptureFixture) -> None:
    hook = ExceptHook()
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError:
        hook(*sys.exc_info())
    assert message_boxes.shown[0][0] == "unexpectedErrorDialog"
    assert "ZeroDivisionError: division by zero" in message_boxes.shown[0][1]
    assert "Traceback" in caplog.text and "ZeroDivisionError" in caplog.text


def test_a_core_error_escaping_a_slot_gets_the_plain_dialog(message_boxes: Any) -> None:
    ExceptHook()(LibraryError, LibraryError("folder gone"), None)
    assert message_boxes.shown == [("errorDialog", "folder gone\n")]


@pytest.mark.qt_no_exception_capture  # the app's hook, not pytest-qt's, must see it
def test_an_exception_in_a_slot_shows_a_dialog_and_the_loop_goes_on(
        qtbot: Any, message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    class Emitter(QObject):
        fired = Signal()

    def broken_slot() -> None:
        raise RuntimeError("bug in a slot")

    monkeypatch.setattr(sys, "excepthook", ExceptHook())
    emitter = Emitter()
    emitter.fired.connect(broken_slot)
    QTimer.singleShot(0, emitter.fired.emit)
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1)
    assert "RuntimeError: bug in a slot" in message_boxes.shown[0][1]
    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: ticked == [True])  # the event loop is alive


def test_an_error_while_showing_an_error_is_only_logged(monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    hook = ExceptHook()

    def failing_dialog(*_args: Any) -> None:
        raise RuntimeError("no display")

    monkeypatch.setattr("runbook_assistant.ui.errors.show_unexpected", failing_dialog)
    with caplog.at_level(logging.ERROR):
        hook(ValueError, ValueError("first"), None)
    assert "could not show the error dialog" in caplog.text
