"""A small laptop's screen (1366×768 at 100 %; 1920×1080 at 150 % gives the same room): side tabs
whole, the services' status and the contacts' numbers visible, the library pane out of the way."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def laptop(qtbot: Any, window: Any, start_run: Any, engine: Any) -> Any:
    run_id = start_run()
    engine.service(run_id, "Publieke Dienstverlening", "down", actor="Anna")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window.open_run(run_id)


def _visible(table: Any, column: int) -> bool:
    header = table.horizontalHeader()
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    return not header.isSectionHidden(column) and right <= table.viewport().width()


def test_side_tabs_show_whole_words(qtbot: Any, laptop: Any) -> None:
    bar = laptop.side.tabBar()
    qtbot.waitUntil(lambda: bar.width() > 0)
    for index in range(bar.count()):
        text = bar.tabText(index)
        assert bar.tabRect(index).width() >= bar.fontMetrics().horizontalAdvance(text), text


def test_the_status_of_every_service_is_visible(qtbot: Any, laptop: Any) -> None:
    services = laptop.side.comms["services"]
    laptop.side.setCurrentWidget(services)
    table = services.table
    qtbot.waitUntil(lambda: table.viewport().width() > 0 and services.model.rowCount() > 0)
    status = services.model.COLUMNS.index("status")
    qtbot.waitUntil(lambda: _visible(table, status) and _visible(table, 0))
    name_room = table.horizontalHeader().sectionSize(0)
    assert name_room >= table.fontMetrics().averageCharWidth() * 14


def test_the_contacts_numbers_are_visible(qtbot: Any, laptop: Any) -> None:
    contacts = laptop.side.comms["contacts"]
    laptop.side.setCurrentWidget(contacts)
    table = contacts.table
    phone = contacts.model.COLUMNS.index("phone")
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    qtbot.waitUntil(lambda: _visible(table, phone))
