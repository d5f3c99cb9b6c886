"""The report screen of one run: cause, impact, measures, checked statements, action items, a
preview of the incident report, and Finalise.

It works on open and closed runs alike (closing closes the checklist, not the paperwork). Each
button is one engine command; after it the screen reads the run again, so the status, the action
items and the preview show what was committed. The preview is the exported report itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.run.paperwork import ActionItem, action_items, report_status
from runbook_assistant.core.run.report_fields import CHECK_FIELDS, TEXT_FIELDS
from runbook_assistant.ui.errors import guarded
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.row_models import RowsModel

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine

ALARM = QColor("#b00020")
translate = QCoreApplication.translate


class ActionsModel(RowsModel[ActionItem]):
    """The run's action items; overdue ones in red."""

    today: Any = None

    def headers(self) -> tuple[str, ...]:
        return ("", self.tr("Action"), self.tr("Owner"), self.tr("Due"), self.tr("Status"))

    def cell(self, record: ActionItem, column: int, role: int) -> Any:
        overdue = self.today is not None and record.overdue(self.today)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return ALARM
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 4:
            if record.status == "done":
                return self.tr("done ({who})").format(who=record.done_by)
            return self.tr("overdue") if overdue else self.tr("open")
        due = record.due.isoformat() if record.due else ""
        return (record.label, record.text, record.owner, due)[column]


def established_html(data: Any) -> str:
    """Each check step's statement: its outcome with who established it and when, or still
    under investigation (the report's "Established" part, as a list on the screen)."""
    from html import escape

    from runbook_assistant.core.run.discipline import outcome_text

    rows = []
    for check in data.state.checks.values():
        outcome = outcome_text(check.outcome, data.lang)
        if check.established:
            role = data.runbook.role_name(check.role) if check.role else ""
            who = f"{check.by}{f' ({role})' if role else ''}, {data.date_time(check.at)}"
            if check.verified_by:
                who += "; " + translate("ReportView", "verified by {who}").format(
                    who=check.verified_by)
            rows.append(f"<li>{escape(check.title)}: <b>{escape(outcome)}</b> "
                        f"<span style='color: gray'>{escape(who)}</span></li>")
        else:
            rows.append(f"<li>{escape(check.title)}: <i>{escape(outcome)}</i></li>")
    if not rows:
        return escape(translate("ReportView", "This runbook has no check steps."))
    return "<ul style='margin: 0'>" + "".join(rows) + "</ul>"


class ReportView(QWidget):
    """Write the report of run ``run_id``, keep its action items, and finalise it."""

    changed = Signal()  # something was recorded

    def __init__(self, engine: Engine, run_id: str, parent: QWidget | None = None, *,
                 actor: str = "", library: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportView")
        self.engine = engine
        self.library = library  # checks the runbook an action item changes, as the CLI does
        self.run_id = run_id
        self.recorded: dict[str, str] = {}
        self.status = QLabel(self)
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.actor = QLineEdit(actor, self)
        self.actor.setObjectName("reportActor")
        self.fields: dict[str, QPlainTextEdit] = {}
        self.field_labels: dict[str, QLabel] = {}
        self.by: dict[str, QLabel] = {}
        form_widget = QWidget(self)
        form = QFormLayout(form_widget)
        self.actor_label = QLabel(self)
        self.actor_label.setBuddy(self.actor)
        form.addRow(self.actor_label, self.actor)
        self.established_label = QLabel(self)
        self.established = QLabel(self)
        self.established.setObjectName("establishedChecks")
        self.established.setWordWrap(True)
        self.established.setTextFormat(Qt.TextFormat.RichText)
        self.drafts_label = QLabel(self)
        self.drafts_label.setWordWrap(True)
        self.drafts_label.setProperty("tone", "muted")
        for name in (*TEXT_FIELDS, *CHECK_FIELDS):
            if name == CHECK_FIELDS[0]:  # what a check established, then the notes by hand
                form.addRow(self.established_label)
                form.addRow(self.established)
                form.addRow(self.drafts_label)
            edit = QPlainTextEdit(self)
            edit.setObjectName(f"field_{name}")
            edit.setTabChangesFocus(True)  # Tab moves on: the screen is keyboard-reachable
            edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
            label = QLabel(self)
            label.setBuddy(edit)
            label.setWordWrap(True)
            by = QLabel(self)
            by.setProperty("tone", "muted")
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(edit)
            column.addWidget(by)
            form.addRow(label, column)
            self.fields[name], self.field_labels[name], self.by[name] = edit, label, by
        self.save = QPushButton(self)
        self.save.setObjectName("saveReport")
        self.save.clicked.connect(self.save_fields)
        self.actions_label = QLabel(self)
        self.actions_model = ActionsModel(self)
        self.actions_table = QTableView(self)
        self.actions_table.setObjectName("actionItems")
        self.actions_table.setModel(self.actions_model)
        self.actions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.actions_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.actions_table.verticalHeader().hide()
        self.actions_table.setMinimumHeight(110)
        self.actions_label.setBuddy(self.actions_table)
        self.add_action = QPushButton(self)
        self.add_action.setObjectName("addAction")
        self.add_action.clicked.connect(self.ask_action)
        self.done_action = QPushButton(self)
        self.done_action.setObjectName("actionDone")
        self.done_action.clicked.connect(self.mark_done)
        self.finalise = QPushButton(self)
        self.finalise.setObjectName("finaliseReport")
        self.finalise.clicked.connect(self.finalise_report)
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("reportPreview")
        self.preview.setOpenLinks(False)
        self.preview_label = QLabel(self)
        self.preview_label.setBuddy(self.preview)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.finalise)
        action_buttons = QHBoxLayout()
        action_buttons.addWidget(self.add_action)
        action_buttons.addWidget(self.done_action)
        action_buttons.addStretch(1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.addWidget(self.status)
        column.addWidget(form_widget)
        column.addLayout(buttons)
        column.addWidget(self.actions_label)
        column.addWidget(self.actions_table)
        column.addLayout(action_buttons)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        right = QWidget(self)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(self.preview_label)
        right_column.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_fields,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._retranslate()
        self.refresh()

    # --- reading --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the run again: fields as recorded, status, action items, preview."""
        state = guarded(self, lambda: self.engine.state(self.run_id))
        if state is None:
            return
        from runbook_assistant.core.export.report import drafted_fields
        from runbook_assistant.core.export.run_data import load_run

        data = guarded(self, lambda: load_run(self.engine, self.run_id, lang=ui_lang()))
        if data is None:
            return
        drafted = drafted_fields(data)
        for name, edit in self.fields.items():
            text = drafted[name].text if name in drafted else ""
            if name == "summary" and not text:
                text = state.summary
            if edit.toPlainText() == self.recorded.get(name, ""):
                edit.setPlainText(text)  # never overwrite what someone is typing
            self.recorded[name] = text
            one = drafted.get(name)
            self.by[name].setText(self.tr("by {who}, {when}").format(
                who=one.actor, when=data.date_time(one.at)) if one and one.text.strip() else "")
        self.established.setText(established_html(data))
        self.state_status = report_status(state.events)
        self.actions_model.today = self.engine.clock.now().astimezone(data.tz).date()
        self.actions_model.set_rows(action_items(state.events))
        self.closed = state.closed
        self._update_status(data)
        self._update_preview(data)

    def _update_status(self, data: Any) -> None:
        status = self.state_status
        last = status.last_final
        if status.final and last is not None:
            text = self.tr("Report version {n}: final, finalised by {who} on {when}.").format(
                n=status.version, who=last.by, when=data.date_time(last.at))
        else:
            text = self.tr("Report version {n}: draft.").format(n=status.version)
        if not self.closed:
            text += " " + self.tr("The run is still open; close it before finalising.")
        self.status.setText(text)
        self.finalise.setEnabled(self.closed and not status.final)

    def _update_preview(self, data: Any) -> None:
        from runbook_assistant.core.export.atomic import Progress
        from runbook_assistant.core.export.html import render_report_html

        html = "".join(render_report_html(data, Progress(len(data.events))))
        bar = self.preview.verticalScrollBar()
        where = bar.value()
        self.preview.setHtml(html)
        bar.setValue(where)

    # --- commands -------------------------------------------------------------------------------
    def _actor(self) -> str:
        return self.actor.text().strip()

    def save_fields(self) -> int:
        """Record every field whose text differs from what is recorded; returns how many."""
        saved = 0
        for name, edit in self.fields.items():
            text = edit.toPlainText().strip()
            if text == self.recorded.get(name, "").strip():
                continue
            if guarded(self, lambda n=name, t=text: self.engine.draft_report(
                    self.run_id, n, t, actor=self._actor())) is None:
                break
            self.recorded[name] = text
            saved += 1
        if saved:
            self._after()
        return saved

    def ask_action(self) -> None:
        from runbook_assistant.ui.action_dialog import ActionDialog

        dialog = ActionDialog(self)
        if dialog.exec():
            self.add(*dialog.values())

    def add(self, text: str, owner: str, due: str, runbook_id: str) -> bool:
        """Add an action item (one engine command); a runbook to change that the library does
        not know is refused, not linked."""
        library = self.library
        if runbook_id and library is not None and guarded(
                self, lambda: library.get(runbook_id)) is None:
            return False
        event = guarded(self, lambda: self.engine.add_action(
            self.run_id, text, actor=self._actor(), owner=owner, due=due or None,
            runbook_id=runbook_id or None))
        if event is not None:
            self._after()
        return event is not None

    def mark_done(self) -> None:
        index = self.actions_table.currentIndex()
        item = self.actions_model.record(index.row()) if index.isValid() else None
        if item is None:
            return
        if guarded(self, lambda: self.engine.action_done(self.run_id, item.action_id,
                                                         actor=self._actor())) is not None:
            self._after()

    def finalise_report(self) -> None:
        """Record unsaved text first, then make this version final."""
        self.save_fields()
        if guarded(self, lambda: self.engine.finalise_report(
                self.run_id, actor=self._actor())) is not None:
            self._after()

    def _after(self) -> None:
        self.refresh()
        self.changed.emit()

    # --- language -------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        from runbook_assistant.core.i18n import labels

        words = labels(ui_lang())
        for name, label in self.field_labels.items():
            key = name if name in TEXT_FIELDS else f"check_{name}"
            label.setText(words.get(key, name))
        self.established_label.setText("<b>" + self.tr("Established by a check") + "</b>")
        self.drafts_label.setText(self.tr(
            "Notes on the checks (draft): they go into the report marked as not established, "
            "never into the council letter. Only a check step in the checklist establishes a "
            "statement."))
        self.actor_label.setText(self.tr("&Your name:"))
        self.save.setText(self.tr("&Save (Ctrl+S)"))
        self.finalise.setText(self.tr("&Finalise the report"))
        self.add_action.setText(self.tr("&Add action item…"))
        self.done_action.setText(self.tr("Mark &done"))
        self.actions_label.setText(self.tr("Action &items"))
        self.preview_label.setText(self.tr("&Preview of the incident report"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
