"""Find English left in a Dutch window: every text a widget shows, checked against the English
source texts of the translation file (those whose Dutch differs) and a few core words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "runbook_assistant_nl.ts"
# Words of the core a Dutch window must never show as they are stored.
CORE_WORDS = {"critical", "high", "medium", "low", "overdue", "exercise", "incident lead",
              "in force", "done", "skipped", "up", "down", "degraded", "restored"}
SEPARATORS = re.compile(r"\s*(?:·|\n|\||—|\(|\)|:\s|,\s)\s*")


def _template(source: str) -> re.Pattern[str] | None:
    literal = re.sub(r"\{\w*\}|%n|%\d", "", source)
    if len(re.sub(r"[^A-Za-z]", "", literal)) < 4:
        return None  # a template that is mostly placeholders matches anything
    parts = re.split(r"(\{\w*\}|%n|%\d)", source)
    pattern = "".join(".+" if re.fullmatch(r"\{\w*\}|%n|%\d", p) else re.escape(p) for p in parts)
    return re.compile(pattern)


@cache
def english_texts() -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Exact English sources and templates whose Dutch translation differs."""
    exact: set[str] = set()
    templates: list[re.Pattern[str]] = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [] if translation is None else (
            [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""])
        if not source or source in forms or all(_plain(f) == _plain(source) for f in forms):
            continue
        if re.search(r"\{\w*\}|%n|%\d", source):
            made = _template(_plain(source))
            if made is not None:
                templates.append(made)
        elif len(_plain(source)) > 2:
            exact.add(_plain(source))
    return frozenset(exact), tuple(templates)


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return re.sub(r"\s+", " ", text).strip().rstrip("…").rstrip(":").strip()


def english_in(text: str) -> list[str]:
    """The pieces of ``text`` that are English source texts (or core words)."""
    exact, templates = english_texts()
    found = []
    plain = _plain(text)
    pieces = [plain, *(_plain(p) for p in SEPARATORS.split(text))]
    for piece in dict.fromkeys(p for p in pieces if p):
        if (piece in exact or piece.lower() in CORE_WORDS
                or any(t.fullmatch(piece) for t in templates)):
            found.append(piece)
    return found


def _model_texts(model: QAbstractItemModel | None) -> list[str]:
    if model is None:
        return []
    texts = []
    from PySide6.QtCore import QModelIndex

    def columns(parent: QModelIndex) -> int:
        try:
            return int(model.columnCount(parent))
        except TypeError:  # a list model keeps columnCount private
            return 1

    for column in range(columns(QModelIndex())):
        texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    stack = [model.index(r, 0) for r in range(model.rowCount(QModelIndex()))]
    while stack:
        index = stack.pop()
        for column in range(columns(index.parent())):
            cell = index.siblingAtColumn(column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = cell.data(role)
                if isinstance(value, str):
                    texts.append(value)
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    return texts


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text shown by ``root`` and its children."""
    found: list[tuple[str, str]] = [("window title", root.windowTitle())]
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        texts = [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            texts.append(widget.placeholderText())
            if isinstance(widget, QTextEdit):
                texts.append(widget.toPlainText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            texts.append(widget.title())
            texts += [a.text() for a in widget.actions()]
        if isinstance(widget, QAbstractItemView):
            texts += _model_texts(widget.model())
        found += [(name, t) for t in texts if t]
    return found


def untranslated(root: QWidget) -> list[tuple[str, str, list[str]]]:
    """(where, text, English pieces) for every text of ``root`` with English in it."""
    return [(where, text, hits) for where, text in widget_texts(root)
            if (hits := english_in(text))]
