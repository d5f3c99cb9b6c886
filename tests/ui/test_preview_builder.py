"""The editor's preview built a piece at a time is the very document Qt makes of the whole page
at once, and keys are handled while it is being built."""

from __future__ import annotations

from pathlib import Path
from string import Template
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from runbook_assistant.core.runbook.parser import parse_text
from runbook_assistant.ui import theme
from runbook_assistant.ui.preview_builder import PreviewBuilder, document_from_parts
from runbook_assistant.ui.runbook_html import STYLE, runbook_html, runbook_html_parts

ROOT = Path(__file__).resolve().parent.parent.parent
RUNBOOKS = sorted([*(ROOT / "runbooks").glob("*.md"),
                   *(ROOT / "tests" / "fixtures").rglob("*.md")])


def _parsed(path: Path) -> Any:
    return parse_text(path.read_text(encoding="utf-8", errors="replace"), str(path)).runbook


def _style() -> str:
    return Template(STYLE).safe_substitute(theme.colors())


@pytest.mark.parametrize("path", [p for p in RUNBOOKS if _parsed(p) is not None],
                         ids=lambda p: p.name)
def test_built_in_pieces_it_is_the_whole_page(qtbot: Any, path: Path) -> None:
    runbook = _parsed(path)
    parts = runbook_html_parts(runbook)
    assert "".join(parts) == runbook_html(runbook)
    whole = QTextDocument()
    whole.setDefaultStyleSheet(_style())
    whole.setHtml(runbook_html(runbook))
    assert document_from_parts(parts, _style()).toHtml() == whole.toHtml()


def test_keys_are_handled_while_a_long_preview_is_built(qtbot: Any) -> None:
    steps = "".join(f"- [ ] Step {n} {{#s{n}}}\n  - Details of step {n}, with *emphasis*.\n"
                    for n in range(2000))
    runbook = parse_text(f"# Long\n\n## Section {{#a}}\n\n{steps}", "long.md").runbook
    assert runbook is not None
    builder = PreviewBuilder()
    built: list[QTextDocument] = []
    builder.done.connect(built.append)
    typing = QPlainTextEdit()
    qtbot.addWidget(typing)
    builder.build(runbook_html_parts(runbook), _style())
    QCoreApplication.postEvent(typing, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_X,
                                                 Qt.KeyboardModifier.NoModifier, "x"))
    qtbot.waitUntil(lambda: typing.toPlainText() == "x")
    assert builder.busy and not built  # the key did not wait for the whole preview
    qtbot.waitUntil(lambda: bool(built))
    assert built[0].toPlainText().count("Details of step") == 2000
