"""The run view's clock: a tick once a second, countdown texts, and which reminders are due.

The time source is injectable (an object with ``now()``, normally the engine's clock) so tests can
move time by hand. Which recurring reminders to record is worked out from the run's state, that is
from the events: a reminder already recorded for the current interval (on this laptop, or before
a restart) is not recorded again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from runbook_assistant.core.formatting import span_text
from runbook_assistant.core.run.state_types import RunState, StepState
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.ui.i18n import ui_lang

translate = QCoreApplication.translate
TICK_MS = 1000
DAY = 24 * 3600  # seconds: a deadline further away is shown with its date
EVERY = "every"


def reminders_due(state: RunState, runbook: Runbook, now: datetime) -> list[str]:
    """Step ids whose recurring reminder passed a deadline that has no TIMER_FIRED yet.

    A reminder repeats every ``step.every`` seconds from the run's start (or from when the step
    was last done). Only the latest passed deadline counts: after a long pause one reminder is
    recorded, not one for every interval missed.
    """
    if state.closed:
        return []
    due: list[str] = []
    for step in runbook.iter_steps():
        current = state.step(step.id)
        if not step.every or current is None or not current.counts:
            continue
        deadline = latest_reminder(current, step.every, now)
        if deadline is None:
            continue
        fired = state.timers_fired.get((step.id, EVERY))
        if fired is None or fired < deadline:
            due.append(step.id)
    return due


def latest_reminder(step: StepState, every: int, now: datetime) -> datetime | None:
    """The last reminder deadline of a recurring step at or before ``now`` (None: none yet)."""
    first = step.next_reminder_at
    if first is None or now <= first:
        return None
    interval = timedelta(seconds=every)
    passed = (now - first) // interval  # whole intervals since the first deadline
    return first + passed * interval


def next_deadline(state: RunState, after: datetime) -> datetime | None:
    """The first deadline of any counted step later than ``after`` (when the state next changes)."""
    if state.closed:
        return None
    found: datetime | None = None
    for step in state.steps.values():
        if not step.counts:
            continue
        for moment in (step.due_at, step.timebox_at, step.next_reminder_at):
            if moment is not None and moment > after and (found is None or moment < found):
                found = moment
    return found


def countdown(step: StepState, every: int | None, now: datetime | None) -> tuple[str, bool]:
    """The countdown text of a step at ``now`` and whether it is overdue ('' when none)."""
    if now is None or not step.counts:
        return "", False
    lang = ui_lang()
    if step.is_open and step.due_at is not None:
        left = (step.due_at - now).total_seconds()
        if left < 0:
            return translate("RunTimers", "overdue by {t}").format(t=span_text(-left, lang)), True
        if left > DAY:  # a legal clock of 72 hours must not read as a time today
            return translate("RunTimers", "due in {t}, by {date}").format(
                t=span_text(left, lang),
                date=step.due_at.astimezone().strftime("%Y-%m-%d %H:%M")), False
        return translate("RunTimers", "due in {t}").format(t=span_text(left, lang)), False
    if step.is_open and step.timebox_at is not None:
        left = (step.timebox_at - now).total_seconds()
        if left < 0:
            over = span_text(-left, lang)
            return translate("RunTimers", "timebox over by {t}").format(t=over), True
        return translate("RunTimers", "{t} left").format(t=span_text(left, lang)), False
    if every and step.status != "skipped" and step.next_reminder_at is not None:
        left = (step.next_reminder_at - now).total_seconds()
        if left < 0:
            late = span_text(-left, lang)
            return translate("RunTimers", "due now, {t} late").format(t=late), True
        return translate("RunTimers", "next in {t}").format(t=span_text(left, lang)), False
    return "", False


class TickListeners:
    """``connect(fn)``: ``fn(now)`` is called on every tick, after the run view's own work.

    Plain callbacks, not a Qt signal: under PySide6 6.12 every ``emit()`` made from Python drops
    a reference to ``True``, and a signal a second would wear it down over a long incident.
    """

    def __init__(self) -> None:
        self._listeners: list[Callable[[datetime], object]] = []

    def connect(self, listener: Callable[[datetime], object]) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Callable[[datetime], object]) -> None:
        self._listeners.remove(listener)

    def emit(self, moment: datetime) -> None:
        for listener in list(self._listeners):
            listener(moment)


class RunTimers(QObject):
    """Calls ``on_tick(now)`` once a second with the time of the injected source, then every
    listener connected to ``ticked``."""

    def __init__(self, now: Callable[[], datetime], on_tick: Callable[[datetime], None],
                 parent: QObject | None = None, *, interval_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self.now = now
        self.on_tick = on_tick
        self.ticked = TickListeners()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def tick(self) -> datetime:
        """Read the time source and hand it on (the QTimer calls this; tests may too)."""
        moment = self.now()
        self.on_tick(moment)
        self.ticked.emit(moment)
        return moment
