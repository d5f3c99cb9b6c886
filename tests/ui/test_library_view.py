"""The library panel: search as you type, the three filters, keyboard opening, and its models."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from runbook_assistant.core.library.catalog import Library
from runbook_assistant.ui.library_models import (
    IdRole,
    LibraryRow,
    RunbookListModel,
    RunListModel,
)
from runbook_assistant.ui.library_view import LibraryView

# No message box may wait for a click that never comes.
pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def view(qtbot: Any, library: Library) -> LibraryView:
    shown = LibraryView()
    qtbot.addWidget(shown)
    shown.set_library(library)
    return shown


def ids(view: LibraryView) -> list[str]:
    return [row.id for row in view.model.rows()]


def test_every_runbook_and_scenario_is_listed_with_a_count(view: LibraryView) -> None:
    assert ids(view) == ["ui-email", "ui-netwerk", "ui-oefening", "ui-printing"]
    assert view.status.text() == "4 runbooks"
    second_line = view.model.index(1, 0).data().splitlines()[1]
    assert second_line == "○ not approved · ui-netwerk · critical · nl"
    scenario = view.model.index(2, 0).data().splitlines()[1]
    assert scenario.startswith("ui-oefening · exercise scenario")  # scenarios are not approved


def test_typing_in_the_search_field_filters_the_list(qtbot: Any, view: LibraryView) -> None:
    qtbot.keyClicks(view.search, "leverancier")
    qtbot.waitUntil(lambda: ids(view) == ["ui-netwerk"])
    # The match is shown under the title, words in brackets as the index gives them.
    assert "[leverancier]" in view.model.index(0, 0).data()
    assert view.status.text() == "1 of 4 runbooks"

    view.search.clear()
    qtbot.waitUntil(lambda: len(ids(view)) == 4)


def test_a_search_without_matches_says_so(qtbot: Any, view: LibraryView) -> None:
    qtbot.keyClicks(view.search, "zzzgeenmatch")
    qtbot.waitUntil(lambda: ids(view) == [])
    assert "Nothing matches" in view.status.text()


@pytest.mark.parametrize(("combo", "value", "expected"), [
    ("tag_filter", "email", ["ui-email"]),
    ("severity_filter", "critical", ["ui-netwerk"]),
    ("lang_filter", "nl", ["ui-netwerk", "ui-oefening"]),
])
def test_each_filter_narrows_the_list(view: LibraryView, combo: str, value: str,
                                      expected: list[str]) -> None:
    box = getattr(view, combo)
    box.setCurrentIndex(box.findData(value))
    assert ids(view) == expected
    box.setCurrentIndex(0)
    assert len(ids(view)) == 4


def test_filters_and_search_combine(qtbot: Any, view: LibraryView) -> None:
    view.lang_filter.setCurrentIndex(view.lang_filter.findData("en"))
    qtbot.keyClicks(view.search, "outage")
    qtbot.waitUntil(lambda: sorted(ids(view)) == ["ui-email", "ui-printing"])  # by relevance
    view.severity_filter.setCurrentIndex(view.severity_filter.findData("low"))
    assert ids(view) == ["ui-printing"]


def test_the_filters_offer_what_the_library_holds(view: LibraryView) -> None:
    tags = [view.tag_filter.itemData(i) for i in range(view.tag_filter.count())]
    assert tags == [None, "communication", "email", "netwerk", "printing", "wijziging"]
    severities = [view.severity_filter.itemText(i) for i in range(view.severity_filter.count())]
    assert severities == ["All severities", "low", "high", "critical"]


def test_down_then_enter_opens_the_selected_runbook(qtbot: Any, view: LibraryView) -> None:
    view.show()
    qtbot.waitExposed(view)
    qtbot.keyClicks(view.search, "printing")
    qtbot.waitUntil(lambda: ids(view) == ["ui-printing"])
    with qtbot.waitSignal(view.runbook_activated) as opened:
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert opened.args == ["ui-printing"]

    view.search.clear()
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.focusWidget() is view.list
    view.list.setCurrentIndex(view.model.index(1, 0))
    with qtbot.waitSignal(view.runbook_activated) as opened:
        qtbot.keyClick(view.list, Qt.Key.Key_Return)
    assert opened.args == ["ui-netwerk"]


def test_the_runbook_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = RunbookListModel()
    model.set_rows([LibraryRow("a", "Alpha", severity="low", lang="en"),
                    LibraryRow("b", "Beta", kind="exercise", snippet="[match]")])
    qtmodeltester.check(model)
    assert model.index(1, 0).data(IdRole) == "b"
    assert "[match]" in model.index(1, 0).data()


def test_the_run_model_passes_the_model_tester(qtmodeltester: Any, engine: Any,
                                               start_run: Any) -> None:
    start_run(title="Storing")
    start_run("ui-email", title="Mail weg", mode="exercise")
    model = RunListModel()
    model.set_runs(engine.runs(open_only=True))
    qtmodeltester.check(model)
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(t.startswith("EXERCISE · Mail weg") for t in texts)
    assert any("0 of " in t and t.startswith("Storing") for t in texts)


def test_a_scenario_among_search_results_says_what_it_is(qtbot: Any, view: LibraryView) -> None:
    qtbot.keyClicks(view.search, "mislukt")
    qtbot.waitUntil(lambda: ids(view) == ["ui-oefening"])
    assert view.model.index(0, 0).data().splitlines()[1].startswith("exercise scenario · ")


@pytest.fixture
def bundled_view(qtbot: Any, tmp_path: Any) -> Any:
    from runbook_assistant.core import paths

    lib = Library([paths.bundled_runbooks_dir()], tmp_path / "bundled-index.sqlite3")
    shown = LibraryView()
    qtbot.addWidget(shown)
    shown.set_library(lib)
    yield shown
    lib.close()


def test_without_a_search_the_list_is_sorted_by_title(bundled_view: LibraryView) -> None:
    titles = [row.title for row in bundled_view.model.rows()]
    assert titles == sorted(titles, key=str.casefold)


def test_typing_selects_the_best_match_and_enter_opens_it(qtbot: Any,
                                                           bundled_view: LibraryView) -> None:
    view = bundled_view
    view.list.setCurrentIndex(view.model.index(view.model.row_of("council-information-letter"), 0))
    view.search.setFocus()
    qtbot.keyClicks(view.search, "network outage")
    qtbot.waitUntil(lambda: ids(view)[:1] == ["network-outage-change"])
    assert view.current_id() == "network-outage-change"
    with qtbot.waitSignal(view.runbook_activated) as opened:
        qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert opened.args == ["network-outage-change"]
