"""The run's message templates: fill one, copy it, mark it as sent, see when the next update is due.

The list groups the templates by channel and audience. Selecting one shows its text filled with
what the app knows (``core.messages.fill_message``); placeholders the app cannot fill get a field
each, and what is still missing stays visible as ``{name}``. "Mark as sent" asks first, then records
the exact text with ``Engine.message_sent`` and starts the countdown to the next update.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.comms.contacts import ContactBook, load_contacts
from runbook_assistant.core.comms.messages import (
    FilledMessage,
    fill_message,
    message_groups,
    next_update_due,
)
from runbook_assistant.core.comms.municipality import Municipality, load_municipality
from runbook_assistant.core.formatting import day_clock, span_text
from runbook_assistant.core.run.changes import RunChange
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.core.runbook.model import MessageTemplate
from runbook_assistant.ui.errors import guarded
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.messages_model import MessageRow, MessagesModel, pretty
from runbook_assistant.ui.services_view import ActorSource, actor_of

if TYPE_CHECKING:
    from runbook_assistant.core.log.events import Event
    from runbook_assistant.core.run.engine import Engine

TICK_MS = 1000


class MessagesView(QWidget):
    """Templates of one run; ``refresh()`` re-reads the run (what was sent, services, times)."""

    recorded = Signal(object)  # the committed Event of a message marked as sent

    def __init__(self, engine: Engine, run_id: str, parent: QWidget | None = None, *,
                 actor: ActorSource = "", book: ContactBook | None = None,
                 municipality: Municipality | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.run_id = run_id
        self.actor = actor
        self.book = book if book is not None else load_contacts()
        self.municipality = municipality if municipality is not None else load_municipality()
        self.state: RunState | None = None
        # What the user typed, by placeholder name, shared by all templates: the counter's
        # address is typed once, not once per message.
        self.values: dict[str, str] = {}
        self.fields: dict[str, QLineEdit] = {}
        self.filled: FilledMessage | None = None
        self.model = MessagesModel(self)
        self.list = QTableView(self)
        self.list.setObjectName("messagesList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.setShowGrid(False)
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.list_label = QLabel(self)
        self.list_label.setBuddy(self.list)
        self.title = QLabel(self)
        self.title.setObjectName("messageTitle")
        self.title.setWordWrap(True)
        self.fields_box = QWidget(self)
        self.form = QFormLayout(self.fields_box)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("messageText")
        self.text.setReadOnly(True)
        self.missing = QLabel(self)
        self.missing.setObjectName("messageMissing")
        self.missing.setWordWrap(True)
        self.missing.setProperty("tone", "danger")
        self.channel_label = QLabel(self)
        self.channel = QComboBox(self)
        self.channel.setObjectName("messageChannel")
        self.channel.setEditable(True)
        self.channel_label.setBuddy(self.channel)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyMessage")
        self.sent_button = QPushButton(self)
        self.sent_button.setObjectName("markSent")
        self.sent_button.setProperty("primary", True)
        self.countdown = QLabel(self)
        self.countdown.setObjectName("nextUpdate")
        self.countdown.setWordWrap(True)
        font = self.countdown.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.countdown.setFont(font)
        self._build_layout()
        self.list.selectionModel().currentRowChanged.connect(self._show_current)
        self.copy_button.clicked.connect(self.copy)
        self.sent_button.clicked.connect(self.mark_sent)
        # Only while focus is in this tab: the run window has its own Ctrl+Enter.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            send = QShortcut(QKeySequence(keys), self, self.mark_sent)
            send.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.list, self.copy)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.update_countdown)
        self.timer.start()
        self._retranslate()
        self.refresh()

    def _build_layout(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_label)
        left_layout.addWidget(self.list, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.fields_box)
        right_layout.addWidget(self.text, 1)
        right_layout.addWidget(self.missing)
        buttons = QHBoxLayout()
        buttons.addWidget(self.channel_label)
        buttons.addWidget(self.channel, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.sent_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.countdown)
        # The editing half scrolls when the panel is short (a small screen, larger text), so the
        # Messages tab never makes the whole run view taller than the screen.
        scroller = QScrollArea(self)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus, not it
        scroller.setWidget(right)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(left)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- reading -----------------------------------------------------------------------------
    def show_change(self, change: RunChange) -> None:
        """RunPanel: show the run as a change left it."""
        self.refresh(change.state)

    def refresh(self, state: RunState | None = None) -> None:
        """Re-read the run and re-fill the selected template (times and services move on)
        (``state``: the run as already read).
        """
        state = state or guarded(self, lambda: self.engine.state(self.run_id))
        if state is None or state.runbook is None:
            return
        self.state = state
        selected = self.selected_template()
        rows = []
        for _channel, _audience, templates in message_groups(state.runbook):
            for number, template in enumerate(templates):
                sent = tuple(m for m in state.messages if m.message_id == template.id)
                rows.append(MessageRow(template, number == 0, sent))
        self.model.set_rows(rows)
        channels = list(dict.fromkeys(t.channel for t in state.runbook.messages))
        current_channel = self.channel.currentText()
        self.channel.clear()
        self.channel.addItems(channels)
        self.channel.setEditText(current_channel)
        row = self.model.row_of(selected.id) if selected else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        self._show_current()
        self.update_countdown()

    def selected_template(self) -> MessageTemplate | None:
        row = self.model.record(self.list.currentIndex().row())
        return row.template if row is not None else None

    def _show_current(self, *_: Any) -> None:
        template = self.selected_template()
        closed = self.state is None or self.state.closed
        if template is None:
            self.title.setText(self.tr("This runbook has no message templates."))
            self._set_fields([], None)
            self.text.setPlainText("")
            self.missing.setText("")
            self.copy_button.setEnabled(False)
            self.sent_button.setEnabled(False)
            return
        audience = f"{pretty(template.channel)} → {pretty(template.audience)}"
        title = _escape(template.title or template.id)
        self.title.setText(f"<b>{title}</b><br>{_escape(audience)}")
        if self.channel.property("template") != template.id:
            self.channel.setEditText(template.channel)
            self.channel.setProperty("template", template.id)
        self._refill(template, rebuild=True)
        self.copy_button.setEnabled(True)
        self.sent_button.setEnabled(not closed)

    def _refill(self, template: MessageTemplate, rebuild: bool = False) -> None:
        if self.state is None:
            return
        values = {k: v for k, v in self.values.items() if k in template.placeholders}
        self.filled = fill_message(template, self.state, values,
                                   organisation=self.book.organisation,
                                   now=self.engine.clock.now(),
                                   municipality=self.municipality)
        if rebuild:
            asked = list(dict.fromkeys([*self.filled.asked, *self.filled.missing]))
            self._set_fields(asked, template)
        self.text.setPlainText(self.filled.text)
        if self.filled.missing:
            names = ", ".join(f"{{{n}}}" for n in self.filled.missing)
            self.missing.setText(self.tr("Still to fill in: {names}").format(names=names))
        else:
            self.missing.setText("")

    def _set_fields(self, names: list[str], template: MessageTemplate | None) -> None:
        if names == list(self.fields):
            return  # the same fields (a refresh while typing): keep them, and the focus
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        values = self.values if template else {}
        for name in names:
            edit = QLineEdit(values.get(name, ""), self.fields_box)
            edit.setObjectName(f"placeholder_{name}")
            edit.setAccessibleName(name)
            edit.textEdited.connect(lambda text, n=name: self._on_value(n, text))
            self.form.addRow(f"{{{name}}}", edit)
            self.fields[name] = edit
        self.fields_box.setVisible(bool(names))

    def _on_value(self, name: str, text: str) -> None:
        template = self.selected_template()
        if template is None:
            return
        if text:
            self.values[name] = text
        else:
            self.values.pop(name, None)
        self._refill(template)

    def select(self, message_id: str) -> bool:
        """Show template ``message_id`` (a step that sends it was just checked)."""
        self.refresh()
        row = self.model.row_of(message_id)
        if row < 0:
            return False
        self.list.setCurrentIndex(self.model.index(row, 0))
        return True

    # --- actions -----------------------------------------------------------------------------
    def copy(self) -> None:
        """Put the filled text on the clipboard."""
        if self.filled is not None and self.selected_template() is not None:
            QGuiApplication.clipboard().setText(self.filled.text)

    def mark_sent(self) -> Event | None:
        """Ask, then record the exact filled text as sent on the chosen channel."""
        template = self.selected_template()
        if template is None or self.filled is None or not self.sent_button.isEnabled():
            return None
        channel = self.channel.currentText().strip() or template.channel
        question = self.tr("Record that \u201c{title}\u201d was sent via {channel} to "
                           "{audience}?").format(title=template.title or template.id,
                                                 channel=channel, audience=template.audience)
        if self.filled.missing:
            question += "\n\n" + self.missing.text()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Mark as sent"), question,
                          QMessageBox.StandardButton.NoButton, self)
        box.setObjectName("confirmSent")
        yes = box.addButton(self.tr("Mark as sent"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(yes)
        box.exec()
        if box.clickedButton() is not yes:
            return None
        text = self.filled.text
        event = guarded(self, lambda: self.engine.message_sent(
            self.run_id, template.id, actor=actor_of(self.actor), text=text, channel=channel,
            audience=template.audience))
        if event is not None:
            self.refresh()
            self.recorded.emit(event)
        return event

    def update_countdown(self) -> None:
        """Show when the next update is due, counting down from the last message sent."""
        due = next_update_due(self.state) if self.state is not None else None
        if due is None or (self.state is not None and self.state.closed):
            self.countdown.setText("")
            self.countdown.setProperty("tone", "")
            return
        now: datetime = self.engine.clock.now()
        left = due - now
        lang = ui_lang()
        if left.total_seconds() >= 0:
            self.countdown.setText(self.tr("Next update due at {time}: in {left}").format(
                time=day_clock(due), left=span_text(left, lang)))
            self.countdown.setProperty("tone", "")
        else:
            self.countdown.setText(self.tr("Next update was due at {time}: {late} late").format(
                time=day_clock(due), late=span_text(-left, lang)))
            self.countdown.setProperty("tone", "danger")
        self.countdown.style().unpolish(self.countdown)
        self.countdown.style().polish(self.countdown)

    # --- language ----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.model.retranslate()
        self.list_label.setText(self.tr("&Messages by channel and audience"))
        self.list.setAccessibleName(self.tr("Message templates"))
        self.text.setAccessibleName(self.tr("Filled message"))
        self.channel_label.setText(self.tr("C&hannel:"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the filled text (Ctrl+C in the list)"))
        self.sent_button.setText(self.tr("Mark as &sent"))
        self.sent_button.setToolTip(self.tr("Record the exact text as sent (Ctrl+Enter)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            if self.state is not None:
                self._show_current()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
