"""The run view's keys beyond the checklist's own: the side tabs and back, closing the run, and
the exercise controls. One table (``RUN_KEYS_HELP``) feeds F1 and matches the README.

The shortcuts live on the run view (``WidgetWithChildrenShortcut``), so they work wherever the
focus is inside the run, also in a side table that would otherwise keep Tab and Space to itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QWidget

if TYPE_CHECKING:
    from runbook_assistant.ui.run_view import RunView

RUN_KEYS_HELP = (  # (keys, what) for the F1 dialog; translated where shown
    (QT_TRANSLATE_NOOP("RunView", "Alt+1 … Alt+6"),
     QT_TRANSLATE_NOOP("RunView", "Side tab: timeline, decisions, notes, contacts, messages, "
                                  "services (the focus goes into it)")),
    (QT_TRANSLATE_NOOP("RunView", "Ctrl+Tab"), QT_TRANSLATE_NOOP("RunView", "Next side tab")),
    (QT_TRANSLATE_NOOP("RunView", "Esc"),
     QT_TRANSLATE_NOOP("RunView", "From a side tab or the details: back to the steps")),
    (QT_TRANSLATE_NOOP("RunView", "F6"),
     QT_TRANSLATE_NOOP("RunView", "Between the steps and the side tab")),
    (QT_TRANSLATE_NOOP("RunView", "Tab / Shift+Tab"),
     QT_TRANSLATE_NOOP("RunView", "Next / previous field (tables too)")),
    (QT_TRANSLATE_NOOP("RunView", "1 / 2 / 3 / 4"),
     QT_TRANSLATE_NOOP("RunView", "Services tab: the selected service is up, degraded, down or "
                                  "restored")),
    (QT_TRANSLATE_NOOP("RunView", "Ctrl+Enter"),
     QT_TRANSLATE_NOOP("RunView", "Messages tab: mark the message as sent")),
    (QT_TRANSLATE_NOOP("RunView", "Ctrl+C"),
     QT_TRANSLATE_NOOP("RunView", "Contacts or messages tab: copy the number or the text")),
    (QT_TRANSLATE_NOOP("RunView", "Ctrl+Shift+W"),
     QT_TRANSLATE_NOOP("RunView", "Close the run (asks for a summary)")),
    (QT_TRANSLATE_NOOP("RunView", "Ctrl+Shift+P"),
     QT_TRANSLATE_NOOP("RunView", "Exercise: pause or resume the exercise clock")),
    (QT_TRANSLATE_NOOP("RunView", "Ctrl+Shift+J"),
     QT_TRANSLATE_NOOP("RunView", "Exercise: jump to the next inject")),
    (QT_TRANSLATE_NOOP("RunView", "Ctrl+Shift+↑ / Ctrl+Shift+↓"),
     QT_TRANSLATE_NOOP("RunView", "Exercise: clock faster / slower")),
    (QT_TRANSLATE_NOOP("RunView", "Ctrl+Shift+O"),
     QT_TRANSLATE_NOOP("RunView", "Exercise: write an observation")),
)


def install_run_keys(view: RunView) -> list[QShortcut]:
    """Add the run's keys to ``view``; returns the shortcuts (kept alive by their parent)."""
    made: list[QShortcut] = []

    def add(keys: str, slot: Callable[[], object], parent: QWidget = view) -> None:
        shortcut = QShortcut(QKeySequence(keys), parent)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        made.append(shortcut)

    for number in range(1, view.side.count() + 1):  # Alt+1 … as many as there are tabs
        add(f"Alt+{number}", lambda n=number: show_side_tab(view, n - 1))
    add("Escape", lambda: view.list.setFocus(Qt.FocusReason.ShortcutFocusReason), view.side)
    add("F6", lambda: toggle_side(view))
    add("Ctrl+Shift+W", view.commands.close_run)
    add("Ctrl+Shift+P", lambda: _exercise(view, lambda p: p.pause_button.click()))
    add("Ctrl+Shift+J", lambda: _exercise(view, lambda p: p.jump_to_next()))
    add("Ctrl+Shift+Up", lambda: _exercise(view, lambda p: p.step_speed(+1)))
    add("Ctrl+Shift+Down", lambda: _exercise(view, lambda p: p.step_speed(-1)))
    add("Ctrl+Shift+O", lambda: _exercise(
        view, lambda p: p.observation.setFocus(Qt.FocusReason.ShortcutFocusReason)))
    # Tables move between fields with Tab like any other widget; arrows move between cells.
    for table in view.side.findChildren(QAbstractItemView):
        table.setTabKeyNavigation(False)
    return made


def show_side_tab(view: RunView, index: int) -> None:
    """Bring side tab ``index`` to the front and put the focus in it."""
    side = view.side
    if not 0 <= index < side.count():
        return
    side.setCurrentIndex(index)
    _focus_into(side.widget(index))


def toggle_side(view: RunView) -> None:
    """F6: from the steps to the side tab in front, and from anywhere else back to the steps."""
    if view.list.hasFocus():
        _focus_into(view.side.currentWidget())
    else:
        view.list.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _focus_into(page: QWidget) -> None:
    # The page's main table or list first (what the keys of that tab work on), else its first field.
    target: QWidget | None = getattr(page, "table", None) or getattr(page, "list", None)
    if not isinstance(target, QWidget):
        target = page.focusProxy() or page
        if target is page:
            page.focusNextChild()
            return
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _exercise(view: RunView, act: Callable[[object], object]) -> None:
    panel = getattr(view, "exercise", None)
    if panel is not None:
        act(panel)
