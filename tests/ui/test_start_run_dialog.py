"""The start dialog: staffing checked live, a red shortfall that does not block, exercise mode."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel

from runbook_assistant.core.library.catalog import Library
from runbook_assistant.ui import theme
from runbook_assistant.ui.start_run_dialog import StartRunDialog
from runbook_assistant.ui.start_run_roles import shortfall_of

# No message box may wait for a click that never comes.
pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def dialog(qtbot: Any, qapp: QApplication, library: Library) -> StartRunDialog:
    theme.apply_theme(qapp, "light")
    shown = StartRunDialog(library.get("ui-netwerk"), actor="Anna")
    qtbot.addWidget(shown)
    return shown


def netwerk_line(dialog: StartRunDialog) -> QLabel:
    label = dialog.findChild(QLabel, "staffing-netwerk")
    assert label is not None
    return label


def shown_colour(label: QLabel) -> str:
    return label.palette().color(QPalette.ColorRole.WindowText).name()


def test_the_actor_comes_first_as_the_lead(dialog: StartRunDialog) -> None:
    assert dialog.participants() == (("Anna", "incident-lead"),)
    dialog.actor_edit.setText("Anna de Vries")
    assert dialog.participants() == (("Anna de Vries", "incident-lead"),)


def test_a_shortfall_shows_in_red_and_the_button_says_start_anyway(dialog: StartRunDialog) -> None:
    line = netwerk_line(dialog)
    assert line.text() == "✗ Netwerkspecialist: 0 of 2 present"
    assert shown_colour(line) == theme.LIGHT["danger"]
    assert dialog.shortfall_banner.isVisibleTo(dialog)
    assert dialog.start_button.text() == "Start anyway"
    assert dialog.start_button.isEnabled()  # the lead may go on


def test_staffing_follows_the_table_live(dialog: StartRunDialog) -> None:
    row = dialog.add_participant("Bram", "netwerk")
    assert netwerk_line(dialog).text() == "✗ Netwerkspecialist: 1 of 2 present"
    dialog.add_participant("Chris", None)
    dialog.set_role(row + 1, "netwerk")
    line = netwerk_line(dialog)
    assert line.text() == "✓ Netwerkspecialist: 2 of 2 present"
    assert shown_colour(line) == theme.LIGHT["ok"]
    assert not dialog.shortfall_banner.isVisibleTo(dialog)
    assert dialog.start_button.text() == "Start run"
    # The same person twice is still one person.
    dialog.table.item(row + 1, 0).setText("bram")
    assert netwerk_line(dialog).text() == "✗ Netwerkspecialist: 1 of 2 present"


def test_start_anyway_returns_the_parameters_with_the_shortfall(qtbot: Any,
                                                               dialog: StartRunDialog) -> None:
    dialog.add_participant("Bram", "netwerk")
    dialog.title_edit.setText("Storing 18 februari")
    with qtbot.waitSignal(dialog.accepted):
        dialog.start_button.click()
    params = dialog.parameters()
    assert params.runbook_id == "ui-netwerk"
    assert params.title == "Storing 18 februari"
    assert params.actor == "Anna"
    assert params.mode == "incident"
    assert params.participants == (("Anna", "incident-lead"), ("Bram", "netwerk"))
    assert params.shortfall == (("netwerk", 2, 1),)
    assert params.engine_kwargs()["participants"] == params.participants


def test_the_shortfall_matches_what_the_engine_records(dialog: StartRunDialog, engine: Any,
                                                       library: Library) -> None:
    dialog.add_participant("Bram", "netwerk")
    params = dialog.parameters()
    runbook = library.get("ui-netwerk")
    event = engine.start_run(runbook, library.source("ui-netwerk"), **params.engine_kwargs())
    recorded = [(g["role"], g["needed"], g["present"]) for g in event.payload["shortfall"]]
    assert tuple(recorded) == params.shortfall == shortfall_of(runbook, params.participants)


def test_exercise_mode_shows_the_orange_banner(dialog: StartRunDialog) -> None:
    assert not dialog.exercise_banner.isVisibleTo(dialog)
    dialog.exercise_radio.setChecked(True)
    assert dialog.exercise_banner.isVisibleTo(dialog)
    assert dialog.exercise_banner.text() == "EXERCISE"
    bg = dialog.exercise_banner.palette().color(QPalette.ColorRole.Window).name()
    assert bg == theme.LIGHT["exercise_bg"]
    assert dialog.parameters().mode == "exercise"


def test_a_scenario_starts_as_an_exercise_only(qtbot: Any, library: Library) -> None:
    shown = StartRunDialog(library.get("ui-netwerk"), actor="Anna",
                           scenario=library.get("ui-oefening"))
    qtbot.addWidget(shown)
    assert shown.mode() == "exercise" and not shown.incident_radio.isEnabled()
    assert shown.parameters().scenario_id == "ui-oefening"


def test_people_are_added_and_removed_from_the_keyboard(qtbot: Any,
                                                        dialog: StartRunDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Insert)
    assert dialog.table.rowCount() == 2
    editor = dialog.table.focusWidget() if dialog.table.state() else None
    assert editor is not None  # the new name cell is open for typing
    qtbot.keyClicks(editor, "Bram")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the table commits the edit from its event loop
    qtbot.waitUntil(lambda: dialog.participants()[1:] == (("Bram", None),))

    dialog.table.setCurrentCell(1, 0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert dialog.participants() == (("Anna", "incident-lead"),)


def test_no_start_without_a_title_or_a_name(dialog: StartRunDialog) -> None:
    dialog.title_edit.clear()
    assert not dialog.start_button.isEnabled()
    assert "title" in dialog.problem.text()
    dialog.title_edit.setText("Storing")
    dialog.actor_edit.clear()
    assert not dialog.start_button.isEnabled()
    dialog.actor_edit.setText("Anna")
    assert dialog.start_button.isEnabled()


def test_the_dialog_says_which_municipality_the_messages_speak_for(qtbot: Any, qapp: QApplication,
                                                                   library: Library) -> None:
    from runbook_assistant.core.comms.municipality import user_municipality_path

    theme.apply_theme(qapp, "light")
    user_municipality_path().write_text("name: Gemeente Maasdal\nwebsite: [\n", encoding="utf-8")
    shown = StartRunDialog(library.get("ui-netwerk"), actor="Anna")
    qtbot.addWidget(shown)
    label = shown.findChild(QLabel, "municipality")
    assert label is not None
    lines = label.text().splitlines()
    # The bundled values stand while the user's file is broken, and the problem names its line.
    assert lines[0] == ("Gemeente Voorbeeldstad · information number 14 0XX · "
                        "www.voorbeeldstad.example.nl")
    assert lines[1].startswith("Messages fill these in; change them in ")
    assert lines[2].endswith("municipality.yaml:3: invalid YAML: expected the node content, "
                             "but found '<stream end>'")
    assert shown_colour(label) == theme.LIGHT["danger"]


def _focus(dialog: StartRunDialog) -> Any:
    return dialog.focusWidget()


def test_a_role_is_chosen_by_keyboard_after_the_name(qtbot: Any,
                                                     dialog: StartRunDialog) -> None:
    """Insert, a name, Tab, a letter: the role list takes the letter, the name stays."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Insert)
    qtbot.keyClicks(_focus(dialog), "Bram")
    qtbot.keyClick(_focus(dialog), Qt.Key.Key_Tab)  # from the name on to its role
    qtbot.waitUntil(lambda: dialog.table.currentColumn() == dialog.ROLE)
    qtbot.keyClicks(_focus(dialog), "N")  # Netwerkspecialist
    qtbot.keyClick(_focus(dialog), Qt.Key.Key_Return)
    assert dialog.participants()[1:] == (("Bram", "netwerk"),)  # Enter set it, nothing else
    assert dialog.participants()[0] == ("Anna", "incident-lead")  # no other row changed


def test_typing_on_a_role_cell_never_overwrites_a_name(qtbot: Any,
                                                       dialog: StartRunDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.setFocus()
    dialog.table.setCurrentCell(0, dialog.ROLE)
    qtbot.keyClicks(_focus(dialog), "N")
    qtbot.keyClick(_focus(dialog), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.participants() == (("Anna", "netwerk"),))


def test_ctrl_tab_and_tab_leave_the_people_table(qtbot: Any, dialog: StartRunDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.add_participant("Bram", "netwerk")
    dialog.table.setFocus()
    dialog.table.setCurrentCell(0, dialog.ROLE)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _focus(dialog) is not dialog.table
                    and not dialog.table.isAncestorOf(_focus(dialog)))
    assert dialog.participants() == (("Anna", "incident-lead"), ("Bram", "netwerk"))


def test_the_current_role_cell_shows_it_has_the_focus(qtbot: Any, dialog: StartRunDialog) -> None:
    assert dialog.table.selectionBehavior() == dialog.table.SelectionBehavior.SelectItems
    assert dialog.table.cellWidget(0, dialog.ROLE) is None  # a cell like any other, not a widget


def test_the_moment_of_discovery_is_asked_for_and_recorded(qtbot: Any, dialog: StartRunDialog,
                                                           engine: Any, library: Library) -> None:
    from datetime import datetime, timedelta

    from PySide6.QtTest import QTest

    assert dialog.discovered_edit.text() == "" and dialog.start_button.isEnabled()
    QTest.keyClicks(dialog.discovered_edit, "25:99")
    assert not dialog.start_button.isEnabled()
    assert "moment of discovery" in dialog.problem.text()
    earlier = (datetime.now().astimezone() - timedelta(hours=30)).replace(second=0,
                                                                         microsecond=0)
    dialog.discovered_edit.setText(earlier.strftime("%Y-%m-%d %H:%M"))
    assert dialog.start_button.isEnabled()
    params = dialog.parameters()
    assert params.discovered_at == earlier
    event = engine.start_run(library.get("ui-netwerk"), library.source("ui-netwerk"),
                             **params.engine_kwargs())
    assert engine.state(event.run_id).discovered_at == earlier
