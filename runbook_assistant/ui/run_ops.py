"""The one way the desktop app changes a run (as Anki's ``CollectionOp``).

``RunOps.run(command)`` makes one engine call on the GUI thread; a refusal is shown in the one
error dialog and changes nothing; a committed event is announced, with the run's state after
it, as one ``RunChange`` on ``changed``. ``RunOps.ahead(kind, step)`` asks the engine, before a
dialog opens, whether it would refuse the command anyway (the engine's own rules, nothing
re-checked here). Every panel of a run implements ``RunPanel`` and refreshes from the change.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from runbook_assistant.core.errors import CommandError, RunbookAssistantError
from runbook_assistant.core.log.events import Event, EventKind
from runbook_assistant.core.run.changes import RunChange
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.ui.errors import guarded

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine


class RunPanel(Protocol):
    """A part of a run's view: shows the run as a change left it."""

    def show_change(self, change: RunChange) -> None: ...


class StateSource(Protocol):
    """Where a run view reads its state: the engine, or an exercise's view of it in exercise
    time (``core.exercise.session.ExerciseEngine``)."""

    def state(self, run_id: str, now: datetime | None = None) -> RunState: ...


class RunOps(QObject):
    """Commands on one run and the one signal that announces what they changed."""

    changed = Signal(object)  # RunChange

    def __init__(self, engine: Engine, run_id: str, source: StateSource,
                 refuse: Callable[[CommandError], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.engine = engine
        self.run_id = run_id
        self.source = source
        self._refuse = refuse
        self._widget = parent

    def run(self, command: Callable[[Engine], Event]) -> Event | None:
        """Make one engine call; announce what it changed, or show its refusal."""
        event = guarded(self._widget, lambda: command(self.engine))
        if event is not None:
            self.announce(event)
        return event

    def announce(self, event: Event | None = None, now: datetime | None = None) -> RunChange:
        """Read the run again and tell every panel (``event``: what was just recorded)."""
        change = RunChange(self.run_id, self.source.state(self.run_id, now), event)
        self.changed.emit(change)
        return change

    def read(self, now: datetime | None = None, *, quiet: bool = False) -> RunChange | None:
        """Read the run again (e.g. as time passes); ``quiet``: a failure is not shown."""
        if quiet:
            try:
                return self.announce(None, now)
            except RunbookAssistantError:
                return None
        return guarded(self._widget, lambda: self.announce(None, now))

    def ahead(self, kind: EventKind, step_id: str | None = None) -> bool:
        """Whether the engine would take a command recording ``kind`` now; if not, its refusal
        is shown (without a dialog) and False returned."""
        refusal = self.engine.refusal(self.run_id, kind, step_id)
        if refusal is not None:
            self._refuse(refusal)
            return False
        return True
