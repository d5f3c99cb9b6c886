"""The Export menu: the current run in each format, with progress, cancel and "open the result"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog


@pytest.fixture
def opened(window: Any, start_run: Any, qtbot: Any) -> Any:
    run_id = start_run(title="Storing <b>18 februari</b>")
    window.open_run(run_id)
    qtbot.waitUntil(lambda: window.current_run_id() == run_id)
    return window


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Message boxes answer at once: with "Open the result" when ``answers['open']`` is set."""
    seen: dict[str, Any] = {"open": False, "boxes": [], "opened": []}

    def exec_(box: QMessageBox) -> int:
        seen["boxes"].append(box.text())
        return 0

    def clicked(box: QMessageBox) -> Any:
        wanted = QMessageBox.ButtonRole.AcceptRole if seen["open"] else \
            QMessageBox.ButtonRole.RejectRole
        return next((b for b in box.buttons() if box.buttonRole(b) == wanted), None)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "clickedButton", clicked)
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: seen["opened"].append(url.toLocalFile())))
    return seen


def test_without_a_run_every_export_is_disabled(window: Any) -> None:
    window.export_menu.update()
    assert not any(a.isEnabled() for a in window.export_menu.actions.values())


def test_an_incident_run_exports_everything_but_a_debrief(opened: Any) -> None:
    opened.export_menu.update()
    enabled = {name for name, a in opened.export_menu.actions.items() if a.isEnabled()}
    assert {"report", "report-pdf", "pdf", "html", "md", "csv", "json"} <= enabled
    assert "debrief" not in enabled


def test_export_writes_the_file_and_opens_it_on_request(opened: Any, answers: dict[str, Any],
                                                        tmp_path: Path) -> None:
    answers["open"] = True
    target = tmp_path / "tijdlijn.csv"
    written = opened.export_menu.export("csv", str(target))
    assert written == target
    assert "Storing <b>18 februari</b>" in target.read_text(encoding="utf-8-sig")
    assert str(target) in answers["boxes"][-1]
    assert answers["opened"] == [str(target)]


def test_closing_the_done_box_opens_nothing(opened: Any, answers: dict[str, Any],
                                            tmp_path: Path) -> None:
    assert opened.export_menu.export("json", str(tmp_path / "log.json")) is not None
    assert answers["opened"] == []


def test_cancel_leaves_no_file_behind(opened: Any, answers: dict[str, Any], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    out = tmp_path / "out"
    out.mkdir()
    assert opened.export_menu.export("report", str(out / "rapport.html")) is None
    assert list(out.iterdir()) == []
    assert answers["boxes"] == []
