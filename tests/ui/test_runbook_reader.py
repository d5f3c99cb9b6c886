"""The read-only reader: the runbook rendered from the model, and nothing in it ever live."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextDocument
from PySide6.QtWidgets import QMessageBox

from runbook_assistant.core.library.catalog import Library
from runbook_assistant.ui.markdown_html import render_markdown
from runbook_assistant.ui.runbook_reader import RunbookReader

# No message box may wait for a click that never comes.
pytestmark = pytest.mark.usefixtures("message_boxes")


@pytest.fixture
def reader(qtbot: Any, library: Library) -> RunbookReader:
    shown = RunbookReader(library.get("ui-netwerk"))
    qtbot.addWidget(shown)
    return shown


@pytest.fixture
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url)))
    return urls


def test_the_reader_shows_sections_steps_roles_and_details(reader: RunbookReader) -> None:
    text = reader.browser.toPlainText()
    for expected in ("Netwerkstoring na wijziging", "Opschalen", "READ-DO", "Terugdraaien",
                     "Stel de coördinator aan", "role: Coördinator ICT-storing",
                     "due 5 min after the start", "timebox 30 min", "four eyes",
                     "Netwerkspecialist", "Publieke Dienstverlening",
                     "Offline: het schema hangt op papier"):
        assert expected in text, expected
    # Decision options lead to their sections.
    assert "Ja → Herstel" in text and "Nee → Failover" in text


def test_raw_html_and_images_in_details_stay_text(reader: RunbookReader) -> None:
    text = reader.browser.toPlainText()
    assert '<script>alert("niet uitvoeren")</script>' in text  # shown, never run
    assert "[image: netwerkschema]" in text
    html = reader.browser.toHtml()
    assert "<img" not in html and "schema.png" not in html


def test_the_browser_loads_no_resource_of_any_kind(reader: RunbookReader) -> None:
    kinds = (QTextDocument.ResourceType.ImageResource,
             QTextDocument.ResourceType.StyleSheetResource)
    for url in ("https://example.org/schema.png", "http://example.org/x.css",
                "file:///etc/passwd", "schema.png"):
        for kind in kinds:
            assert reader.browser.loadResource(int(kind.value), QUrl(url)) is None


def test_an_outside_link_asks_first_and_no_opens_nothing(reader: RunbookReader, message_boxes: Any,
                                                         opened_urls: list[QUrl]) -> None:
    message_boxes.answer = QMessageBox.StandardButton.No
    reader.browser.anchorClicked.emit(QUrl("https://example.org/status"))
    assert len(message_boxes.shown) == 1
    assert "https://example.org/status" in message_boxes.shown[0][1]
    assert opened_urls == []


def test_an_outside_link_confirmed_goes_to_the_system(reader: RunbookReader, message_boxes: Any,
                                                      opened_urls: list[QUrl]) -> None:
    message_boxes.answer = QMessageBox.StandardButton.Yes
    reader.browser.anchorClicked.emit(QUrl("https://example.org/status"))
    assert [u.toString() for u in opened_urls] == ["https://example.org/status"]


def test_the_link_in_the_rendered_text_is_the_one_confirmed(qtbot: Any, reader: RunbookReader,
                                                           message_boxes: Any,
                                                           opened_urls: list[QUrl]) -> None:
    # Find the anchor in the document as rendered and click it like the user would.
    reader.show()
    qtbot.waitExposed(reader)
    browser = reader.browser
    assert browser.find("statuspagina van de leverancier")
    rect = browser.cursorRect(browser.textCursor())
    anchor = browser.anchorAt(rect.center())
    assert anchor == "https://example.org/status"
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(message_boxes.shown) == 1)
    assert opened_urls == []


def test_a_link_to_a_section_scrolls_without_asking(qtbot: Any, reader: RunbookReader,
                                                    message_boxes: Any,
                                                    opened_urls: list[QUrl]) -> None:
    reader.resize(500, 300)
    reader.show()
    qtbot.waitExposed(reader)
    bar = reader.browser.verticalScrollBar()
    assert bar.value() == 0
    reader.browser.anchorClicked.emit(QUrl("#herstel"))
    qtbot.waitUntil(lambda: bar.value() > 0)
    assert message_boxes.shown == [] and opened_urls == []


def test_start_button_asks_for_a_run_of_this_runbook(qtbot: Any, reader: RunbookReader) -> None:
    with qtbot.waitSignal(reader.start_requested) as started:
        reader.start_button.click()
    assert started.args == ["ui-netwerk"]


def test_markdown_helper_escapes_html_and_refuses_script_links() -> None:
    html = render_markdown('<b>x</b> [a](javascript:alert(1)) [b](https://ok.example)')
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert 'href="javascript' not in html
    assert 'href="https://ok.example"' in html
