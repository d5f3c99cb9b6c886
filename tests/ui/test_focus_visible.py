"""Where the keyboard is, is always visible: Tab walks the main window (a run open) and the
dialogs in the light and the dark theme, and every widget looks different with the focus than
without it (a focus frame, a coloured border, the current row in the active colour).

The check compares two pictures of each widget: while it has the focus, and after Tab moved on.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from runbook_assistant.ui import theme

pytestmark = pytest.mark.usefixtures("message_boxes")


def _can_take_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible() \
        and widget.isEnabled()


def _next(widget: QWidget) -> QWidget:
    """The widget Tab leads to (what Qt's focus chain gives when a widget keeps Tab itself)."""
    candidate = widget.nextInFocusChain()
    while candidate is not widget and not _can_take_focus(candidate):
        candidate = candidate.nextInFocusChain()
    return candidate


def walk(qtbot: Any, window: QWidget, limit: int = 80) -> list[str]:
    """Tab through ``window`` once round; the widgets whose focus leaves no visible trace."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    first = QApplication.focusWidget() or _next(window)
    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    unseen: list[str] = []
    current = first
    for _ in range(limit):
        qtbot.waitUntil(current.hasFocus)
        QApplication.processEvents()
        focused = current.grab().toImage()
        QTest.keyClick(current, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is current:  # it keeps Tab (a text editor): go on anyway
            _next(current).setFocus(Qt.FocusReason.TabFocusReason)
        after = QApplication.focusWidget()
        QApplication.processEvents()
        if current.grab().toImage() == focused:
            unseen.append(f"{type(current).__name__} '{current.objectName()}'")

        seen.append(current)
        if after is None or after in seen:
            break
        current = after
    assert len(seen) > 1, f"the walk stopped early: {seen}"
    return unseen


@pytest.fixture(params=["light", "dark"])
def look(request: Any, qapp: Any) -> str:
    theme.apply_theme(qapp, request.param)  # the stylesheet as the app starts with it
    theme.apply_font_scale(qapp, 1.0)
    return str(request.param)


def test_tab_through_the_main_window_shows_the_focus_everywhere(
        qtbot: Any, look: str, window: Any, start_run: Any) -> None:
    run_id = start_run()
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    view = window.open_run(run_id)
    unseen = walk(qtbot, window)
    for index in range(1, view.side.count()):  # each side tab's own widgets
        view.side.setCurrentIndex(index)
        _next(view.side.currentWidget()).setFocus(Qt.FocusReason.TabFocusReason)
        unseen += walk(qtbot, window)
    assert "\n".join(sorted(set(unseen))) == ""


def dialogs(window: Any, library: Any, settings: Any, state: Any) -> list[QWidget]:
    """The dialogs a run asks through: settings, start, four-eyes, decision, a check's outcome,
    an action item, a text (the close summary)."""
    from runbook_assistant.ui.action_dialog import ActionDialog
    from runbook_assistant.ui.decision_dialog import DecisionDialog
    from runbook_assistant.ui.four_eyes_dialog import FourEyesDialog
    from runbook_assistant.ui.outcome_dialog import OutcomeDialog
    from runbook_assistant.ui.settings_dialog import SettingsDialog
    from runbook_assistant.ui.start_run_dialog import StartRunDialog
    from runbook_assistant.ui.text_entry_dialog import TextEntryDialog

    runbook = library.get("ui-netwerk")
    four_eyes = next(s for s in runbook.steps if s.four_eyes)
    decision = next(s for s in runbook.steps if s.options)
    return [SettingsDialog(settings, window),
            StartRunDialog(runbook, actor="Anna", parent=window),
            FourEyesDialog(four_eyes, runbook, state, "Anna", parent=window),
            DecisionDialog(runbook, decision, "Anna", window),
            OutcomeDialog(next(s for s in library.get("ui-email").steps if s.check), window),
            ActionDialog(window),
            TextEntryDialog("Close the run", "Summary", "Close", parent=window)]


def test_tab_through_the_dialogs_shows_the_focus_everywhere(
        qtbot: Any, look: str, window: Any, library: Any, settings: Any, engine: Any,
        start_run: Any) -> None:
    unseen = []
    for dialog in dialogs(window, library, settings, engine.state(start_run())):
        dialog.show()
        qtbot.waitExposed(dialog)
        unseen += [f"{dialog.objectName()}: {w}" for w in walk(qtbot, dialog)]
        dialog.close()
    assert unseen == []


def test_no_label_shows_its_mnemonic_ampersand(window: Any, library: Any, settings: Any,
                                               engine: Any, start_run: Any,
                                               translations: Any) -> None:
    """A label with "&" needs a buddy to turn it into Alt+letter; without one the "&" stands
    on screen ("Extra runbook &folders:")."""
    from PySide6.QtWidgets import QLabel

    for lang in ("en", "nl"):
        translations.use(lang)
        QApplication.processEvents()
        shown = [window, *dialogs(window, library, settings, engine.state(start_run()))]
        literal = [f"{type(top).__name__}: {label.text()}" for top in shown
                   for label in top.findChildren(QLabel)
                   if "&" in label.text().replace("&&", "") and label.buddy() is None
                   and label.textFormat() != Qt.TextFormat.RichText
                   and not label.text().lstrip().startswith("<")]
        assert literal == [], lang
