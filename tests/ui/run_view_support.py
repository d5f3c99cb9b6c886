"""Helpers for the run view tests: the clock's start, bundled playbooks, opening a view, keys."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from runbook_assistant.core import paths
from runbook_assistant.core.run.engine import Engine
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.core.runbook.parser import parse_text

T0 = datetime(2026, 11, 23, 2, 50, tzinfo=UTC)  # where the hand-moved clock starts
PLAYBOOK = "network-outage-change"
PEOPLE = (("Anna", "incident-lead"), ("Bram", "netwerk"), ("Chris", "netwerk"),
          ("Dewi", "communicatie"))


def bundled(runbook_id: str = PLAYBOOK) -> tuple[Runbook, str]:
    """A playbook shipped with the app, parsed, with its Markdown text."""
    text = (paths.bundled_runbooks_dir() / f"{runbook_id}.md").read_text(encoding="utf-8")
    runbook = parse_text(text, f"{runbook_id}.md").runbook
    assert runbook is not None
    return runbook, text


def start(engine: Engine, runbook_id: str = PLAYBOOK, *, mode: str = "incident",
          title: str = "Storing 23 november") -> str:
    runbook, text = bundled(runbook_id)
    return engine.start_run(runbook, text, title=title, actor="Anna", mode=mode,
                            participants=PEOPLE).run_id


def open_view(qtbot: Any, engine: Engine, run_id: str, **kwargs: Any) -> Any:
    from runbook_assistant.ui.run_view import RunView

    view = RunView(engine, run_id, **kwargs)
    qtbot.addWidget(view)
    view.resize(1300, 850)
    view.show()
    qtbot.waitExposed(view)
    return view


def press(view: Any, key: Qt.Key, times: int = 1, text: str = "") -> None:
    """Keys into the checklist, as a person types them."""
    for _ in range(times):
        QTest.keyClick(view.list, key)


def dialog_of(qtbot: Any, view: Any) -> QDialog:
    qtbot.waitUntil(lambda: view.commands.active_dialog is not None
                    and view.commands.active_dialog.isVisible())
    return view.commands.active_dialog


def events(db: Path, run_id: str) -> list[tuple[str, str | None]]:
    """(kind, step id) of every stored event, read through a fresh engine on the file."""
    fresh = Engine.open(db)
    try:
        return [(str(e.kind), e.step_id) for e in fresh.events(run_id)]
    finally:
        fresh.close_store()
