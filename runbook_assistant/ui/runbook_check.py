"""The editor's live check off the GUI thread: the parser, the preview's HTML and its text document
are made in a worker, and the latest text wins.

Parsing a runbook of hundreds of kilobytes takes about a second; on the GUI thread every pause in
typing would freeze the editor that long. Here one check runs at a time on the editor's own thread
pool; text typed meanwhile waits as the one *pending* text (newer text replaces it), and a result
for text that has changed since is dropped, so the findings never describe text that is gone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QTextDocument

from runbook_assistant.core.runbook import parser
from runbook_assistant.core.runbook.model import ParseResult


class InertDocument(QTextDocument):
    """A text document that never fetches anything (as ``SafeTextBrowser``): it is made before
    any browser owns it, so it refuses resources itself."""

    def loadResource(self, type: int, name: QUrl) -> Any:
        return None


class _Relay(QObject):
    """Carries a finished check from the pool's thread to the GUI thread (a queued signal)."""

    done = Signal(int, object, object)  # generation, ParseResult, preview (QTextDocument)


class _Check(QRunnable):
    def __init__(self, generation: int, request: tuple[str, str, str], relay: _Relay) -> None:
        super().__init__()
        self.generation, self.relay = generation, relay
        self.text, self.path, self.style = request

    def run(self) -> None:
        from runbook_assistant.ui.runbook_html import runbook_html

        result = parser.parse_text(self.text, self.path)
        preview = None
        if result.runbook is not None:
            # Qt's rich text is reentrant: the document (half a second for a 300 KB runbook)
            # is built here and handed to the GUI thread, which only shows it.
            preview = InertDocument()
            preview.setDefaultStyleSheet(self.style)
            preview.setHtml(runbook_html(result.runbook))
            app = QCoreApplication.instance()
            if app is not None:
                preview.moveToThread(app.thread())
        self.relay.done.emit(self.generation, result, preview)


class BackgroundCheck(QObject):
    """Checks text in a worker thread; ``finished`` gives the result of the latest text only."""

    # ParseResult, and the preview as a QTextDocument (None when the text is not a runbook)
    finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # owned: deleting the editor waits for its check
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._generation = 0
        self._busy = False
        self._pending: tuple[str, str, str] | None = None

    @property
    def busy(self) -> bool:
        """A check is running or waiting: the findings shown may be behind the text."""
        return self._busy

    def submit(self, text: str, path: str, style: str) -> None:
        """Check ``text`` (of the file ``path``; ``style``: the preview's CSS); replaces any
        text still waiting."""
        self._generation += 1
        if self._busy:
            self._pending = (text, path, style)
        else:
            self._start((text, path, style))

    def _start(self, request: tuple[str, str, str]) -> None:
        self._busy = True
        self._pool.start(_Check(self._generation, request, self._relay))

    def _done(self, generation: int, result: ParseResult, preview: QTextDocument | None) -> None:
        self._busy = False
        if self._pending is not None:  # the text changed while this ran: check the latest
            request, self._pending = self._pending, None
            self._start(request)
        elif generation == self._generation:
            self.finished.emit(result, preview)

    def wait(self) -> None:
        """Wait for the running check (closing the editor, or the end of the app)."""
        self._pool.waitForDone()
