"""The runbook editor: the Markdown with syntax colours, the findings as you type, and a preview
of the checklist as it will run.

The checks are the parser's own (``core.runbook.parser.parse_text``), run a moment after the last
key press, away from the GUI thread (``runbook_check``: a large runbook does not stall typing;
the latest text wins); the preview follows, built between key presses (``preview_builder``).
Enter on a finding puts the cursor on its line. Saving is atomic
(``core.atomic``). A bundled runbook opens read-only: "Save a copy…" writes it elsewhere and
goes on editing that.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeySequence,
    QShortcut,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.core.atomic import atomic_path
from runbook_assistant.core.runbook.finding_texts import finding_in
from runbook_assistant.core.runbook.model import ParseResult, Severity
from runbook_assistant.ui import theme
from runbook_assistant.ui.i18n import ui_lang
from runbook_assistant.ui.preview_builder import InertDocument, PreviewBuilder
from runbook_assistant.ui.runbook_check import BackgroundCheck
from runbook_assistant.ui.runbook_highlighter import RunbookHighlighter
from runbook_assistant.ui.runbook_reader import SafeTextBrowser

CHECK_DELAY_MS = 300  # after the last key press: typing stays smooth, findings follow at once
LineRole = Qt.ItemDataRole.UserRole + 1
KEY_HELP = (  # (keys, what) for the F1 dialog; translated where shown
    ("Ctrl+S", QT_TRANSLATE_NOOP("RunbookEditor", "Save the runbook")),
    ("Ctrl+Shift+S", QT_TRANSLATE_NOOP("RunbookEditor", "Save a copy of the runbook")),
    ("F8", QT_TRANSLATE_NOOP("RunbookEditor", "Go to the findings list (Enter: to the line)")),
    ("Esc", QT_TRANSLATE_NOOP("RunbookEditor", "Back from the findings list to the text")),
)


def editor_shortcuts() -> list[tuple[str, str]]:
    """(keys, what) of the editor for the F1 dialog."""
    return [(keys, QCoreApplication.translate("RunbookEditor", what)) for keys, what in KEY_HELP]


def _preview_style() -> str:
    from runbook_assistant.ui.runbook_html import STYLE

    return Template(STYLE).safe_substitute(theme.colors())


class RunbookEditor(QWidget):
    """One runbook file in an editor tab."""

    saved = Signal(str)  # the path written
    approve_requested = Signal(str)  # the path to approve
    checked = Signal()  # the findings and preview describe the text as it is now

    def __init__(self, path: Path, text: str, *, read_only: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runbookEditor")
        self.path = path
        self.read_only = read_only
        self.result: ParseResult | None = None
        self._approval = ""
        self.notice = QLabel(self)
        self.notice.setObjectName("editorNotice")
        self.notice.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveButton")
        self.save_button.setProperty("primary", True)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("saveCopyButton")
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("approveButton")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("runbookSource")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setTabChangesFocus(False)
        self.highlighter = RunbookHighlighter(self.text.document())
        self.findings = QListWidget(self)
        self.findings.setObjectName("diagnosticsList")
        self.findings.setWordWrap(True)  # a finding is a sentence: show all of it
        self.findings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.findings_label = QLabel(self)
        self.findings_label.setBuddy(self.findings)
        self.preview = SafeTextBrowser(self)
        self.preview.setObjectName("checklistPreview")
        self.preview_label = QLabel(self)
        self.preview_label.setBuddy(self.preview)

        self._layout()
        self.text.setPlainText(text)
        self.text.document().setModified(False)
        self.text.setReadOnly(read_only)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_now)
        self._check = BackgroundCheck(self)
        self._check.finished.connect(self._show_check)
        self._builder = PreviewBuilder(self)
        self._builder.done.connect(self._show_preview)
        self.text.textChanged.connect(self._timer.start)
        self.text.document().modificationChanged.connect(lambda _m: self._update_state())
        self.findings.itemActivated.connect(self._jump)
        self.save_button.clicked.connect(self.save)
        self.copy_button.clicked.connect(self.save_copy)
        self.approve_button.clicked.connect(lambda: self.approve_requested.emit(str(self.path)))
        self._shortcut("Ctrl+S", self.save)
        self._shortcut("Ctrl+Shift+S", self.save_copy)
        self._shortcut("F8", lambda: self.findings.setFocus(Qt.FocusReason.ShortcutFocusReason))
        escape = QShortcut(QKeySequence("Esc"), self.findings)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(lambda: self.text.setFocus(Qt.FocusReason.ShortcutFocusReason))
        self.setFocusProxy(self.text)
        self._retranslate()
        self.check_now()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.notice, 1)
        for button in (self.approve_button, self.copy_button, self.save_button):
            bar.addWidget(button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.text, 3)
        left_layout.addWidget(self.findings_label)
        left_layout.addWidget(self.findings, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview_label)
        right_layout.addWidget(self.preview, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

    def _shortcut(self, keys: str, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # --- checking -----------------------------------------------------------------------------
    def source(self) -> str:
        return self.text.toPlainText()

    @property
    def modified(self) -> bool:
        return self.text.document().isModified()

    def check_now(self) -> None:
        """Check the text now (in the worker); the findings and the preview follow, then
        ``checked``."""
        self._timer.stop()
        self._check.submit(self.source(), str(self.path), ui_lang())

    @property
    def checking(self) -> bool:
        """A check of newer text is still running or its preview is being built: the findings
        or the preview may be behind."""
        return self._check.busy or self._timer.isActive() or self._builder.busy

    def wait_for_check(self) -> None:
        """Block until the running check is done (closing the editor; scripts)."""
        self._check.wait()

    def _show_check(self, result: ParseResult, parts: list[str] | None) -> None:
        if self._timer.isActive():
            return  # the text changed again: its own check follows in a moment
        self._show_findings(result)
        if parts is None:
            self._builder.cancel()
            self._show_preview(None)
        else:
            self._builder.build(parts, _preview_style())

    def _show_preview(self, preview: QTextDocument | None) -> None:
        self._render_preview(preview)
        if not self._check.busy and not self._timer.isActive():
            self.checked.emit()  # else the newer text's check follows

    def _show_findings(self, result: ParseResult) -> None:
        self.result = result
        self.findings.clear()
        lang = ui_lang()  # the reader writes English; the finding is shown in the app's language
        for diagnostic in self.result.diagnostics:
            label = (self.tr("line {line}: error: {text}") if diagnostic.severity is
                     Severity.ERROR else self.tr("line {line}: warning: {text}"))
            item = QListWidgetItem(label.format(
                line=diagnostic.line, text=finding_in(diagnostic.message, lang)))
            item.setData(LineRole, diagnostic.line)
            if diagnostic.severity is Severity.ERROR:
                item.setForeground(QColor(theme.colors()["danger"]))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.findings.addItem(item)
        if not self.result.diagnostics:
            self.findings.addItem(QListWidgetItem(self.tr("No findings: the runbook is ready "
                                                          "to run.")))
        self._update_state()

    def _render_preview(self, preview: QTextDocument | None) -> None:
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        old = self.preview.document()
        ours = old.parent() is self.preview  # the first one is the browser's: it deletes it
        if preview is None:
            preview = InertDocument()
            preview.setDefaultStyleSheet(_preview_style())
            preview.setHtml("<p>" + self.tr("The file cannot be read as a runbook: see the "
                                            "findings.") + "</p>")
        preview.setParent(self.preview)  # the browser owns it, and it goes with it
        preview.setDocumentMargin(10)
        self.preview.setDocument(preview)
        if ours:
            old.deleteLater()
        bar.setValue(position)

    def error_count(self) -> int:
        return len(self.result.errors) if self.result is not None else 0

    def _jump(self, item: QListWidgetItem) -> None:
        line = item.data(LineRole)
        if not line:
            return
        block = self.text.document().findBlockByNumber(int(line) - 1)
        cursor = QTextCursor(block)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_line(self) -> int:
        return self.text.textCursor().blockNumber() + 1

    # --- saving -------------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the text to its file atomically; a read-only file asks for a copy instead."""
        if self.read_only:
            return self.save_copy()
        return self.save_to(self.path)

    def save_to(self, path: Path) -> bool:
        from runbook_assistant.ui.errors import guarded

        def write() -> bool:
            with atomic_path(path, example="draaiboek.md") as temp:
                temp.write_text(self.source(), encoding="utf-8")
            return True

        if not guarded(self, write):
            return False
        if path != self.path:
            self.path = path
            self.read_only = False
            self.text.setReadOnly(False)
        self.text.document().setModified(False)
        self.check_now()
        self.saved.emit(str(path))
        return True

    def save_copy(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        folder = str(self.path.parent if not self.read_only else Path.home())
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy of the runbook"),
                                              str(Path(folder) / self.path.name),
                                              self.tr("Runbooks (*.md)"))
        return bool(name) and self.save_to(Path(name))

    def confirm_close(self) -> bool:
        """Ask before closing with unsaved changes; True when the tab may close."""
        if not self.modified:
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("{name} has changes that are not saved. Save them?").format(
                name=self.path.name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    # --- state and language -------------------------------------------------------------------
    def set_approval_text(self, text: str) -> None:
        """What the bar says about the file's approval (set by whoever knows it)."""
        self._approval = text
        self._update_state()

    def _update_state(self) -> None:
        parts = []
        if self.read_only:
            parts.append(self.tr("Bundled runbook, read-only: use Save a copy… to change it."))
        if self.modified:
            parts.append(self.tr("Not saved."))
        errors = self.error_count()
        if errors:
            parts.append(self.tr("1 error: it cannot be started until it is fixed.")
                         if errors == 1 else
                         self.tr("{n} errors: it cannot be started until they are fixed.")
                         .format(n=errors))
        if self._approval and not self.modified:
            parts.append(self._approval)
        self.notice.setText(" ".join(parts))
        self.save_button.setEnabled(not self.read_only)
        self.approve_button.setEnabled(not self.read_only and not self.modified and not errors)

    def _retranslate(self) -> None:
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the runbook (Ctrl+S)"))
        self.copy_button.setText(self.tr("Save a &copy…"))
        self.copy_button.setToolTip(self.tr("Save the runbook under another name (Ctrl+Shift+S)"))
        self.approve_button.setText(self.tr("&Approve…"))
        self.approve_button.setToolTip(self.tr("Sign this version as approved"))
        self.text.setAccessibleName(self.tr("Runbook text"))
        self.findings.setAccessibleName(self.tr("Findings"))
        self.findings_label.setText(self.tr("&Findings (F8; Enter goes to the line)"))
        self.preview_label.setText(self.tr("&Preview of the checklist"))
        self.preview.setAccessibleName(self.tr("Preview of the checklist"))
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            with QSignalBlocker(self.text):
                self.check_now()
        elif event.type() == QEvent.Type.PaletteChange:
            self.highlighter.update_colours()
        super().changeEvent(event)
