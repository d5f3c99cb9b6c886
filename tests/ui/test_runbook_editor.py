"""The runbook editor in the app: findings as you type, Enter to the line, atomic save, the
library refreshed, a run of what was saved, approval from the app, bundled files read-only."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

from runbook_assistant.core import paths
from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.runbook.parser import parse_file
from runbook_assistant.ui.main_window import MainWindow
from runbook_assistant.ui.runbook_editor import RunbookEditor
from runbook_assistant.ui.start_run_dialog import StartRunDialog

UI_LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "ui" / "library"
pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "draaiboeken"
    made.mkdir()
    shutil.copy(UI_LIBRARY / "ui-printing.md", made / "ui-printing.md")
    return made


@pytest.fixture
def library(tmp_path: Path, folder: Path) -> Iterator[Library]:
    opened = Library([folder], tmp_path / "library-index.sqlite3")
    yield opened
    opened.close()


def _activate(qtbot: Any, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _open_editor(qtbot: Any, window: MainWindow) -> RunbookEditor:
    _activate(qtbot, window)
    window.library_view.list.setCurrentIndex(window.library_view.model.index(0, 0))
    window.library_view.list.setFocus()
    qtbot.keyClick(window.library_view.list, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, RunbookEditor)
    qtbot.waitUntil(lambda: editor.result is not None and not editor.checking)
    return editor


def _findings(editor: RunbookEditor) -> list[str]:
    return [editor.findings.item(i).text() for i in range(editor.findings.count())]


def _type_at_end_of_line(qtbot: Any, editor: RunbookEditor, line: int, text: str) -> None:
    cursor = QTextCursor(editor.text.document().findBlockByNumber(line - 1))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.text.setTextCursor(cursor)
    editor.text.setFocus()
    for number, part in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(editor.text, Qt.Key.Key_Return)
        qtbot.keyClicks(editor.text, part)


def _library_line(window: MainWindow) -> str:
    return str(window.library_view.model.index(0, 0).data())


def test_edit_see_a_finding_come_and_go_save_and_run(qtbot: Any, make_window: Any, folder: Path,
                                                    engine: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    editor = _open_editor(qtbot, window)
    assert editor.path == folder / "ui-printing.md" and not editor.read_only
    assert _findings(editor) == ["No findings: the runbook is ready to run."]
    assert "○ not approved · ui-printing" in _library_line(window)

    # A step written in the spooler line's section with a duration people would write.
    _type_at_end_of_line(qtbot, editor, 17, "\n- [ ] Bel de leverancier {due=5min}")
    qtbot.waitUntil(lambda: any("malformed duration" in f for f in _findings(editor)))
    (finding,) = [f for f in _findings(editor) if "malformed duration" in f]
    assert finding.startswith("line 18: error: ")
    assert editor.modified and not editor.approve_button.isEnabled()

    # Enter on the finding puts the cursor on its line.
    editor.findings.setCurrentRow(0)
    editor.findings.setFocus()
    qtbot.keyClick(editor.findings, Qt.Key.Key_Return)
    assert editor.current_line() == 18 and editor.text.hasFocus()

    qtbot.keyClick(editor.text, Qt.Key.Key_End)
    for _ in range(len("5min}")):
        qtbot.keyClick(editor.text, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor.text, "5m}")
    qtbot.waitUntil(lambda: _findings(editor) == ["No findings: the runbook is ready to run."])

    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = parse_file(folder / "ui-printing.md")
    assert saved.ok and [s.title for s in saved.runbook.steps][-1] == "Bel de leverancier"
    assert not editor.modified and not list(folder.glob(".*.part"))
    assert window.library.get("ui-printing").steps[-1].due == 300  # the library was refreshed

    def accept(dialog: StartRunDialog) -> int:
        dialog.title_edit.setText("Printers uit")
        dialog.actor_edit.setText("Anna")
        accept.banner = dialog.approval_banner.text()  # type: ignore[attr-defined]
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(StartRunDialog, "exec", accept)
    with qtbot.waitSignal(window.run_opened) as opened:
        window.start_run("ui-printing")
    assert accept.banner.startswith("Version 1 of this runbook is not approved (never approved)")
    state = engine.state(opened.args[0])
    assert state.total == 2 and state.approval == {"state": "not-approved",
                                                   "reason": "never approved", "why": "never"}
    header = window.tabs.currentWidget().header  # the run view says it too, in red
    assert header.approval.isVisible() and header.approval.property("tone") == "danger"
    assert header.approval.text() == "NOT approved: never approved"


def test_approve_in_the_app_then_an_edit_voids_it(qtbot: Any, make_window: Any, engine: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    editor = _open_editor(qtbot, window)
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: ("Sanne de Vries", True)))
    qtbot.mouseClick(editor.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "✓ approved · ui-printing" in _library_line(window))
    assert "Approved by Sanne de Vries on " in editor.notice.text()

    def accept(dialog: StartRunDialog) -> int:
        dialog.title_edit.setText("Printers uit")
        dialog.actor_edit.setText("Anna")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(StartRunDialog, "exec", accept)
    with qtbot.waitSignal(window.run_opened):
        window.start_run("ui-printing")
    header = window.tabs.currentWidget().header
    assert header.approval.text().startswith("Approved by Sanne de Vries on ")
    assert header.approval.property("tone") == "muted"
    assert len(header.approval.toolTip().split("sha256: ")[1]) == 64
    window.tabs.setCurrentWidget(editor)

    _type_at_end_of_line(qtbot, editor, 17, " nu")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "○ not approved · ui-printing" in _library_line(window)
    assert "Approved by" not in editor.notice.text()  # not even until the check has run
    qtbot.waitUntil(lambda: "edited since it was approved" in editor.notice.text())


def test_a_bundled_runbook_is_read_only_and_saved_as_a_copy(qtbot: Any, make_window: Any,
                                                           tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    _activate(qtbot, window)
    bundled = next(iter(sorted(paths.bundled_runbooks_dir().glob("*.md"))))
    editor = window.authoring.open_editor(bundled)
    editor.text.setFocus()
    assert editor.read_only and editor.text.isReadOnly() and not editor.save_button.isEnabled()
    assert "read-only" in editor.notice.text()
    copy = tmp_path / "mijn-kopie.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(copy), "")))
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert copy.read_bytes().decode("utf-8-sig") == editor.source()
    assert editor.path == copy and not editor.read_only and not editor.text.isReadOnly()
    assert bundled.read_bytes() != b""  # untouched


def test_a_new_runbook_from_the_template_lands_in_the_library(
        qtbot: Any, make_window: Any, folder: Path, settings: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    settings.extra_folders = [folder]
    window = make_window()
    _activate(qtbot, window)
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *args, **kwargs: ("Uitval telefonie", True)))
    target = folder / "uitval-telefonie.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda _parent, _title, proposed, _filter: (proposed, "")))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    editor = window.tabs.currentWidget()
    assert isinstance(editor, RunbookEditor) and editor.path == target
    assert parse_file(target).ok
    assert window.library_view.model.row_of("uitval-telefonie") >= 0
    qtbot.waitUntil(lambda: "Uitval telefonie" in editor.preview.toPlainText())
    assert "Preview" not in editor.preview.toPlainText()


def test_the_editor_speaks_dutch(qtbot: Any, make_window: Any, translations: Any) -> None:
    translations.use("nl")
    window = make_window()
    editor = _open_editor(qtbot, window)
    assert editor.save_button.text() == "&Opslaan"
    assert _findings(editor) == ["Geen bevindingen: het draaiboek kan starten."]
    assert window.authoring.menu.title() == "&Draaiboek"
    # The reader's findings are shown in Dutch too (its English stays for validate and scripts).
    _type_at_end_of_line(qtbot, editor, 17, "\n- [ ] Bel de leverancier {due=5min}")
    qtbot.waitUntil(lambda: any("onleesbare duur" in f for f in _findings(editor)))
    assert "regel 18: fout: due=: onleesbare duur '5min' (schrijf bijv. 5m, 1h30m)" in (
        _findings(editor))
