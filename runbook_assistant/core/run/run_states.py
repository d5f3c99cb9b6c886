"""The engine's memory of each run: its folder, fed only the events stored since, and the last
state built from it.

A state (a snapshot of every step, timer and decision) costs about a millisecond for a 300-step
runbook, folding one event a few microseconds. So a command in the desktop app folds its one new
event and builds one state: the one the view shows, which the next command then checks against.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from runbook_assistant.core.log.ordering import ordered
from runbook_assistant.core.run.fold import RunFolder
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Runbook

if TYPE_CHECKING:
    from runbook_assistant.core.log.store import RunRecord, Store


class RunStates:
    """Per run: a folder kept up to date with the store, and the last state built from it."""

    def __init__(self, store: Store, runbook_of: Callable[[str], Runbook]) -> None:
        self._store = store
        self._runbook_of = runbook_of
        self._folders: dict[str, tuple[RunFolder, int]] = {}  # run id -> (folder, last pos)
        # run id -> (folder, events folded, the last state built from them)
        self._states: dict[str, tuple[RunFolder, int, RunState]] = {}

    def folder(self, record: RunRecord) -> RunFolder:
        """The run's folder, brought up to date with the events stored since it was last fed."""
        cached = self._folders.get(record.id)
        folder, last_pos = cached if cached else (None, 0)
        new, pos = self._store.events_since(record.id, last_pos)
        if folder is None or not folder.accepts(new):
            # First use, or events merged from another laptop sort before what was folded:
            # fold the whole run again (the fold is defined on the sorted event set).
            folder = RunFolder(self._runbook_of(record.id), record)
            new, pos = self._store.events_since(record.id, 0)
        folder.feed(ordered(new))
        self._folders[record.id] = (folder, pos)
        return folder

    def state(self, record: RunRecord, now: datetime, *, any_time: bool = False) -> RunState:
        """The run's state at ``now``: the last one built when no event came in since and it was
        for the same moment (``any_time``: for any moment, enough for checking a command, which
        never looks at the parts that move with the clock, the timers); else a new one."""
        folder = self.folder(record)
        cached = self._states.get(record.id)
        if cached is not None and cached[0] is folder and cached[1] == len(folder.events):
            state = cached[2]
            if any_time or (state.now is not None and state.now == now
                            and state.now.tzinfo is now.tzinfo):
                return state
        state = folder.state(now)
        self._states[record.id] = (folder, len(folder.events), state)
        return state
