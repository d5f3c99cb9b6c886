"""One run: its checklist, the selected step's details, and the side tabs, driven by the keyboard.

The view holds no run data of its own: every command goes through its ``RunOps`` (``ops``), which
announces the run's state after it (a fold over the committed events) as one ``RunChange``; the
view and each of its panels show it (``show_change``), announcing only rows that changed. An
exercise run is read in exercise time (``ExerciseEngine``) from the start. Timers tick
once a second from an injectable clock: countdowns move, overdue steps turn red, and a recurring
reminder is recorded once per interval (worked out from the events, so a restart does not repeat
it).

Signals the main window uses: ``current_step_changed(step_id)`` (remembered per run, to resume),
``run_changed()``, ``title_changed(text)`` (with the overdue count) and
``overdue_count_changed(n)``.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QVBoxLayout, QWidget

from runbook_assistant.core.errors import CommandError, RunbookAssistantError
from runbook_assistant.core.exercise.session import ExerciseEngine
from runbook_assistant.core.log.clock import Clock
from runbook_assistant.core.run.changes import RunChange
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Step
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.run_commands import KEY_HELP, RunCommands
from runbook_assistant.ui.run_header import RunHeader
from runbook_assistant.ui.run_keys import RUN_KEYS_HELP, install_run_keys
from runbook_assistant.ui.run_ops import RunOps, StateSource
from runbook_assistant.ui.run_side_panel import RunSidePanel
from runbook_assistant.ui.run_timers import RunTimers, next_deadline
from runbook_assistant.ui.settings import ACTOR, Settings
from runbook_assistant.ui.step_delegate import StepDelegate
from runbook_assistant.ui.step_detail import StepDetail
from runbook_assistant.ui.step_list import StepTreeModel
from runbook_assistant.ui.step_search import StepSearchBar
from runbook_assistant.ui.step_tree_view import StepTreeView

log = logging.getLogger("runbook_assistant.ui")

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine

translate = QCoreApplication.translate
FULL_REFRESH = timedelta(seconds=60)  # re-read the run now and then, even with nothing due
RUN_CHANGED_MS = 250  # the open-runs list may lag a moment; the checklist may not
# The side tabs and the details follow a moment after the checklist: the checked row is painted
# first, within one frame of the key press, and the rest in the frames after.
FOLLOW_MS = 20
REMEMBER_MS = 400  # the selected step is remembered once the selection rests, not on every key


class RunView(QWidget):
    """The checklist view of one run."""

    current_step_changed = Signal(str)
    run_changed = Signal()
    title_changed = Signal(str)
    overdue_count_changed = Signal(int)
    reminder = Signal(str)  # step id of a recurring reminder just recorded

    def __init__(self, engine: Engine, run_id: str, parent: QWidget | None = None, *,
                 settings: Settings | None = None, clock: Clock | None = None,
                 tick_ms: int = 1000, library: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("runView")
        self.engine = engine
        self.run_id = run_id
        self.runbook = engine.runbook_of(run_id)
        found = getattr(parent, "settings", None)
        self.settings = settings or (found if isinstance(found, Settings) else None)
        from runbook_assistant.ui.exercise_panel import attach_exercise_panel, exercise_of

        # An exercise run is read in exercise time, on the exercise's own clock.
        self.exercise_session, exercise_problem = exercise_of(engine, run_id, library)
        session = self.exercise_session
        source: StateSource = ExerciseEngine(engine, session) if session else engine
        self.clock: Clock = clock or (session.clock if session else engine.clock)
        self.ops = RunOps(engine, run_id, source, self._refused, self)
        self.state: RunState | None = None
        self._change: RunChange | None = None
        self._actor = self.settings.actor if self.settings is not None else ""
        self._overdue = -1
        self._title = ""
        self._current_section: str | None = None
        self._next_deadline: datetime | None = None
        self._last_full: datetime | None = None

        self.header = RunHeader(self.runbook, self)
        self.model = StepTreeModel(self.runbook, self)
        self.list = StepTreeView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(StepDelegate(self.list))
        self.search = StepSearchBar(self.model, self)
        self.detail = StepDetail(self)
        self.side = RunSidePanel(engine, run_id, self.runbook, lambda: self.actor, self)
        self.commands = RunCommands(self)
        self.timers = RunTimers(self.clock.now, self._tick, self, interval_ms=tick_ms)

        checklist = QWidget(self)
        column = QVBoxLayout(checklist)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        self.centre = QSplitter(Qt.Orientation.Vertical, checklist)
        self.centre.addWidget(self.list)
        self.centre.addWidget(self.detail)
        self.centre.setStretchFactor(0, 2)  # the steps first; the details below scroll
        self.centre.setStretchFactor(1, 1)
        column.addWidget(self.centre, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(checklist)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.header)
        layout.addWidget(self.splitter, 1)

        self._run_changed = self._single_shot(RUN_CHANGED_MS, self.run_changed.emit)
        self._follow = self._single_shot(FOLLOW_MS, self.flush)
        self._remember = self._single_shot(REMEMBER_MS, self.remember_step)
        self.search.claim_find_key(self)
        self.list.command.connect(self.commands.dispatch)
        self.list.selectionModel().currentChanged.connect(self._selected)
        self.list.expanded.connect(lambda _i: self.list.viewport().update())
        self.list.collapsed.connect(lambda _i: self.list.viewport().update())
        self.detail.escape_pressed.connect(self.list.setFocus)
        self.search.jump.connect(self.select_step)
        self.search.closed.connect(self.list.setFocus)
        self.header.change_actor.connect(self.commands.change_actor)
        self.header.close_run.connect(self.commands.close_run)
        self.side.notes.add_requested.connect(lambda: self.commands.note(self.selected_step()))
        self.side.external_change.connect(self.refresh)
        self.commands.recorded.connect(lambda _e: self._run_changed.start())
        self.ops.changed.connect(self.show_change)
        if self.settings is not None:
            self.settings.changed.connect(self._setting_changed)
        self.setFocusProxy(self.list)
        # exercise runs only: clock, injects, observer notes
        self.exercise = (attach_exercise_panel(self, session, exercise_problem) if session
                         else None)
        self.keys = install_run_keys(self)

        now = self.clock.now()
        self.refresh(now)
        self.header.set_actor(self.actor)
        saved = self.settings.run_step(run_id) if self.settings is not None else ""
        if not (saved and self.select_step(saved)):
            self._select_start()
        self._fire_reminders(now)
        self.timers.start()
        self.flush()
        QTimer.singleShot(0, self._reveal)  # once the rows have their heights
        # After the window connected its slots: announce title and overdue count once.
        QTimer.singleShot(0, self._announce)

    def _single_shot(self, interval_ms: int, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    # --- who -------------------------------------------------------------------------------------
    @property
    def actor(self) -> str:
        """Who is recorded as doing things: the settings' name, else who started the run."""
        if self._actor:
            return self._actor
        return (self.state.started_by if self.state is not None else None) or ""

    def set_actor(self, name: str) -> None:
        self._actor = name.strip()
        if self.settings is not None:
            self.settings.actor = self._actor
        self.header.set_actor(self.actor)

    def people(self) -> list[str]:
        """Names of the people taking part (for the four-eyes verifier list)."""
        return [p.name for p in self.state.participants] if self.state is not None else []

    def _setting_changed(self, key: str) -> None:
        if key == ACTOR.key and self.settings is not None:
            self._actor = self.settings.actor
            self.header.set_actor(self.actor)

    # --- reading the run -------------------------------------------------------------------------
    def refresh(self, now: datetime | None = None, *, quiet: bool = False) -> RunState | None:
        """Re-read the run's state and show what changed (through ``ops``, so every panel does).

        ``quiet`` (the view's own timer): a failure is logged, never shown as a modal dialog
        that nobody asked for and that would stop the clock behind it.
        """
        change = self.ops.read(now, quiet=quiet)
        if change is None:
            if quiet:
                log.warning("run %s could not be re-read", self.run_id)
            return None
        return change.state

    def _refused(self, refusal: CommandError) -> None:
        """The engine would refuse what was asked: say so in the header, no dialog."""
        lang = ui_lang()  # the engine's words, in the app's language
        hint = refusal.hint_text(lang)
        text = refusal.text(lang) + (f" — {hint}" if hint else "")
        self.header.show_message(text, tone="danger")

    def show_change(self, change: RunChange) -> None:
        """The checklist and header at once; the side tabs and details a moment later."""
        state = change.state
        pending = self._change
        if change.event is None and pending is not None and pending.event is not None \
                and self._follow.isActive():  # the side tabs have yet to show that event
            change = RunChange(change.run_id, state, pending.event)
        self._change = change
        previous = self.state
        self.state = state
        self.model.set_state(state)
        self.header.set_state(state)
        self._follow.start()  # side tabs and details: right after the checklist is painted
        self._last_full = state.now
        self._next_deadline = next_deadline(state, state.now) if state.now else None
        if state.closed:
            self.timers.stop()
        if previous is None or previous.current_step_id != state.current_step_id:
            self._follow_current(state)
        self._announce_if_changed()

    def flush(self) -> None:
        """Bring the side tabs and the details up to date now (normally a moment later)."""
        self._follow.stop()
        if self._change is not None:
            self.side.show_change(self._change)
        self._show_detail()

    def _tick(self, now: datetime) -> None:
        state = self.state
        if state is None or state.closed:
            return
        due = self._next_deadline is not None and now >= self._next_deadline
        stale = (self._last_full is None or now < self._last_full
                 or now - self._last_full >= FULL_REFRESH)
        if due or stale:
            if self.refresh(now, quiet=True) is None:
                return
            self._fire_reminders(now)
        self._repaint(self.model.set_now(now))

    def _repaint(self, rows: list[QModelIndex]) -> None:
        """Repaint rows whose countdown changed (re-measuring them if a row grew or shrank)."""
        delegate = self.list.itemDelegate()
        for index in rows:
            if isinstance(delegate, StepDelegate) and delegate.height_changed(index):
                self.list.scheduleDelayedItemsLayout()
            self.list.update(index)

    def _fire_reminders(self, now: datetime) -> None:
        """Record the recurring reminders that are due; show them in a notice that waits."""
        fired = self.commands.record_reminders(now)
        if not fired:
            return
        self.refresh(now)
        titles = [s.title for s in (self.runbook.step(i) for i in fired) if s is not None]
        self.header.show_notice(self.tr("Reminder: {steps} — due again now. When it is done, "
                                        "select it and press U, then Space.")
                                .format(steps="; ".join(f"“{t}”" for t in titles)))
        self._run_changed.start()
        for step_id in fired:
            self.reminder.emit(step_id)

    # --- selection -------------------------------------------------------------------------------
    def selected_step(self) -> Step | None:
        return self.model.step_at(self.list.currentIndex())

    def selected_step_id(self) -> str:
        step = self.selected_step()
        return step.id if step is not None else ""

    def select_step(self, step_id: str) -> bool:
        """Select a step (opening its section); False when the runbook has no such step."""
        index = self.model.step_index(step_id)
        if not index.isValid():
            return False
        self._select(index)
        return True

    def select_section_start(self, section_id: str) -> None:
        """Select the first step of a section (after a decision chose it)."""
        section = self.runbook.section(section_id)
        if section is not None and section.steps:
            self.select_step(section.steps[0].id)
        elif section is not None:
            self._select(self.model.section_index(section_id))

    def select_next_open(self, after: str) -> None:
        """After a check: the next open step in the checklist, else the run's current step."""
        state = self.state
        if state is None:
            return
        ids = self.model.step_ids()
        start = ids.index(after) + 1 if after in ids else 0
        for step_id in ids[start:]:
            step = state.step(step_id)
            if step is not None and step.counts and step.is_open and not step.optional:
                self.select_step(step_id)
                return
        if state.current_step_id:
            self.select_step(state.current_step_id)

    def _select_start(self) -> None:
        if self.state is not None and self.state.current_step_id:
            self.select_step(self.state.current_step_id)
        elif self.model.rowCount():
            self._select(self.model.index(0))

    def _select(self, index: QModelIndex) -> None:
        parent = index.parent()
        if parent.isValid() and not self.list.isExpanded(parent):
            self.list.expand(parent)
        self.list.setCurrentIndex(index)
        self._reveal()

    def _reveal(self) -> None:
        """Scroll the selection into view, to the middle: the steps before and after it show
        (a section's first step with its header), and the next few checks do not scroll (and
        repaint) the whole list again."""
        index = self.list.currentIndex()
        if index.isValid() and not self.list.viewport().rect().contains(
                self.list.visualRect(index)):
            self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._follow.start()
        if self.model.step_at(current) is not None:
            self._remember.start()

    def remember_step(self) -> None:
        """Save the selected step for a restart and announce it (``current_step_changed``).

        Called once the selection rests: arrowing through the list writes no settings file on
        every key press.
        """
        self._remember.stop()
        step_id = self.selected_step_id()
        if not step_id:
            return
        if self.settings is not None:
            self.settings.set_run_step(self.run_id, step_id)
        self.current_step_changed.emit(step_id)

    def _follow_current(self, state: RunState) -> None:
        """Keep the section the run is at open; close a finished one it just left."""
        step = state.step(state.current_step_id) if state.current_step_id else None
        section = step.section_id if step is not None else None
        if section == self._current_section:
            return
        selected = self.model.section_at(self.list.currentIndex())
        left = state.section(self._current_section) if self._current_section else None
        if left is not None and left.complete and (selected is None
                                                   or selected.id != left.section_id):
            self.list.collapse(self.model.section_index(left.section_id))
        if section is not None:
            self.list.expand(self.model.section_index(section))
        self._current_section = section

    def _show_detail(self) -> None:
        if self.state is None:
            return
        index = self.list.currentIndex()
        step = self.model.step_at(index)
        if step is not None:
            self.detail.show_step(self.runbook, self.state, step)
            return
        section = self.model.section_at(index)
        if section is not None:
            self.detail.show_section(self.runbook, self.state, section)
        else:
            self.detail.clear_detail()

    # --- title and signals -----------------------------------------------------------------------
    def title_text(self) -> str:
        """The tab (and window) title: the run, EXERCISE first, the overdue count last."""
        if self.state is None:
            return self.run_id
        text = self.state.title
        if self.state.exercise:  # (tr outside f-strings: lupdate does not read inside them)
            text = self.tr("EXERCISE") + " · " + text
        count = len(self.state.overdue)
        return text + " · " + self.tr("%n overdue", "", count) if count else text

    def overdue_count(self) -> int:
        return len(self.state.overdue) if self.state is not None else 0

    def _announce_if_changed(self) -> None:
        count = self.overdue_count()
        if count != self._overdue:
            self._overdue = count
            self.overdue_count_changed.emit(count)
        title = self.title_text()
        if title != self._title:
            self._title = title
            self.title_changed.emit(title)

    def _announce(self) -> None:
        self.overdue_count_changed.emit(self.overdue_count())
        self.title_changed.emit(self.title_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.model.retranslate()
            self._title = ""
            self._announce_if_changed()
            self._show_detail()  # the details are built text: build them again
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange):
            self.list.scheduleDelayedItemsLayout()
        super().changeEvent(event)

    @classmethod
    def shortcuts(cls) -> list[tuple[str, str]]:
        """(keys, what) for the F1 dialog."""
        return [(translate("RunView", keys), translate("RunView", what))
                for keys, what in (*KEY_HELP, *RUN_KEYS_HELP)]

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        panel = getattr(self, "exercise", None)  # resized once before the panel exists
        if panel is not None:  # a short view keeps its rows for the steps
            panel.fit_height(self.height())

    def suspend(self) -> None:
        """The view goes away (tab or app closed): an exercise's clock pauses, unless the trainer
        chose at the start that it keeps running. Nobody plays while the app is closed, so
        reopening it later must not deliver a burst of injects."""
        session = self.exercise_session
        if session is None or self.state is None or self.state.closed:
            return
        try:
            if not session.clock.paused and not session.keeps_running:
                session.pause(self.actor or "Runbook Assistant")
        except RunbookAssistantError as exc:  # closing must go on; the log says why
            log.warning("exercise clock of %s not paused: %s", self.run_id, exc.message)

    def closeEvent(self, event: Any) -> None:
        if self._remember.isActive():
            self.remember_step()
        self.timers.stop()
        self.suspend()
        super().closeEvent(event)
