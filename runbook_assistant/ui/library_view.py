"""The library panel: search as you type (the core's full-text index), filters, and the list.

The view asks the library object (``core.library.catalog.Library``) for rows and never parses or
searches anything itself. Keyboard: type to search, Down to go to the list, Enter to open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.errors import RunbookAssistantError
from runbook_assistant.ui.i18n import severity_text, ui_lang
from runbook_assistant.ui.library_models import IdRole, LibraryRow, RunbookListModel
from runbook_assistant.ui.widgets import Heading, use_two_line_items


class LibraryView(QWidget):
    """Search field, three filters (tag, severity, language) and the matching runbooks."""

    runbook_activated = Signal(str)  # Enter or double-click: open it
    current_changed = Signal(str)  # the selected runbook id ('' when none)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library: Any = None
        self._last_query = ""
        self.heading = Heading(parent=self)
        self.heading.setObjectName("libraryHeading")
        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setObjectName("tagFilter")
        self.severity_filter = QComboBox(self)
        self.severity_filter.setObjectName("severityFilter")
        self.lang_filter = QComboBox(self)
        self.lang_filter.setObjectName("langFilter")
        self.model = RunbookListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("libraryList")
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        use_two_line_items(self.list)
        self.status = QLabel(self)
        self.status.setObjectName("libraryStatus")
        self.status.setProperty("tone", "muted")
        self.status.setWordWrap(True)

        # The filters share one row while their "All …" texts fit whole, else they flow onto a
        # second (a narrow pane at a large text size): see ``_place_filters``.
        filters = QVBoxLayout()
        filters.setSpacing(4)
        self._filter_rows = [QHBoxLayout(), QHBoxLayout(), QHBoxLayout()]
        self._placed: list[int] = []
        for row in self._filter_rows:
            row.setSpacing(4)
            filters.addLayout(row)
        for combo in self._combos():
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
            combo.currentIndexChanged.connect(self.refresh)
            self._filter_rows[0].addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)

        self.heading.setBuddy(self.search)
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._open_from_search)
        self.search.installEventFilter(self)
        self.list.activated.connect(self._on_activated)
        self.list.selectionModel().currentChanged.connect(self._on_current)
        self._retranslate()
        self.refresh()

    # --- data ---------------------------------------------------------------------------------
    def set_library(self, library: Any) -> None:
        """Show this library (anything with the Library API); fills the filters from it."""
        self._library = library
        self._fill_filters()
        self.refresh()

    def _fill_filters(self) -> None:
        lib = self._library
        for combo, values in ((self.tag_filter, lib.tags() if lib else []),
                              (self.severity_filter, lib.severities() if lib else []),
                              (self.lang_filter, lib.languages() if lib else [])):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                shown = severity_text(str(value)) if combo is self.severity_filter else str(value)
                combo.addItem(shown, str(value))
            found = combo.findData(current) if current else -1
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def show_problem(self, text: str) -> None:
        """Say why there is no library (instead of "loading" for ever)."""
        self.status.setText(text)

    def refresh(self) -> None:
        """Recompute the list from the search text and the filters.

        A changed search selects the best match (so Enter opens what was typed); a changed filter
        keeps the selection when it is still listed.
        """
        selected = self.current_id()
        query = self.search.text().strip()
        if query != self._last_query:
            selected = ""
        self._last_query = query
        rows, total = self._query()
        self.model.set_rows(rows)
        self._show_status(len(rows), total)
        row = self.model.row_of(selected) if selected else -1
        if row < 0 and rows:
            row = 0
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))
        else:
            self.current_changed.emit("")

    def _query(self) -> tuple[list[LibraryRow], int]:
        lib = self._library
        if lib is None:
            return [], 0
        query = self.search.text().strip()
        try:
            total = len(lib.summaries())
            matching = lib.filter(tag=self.tag_filter.currentData(),
                                  lang=self.lang_filter.currentData(),
                                  severity=self.severity_filter.currentData())
            if not query:  # people look for a title, not an id
                rows = sorted((LibraryRow.of(r) for r in matching),
                              key=lambda r: (r.title.casefold(), r.id))
                return rows, total
            allowed = {r.id: r for r in matching}
            hits = lib.search(query)
        except RunbookAssistantError as exc:
            # Typing must never pop up dialogs: an unusable query just shows why below the list.
            self.status.setText(exc.text(ui_lang()))
            return [], 0
        return [LibraryRow.of(allowed[h.id], snippet=h.snippet) for h in hits
                if h.id in allowed], total

    def _show_status(self, shown: int, total: int) -> None:
        if self._library is None:
            self.status.setText(self.tr("Loading the library…"))
        elif total == 0:
            self.status.setText(self.tr("The library is empty. Add a folder of runbooks in "
                                        "Settings."))
        elif shown == 0:
            self.status.setText(self.tr("Nothing matches. Clear the search or the filters."))
        elif shown == total:
            self.status.setText(self.tr("{n} runbooks").format(n=total))
        else:
            self.status.setText(self.tr("{shown} of {total} runbooks").format(
                shown=shown, total=total))

    # --- selection and keys -------------------------------------------------------------------
    def current_id(self) -> str:
        """The selected runbook id ('' when none)."""
        index = self.list.currentIndex()
        return str(index.data(IdRole)) if index.isValid() else ""

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(str(current.data(IdRole)) if current.isValid() else "")

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.runbook_activated.emit(str(index.data(IdRole)))

    def _open_from_search(self) -> None:
        runbook_id = self.current_id()
        if runbook_id:
            self.runbook_activated.emit(runbook_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
                and self.model.rowCount()):
            self.list.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _combos(self) -> tuple[QComboBox, QComboBox, QComboBox]:
        return (self.tag_filter, self.severity_filter, self.lang_filter)

    def _place_filters(self) -> None:
        """Each filter gets room in proportion to its "All …" text ("All tags" needs less than
        "All severities": equal thirds cut the longer one off on a small laptop), on as few
        rows as keep every text whole."""
        needs = [self._room_for(c, c.itemText(0)) for c in self._combos()]
        rows, used = [0], 0
        for need in needs:
            if used and used + need > self.width():
                rows.append(0)
                used = 0
            rows[-1] += 1
            used += need + 4
        if rows != self._placed:
            self._placed = rows
            for layout in self._filter_rows:
                for combo in self._combos():
                    layout.removeWidget(combo)
            combos = iter(self._combos())
            for layout, count in zip(self._filter_rows, rows, strict=False):
                for _ in range(count):
                    layout.addWidget(next(combos))
        for row in self._filter_rows:
            for index in range(row.count()):
                combo = row.itemAt(index).widget()
                row.setStretch(index, needs[self._combos().index(combo)])

    @staticmethod
    def _room_for(combo: QComboBox, text: str) -> int:
        """The width ``combo`` needs to show ``text`` whole: the text, and the arrow and frame
        around its text field as the style draws them."""
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        option.rect = QRect(0, 0, 400, combo.sizeHint().height())
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        return combo.fontMetrics().horizontalAdvance(text) + 400 - field.width() + 2

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_filters()

    # --- language -----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.heading.setText(self.tr("&Library"))
        self.search.setPlaceholderText(self.tr("Search runbooks (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search runbooks"))
        for combo, label in ((self.tag_filter, self.tr("All tags")),
                             (self.severity_filter, self.tr("All severities")),
                             (self.lang_filter, self.tr("All languages"))):
            if combo.count() == 0:
                combo.addItem(label, None)
            else:
                combo.setItemText(0, label)
        self.tag_filter.setToolTip(self.tr("Show only runbooks with this tag"))
        self.severity_filter.setToolTip(self.tr("Show only runbooks of this severity"))
        self.lang_filter.setToolTip(self.tr("Show only runbooks in this language"))
        for i in range(1, self.severity_filter.count()):
            self.severity_filter.setItemText(i, severity_text(self.severity_filter.itemData(i)))
        self._place_filters()
        self.model.layoutChanged.emit()  # the rows show severities in the new language
        self.list.setAccessibleName(self.tr("Runbooks"))
        self._show_status(self.model.rowCount(), self._total())

    def _total(self) -> int:
        try:
            return len(self._library.summaries()) if self._library is not None else 0
        except RunbookAssistantError:
            return 0

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:  # a larger text size
            self._place_filters()
        super().changeEvent(event)
