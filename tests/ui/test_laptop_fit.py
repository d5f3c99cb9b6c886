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


def _text_fits(combo: Any) -> bool:
    """The combo box's current text is drawn whole (not "All severiti…")."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width()


def _filters_at(qtbot: Any, qapp: Any, make_window: Any, scale: float) -> tuple[Any, ...]:
    """The library's three filters in a 1366×768 window with the app's own look and font at
    text size ``scale``, as a user starts it."""
    from runbook_assistant.ui import theme

    theme.apply_theme(qapp, "light")
    theme.apply_font_scale(qapp, scale)
    window = make_window()
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    library = window.library_view
    combos = (library.tag_filter, library.severity_filter, library.lang_filter)
    qtbot.waitUntil(lambda: all(c.width() > 0 and c.count() > 1 for c in combos))
    return combos


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_library_filters_read_whole(qtbot: Any, qapp: Any, make_window: Any,
                                        translations: Any, lang: str) -> None:
    translations.use(lang)
    for combo in _filters_at(qtbot, qapp, make_window, 1.0):
        assert _text_fits(combo), (combo.objectName(), combo.currentText(), combo.width())


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_at_text_x1_5_the_filters_flow_onto_more_rows_whole(
        qtbot: Any, qapp: Any, make_window: Any, translations: Any, lang: str) -> None:
    translations.use(lang)
    combos = _filters_at(qtbot, qapp, make_window, 1.5)
    assert all(_text_fits(c) for c in combos), [(c.currentText(), c.width()) for c in combos]
    assert len({c.y() for c in combos}) >= 2  # on more rows, none of them cut


def test_at_text_x1_5_step_titles_keep_room_beside_or_above_their_countdown(
        qtbot: Any, qapp: Any, window: Any, start_run: Any) -> None:
    """A narrow checklist (library pane shown, large text) wraps a title a few words a line:
    the countdown pill moves below the title instead of squeezing it to a word a line."""
    from runbook_assistant.ui import theme
    from runbook_assistant.ui.step_list import RowInfoRole

    theme.apply_theme(qapp, "light")
    theme.apply_font_scale(qapp, 1.5)
    run_id = start_run()
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    view = window.open_run(run_id)
    tree = view.list
    qtbot.waitUntil(lambda: tree.viewport().width() > 0)
    delegate = tree.itemDelegate()
    room = 18 * tree.fontMetrics().averageCharWidth()
    rows = []
    index = tree.model().index(0, 0)
    while index.isValid():
        info = index.data(RowInfoRole)
        if info is not None and info.countdown:
            lay = delegate.layout(info, tree.font(), tree.visualRect(index).width())
            rows.append((info.title, lay.title.width(), lay.pill.top() > lay.title.top()))
        index = tree.indexBelow(index)
    assert rows, "no step with a countdown"
    assert all(width >= room for _title, width, _below in rows), rows
    assert tree.viewport().width() < 40 * tree.fontMetrics().averageCharWidth()  # narrow indeed
    assert any(below for *_rest, below in rows)


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_no_word_of_a_service_name_is_cut_off(qtbot: Any, qapp: Any, engine: Any,
                                              tmp_path: Any, scale: float) -> None:
    """A word does not wrap inside a cell: the services board keeps its name column at least as
    wide as the longest word ("(informatienummer)"), hiding a less needed column first."""
    from PySide6.QtGui import QFont, QFontMetrics

    from runbook_assistant.core import paths
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.ui import theme
    from runbook_assistant.ui.services_view import ServicesView

    bundled = Library([paths.bundled_runbooks_dir()], tmp_path / "bundled.sqlite3")
    runbook = bundled.get("netwerkstoring-wijziging")
    run_id = engine.start_run(runbook, bundled.source(runbook.id), title="Storing",
                              actor="Anna", participants=[("Anna", "incident-lead")]).run_id
    bundled.close()
    theme.apply_theme(qapp, "light")
    theme.apply_font_scale(qapp, scale)
    view = ServicesView(engine, run_id)
    qtbot.addWidget(view)
    view.resize(460, 600)  # the side panel of a 1280-wide window (1920×1080 at 150 %)
    view.show()
    qtbot.waitExposed(view)
    bold = QFont(view.table.font())
    bold.setBold(True)
    metrics = QFontMetrics(bold)
    longest = max(metrics.horizontalAdvance(word) for row in view.model.rows
                  for word in row.service.split())
    assert "(informatienummer)" in {w for r in view.model.rows for w in r.service.split()}
    header = view.table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) >= longest)
