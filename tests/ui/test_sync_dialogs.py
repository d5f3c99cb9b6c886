"""File → Export for sync / Import: the lead sees which laptops (fingerprints) and runs came in."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from runbook_assistant.core.run.engine import Engine
from runbook_assistant.ui.sync_dialogs import add_sync_actions

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))
from sync_laptops import Laptop

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Laptop]:
    """Another laptop (its own key and database) with a run of three events."""
    laptop = Laptop(tmp_path / "other")
    run_id = laptop.start("Storing op de andere laptop")
    laptop.engine.check(run_id, "coordinator", actor="Anna")
    laptop.engine.note(run_id, "Leverancier gebeld", actor="Anna")
    yield laptop
    laptop.close()


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: (str(path), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(path), "")))


def test_the_file_menu_offers_export_and_import_before_settings(window: Any) -> None:
    menu = window.actions_.file_menu
    names = [a.objectName() for a in menu.actions()]
    assert names.index("syncExport") < names.index("syncImport") < names.index("settings")
    texts = [a.text() for a in menu.actions()]
    assert "E&xport for sync…" in texts and "&Import…" in texts


def test_import_shows_the_new_laptop_its_fingerprint_and_the_runs(
        window: Any, engine: Engine, other: Laptop, message_boxes: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    run_id = other.store.runs()[0].id
    choose_file(monkeypatch, other.export())

    window.sync_actions.import_action.trigger()

    assert [kind for kind, _ in message_boxes.shown] == ["syncImportSummary"]
    summary = message_boxes.texts()[0]
    assert summary.startswith("Merged: 3 new events, 1 new runs, 1 new laptops.")
    assert f"NEW {other.identity.fingerprint}" in summary
    assert "first seen" in summary and "Compare this fingerprint" in summary
    assert "• NEW Storing op de andere laptop: 3 events" in summary
    assert {e.id for e in engine.events(run_id)} == other.event_ids()
    assert run_id in window.runs_view.model.run_ids()  # the open runs list shows it


def test_importing_again_says_nothing_is_new(window: Any, other: Laptop, message_boxes: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    choose_file(monkeypatch, other.export())
    window.sync_actions.import_action.trigger()
    window.sync_actions.import_action.trigger()

    again = message_boxes.texts()[1]
    assert again.startswith("Nothing new: everything in this bundle was already here.")
    assert f"• {other.identity.fingerprint}" in again and "NEW" not in again


def test_a_tampered_bundle_is_shown_as_refused_and_nothing_is_merged(
        window: Any, engine: Engine, other: Laptop, message_boxes: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = other.export()
    with sqlite3.connect(bundle) as conn:
        conn.execute("UPDATE events SET actor = 'Iemand anders' WHERE kind = 'step_checked'")
    conn.close()
    choose_file(monkeypatch, bundle)

    window.sync_actions.import_action.trigger()

    [(kind, text)] = message_boxes.shown
    assert kind == "errorDialog"
    assert "has been tampered with" in text and "Nothing was merged" in text
    assert engine.store.event_count() == 0 and engine.runs() == []


def test_export_writes_a_bundle_and_names_this_laptops_fingerprint(
        window: Any, engine: Engine, start_run: Any, other: Laptop, message_boxes: Any,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    run_id = start_run()
    target = tmp_path / "stick" / "van-mij.sqlite"
    target.parent.mkdir()
    choose_file(monkeypatch, target)

    window.sync_actions.export_action.trigger()

    [(kind, text)] = message_boxes.shown
    assert kind == "syncExportSummary"
    assert text.startswith("Bundle written: 1 runs, 1 events.")
    assert f"This laptop: {engine.store.identity.fingerprint}" in text
    assert [r.id for r in other.pull(target).merged.new_runs] == [run_id]


def test_a_cancelled_file_dialog_does_nothing(engine: Engine, message_boxes: Any,
                                              monkeypatch: pytest.MonkeyPatch,
                                              qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = QMenu(parent)
    actions = add_sync_actions(menu, engine, parent)
    assert [a.objectName() for a in menu.actions()] == ["syncExport", "syncImport"]
    choose_file(monkeypatch, "")
    assert actions.import_bundle() is None and actions.export_bundle() is None
    assert message_boxes.shown == []
