"""The exercise panel above an exercise run's checklist: the simulated clock and the injects.

Speed buttons (×1 ×2 ×5 ×10), pause, and "next inject" drive the clock; every change is recorded
in the run's log as an ``exercise_clock`` event, and a second window on the same run follows it
on its next tick. The newest inject for the role chosen in "Show injects for" (the role of whoever
sits at this laptop) is shown large in the exercise colour; the list below holds every inject so
far, that role's in bold. Observers type what they see in the observation field: those notes are
marked as an observer's, and the debrief lists them apart. The clock ticks with the run view's
timer, whose time source tests drive by hand.

``attach_exercise_panel(view)`` is all a run view does for an exercise: it swaps in the simulated
clock and the exercise-time engine (``core/exercise/session.py``) and inserts the panel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.core.exercise.session import (
    SPEEDS,
    ExerciseSession,
    ScheduledInject,
)
from runbook_assistant.core.formatting import exercise_time, format_offset, span_text
from runbook_assistant.core.log.events import Event
from runbook_assistant.ui import theme
from runbook_assistant.ui.errors import guarded
from runbook_assistant.ui.i18n import ui_lang

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.ui.run_view import RunView

log = logging.getLogger("runbook_assistant.ui")


class ExercisePanel(QFrame):
    """Clock controls, the injects delivered so far, and the observation field."""

    recorded = Signal()  # something was written to the log: the run view re-reads the run
    delivered = Signal(list)  # the inject events just delivered

    def __init__(self, session: ExerciseSession, actor: Callable[[], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exercisePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.session = session
        self.actor = actor
        self._injects: list[ScheduledInject] = []
        self._has_history = False  # injects delivered so far: the history has rows
        self._roomy = True  # the run view has the height for the history (fit_height)
        self.runbook = session.engine.runbook_of(session.run_id)

        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("exerciseClock")
        font = self.clock_label.font()
        font.setBold(True)
        font.setFamily("DejaVu Sans Mono")
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.clock_label.setFont(font)
        self.speed_group = QButtonGroup(self)
        self.speed_group.setExclusive(True)
        self.speed_buttons: dict[int, QToolButton] = {}
        for speed in SPEEDS:
            button = QToolButton(self)
            button.setObjectName(f"speed{speed}")
            button.setText(f"×{speed}")
            button.setCheckable(True)
            self.speed_group.addButton(button, speed)
            self.speed_buttons[speed] = button
        self.pause_button = QToolButton(self)
        self.pause_button.setObjectName("pauseClock")
        self.pause_button.setCheckable(True)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextInject")
        self.next_label = _label(self, "nextInjectLabel", tone="muted")
        self.debrief_button = QPushButton(self)
        self.debrief_button.setObjectName("debriefButton")

        self.latest = _label(self, "latestInject")
        self.latest.setProperty("banner", "exercise")
        self.role_label = QLabel(self)
        self.role_filter = QComboBox(self)
        self.role_filter.setObjectName("injectRoleFilter")
        self.role_label.setBuddy(self.role_filter)
        self.history = QListWidget(self)
        self.history.setObjectName("injectHistory")
        self.history.setWordWrap(True)
        self.history.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        # Two injects of two lines each, with the list's item padding: the rest scrolls.
        self.history.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 36)
        self.observation = QLineEdit(self)
        self.observation.setObjectName("observationField")
        self.observe_button = QPushButton(self)
        self.observe_button.setObjectName("addObservation")
        self.message = _label(self, "exerciseMessage", tone="muted")
        self.message.hide()

        controls = QHBoxLayout()
        controls.addWidget(self.clock_label)
        for button in self.speed_buttons.values():
            controls.addWidget(button)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.next_button)
        controls.addWidget(self.next_label, 1)
        controls.addWidget(self.debrief_button)
        roles = QHBoxLayout()
        roles.addWidget(self.role_label)
        roles.addWidget(self.role_filter, 1)
        roles.addWidget(self.observation, 2)
        roles.addWidget(self.observe_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(controls)
        layout.addWidget(self.latest)
        layout.addWidget(self.history)
        layout.addLayout(roles)
        layout.addWidget(self.message)

        self._fill_roles()
        self.speed_group.idClicked.connect(self._speed)
        self.pause_button.clicked.connect(self._pause)
        self.next_button.clicked.connect(self.jump_to_next)
        self.debrief_button.clicked.connect(self._ask_debrief)
        self.observe_button.clicked.connect(self.add_observation)
        self.observation.returnPressed.connect(self.add_observation)
        self.role_filter.currentIndexChanged.connect(lambda _i: self._show_injects())
        self._retranslate()
        self.reload()

    # --- reading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the injects and the clock from the session (after anything was recorded)."""
        self._injects = self.session.injects()
        self._show_clock()
        self._show_injects()

    def selected_role(self) -> str | None:
        data = self.role_filter.currentData()
        return str(data) if data else None

    def _fill_roles(self) -> None:
        source = self.session.scenario or self.runbook
        self.role_filter.addItem("", None)
        for role in source.roles:
            self.role_filter.addItem(role.name, role.id)
        mine = self._actor_roles()
        index = self.role_filter.findData(mine[0]) if mine else -1
        self.role_filter.setCurrentIndex(max(index, 0))

    def _actor_roles(self) -> list[str]:
        name = self.actor().strip().casefold()
        state = self.session.engine.state(self.session.run_id)
        return next((list(p.roles) for p in state.participants
                     if p.name.strip().casefold() == name), [])

    def _show_clock(self) -> None:
        clock = self.session.clock
        closed = self.session.closed
        self.clock_label.setText("T+" + format_offset(clock.position()))
        button = self.speed_buttons.get(clock.speed)
        if button is not None:
            button.setChecked(True)
        self.pause_button.setChecked(clock.paused)
        for widget in (*self.speed_buttons.values(), self.pause_button, self.next_button,
                       self.observation, self.observe_button):
            widget.setEnabled(not closed)
        upcoming = next((i for i in self._injects if not i.delivered), None)
        self.next_button.setEnabled(upcoming is not None and not closed)
        if closed:
            self.next_label.setText(self.tr("The exercise is closed."))
        elif upcoming is None:
            self.next_label.setText(self.tr("Every inject has been delivered.")
                                    if self.session.scenario is not None
                                    else self.tr("This exercise has no scenario, so no injects."))
        else:
            left = max(0.0, upcoming.offset - clock.position())
            role = self.runbook.role_name(upcoming.to) if upcoming.to else self.tr("everyone")
            self.next_label.setText(self.tr("Next inject {at} for {role}, in {left}").format(
                at=exercise_time(upcoming.offset), role=role, left=span_text(left, ui_lang())))

    def _show_injects(self) -> None:
        role = self.selected_role()
        delivered = [i for i in self._injects if i.delivered]
        self.history.clear()
        for item in reversed(delivered):
            mine = role is None or item.to is None or item.to == role
            target = self.runbook.role_name(item.to) if item.to else self.tr("everyone")
            row = QListWidgetItem(f"{exercise_time(item.offset)} → {target}: {item.text}")
            font = row.font()
            font.setBold(mine and role is not None)
            row.setFont(font)
            if not mine:
                row.setForeground(self.palette().placeholderText())
            if item.leader_note:
                row.setToolTip(self.tr("For the exercise leader: {note}")
                               .format(note=item.leader_note))
            self.history.addItem(row)
        self._has_history = bool(delivered)
        self.history.setVisible(self._has_history and self._roomy)
        shown = next((i for i in reversed(delivered)
                      if role is None or i.to is None or i.to == role), None)
        if shown is None:
            self.latest.setProperty("banner", "")
            self.latest.setText(self.tr("No inject yet for this role."))
        else:
            target = self.runbook.role_name(shown.to) if shown.to else self.tr("everyone")
            self.latest.setProperty("banner", "exercise")
            self.latest.setText(self.tr("INJECT {at} for {role}\n{text}").format(
                at=exercise_time(shown.offset), role=target, text=shown.text))
        theme.restyle(self.latest)

    # --- acting ----------------------------------------------------------------------------------
    def tick(self) -> list[Event]:
        """Deliver what is due on the clock (the run view's timer calls this every second)."""
        events: list[Event] = []
        try:  # never a dialog from a timer: a refusal shows in the panel and the log
            events = self.session.tick(self.actor() or "?")
        except RunbookAssistantError as exc:
            log.warning("inject not delivered: %s", exc.message)
            self.say(exc.text(ui_lang()))
            return []
        if events:
            self._after(events)
        else:
            self._show_clock()
        return events

    def set_speed(self, speed: int) -> None:
        if guarded(self, lambda: self.session.set_speed(speed, self.actor())) is not None:
            self._after([])
        self._show_clock()

    def jump_to_next(self) -> list[Event]:
        """Move the clock to the next inject and deliver it."""
        events = guarded(self, lambda: self.session.jump_to_next(self.actor())) or []
        self._after(events)
        return events

    def add_observation(self) -> None:
        text = self.observation.text().strip()
        if not text:
            self.observation.setFocus()
            return
        if guarded(self, lambda: self.session.observe(text, self.actor())) is not None:
            self.observation.clear()
            self.say(self.tr("Observation recorded."))
            self.recorded.emit()

    def write_debrief(self, path: Path) -> Path | None:
        """Write this run's debrief (HTML, or PDF by the extension)."""
        from runbook_assistant.core.export.debrief import export_debrief

        written = guarded(self, lambda: export_debrief(self.session.engine, self.session.run_id,
                                                       path))
        if written is not None:
            self.say(self.tr("Debrief written to {path}").format(path=written))
        return written

    def say(self, text: str) -> None:
        """A line of feedback under the panel (empty text hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _speed(self, speed: int) -> None:
        self.set_speed(speed)

    def fit_height(self, view_height: int) -> None:
        """Show the inject history only when the run view has room for it: on a small screen or
        with larger text the checklist keeps its rows (the latest inject stays in view)."""
        self._roomy = view_height >= 40 * self.fontMetrics().lineSpacing()
        self.history.setVisible(self._has_history and self._roomy)

    def step_speed(self, delta: int) -> None:
        """One speed faster (+1) or slower (-1) than now, within ``SPEEDS`` (the keyboard's)."""
        now = self.session.clock.speed
        at = SPEEDS.index(now) if now in SPEEDS else 0
        wanted = SPEEDS[max(0, min(len(SPEEDS) - 1, at + delta))]
        if wanted != now:
            self.set_speed(wanted)

    def _pause(self, checked: bool) -> None:
        action = self.session.pause if checked else self.session.resume
        if guarded(self, lambda: action(self.actor())) is not None:
            self._after([])
        self._show_clock()

    def _ask_debrief(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the debrief"), "", self.tr("Web page (*.html);;PDF (*.pdf)"))
        if name:
            self.write_debrief(Path(name))

    def _after(self, events: list[Event]) -> None:
        self.reload()
        if events:
            self.delivered.emit(events)
        self.recorded.emit()

    # --- language --------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.pause_button.setText(self.tr("Pause"))
        self.pause_button.setToolTip(self.tr("Stop the exercise clock (press again to go on)"))
        for speed, button in self.speed_buttons.items():
            button.setToolTip(self.tr("Run the exercise clock {n} times as fast").format(n=speed)
                              if speed > 1 else self.tr("Run the exercise clock in real time"))
        self.next_button.setText(self.tr("Next inject"))
        self.next_button.setToolTip(self.tr("Move the clock ahead to the next inject and "
                                            "deliver it"))
        self.debrief_button.setText(self.tr("Debrief…"))
        self.clock_label.setToolTip(self.tr("Exercise time since the start"))
        self.role_label.setText(self.tr("Show in&jects for:"))
        self.role_filter.setItemText(0, self.tr("All roles"))
        self.observation.setPlaceholderText(self.tr("Observation: what an observer saw…"))
        self.observe_button.setText(self.tr("Add observation"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.reload()
        super().changeEvent(event)


def _label(parent: QWidget, name: str, *, tone: str | None = None) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if tone:
        label.setProperty("tone", tone)
    return label


def exercise_of(engine: Engine, run_id: str,
                library: Any) -> tuple[ExerciseSession | None, str]:
    """The exercise session of an exercise run (None for an incident) and, when its scenario
    is not in ``library`` (None: the bundled runbooks), why its injects are missing."""
    if engine.run_record(run_id).mode != "exercise":
        return None, ""
    if library is None:
        from runbook_assistant.core import paths
        from runbook_assistant.core.library.catalog import Library

        library = Library([paths.bundled_runbooks_dir()], cache_path=None)
    try:
        return ExerciseSession.for_run(engine, run_id, library), ""
    except RunbookAssistantError as exc:  # the scenario is not in this laptop's library
        return ExerciseSession(engine, run_id, None), exc.text(ui_lang())


def attach_exercise_panel(view: RunView, session: ExerciseSession,
                          problem: str = "") -> ExercisePanel:
    """Add the exercise panel (clock, injects, observer notes) to an exercise run's view."""
    panel = ExercisePanel(session, lambda: view.actor, view)
    if problem:
        panel.say(problem)
    layout = view.layout()
    if layout is not None:
        layout.insertWidget(1, panel)  # right under the header with the EXERCISE banner
    view.timers.ticked.connect(lambda _now: panel.tick())
    view.run_changed.connect(panel.reload)  # e.g. the run was closed from the header
    panel.recorded.connect(lambda: _recorded(view))
    return panel


def _recorded(view: RunView) -> None:
    view.refresh()
    view.run_changed.emit()
