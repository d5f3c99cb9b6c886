"""The read-only runbook reader: the rendered runbook and a "Start run…" button.

The text browser is inert: it loads no resource of any kind (no remote or local images, no style
sheets from the document), follows no link by itself, and asks before handing an outside link to
the system's browser or mail program. Links inside the runbook (``#section``) just scroll there.
"""

from __future__ import annotations

from string import Template
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.ui import resources, theme

if TYPE_CHECKING:
    from runbook_assistant.core.runbook.model import Runbook


class SafeTextBrowser(QTextBrowser):
    """A QTextBrowser that never fetches anything and confirms before opening outside links."""

    link_refused = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)

    def loadResource(self, type: int, name: QUrl) -> Any:
        """Refuse every resource: http(s), file, qrc and relative names alike."""
        return None

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == "" and url.hasFragment():
            self.scrollToAnchor(url.fragment())
            return
        if not self.confirm_open(url):
            self.link_refused.emit(url)
            return
        QDesktopServices.openUrl(url)

    def confirm_open(self, url: QUrl) -> bool:
        """Ask before a link leaves the app (it may not even work with the network down)."""
        answer = QMessageBox.question(
            self, self.tr("Open link?"),
            self.tr("This link leads outside Runbook Assistant:\n\n{url}\n\nOpen it?")
            .format(url=url.toDisplayString()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


class RunbookReader(QWidget):
    """One runbook, read-only, with a button to start a run of it."""

    start_requested = Signal(str)

    def __init__(self, runbook: Runbook, parent: QWidget | None = None, *,
                 can_start: bool = True) -> None:
        super().__init__(parent)
        self.runbook = runbook
        self.setObjectName("runbookReader")
        self.browser = SafeTextBrowser(self)
        self.browser.setObjectName("runbookText")
        self.browser.document().setDocumentMargin(12)
        self.start_button = QPushButton(self)
        self.start_button.setObjectName("startRunButton")
        self.start_button.setIcon(resources.icon("start"))
        self.start_button.setProperty("primary", True)
        self.start_button.setVisible(can_start)
        self.start_button.clicked.connect(lambda: self.start_requested.emit(self.runbook.id))
        self.notice = QLabel(self)
        self.notice.setProperty("tone", "muted")
        self.notice.setWordWrap(True)
        self.notice.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.notice, 1)
        bar.addStretch(0)
        bar.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self._retranslate()
        self.render()
        self.setFocusProxy(self.browser)

    def render(self) -> None:
        """(Re)build the page: on creation, and when colours or language change."""
        from runbook_assistant.ui.runbook_html import STYLE, runbook_html

        self.browser.document().setDefaultStyleSheet(
            Template(STYLE).safe_substitute(theme.colors()))
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(runbook_html(self.runbook))
        bar.setValue(position)

    def show_notice(self, text: str) -> None:
        """A line above the text (e.g. why a run shows as its runbook here)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def _retranslate(self) -> None:
        self.start_button.setText(self.tr("Start run…"))
        self.start_button.setToolTip(self.tr("Start a run of this runbook (Ctrl+N)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.render()
        elif event.type() == QEvent.Type.PaletteChange:
            self.render()
        super().changeEvent(event)
