"""The editor's check (the parser and the preview's HTML) in a child Python process.

Both are pure Python. Run in a thread of the app, they hold the interpreter's lock for a tenth of
a second at a time on a large runbook, and every key typed meanwhile waits its turn for it (a key
in the editor runs Python: the syntax colours): typing stalled longer with the check in a thread
than with the check on the GUI thread. A child process has a lock of its own. One child serves
every editor of the app, one check at a time; it starts with the first check and ends with the app
(its input closes).

A frozen app has no interpreter to start the child with; a child that cannot be started or that
fails is replaced by checking in the calling thread, as before. The findings are the same either
way: the child runs the same parser and writes the same HTML in the app's language.
"""

from __future__ import annotations

import atexit
import contextlib
import pickle
import subprocess
import sys
import threading

from runbook_assistant.core import child
from runbook_assistant.core.runbook import parser
from runbook_assistant.core.runbook.model import ParseResult

_CODE = "from runbook_assistant.ui.check_process import serve; serve()"
_GIVE_UP = 3  # after this many failed children, checks stay in the calling thread

# The result, and the preview's HTML in parts (``runbook_html_parts``; None: not a runbook).
Checked = tuple[ParseResult, "list[str] | None"]


def check_here(text: str, path: str) -> Checked:
    """Parse ``text`` and write its preview HTML in this process (what the child does)."""
    from runbook_assistant.ui.runbook_html import runbook_html_parts

    result = parser.parse_text(text, path)
    return result, (runbook_html_parts(result.runbook) if result.runbook is not None else None)


class CheckProcess:
    """The child that checks; ``check`` may be called from any thread and blocks until done."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._lang = ""  # the language the child's translators are in
        self._failures = 0

    @property
    def pid(self) -> int | None:
        """The child's process id (None before the first check or after a failure)."""
        process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def check(self, text: str, path: str, lang: str) -> Checked:
        """The result of ``text`` (file ``path``) and its preview HTML in the language ``lang``."""
        with self._lock:
            if self._failures < _GIVE_UP and child.allowed():
                try:
                    answer = self._ask(text, path, lang)
                except (OSError, EOFError, ValueError, pickle.UnpicklingError):
                    answer = None
                if answer is not None:
                    return answer
                self._failures += 1
                self._stop()
            return check_here(text, path)

    def _ask(self, text: str, path: str, lang: str) -> Checked | None:
        if self._process is None or self._process.poll() is not None:
            self._process = child.start(_CODE)
            self._lang = ""
        assert self._process.stdin is not None and self._process.stdout is not None
        child.send(self._process.stdin, (text, path, lang if lang != self._lang else ""))
        self._lang = lang
        answer: Checked | None = child.receive(self._process.stdout)
        return answer

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        with contextlib.suppress(OSError):
            assert process.stdin is not None
            process.stdin.close()  # the child ends at the end of its input
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()

    def close(self) -> None:
        """End the child (at the app's end; a running check is waited for)."""
        with self._lock:
            self._stop()


_shared: CheckProcess | None = None
_shared_lock = threading.Lock()


def shared() -> CheckProcess:
    """The app's one check process."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = CheckProcess()
            atexit.register(_shared.close)
        return _shared


def serve() -> None:
    """The child's loop: (text, path, language or "" for the same) in, (result, HTML) out."""
    from PySide6.QtCore import QCoreApplication

    from runbook_assistant.ui.i18n import Translations

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not end up in the answers
    app = QCoreApplication([sys.argv[0]])  # the translators are installed on it
    translations = Translations()
    while (request := child.receive(stdin)) is not None:
        text, path, lang = request
        if lang:
            translations.use(lang)
        child.send(stdout, check_here(text, path))
    del app
