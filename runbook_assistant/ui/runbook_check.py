"""The editor's live check off the GUI thread, and the latest text wins.

Parsing a runbook of hundreds of kilobytes and writing its preview take a few tenths of a second;
on the GUI thread every pause in typing would freeze the editor that long. One check runs at a
time on the editor's own thread pool, which hands the text to a child process
(``check_process``: the parser and the preview's HTML are pure Python, and in a thread here they
would hold the interpreter's lock that typing needs) and waits for its answer. Text typed
meanwhile waits as the one *pending* text (newer text replaces it), and a result for text that
has changed since is dropped, so the findings never describe text that is gone. The preview's
document is then built on the GUI thread a piece at a time (``preview_builder``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from runbook_assistant.core.runbook.model import ParseResult
from runbook_assistant.ui import check_process

Request = tuple[str, str, str]  # text, file path, the app's language (for the preview)
Checker = Callable[[str, str, str], check_process.Checked]  # (text, path, language)


class _Relay(QObject):
    """Carries a finished check from the pool's thread to the GUI thread (a queued signal)."""

    done = Signal(int, object, object)  # generation, ParseResult, the preview's HTML parts


class _Check(QRunnable):
    def __init__(self, generation: int, request: Request, relay: _Relay, checker: Checker) -> None:
        super().__init__()
        self.generation, self.relay, self.checker = generation, relay, checker
        self.text, self.path, self.lang = request

    def run(self) -> None:
        result, parts = self.checker(self.text, self.path, self.lang)
        self.relay.done.emit(self.generation, result, parts)


class BackgroundCheck(QObject):
    """Checks text away from the GUI thread; ``finished`` gives the result of the latest text
    only."""

    # ParseResult, and the preview's HTML in parts (None when the text is not a runbook)
    finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)  # owned: deleting the editor waits for its check
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._done)
        self._generation = 0
        self._busy = False
        self._pending: Request | None = None
        # What checks the text, called in the pool's thread: the app's check process.
        self.checker: Checker = lambda text, path, lang: check_process.shared().check(
            text, path, lang)

    @property
    def busy(self) -> bool:
        """A check is running or waiting: the findings shown may be behind the text."""
        return self._busy

    def submit(self, text: str, path: str, lang: str) -> None:
        """Check ``text`` (of the file ``path``; ``lang``: the preview's language); replaces any
        text still waiting."""
        self._generation += 1
        if self._busy:
            self._pending = (text, path, lang)
        else:
            self._start((text, path, lang))

    def _start(self, request: Request) -> None:
        self._busy = True
        self._pool.start(_Check(self._generation, request, self._relay, self.checker))

    def _done(self, generation: int, result: ParseResult, parts: list[str] | None) -> None:
        self._busy = False
        if self._pending is not None:  # the text changed while this ran: check the latest
            request, self._pending = self._pending, None
            self._start(request)
        elif generation == self._generation:
            self.finished.emit(result, parts)

    def wait(self) -> None:
        """Wait for the running check (closing the editor, or the end of the app)."""
        self._pool.waitForDone()
