"""Screen readers get each step row's name, role and state from the custom-painted checklist."""

from __future__ import annotations

from typing import Any

import pytest
from hand_clock import HandClock
from PySide6.QtGui import QAccessible
from run_view_support import T0, open_view, start

from runbook_assistant.core.run.engine import Engine

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def clock() -> HandClock:
    return HandClock(T0)


def _row_interface(view: Any, step_id: str) -> Any:
    """The accessible row a screen reader reads for ``step_id`` (the tree's own children)."""
    title = view.runbook.step(step_id).title
    tree = QAccessible.queryAccessibleInterface(view.list)
    assert tree is not None and tree.role() == QAccessible.Role.Tree
    for number in range(tree.childCount()):
        child = tree.child(number)
        if child is not None and title in child.text(QAccessible.Text.Name):
            return child
    raise AssertionError(f"no accessible row for {step_id}")


def test_a_step_row_has_a_name_a_role_and_a_checked_state(qtbot: Any, engine: Engine,
                                                          clock: HandClock) -> None:
    run_id = start(engine)
    engine.check(run_id, "appoint-lead", actor="Anna")
    clock.advance(20)
    view = open_view(qtbot, engine, run_id)
    done = _row_interface(view, "appoint-lead")
    assert done.role() == QAccessible.Role.TreeItem
    name = done.text(QAccessible.Text.Name)
    assert "done" in name and "Appoint" in name
    assert done.state().checkable and done.state().checked
    open_step = _row_interface(view, "stop-freeze")
    assert open_step.state().checkable and not open_step.state().checked
    assert "open" in open_step.text(QAccessible.Text.Name)


def test_overdue_is_said_in_words(qtbot: Any, engine: Engine, clock: HandClock) -> None:
    run_id = start(engine)
    clock.advance(30)  # the lead's appointment was due after five minutes
    view = open_view(qtbot, engine, run_id)
    assert "overdue" in _row_interface(view, "appoint-lead").text(QAccessible.Text.Name)
