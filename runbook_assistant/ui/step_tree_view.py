"""The checklist's view: a tree of sections and steps where the run keys become commands.

Arrows or j/k move; Space, U, S, N, D and Enter are handed to the run view as ``command(name)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

RUN_KEYS = {Qt.Key.Key_Space: "check", Qt.Key.Key_U: "undo", Qt.Key.Key_S: "skip",
            Qt.Key.Key_N: "note", Qt.Key.Key_D: "decide", Qt.Key.Key_Return: "details",
            Qt.Key.Key_Enter: "details"}


class StepTreeView(QTreeView):
    """The checklist: arrows or j/k move, and the run keys become ``command(name)``.

    Commands: check (Space), undo (U), skip (S), note (N), decide (D), details (Enter).
    """

    command = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)  # the delegate draws the section arrows, larger
        self.setIndentation(24)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._width = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = Qt.Key(event.key())
        if modifiers == Qt.KeyboardModifier.NoModifier and key in (Qt.Key.Key_J, Qt.Key.Key_K):
            action = (QAbstractItemView.CursorAction.MoveDown if key == Qt.Key.Key_J
                      else QAbstractItemView.CursorAction.MoveUp)
            target = self.moveCursor(action, modifiers)
            if target.isValid():
                self.setCurrentIndex(target)
            return
        name = RUN_KEYS.get(key)
        if name is not None and modifiers in (Qt.KeyboardModifier.NoModifier,
                                              Qt.KeyboardModifier.ShiftModifier):
            self.command.emit(name)
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            # Rows wrap their text: a new width means new heights.
            self._width = self.viewport().width()
            self.scheduleDelayedItemsLayout()
