"""Who to call, per role of the run: the people taking part, then the contacts for the role.

Phone numbers are set large, to read them aloud over a bad line. Search filters every column;
Copy (Ctrl+C) puts the selected person's name and numbers on the clipboard. The rows come from
``core.contacts.role_directory``; problems in a contacts file show above the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.comms.contacts import (
    ContactBook,
    DirectoryRow,
    load_contacts,
    role_directory,
)
from runbook_assistant.core.run.changes import RunChange
from runbook_assistant.core.run.state_types import RunState
from runbook_assistant.ui import theme
from runbook_assistant.ui.errors import guarded
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.row_models import RecordRole, RowsModel

if TYPE_CHECKING:
    from runbook_assistant.core.run.engine import Engine

_Index = QModelIndex | QPersistentModelIndex
SearchRole = RecordRole + 1  # every field of the row, for the search
PHONE_SCALE = 1.6  # phone numbers this much larger than the rest: read aloud at arm's length
MAX_PROBLEMS_SHOWN = 3


def details_text(row: DirectoryRow) -> str:
    """Organisation, e-mail and notes of a row's contact, one a line."""
    contact = row.contact
    if contact is None:
        return ""
    return "\n".join(p for p in (contact.organisation, contact.email, contact.notes) if p)


class ContactsModel(RowsModel[DirectoryRow]):
    """Directory rows: role, name (and whether they take part), phone, alternate phone.

    Organisation, e-mail and notes are in the tooltip and in the view's detail pane; every field
    is in ``SearchRole`` so the search finds them.
    """

    COLUMNS = ("role", "name", "phone", "alternate")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Role"), self.tr("Name"), self.tr("Phone"), self.tr("Alternate"))

    def set_rows(self, rows: Sequence[DirectoryRow]) -> None:
        # A role shows dimmed when the row above has the same one: a row's look depends on its
        # neighbour, so every row is drawn again.
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 0
                and self._repeat(index.row())):
            return QBrush(QColor(theme.colors()["muted"]))
        return super().data(index, role)

    def cell(self, row: DirectoryRow, column: int, role: int) -> Any:
        name = self.COLUMNS[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return details_text(row)
        if role == SearchRole:
            return " ".join((row.role, row.role_name, self._text(row, "name"), details_text(row),
                             *row.numbers))
        if role == Qt.ItemDataRole.FontRole:
            return self._font(row, name)
        return None

    def _repeat(self, number: int) -> bool:
        """The row has the same role as the one above (its role name is shown dimmed)."""
        return 0 < number < len(self.rows) and self.rows[number - 1].role == self.rows[number].role

    def _text(self, row: DirectoryRow, column: str) -> str:
        contact = row.contact
        if column == "role":
            return row.role_name or self.tr("(no role)")
        if column == "name":
            if not row.name:
                return self.tr("(nobody)")
            marks = []
            if row.present:
                marks.append(self.tr("in this run"))
            if contact is not None and contact.on_call:
                marks.append(self.tr("on call"))
            return row.name + (f"\n({', '.join(marks)})" if marks else "")
        if contact is None:
            return ""
        if column == "phone":
            return contact.phone
        return contact.alternate_phone

    @staticmethod
    def _font(row: DirectoryRow, column: str) -> QFont | None:
        if column in ("phone", "alternate"):
            font = QFont(QApplication.font())
            font.setPointSizeF(font.pointSizeF() * (PHONE_SCALE if column == "phone" else 1.3))
            font.setBold(column == "phone")
            return font
        if column == "name" and (row.present or (row.contact and row.contact.on_call)):
            font = QFont(QApplication.font())
            font.setBold(True)
            return font
        return None


class ContactsView(QWidget):
    """The contacts of one run; ``refresh()`` re-reads the participants and the contacts."""

    def __init__(self, engine: Engine, run_id: str, parent: QWidget | None = None, *,
                 book: ContactBook | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.run_id = run_id
        self._given_book = book
        self.book = book if book is not None else ContactBook()
        self.problems = QLabel(self)
        self.problems.setObjectName("contactsProblems")
        self.problems.setWordWrap(True)
        self.problems.setProperty("tone", "danger")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.search_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("contactsSearch")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.model = ContactsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterRole(SearchRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setObjectName("contactsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # The numbers always whole (they are what people dial); role and name share the rest and
        # wrap onto a second line on a small screen.
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column, name in enumerate(ContactsModel.COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents
                                        if name in ("phone", "alternate")
                                        else QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyContact")
        self.details = QLabel(self)
        self.details.setObjectName("contactDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.copied = QLabel(self)
        self.copied.setObjectName("contactsCopied")
        self.copied.setProperty("tone", "muted")
        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.copied)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.returnPressed.connect(self._to_table)
        self.copy_button.clicked.connect(self.copy)
        self.table.selectionModel().currentRowChanged.connect(self._show_details)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table, self.copy)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # the window has its own
        self._retranslate()
        self.refresh()

    def show_change(self, change: RunChange) -> None:
        """RunPanel: show the run as a change left it."""
        self.refresh(change.state)

    def refresh(self, state: RunState | None = None) -> None:
        """Re-read the contacts files and the run's participants
        (``state``: the run as already read).
        """
        if self._given_book is None:
            self.book = load_contacts()
        state = state or guarded(self, lambda: self.engine.state(self.run_id))
        runbook = state.runbook if state is not None else None
        roles = [(r.id, r.name) for r in runbook.roles] if runbook is not None else []
        people = [(p.name, p.roles) for p in state.participants] if state is not None else []
        before = self.selected()
        rows = role_directory(self.book, roles, people)
        self.model.set_rows(rows)
        keep = next((i for i, r in enumerate(rows) if before is not None
                     and (r.role, r.name) == (before.role, before.name)), -1)
        index = self.proxy.mapFromSource(self.model.index(keep, 0)) if keep >= 0 else None
        if index is not None and index.isValid():
            self.table.setCurrentIndex(index)
        elif self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._show_details()
        self._show_problems()

    def selected(self) -> DirectoryRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.record(self.proxy.mapToSource(index).row())

    def copy(self) -> str:
        """Copy the selected person's name and numbers; returns what was copied."""
        row = self.selected()
        if row is None:
            return ""
        text = row.name
        if row.numbers:
            text += ": " + " / ".join(row.numbers)
        QGuiApplication.clipboard().setText(text)
        self.copied.setText(self.tr("Copied: {text}").format(text=text))
        return text

    def _show_details(self, *_: object) -> None:
        row = self.selected()
        if row is None or not row.name:
            self.details.setText("")
            return
        size = QApplication.font().pointSizeF() * PHONE_SCALE
        lines = [f"<b>{escape(row.name)}</b> — {escape(row.role_name or row.role)}"]
        if row.numbers:
            numbers = " &nbsp;/&nbsp; ".join(escape(n) for n in row.numbers)
            lines.append(f'<span style="font-size:{size:.0f}pt; font-weight:bold">{numbers}</span>')
        lines += [escape(line) for line in details_text(row).splitlines()]
        self.details.setText("<br>".join(lines))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _to_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _show_problems(self) -> None:
        problems = self.book.problems
        if not problems:
            self.problems.hide()
            return
        lines = [p.text(ui_lang()) for p in problems[:MAX_PROBLEMS_SHOWN]]
        if len(problems) > MAX_PROBLEMS_SHOWN:
            lines.append(self.tr("… and {count} more").format(
                count=len(problems) - MAX_PROBLEMS_SHOWN))
        self.problems.setText(self.tr("A contacts file has problems; the rest is used:") + "\n"
                              + "\n".join(lines))
        self.problems.show()

    def _retranslate(self) -> None:
        self.model.retranslate()
        self.search_label.setText(self.tr("&Find:"))
        self.search.setPlaceholderText(self.tr("Name, role, number or organisation (Ctrl+F)"))
        self.table.setAccessibleName(self.tr("Contacts per role"))
        self.copy_button.setText(self.tr("&Copy numbers"))
        self.copy_button.setToolTip(self.tr("Copy the selected person's numbers (Ctrl+C)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._show_problems()
        super().changeEvent(event)
