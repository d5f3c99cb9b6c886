"""Ctrl+F in a run: find a step by words in its title, details or role, and jump to it.

Steps whose title has every word come first; then those with the words in their details.

Typing jumps to the first step that has every word; Enter goes to the next match, Shift+Enter to
the previous one; Esc closes the bar and returns to the checklist.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from runbook_assistant.ui import theme
from runbook_assistant.ui.step_list import StepTreeModel


class StepSearchBar(QWidget):
    """A search line above the checklist; ``jump(step_id)`` for each match chosen."""

    jump = Signal(str)
    closed = Signal()

    def __init__(self, model: StepTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepSearch")
        runbook = model.runbook
        self._titles = [(s.id, s.title.casefold()) for s in runbook.iter_steps()]
        self._texts = [(s.id, f"{s.title}\n{s.details}\n{runbook.role_name(s.role)}".casefold())
                       for s in runbook.iter_steps()]
        self.matches: list[str] = []
        self.position = -1
        self._owner: QWidget | None = None
        self.edit = QLineEdit(self)
        self.edit.setObjectName("stepSearchText")
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setObjectName("stepSearchCount")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.stop)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
        self.edit.textChanged.connect(self._search)
        self._retranslate()
        self.hide()

    def claim_find_key(self, owner: QWidget) -> None:
        """Ctrl+F anywhere in ``owner`` starts this search (the window's Ctrl+F searches the
        library otherwise): the key is claimed before it becomes the window's shortcut."""
        self._owner = owner
        owner.installEventFilter(self)

    def start(self) -> None:
        """Show the bar with the focus in it."""
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def stop(self) -> None:
        self.hide()
        self.closed.emit()

    def find(self, text: str) -> list[str]:
        """Ids of the steps that contain every word of ``text`` (any case): steps with all of
        them in the title first, then those with them in details or role, each in order."""
        words = text.casefold().split()
        if not words:
            return []
        titled = [step_id for step_id, title in self._titles
                  if all(word in title for word in words)]
        found = set(titled)
        return titled + [step_id for step_id, haystack in self._texts
                         if step_id not in found and all(word in haystack for word in words)]

    def _search(self, text: str) -> None:
        self.matches = self.find(text)
        self.position = 0 if self.matches else -1
        self._show()

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) match."""
        if self.matches:
            self.position = (self.position + delta) % len(self.matches)
            self._show()

    def _show(self) -> None:
        if self.matches:
            self.count.setText(self.tr("{n} of {total}").format(n=self.position + 1,
                                                               total=len(self.matches)))
            self.count.setProperty("tone", "muted")
            self.jump.emit(self.matches[self.position])
        else:
            self.count.setText(self.tr("no step matches") if self.edit.text().strip() else "")
            self.count.setProperty("tone", "danger")
        theme.restyle(self.count)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._owner and isinstance(event, QKeyEvent) and _is_find(event):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.start()
                return True
        if watched is self.edit and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.stop()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down, Qt.Key.Key_Up):
                back = key == Qt.Key.Key_Up or bool(
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.step(-1 if back else +1)
                return True
        return super().eventFilter(watched, event)

    def _retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Search the steps… (Enter: next, Esc: back)"))
        self.edit.setAccessibleName(self.tr("Search the steps"))
        self.close_button.setToolTip(self.tr("Close the search (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _is_find(event: QKeyEvent) -> bool:
    return event.key() == Qt.Key.Key_F and \
        event.modifiers() == Qt.KeyboardModifier.ControlModifier
