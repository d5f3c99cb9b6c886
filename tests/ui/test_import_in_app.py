"""Runbook → Import a document… in the app: a Word draaiboek becomes a runbook of the user
folder, opens in the editor, shows in the library, and the summary lists the import's guesses in
the app's language; a document that cannot be imported gives the one error dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx_support import word_draaiboek
from PySide6.QtWidgets import QFileDialog, QMessageBox

from runbook_assistant.core.library.catalog import Library
from runbook_assistant.core.runbook.parser import parse_file
from runbook_assistant.ui.runbook_editor import RunbookEditor


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "draaiboeken"
    made.mkdir()
    return made


@pytest.fixture
def library(tmp_path: Path, folder: Path) -> Iterator[Library]:
    opened = Library([folder], tmp_path / "library-index.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def details(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    original = QMessageBox.setDetailedText
    monkeypatch.setattr(QMessageBox, "setDetailedText",
                        lambda box, text: (shown.append(text), original(box, text))[1])
    return shown


def _choose(monkeypatch: pytest.MonkeyPatch, source: Path, proposed: list[str]) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(source), "")))

    def save(_parent: Any, _title: str, suggestion: str, _filter: str) -> tuple[str, str]:
        proposed.append(suggestion)
        return suggestion, ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))


def test_a_word_draaiboek_imported_in_the_app(qtbot: Any, make_window: Any, folder: Path,
                                              settings: Any, tmp_path: Path, message_boxes: Any,
                                              details: list[str], translations: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    translations.use("en")  # the app's language, whatever an earlier test left behind
    settings.extra_folders = [folder]
    window = make_window()
    source = word_draaiboek(tmp_path / "Draaiboek netwerk.docx")
    proposed: list[str] = []
    _choose(monkeypatch, source, proposed)
    window.authoring.import_doc.trigger()

    target = folder / "draaiboek-netwerk.md"
    assert proposed == [str(target)]  # proposed in the user folder, named after the document
    assert parse_file(target).ok and (folder / "draaiboek-netwerk.contacts.yaml").exists()
    editor = window.tabs.currentWidget()
    assert isinstance(editor, RunbookEditor) and editor.path == target
    assert window.library_view.model.row_of("draaiboek-netwerk") >= 0
    (kind, text), = message_boxes.shown
    assert kind == "importSummary"
    assert text.startswith("Draaiboek netwerk.docx is imported as draaiboek-netwerk.md.\n"
                           "Sections: 4 · steps: 7 · message templates: 1.")
    assert "2 contacts from its tables are in draaiboek-netwerk.contacts.yaml" in text
    assert "8: note: bold paragraph '**Herstel**' read as a heading" in details[0]


def test_the_import_speaks_dutch(qtbot: Any, make_window: Any, folder: Path, settings: Any,
                                 tmp_path: Path, message_boxes: Any, details: list[str],
                                 translations: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    translations.use("nl")
    settings.extra_folders = [folder]
    window = make_window()
    assert window.authoring.import_doc.text() == "Document &importeren…"
    _choose(monkeypatch, word_draaiboek(tmp_path / "Draaiboek netwerk.docx"), [])
    window.authoring.import_doc.trigger()
    (_kind, text), = message_boxes.shown
    assert "is geïmporteerd als draaiboek-netwerk.md" in text
    assert "8: opmerking: vetgedrukte alinea '**Herstel**' gelezen als kop" in details[0]


def test_a_document_that_cannot_be_imported_is_one_error(qtbot: Any, make_window: Any,
                                                         folder: Path, settings: Any,
                                                         tmp_path: Path, message_boxes: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    settings.extra_folders = [folder]
    window = make_window()
    old = tmp_path / "oud.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0 an old .doc file")
    _choose(monkeypatch, old, [])
    assert window.authoring.import_document() is None
    (kind, text), = message_boxes.shown
    assert kind == "errorDialog" and "oud.docx is not a Word document (.docx)" in text
    assert list(folder.iterdir()) == []
