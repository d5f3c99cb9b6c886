"""The editor's preview document, built a piece at a time on the GUI thread between key presses.

Qt's HTML import of a 300 KB runbook takes a few tenths of a second and, called from Python,
holds the interpreter's lock all that time: in a worker thread it stalled typing as much as on
the GUI thread. Here the preview's HTML comes in pieces (``runbook_html_parts``: each begins with
a heading or a plain paragraph) and a new document is built from them a few milliseconds at a
time; keys are handled in between, and the old preview stays on screen until the new one is
whole. The result is the same document ``setHtml`` of the whole page makes: each piece is read
into a scratch document and copied over, and its first block keeps its own format (a copied
fragment would take the format of the block it lands in).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)

SLICE_S = 0.008  # building time per turn of the event loop: a key waits at most about this long


class InertDocument(QTextDocument):
    """A text document that never fetches anything (as ``SafeTextBrowser``): it is made before
    any browser owns it, so it refuses resources itself."""

    def loadResource(self, type: int, name: QUrl) -> Any:
        return None


class _Document:
    """A document being built from pieces of HTML."""

    def __init__(self, style: str) -> None:
        self.document = InertDocument()
        self.document.setUndoRedoEnabled(False)  # built once, never undone
        self.document.setDefaultStyleSheet(style)
        self._scratch = InertDocument()
        self._scratch.setUndoRedoEnabled(False)
        self._scratch.setDefaultStyleSheet(style)
        self._cursor = QTextCursor(self.document)
        self._empty = True

    def append(self, html: str, *, last: bool) -> None:
        if not self._empty:
            self._cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        self._empty = False
        # Space between two pieces is no text in the whole page; at its very end it is.
        self._scratch.setHtml(html if last else html.rstrip())
        first = self._scratch.begin()
        start = self._cursor.position()
        self._cursor.insertFragment(QTextDocumentFragment(self._scratch))
        block = QTextCursor(self.document.findBlock(start))
        block.setBlockFormat(first.blockFormat())
        block.setBlockCharFormat(first.charFormat())


def document_from_parts(parts: Sequence[str], style: str) -> QTextDocument:
    """The whole document at once (what ``PreviewBuilder`` makes over several turns)."""
    built = _Document(style)
    for n, html in enumerate(parts, 1):
        built.append(html, last=n == len(parts))
    return built.document


class PreviewBuilder(QObject):
    """Builds a preview document over several turns of the event loop; ``done`` gives it."""

    done = Signal(object)  # the finished QTextDocument (no parent: the receiver takes it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._work)
        self._parts: Sequence[str] = ()
        self._next = 0
        self._building: _Document | None = None

    @property
    def busy(self) -> bool:
        """A document is being built."""
        return self._building is not None

    def build(self, parts: Sequence[str], style: str) -> None:
        """Start building from ``parts`` with the CSS ``style``; drops a build in progress."""
        self._parts, self._next = parts, 0
        self._building = _Document(style)
        self._timer.start()

    def cancel(self) -> None:
        """Drop a build in progress (its text is gone)."""
        self._timer.stop()
        self._building, self._parts = None, ()

    def _work(self) -> None:
        building = self._building
        if building is None:
            return
        deadline = time.perf_counter() + SLICE_S
        while self._next < len(self._parts):
            self._next += 1
            building.append(self._parts[self._next - 1], last=self._next == len(self._parts))
            if time.perf_counter() >= deadline and self._next < len(self._parts):
                self._timer.start()  # the rest after the events waiting now
                return
        self._building, self._parts = None, ()
        self.done.emit(building.document)
