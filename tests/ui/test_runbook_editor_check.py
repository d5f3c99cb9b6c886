"""The editor's live check runs beside typing, not in its way: keys go on arriving while a check
is busy, a check of text that has changed since is never shown (the latest text wins), a tab
closed in the middle of a check closes cleanly, and the check is done in a child process (in the
app's language), with this process taking over when the child fails."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from runbook_assistant.core.runbook import parser
from runbook_assistant.ui import check_process
from runbook_assistant.ui.runbook_editor import RunbookEditor

RUNBOOK = Path(__file__).resolve().parent.parent / "fixtures" / "ui" / "library" / "ui-printing.md"


class HeldParser:
    """The check (the child process's), but a check started while ``hold`` is set waits until
    ``release``: the moment a check is busy can be reached without guessing at times."""

    def __init__(self, check: Callable[..., Any]) -> None:
        self.check = check
        self.hold = False
        self.started = threading.Event()
        self.release = threading.Event()
        self.finished = 0

    def __call__(self, *args: Any) -> Any:
        if self.hold:
            self.started.set()
            self.release.wait(timeout=20)
        result = self.check(*args)
        self.finished += 1
        return result


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> HeldParser:
    held = HeldParser(check_process.CheckProcess.check)
    monkeypatch.setattr(check_process.CheckProcess, "check",
                        lambda process, *args: held(process, *args))
    return held


@pytest.fixture
def editor(qtbot: Any, tmp_path: Path) -> RunbookEditor:
    path = tmp_path / "ui-printing.md"
    path.write_text(RUNBOOK.read_text(encoding="utf-8"), encoding="utf-8")
    made = RunbookEditor(path, path.read_text(encoding="utf-8"))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitUntil(lambda: made.result is not None and not made.checking)
    return made


def _steps(editor: RunbookEditor) -> list[str]:
    runbook = editor.result.runbook if editor.result is not None else None
    return [step.title for step in runbook.steps] if runbook is not None else []


def _type_at_end(qtbot: Any, editor: RunbookEditor, text: str) -> None:
    editor.text.moveCursor(QTextCursor.MoveOperation.End)
    editor.text.setFocus()
    for number, part in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor.text, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.text, part)


def test_keys_arrive_while_a_check_runs_and_the_latest_text_wins(
        qtbot: Any, editor: RunbookEditor, held: HeldParser) -> None:
    assert _steps(editor) == ["Restart the print server spooler"]
    shown: list[list[str]] = []
    editor.checked.connect(lambda: shown.append(_steps(editor)))

    held.hold = True
    _type_at_end(qtbot, editor, "\n- [ ] Bel de leverancier")
    qtbot.waitUntil(held.started.is_set)  # that check now waits inside the worker
    finished = held.finished

    _type_at_end(qtbot, editor, "\n- [ ] Zet een bord bij de printer")
    assert editor.source().endswith("- [ ] Bel de leverancier\n- [ ] Zet een bord bij de printer")
    assert held.finished == finished and editor.checking  # typed while the check was busy

    held.hold = False
    held.release.set()
    qtbot.waitUntil(lambda: bool(shown) and not editor.checking)
    # The check of the first line alone finished too, but was never shown.
    assert shown == [["Restart the print server spooler", "Bel de leverancier",
                      "Zet een bord bij de printer"]]
    assert editor.result.runbook.sha256 == parser.parse_text(editor.source(), "x").runbook.sha256


def test_findings_follow_the_text_after_a_busy_check(qtbot: Any, editor: RunbookEditor,
                                                     held: HeldParser) -> None:
    held.hold = True
    step_line = QTextCursor(editor.text.document().findBlockByNumber(16))  # the spooler step
    step_line.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    step_line.movePosition(QTextCursor.MoveOperation.Left)  # inside its {…}
    editor.text.setTextCursor(step_line)
    editor.text.setFocus()
    qtbot.keyClicks(editor.text, " due=5min")
    qtbot.waitUntil(held.started.is_set)
    for _ in range(len("min")):
        qtbot.keyClick(editor.text, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor.text, "m")
    held.hold = False
    held.release.set()
    qtbot.waitUntil(lambda: not editor.checking and editor.result.runbook is not None
                    and editor.result.runbook.steps[0].due == 300)
    # The malformed duration was typed and fixed before its check could tell: never shown.
    assert [editor.findings.item(i).text() for i in range(editor.findings.count())] == [
        "No findings: the runbook is ready to run."]


def test_closing_the_editor_during_a_check_is_clean(qtbot: Any, tmp_path: Path,
                                                    held: HeldParser) -> None:
    editor = RunbookEditor(tmp_path / "x.md", RUNBOOK.read_text(encoding="utf-8"))
    editor.show()
    qtbot.waitUntil(lambda: editor.result is not None)
    held.hold = True
    _type_at_end(qtbot, editor, "\n- [ ] Nog een stap")
    qtbot.waitUntil(held.started.is_set)
    finished = held.finished
    closed: list[bool] = []
    editor.destroyed.connect(lambda: closed.append(True))
    editor.close()
    editor.deleteLater()  # as a closed tab is; its check is still busy in the worker
    held.release.set()
    qtbot.waitUntil(lambda: bool(closed) and held.finished == finished + 1)


def test_the_preview_names_only_what_a_message_template_gives(qtbot: Any, tmp_path: Path) -> None:
    text = ("# Storing\n\n## Communicatie\n\n- [ ] Zet het bericht online\n\n"
            "Tekst voor de website:\n\n> Door een storing zijn de loketten gesloten.\n")
    editor = RunbookEditor(tmp_path / "import.md", text)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.result is not None and not editor.checking)
    shown = editor.preview.toPlainText()
    assert "channel: website" in shown and "Door een storing" in shown
    assert "audience" not in shown  # the template names none: no empty label


def test_the_check_is_done_by_the_child_process(qtbot: Any, editor: RunbookEditor,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def not_here(*_args: Any) -> Any:
        raise AssertionError("parsed in the app's own process")

    monkeypatch.setattr(parser, "parse_text", not_here)
    _type_at_end(qtbot, editor, "\n- [ ] Bel de leverancier {due=5min}")
    qtbot.waitUntil(lambda: not editor.checking and editor.error_count() == 1)
    assert "Bel de leverancier" in editor.preview.toPlainText()


def test_a_child_that_died_is_replaced(qtbot: Any, editor: RunbookEditor) -> None:
    child = check_process.shared()
    first = child.pid
    assert first is not None
    os.kill(first, signal.SIGKILL)
    _type_at_end(qtbot, editor, "\n- [ ] Bel de leverancier")
    qtbot.waitUntil(lambda: not editor.checking and "Bel de leverancier" in _steps(editor))
    assert child.pid not in (None, first)  # a new child checked it


def test_without_a_child_the_check_is_done_here(qtbot: Any, editor: RunbookEditor,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_process.child, "allowed", lambda: False)  # as in a frozen app
    _type_at_end(qtbot, editor, "\n- [ ] Bel de leverancier {due=5min}")
    qtbot.waitUntil(lambda: not editor.checking and editor.error_count() == 1)
    assert "Bel de leverancier" in editor.preview.toPlainText()


def test_the_child_writes_the_preview_in_the_apps_language(qtbot: Any, editor: RunbookEditor,
                                                           translations: Any) -> None:
    assert "version 1" in editor.preview.toPlainText()
    translations.use("nl")  # the editor checks again in Dutch
    qtbot.waitUntil(lambda: not editor.checking and "versie 1" in editor.preview.toPlainText())
    translations.use("en")
    qtbot.waitUntil(lambda: not editor.checking and "version 1" in editor.preview.toPlainText())
