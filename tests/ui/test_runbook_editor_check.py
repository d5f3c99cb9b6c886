"""The editor's live check runs beside typing, not in its way: keys go on arriving while a check
is busy, a check of text that has changed since is never shown (the latest text wins), and a
tab closed in the middle of a check closes cleanly."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from runbook_assistant.core.runbook import parser
from runbook_assistant.ui.runbook_editor import RunbookEditor

RUNBOOK = Path(__file__).resolve().parent.parent / "fixtures" / "ui" / "library" / "ui-printing.md"


class HeldParser:
    """The parser, but a check started while ``hold`` is set waits until ``release``: the
    moment a check is busy can be reached without guessing at times."""

    def __init__(self, parse: Callable[..., Any]) -> None:
        self.parse = parse
        self.hold = False
        self.started = threading.Event()
        self.release = threading.Event()
        self.finished = 0

    def __call__(self, text: str, path: str) -> Any:
        if self.hold:
            self.started.set()
            self.release.wait(timeout=20)
        result = self.parse(text, path)
        self.finished += 1
        return result


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> HeldParser:
    held = HeldParser(parser.parse_text)
    monkeypatch.setattr(parser, "parse_text", held)
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
