"""The top of a run view: which run, which runbook, who you are, progress, and the banners.

EXERCISE (OEFENING) runs carry a wide orange banner that cannot be missed; a staffing shortfall
shows in red; a recurring reminder appears as a notice that does not block anything and goes away
with its close button or after the next one replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.formatting import clock
from runbook_assistant.core.run.kinds import approval_text
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import Runbook
from runbook_assistant.ui import theme
from runbook_assistant.ui.i18n import ui_lang


def _label(parent: QWidget, name: str, *, tone: str | None = None, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if tone:
        label.setProperty("tone", tone)
    return label


class ProgressStrip(QWidget):
    """A thin bar of done/total. Unlike QProgressBar it never repaints synchronously, so a check
    costs one ordinary paint of the whole view, not an extra one in the middle of the update."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.done = 0
        self.total = 0
        self.setFixedHeight(8)

    def set_progress(self, done: int, total: int) -> None:
        if (done, total) != (self.done, self.total):
            self.done, self.total = done, total
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        c = theme.colors()
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(c["muted_bg"]))
        if self.total:
            width = round(self.width() * min(1.0, self.done / self.total))
            painter.fillRect(0, 0, width, self.height(), QColor(c["ok"]))
        painter.end()


class RunHeader(QWidget):
    """Run title, runbook, mode, actor, progress; ``change_actor``/``close_run`` requests."""

    change_actor = Signal()
    close_run = Signal()

    def __init__(self, runbook: Runbook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runbook = runbook
        self.state: RunState | None = None
        self.actor = ""
        self.exercise = _label(self, "exerciseBanner")
        self.exercise.setProperty("banner", "exercise")
        self.exercise.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.exercise.hide()
        self.title = _label(self, "runTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.title.setFont(font)
        self.subtitle = _label(self, "runSubtitle", tone="muted")
        self.approval = _label(self, "runApproval", tone="muted")  # the version's approval
        self.approval.hide()
        self.who = _label(self, "actorLabel", wrap=False)
        self.change_button = QToolButton(self)
        self.change_button.setObjectName("changeActor")
        self.change_button.clicked.connect(self.change_actor)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeRun")
        self.close_button.clicked.connect(self.close_run)
        self.progress_text = _label(self, "progressText", wrap=False)
        self.progress = ProgressStrip(self)
        self.progress.setObjectName("runProgress")
        self.overdue = _label(self, "overdueLabel", tone="danger", wrap=False)
        self.shortfall = _label(self, "shortfallBanner")
        self.shortfall.setProperty("banner", "shortfall")
        self.shortfall.hide()
        self.closed = _label(self, "closedLabel", tone="danger")
        self.closed.hide()
        self.notice = _label(self, "reminderNotice")
        self.notice_close = QToolButton(self)
        self.notice_close.setObjectName("dismissNotice")
        self.notice_close.setText("✕")
        self.notice_close.clicked.connect(self.hide_notice)
        self.message = _label(self, "runMessage")
        self.message.hide()

        who_row = QHBoxLayout()
        who_row.addWidget(self.subtitle, 1)
        who_row.addWidget(self.who)
        who_row.addWidget(self.change_button)
        who_row.addWidget(self.close_button)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_text)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.overdue)
        notice_row = QHBoxLayout()
        notice_row.setSpacing(0)
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.notice_close)
        self.notice_box = QWidget(self)
        self.notice_box.setObjectName("noticeBox")
        self.notice_box.setLayout(notice_row)
        self.notice_box.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.exercise)
        layout.addWidget(self.title)
        layout.addLayout(who_row)
        layout.addWidget(self.approval)
        layout.addLayout(progress_row)
        layout.addWidget(self.shortfall)
        layout.addWidget(self.closed)
        layout.addWidget(self.notice_box)
        layout.addWidget(self.message)
        self._style_notice()
        self.retranslate()

    # --- content ---------------------------------------------------------------------------------
    def set_state(self, state: RunState) -> None:
        self.state = state
        self.title.setText(state.title)
        self.exercise.setVisible(state.exercise)
        started = ""
        if state.started_at is not None:
            started = self.tr("started {time} by {who}").format(
                time=clock(state.started_at), who=state.started_by or "?")
        mode = self.tr("Exercise") if state.exercise else self.tr("Incident")
        self.subtitle.setText(" · ".join(p for p in (
            self.tr("Runbook: {title}").format(title=self.runbook.title), mode, started) if p))
        self._show_approval(state)
        self.progress.set_progress(state.done, state.total)
        self.progress_text.setText(self.tr("{done} of {total} steps done").format(
            done=state.done, total=state.total))
        count = len(state.overdue)
        self.overdue.setText(self.tr("%n overdue", "", count) if count else "")
        self.overdue.setVisible(bool(count))
        gaps = [self.tr("{role}: {present} of {needed}").format(
            role=self.runbook.role_name(g.role), present=g.present, needed=g.needed)
            for g in state.shortfall]
        self.shortfall.setText(self.tr("Short of staff — {gaps}").format(gaps=", ".join(gaps))
                               if gaps else "")
        self.shortfall.setVisible(bool(gaps) and not state.closed)
        if state.closed:
            self.closed.setText(self.tr("This run was closed at {time} by {who}; nothing more "
                                        "can be recorded.").format(
                time=clock(state.closed_at), who=state.closed_by or "?"))
        self.closed.setVisible(state.closed)
        self.close_button.setVisible(not state.closed)

    def _show_approval(self, state: RunState) -> None:
        """The approval this runbook version ran under, as the run recorded it at its start (an
        auditor's first question); red when it was not approved or its review was overdue."""
        text = approval_text(state.approval, ui_lang())
        self.approval.setVisible(bool(text))
        if not text:
            return
        good = state.approval.get("state") == "approved"
        if self.approval.property("tone") != ("muted" if good else "danger"):
            self.approval.setProperty("tone", "muted" if good else "danger")
            theme.restyle(self.approval)
        self.approval.setText(text[:1].upper() + text[1:])
        sha = str(state.approval.get("sha256") or state.approval.get("void_sha256") or "")
        self.approval.setToolTip(self.tr("Approved file's sha256: {sha}").format(sha=sha)
                                 if sha else "")

    def set_actor(self, actor: str) -> None:
        self.actor = actor
        self.who.setText(self.tr("You: {name}").format(name=actor) if actor
                         else self.tr("You: (no name yet)"))

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice_box.show()

    def hide_notice(self) -> None:
        self.notice_box.hide()

    def show_message(self, text: str, *, tone: str = "muted") -> None:
        """A line of feedback (e.g. why a key did nothing); empty text hides it."""
        if not text and self.message.isHidden():
            return  # nothing shown, nothing to clear (every run key clears it: kept cheap)
        self.message.setProperty("tone", tone)
        theme.restyle(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # --- look and language -----------------------------------------------------------------------
    def _style_notice(self) -> None:
        c = theme.colors()
        # A notice, not an alarm: the accent colour, with the same contrast as the buttons.
        self.notice_box.setStyleSheet(
            f"#noticeBox {{ background: {c['accent']}; border-radius: 3px; }}"
            f"#noticeBox QLabel, #noticeBox QToolButton {{ color: {c['accent_fg']};"
            " font-weight: bold; padding: 6px 10px; background: transparent; border: none; }")

    def retranslate(self) -> None:
        self.exercise.setText(self.tr("EXERCISE — this is not a real incident"))
        self.change_button.setText(self.tr("Change…"))
        self.change_button.setToolTip(self.tr("Record under another name"))
        self.close_button.setText(self.tr("Close run…"))
        self.notice_close.setToolTip(self.tr("Dismiss"))
        self.set_actor(self.actor)
        if self.state is not None:
            self.set_state(self.state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._style_notice()
            self.progress.update()
        super().changeEvent(event)
