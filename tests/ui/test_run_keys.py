"""Every part of a run by keys: the side tabs and back, closing the run, the exercise controls,
and F1 listing each of them."""

from __future__ import annotations

from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from run_view_support import T0, dialog_of, events, open_view, start

from runbook_assistant.core.run.engine import Engine

pytestmark = pytest.mark.usefixtures("message_boxes")
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


@pytest.fixture
def view(qtbot: Any, engine: Engine) -> Any:
    shown = open_view(qtbot, engine, start(engine))
    shown.activateWindow()
    shown.list.setFocus()
    qtbot.waitUntil(shown.list.hasFocus)
    return shown


def focused() -> Any:
    return QApplication.focusWidget()


def key(qtbot: Any, widget: Any, which: Qt.Key, modifiers: Any = Qt.KeyboardModifier.NoModifier
        ) -> None:
    QTest.keyClick(widget, which, modifiers)


def test_alt_digits_open_each_side_tab_with_the_focus_in_it(qtbot: Any, view: Any) -> None:
    side = view.side
    for number in range(1, side.count() + 1):
        key(qtbot, focused(), getattr(Qt.Key, f"Key_{number}"), ALT)
        qtbot.waitUntil(lambda n=number: side.currentIndex() == n - 1)
        qtbot.waitUntil(lambda: side.currentWidget().isAncestorOf(focused()))


def test_escape_from_the_services_table_returns_to_the_steps(qtbot: Any, view: Any) -> None:
    services = view.side.comms["services"]
    key(qtbot, focused(), Qt.Key.Key_6, ALT)
    qtbot.waitUntil(lambda: focused() is services.table)
    key(qtbot, services.table, Qt.Key.Key_Escape)
    qtbot.waitUntil(view.list.hasFocus)
    # Space then acts on the step again, not on the table.
    assert view.list.currentIndex().isValid()


def test_tab_leaves_the_services_table(qtbot: Any, view: Any) -> None:
    services = view.side.comms["services"]
    key(qtbot, focused(), Qt.Key.Key_6, ALT)
    qtbot.waitUntil(lambda: focused() is services.table)
    key(qtbot, services.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: focused() is not services.table)
    services.table.setFocus()
    qtbot.waitUntil(services.table.hasFocus)
    key(qtbot, services.table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: focused() is not services.table)


def test_f6_moves_between_the_steps_and_the_side_tabs(qtbot: Any, view: Any) -> None:
    key(qtbot, view.list, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: view.side.isAncestorOf(focused()))
    key(qtbot, focused(), Qt.Key.Key_F6)
    qtbot.waitUntil(view.list.hasFocus)


def test_ctrl_shift_w_closes_the_run_after_asking(qtbot: Any, view: Any, db: Any) -> None:
    key(qtbot, view.list, Qt.Key.Key_W, CTRL_SHIFT)
    dialog = dialog_of(qtbot, view)
    qtbot.waitUntil(lambda: focused() is dialog.edit)
    QTest.keyClicks(dialog.edit, "Rollback gelukt")
    QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.commands.active_dialog is None)
    assert events(db, view.run_id)[-1][0] == "run_closed"


def test_f1_lists_the_new_keys(qtbot: Any, view: Any) -> None:
    rows = dict(type(view).shortcuts())
    for keys in ("Alt+1 … Alt+6", "Esc", "F6", "Ctrl+Shift+W"):
        assert keys in rows, keys


def test_ctrl_pgdn_takes_the_focus_to_the_next_runs_steps(qtbot: Any, window: Any,
                                                          start_run: Any) -> None:
    first, second = start_run(title="Eerste"), start_run(title="Tweede")
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.open_run(first)
    second_view = window.open_run(second)
    first_view = window.open_run(first)
    first_view.list.setFocus()
    qtbot.waitUntil(first_view.list.hasFocus)
    key(qtbot, first_view.list, Qt.Key.Key_6, ALT)
    qtbot.waitUntil(lambda: first_view.side.isAncestorOf(focused()))
    key(qtbot, focused(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is second_view)
    qtbot.waitUntil(second_view.list.hasFocus)


def test_ctrl_l_hides_and_shows_the_library_pane(qtbot: Any, window: Any) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.library_view.focus_search()
    qtbot.waitUntil(window.library_view.search.hasFocus)
    key(qtbot, focused(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.left.isVisible())
    assert not window.actions_.library_pane.isChecked()
    assert window.actions_.library_pane in window.actions_.view_menu.actions()
    key(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.left.isVisible)
    qtbot.waitUntil(window.library_view.search.hasFocus)


def _covered(keys: str, listed: list[str]) -> bool:
    """Whether F1 names ``keys``, also within a range like ``Alt+1 … Alt+6`` or ``A / B``."""
    for row in listed:
        parts = [p.strip() for p in row.replace("…", "/").split("/")]
        if keys in parts or keys == row:
            return True
        if "…" in row and keys.startswith(row.split("+")[0] + "+") and keys[-1].isdigit():
            return True
    return False


def test_f1_names_every_shortcut_of_the_window_and_the_run(qtbot: Any, window: Any,
                                                           start_run: Any) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut

    view = window.open_run(start_run())
    listed = [keys for _heading, rows in window.keyboard_shortcuts() for keys, _what in rows]
    native = QKeySequence.SequenceFormat.PortableText
    missing = []
    for shortcut in view.findChildren(QShortcut):
        text = shortcut.key().toString(native)
        for name, shown in (("Escape", "Esc"), ("Up", "↑"), ("Down", "↓"), ("Return", "Enter")):
            text = text.replace(name, shown)
        if text and not _covered(text, listed):
            missing.append(text)
    for action in window.actions():
        for sequence in action.shortcuts()[:1]:
            if not _covered(sequence.toString(native), listed):
                missing.append(sequence.toString(native))
    assert missing == [], missing
