"""The checklist of a run: sections with their steps, as a two-level item model and its view.

``StepTreeModel`` adapts the folded ``RunState``: section rows at the top level (title, progress,
waiting for a decision, not taken), their steps as children. ``set_state`` compares the new state
with the one shown and announces only the rows that changed (``dataChanged``), so checking a step
repaints one or two rows, never the whole list. The view is ``step_tree_view.StepTreeView``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from runbook_assistant.core.formatting import clock
from runbook_assistant.core.run.state_types import RunState, SectionProgress, StepState
from runbook_assistant.core.runbook.model import Runbook, Section, Step
from runbook_assistant.ui.four_eyes_dialog import OUTCOME_WORDS
from runbook_assistant.ui.run_timers import countdown

_Index = QModelIndex | QPersistentModelIndex
KindRole = Qt.ItemDataRole.UserRole + 1  # "section" | "step"
IdRole = Qt.ItemDataRole.UserRole + 2  # section id or step id
StepRole = Qt.ItemDataRole.UserRole + 3  # core.model.Step
StepStateRole = Qt.ItemDataRole.UserRole + 4  # core.state_types.StepState
ProgressRole = Qt.ItemDataRole.UserRole + 5  # core.state_types.SectionProgress
CurrentRole = Qt.ItemDataRole.UserRole + 6  # bool: the step the run is at
MetaRole = Qt.ItemDataRole.UserRole + 7  # the line under the title (role, status, markers)
CountdownRole = Qt.ItemDataRole.UserRole + 8  # (text, overdue) or ("", False)
SectionModeRole = Qt.ItemDataRole.UserRole + 9  # "read-do" | "do-confirm" | None
RowInfoRole = Qt.ItemDataRole.UserRole + 10  # RowInfo: everything a row paints, in one call

SECTION = "section"
STEP = "step"
_NO_SECTION = 0  # internal id of a section row; a step row carries its section's row + 1
# Made once: the view asks for flags dozens of times per repaint, and combining Qt flags in
# Python makes a new enum member each time.
_SECTION_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# Steps are checkable for screen readers (state "checked"); the keys and the delegate do the
# checking, through the engine, never the view's own toggle (setData refuses it).
_STEP_FLAGS = _SECTION_FLAGS | Qt.ItemFlag.ItemNeverHasChildren | Qt.ItemFlag.ItemIsUserCheckable


@dataclass(frozen=True)
class RowInfo:
    """What one row shows. Built once per change and cached: painting asks for it once."""

    kind: str  # SECTION | STEP
    title: str
    meta: str
    countdown: str = ""
    overdue: bool = False
    current: bool = False
    status: str = "open"
    counts: bool = True
    decision: bool = False
    done: int = 0  # sections: progress
    total: int = 0
    active: bool = True
    overridden: bool = False  # checked by setting a rule aside: shown in red


class StepTreeModel(QAbstractItemModel):
    """Sections and steps of one run; one column."""

    def __init__(self, runbook: Runbook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runbook = runbook
        self.sections: tuple[Section, ...] = runbook.sections
        self._where: dict[str, tuple[int, int]] = {}  # step id -> (section row, step row)
        for s_row, section in enumerate(self.sections):
            for row, step in enumerate(section.steps):
                self._where[step.id] = (s_row, row)
        self._section_row = {s.id: n for n, s in enumerate(self.sections)}
        self.state: RunState | None = None
        self.now: datetime | None = None
        self._timed = [s.id for s in runbook.iter_steps() if s.due or s.timebox or s.every]
        self._info: dict[tuple[int, int], RowInfo] = {}  # (internal id, row) -> cached row

    # --- structure -----------------------------------------------------------------------------
    def index(self, row: int, column: int = 0, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _NO_SECTION) if row < len(self.sections) \
                else QModelIndex()
        if parent.internalId() != _NO_SECTION or parent.row() >= len(self.sections):
            return QModelIndex()
        if row >= len(self.sections[parent.row()].steps):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _NO_SECTION:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_SECTION)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.sections)
        if parent.column() != 0 or parent.internalId() != _NO_SECTION:
            return 0
        return len(self.sections[parent.row()].steps)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _SECTION_FLAGS if index.internalId() == _NO_SECTION else _STEP_FLAGS

    # --- look-ups ------------------------------------------------------------------------------
    def step_index(self, step_id: str) -> QModelIndex:
        where = self._where.get(step_id)
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], 0, where[0] + 1)

    def section_index(self, section_id: str) -> QModelIndex:
        row = self._section_row.get(section_id)
        return QModelIndex() if row is None else self.createIndex(row, 0, _NO_SECTION)

    def step_at(self, index: _Index) -> Step | None:
        if not index.isValid() or index.internalId() == _NO_SECTION:
            return None
        section = self.sections[index.internalId() - 1]
        return section.steps[index.row()] if index.row() < len(section.steps) else None

    def section_at(self, index: _Index) -> Section | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _NO_SECTION else index.internalId() - 1
        return self.sections[row] if row < len(self.sections) else None

    def step_ids(self) -> list[str]:
        return list(self._where)

    # --- data ----------------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == RowInfoRole:
            return self.row_info(index)
        step = self.step_at(index)
        if step is None:
            section = self.section_at(index)
            return self._section_data(section, role) if section is not None else None
        return self._step_data(step, role)

    def _section_data(self, section: Section, role: int) -> Any:
        progress = self.state.section(section.id) if self.state is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if progress is None:
                return section.title
            if not progress.active:
                return self.tr("{title} — not taken").format(title=section.title)
            return f"{section.title} — {progress.done}/{progress.total}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._section_sentence(section, progress)
        if role == KindRole:
            return SECTION
        if role == IdRole:
            return section.id
        if role == ProgressRole:
            return progress
        if role == SectionModeRole:
            return section.mode
        if role == MetaRole:
            return self.section_meta(section, progress)
        return None

    def section_meta(self, section: Section, progress: SectionProgress | None) -> str:
        """The line under a section's title: its mode and whether it waits or was not taken."""
        mode = {"read-do": self.tr("READ-DO"),
                "do-confirm": self.tr("DO-CONFIRM")}.get(section.mode or "", "")
        status = self.section_status(progress) if progress is None or progress.active else ""
        return " · ".join(p for p in (mode, status) if p)

    def _step_data(self, step: Step, role: int) -> Any:
        current = self.state.step(step.id) if self.state is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            return step.title
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            meta = self.meta_text(step, current)
            timer = self.countdown_of(step, current)[0]
            return " — ".join(p for p in (self.status_word(current), step.title, meta, timer)
                              if p)
        if role == Qt.ItemDataRole.CheckStateRole:
            done = current is not None and current.status == "done"
            return Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        if role == KindRole:
            return STEP
        if role == IdRole:
            return step.id
        if role == StepRole:
            return step
        if role == StepStateRole:
            return current
        if role == CurrentRole:
            return self.state is not None and self.state.current_step_id == step.id
        if role == MetaRole:
            return self.meta_text(step, current)
        if role == CountdownRole:
            return self.countdown_of(step, current)
        return None

    def row_info(self, index: _Index) -> RowInfo | None:
        """The cached ``RowInfo`` of a row (built on first use after it changed)."""
        key = (index.internalId(), index.row())
        info = self._info.get(key)
        if info is not None:
            return info
        step = self.step_at(index)
        if step is None:
            section = self.section_at(index)
            if section is None:
                return None
            progress = self.state.section(section.id) if self.state is not None else None
            late = self._overdue_in(section)
            meta = self.section_meta(section, progress)
            if late:
                meta = " · ".join(p for p in (meta, self.tr("%n overdue", "", late)) if p)
            info = RowInfo(
                kind=SECTION, title=str(self._section_data(section, Qt.ItemDataRole.DisplayRole)),
                meta=meta, overdue=bool(late),
                done=progress.done if progress else 0, total=progress.total if progress else 0,
                active=progress.active if progress else True)
        else:
            current = self.state.step(step.id) if self.state is not None else None
            timer, overdue = self.countdown_of(step, current)
            info = RowInfo(
                kind=STEP, title=step.title, meta=self.meta_text(step, current), countdown=timer,
                overdue=overdue,
                current=self.state is not None and self.state.current_step_id == step.id,
                status=current.status if current else "open",
                counts=current.counts if current else True, decision=step.decision,
                overridden=self.state is not None and self.state.override_of(step.id) is not None)
        self._info[key] = info
        return info

    def _overdue_in(self, section: Section) -> int:
        if self.state is None:
            return 0
        steps = (self.state.step(s.id) for s in section.steps)
        return sum(1 for s in steps if s is not None and s.overdue)

    def _forget(self, index: QModelIndex) -> None:
        self._info.pop((index.internalId(), index.row()), None)

    def countdown_of(self, step: Step, current: StepState | None) -> tuple[str, bool]:
        if current is None or not (step.due or step.timebox or step.every):
            return "", False
        return countdown(current, step.every, self.now)

    def status_word(self, current: StepState | None) -> str:
        if current is None or current.status == "open":
            return self.tr("open")
        return self.tr("done") if current.status == "done" else self.tr("skipped")

    def section_status(self, progress: SectionProgress | None) -> str:
        """What a section header says after its progress: waiting, not taken, done."""
        if progress is None:
            return ""
        if not progress.active:
            return self.tr("not taken")
        if progress.pending:
            decision = self.runbook.step(progress.waiting_for) if progress.waiting_for else None
            if decision is not None:
                return self.tr("waiting for the decision “{d}”").format(d=decision.title)
            return self.tr("waiting for a decision")
        if progress.total and progress.complete:
            return self.tr("done")
        return ""

    def _section_sentence(self, section: Section, progress: SectionProgress | None) -> str:
        if progress is None:
            return section.title
        text = self.tr("{title}: {done} of {total} done").format(
            title=section.title, done=progress.done, total=progress.total)
        status = self.section_status(progress)
        return f"{text} ({status})" if status else text

    def meta_text(self, step: Step, current: StepState | None) -> str:
        """Role, markers and status of a step, as one line (it wraps when long)."""
        parts: list[str] = []
        if step.role:
            parts.append(self.runbook.role_name(step.role))
        if step.four_eyes:
            parts.append(self.tr("four eyes"))
        if step.decision:
            chosen = self.state.current_decision(step.id) if self.state is not None else None
            parts.append(self.tr("decision: {label}").format(label=chosen.label) if chosen
                         else self.tr("decision"))
        if step.optional:
            parts.append(self.tr("optional"))
        if current is not None:
            parts.extend(self._status_parts(current))
        return " · ".join(parts)

    def _status_parts(self, current: StepState) -> list[str]:
        parts: list[str] = []
        if not current.active:
            parts.append(self.tr("not taken"))
        elif current.pending:
            parts.append(self.tr("waits for a decision"))
        if current.status == "done":
            text = self.tr("done by {who} at {time}").format(who=current.by or "?",
                                                             time=clock(current.at))
            if current.verified_by:
                text += self.tr(", verified by {who}").format(who=current.verified_by)
            parts.append(text)
            parts.extend(self._discipline_parts(current))
        elif current.status == "skipped":
            parts.append(self.tr("skipped by {who} at {time}: {reason}").format(
                who=current.by or "?", time=clock(current.at), reason=current.reason))
        if current.late:
            parts.append(self.tr("entered later"))
        return parts

    def _discipline_parts(self, current: StepState) -> list[str]:
        """A check step's outcome, and the override the step was checked by (if any)."""
        parts: list[str] = []
        state, step = self.state, self.runbook.step(current.step_id)
        if state is None or step is None:
            return parts
        check = state.checks.get(step.check) if step.check else None
        if check is not None and check.outcome and check.event_id == current.event_id:
            word = QCoreApplication.translate("FourEyesDialog", OUTCOME_WORDS[check.outcome])
            parts.append(self.tr("outcome: {outcome}").format(outcome=word))
        override = state.override_of(current.step_id)
        if override is not None:
            parts.append(self.tr("OVERRIDE by {who}: {reason}").format(who=override.by,
                                                                      reason=override.reason))
        return parts

    # --- updates -------------------------------------------------------------------------------
    def set_state(self, state: RunState) -> list[str]:
        """Show ``state``; announces only the rows that changed. Returns the changed step ids."""
        old = self.state
        self.state = state
        self.now = state.now or self.now
        if old is None:
            self._info.clear()
            if self.sections:
                self.dataChanged.emit(self.index(0), self.index(len(self.sections) - 1))
            return self.step_ids()
        # A step the core did not make again is the same object (``build_state``): only the
        # others are compared field by field.
        before = old.steps.get
        changed = [step_id for step_id, new in state.steps.items()
                   if before(step_id) is not new and before(step_id) != new]
        if old.current_step_id != state.current_step_id:
            changed += [s for s in (old.current_step_id, state.current_step_id)
                        if s and s not in changed]
        if old.decisions != state.decisions:  # a decision's label shows on its step
            changed += [d.step_id for d in state.decisions if d.step_id not in changed]
        # Countdowns move with the clock's tick (``set_now``), not here: a check stays cheap.
        for step_id in changed:
            index = self.step_index(step_id)
            if index.isValid():
                self._forget(index)
                self.dataChanged.emit(index, index)
        touched = {state.steps[s].section_id for s in changed if s in state.steps}
        for n, progress in enumerate(state.sections):
            same = n < len(old.sections) and old.sections[n] == progress
            if same and progress.section_id not in touched:
                continue  # a header shows progress and how many of its steps are overdue
            index = self.section_index(progress.section_id)
            if index.isValid():
                self._forget(index)
                self.dataChanged.emit(index, index)
        return changed

    def set_now(self, now: datetime) -> list[QModelIndex]:
        """Move the countdowns on; returns the rows whose countdown text changed.

        No ``dataChanged`` here: this runs every second, and under PySide6 6.12 each ``emit()``
        made from Python wears down ``True`` (see ``RunTimers``). The view repaints the rows.
        """
        self.now = now
        changed = []
        for step_id in self._timed:
            index = self.step_index(step_id)
            before = self._info.pop((index.internalId(), index.row()), None)
            if before is None:
                continue  # never painted: it is measured when it is
            if self.row_info(index) != before:
                changed.append(index)
        return changed

    def retranslate(self) -> None:
        """Every text changed language: announce all rows."""
        self._info.clear()
        for row, section in enumerate(self.sections):
            parent = self.index(row)
            self.dataChanged.emit(parent, parent)
            if section.steps:
                self.dataChanged.emit(self.index(0, 0, parent),
                                      self.index(len(section.steps) - 1, 0, parent))
