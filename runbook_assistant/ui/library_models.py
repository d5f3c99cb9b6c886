"""Item models for the left panel: library rows and open runs. They only adapt core rows."""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from runbook_assistant.ui import theme
from runbook_assistant.ui.authoring_actions import approval_label
from runbook_assistant.ui.i18n import severity_text

translate = QCoreApplication.translate
IdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
ModeRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
_BADGES = {"approved": "✓ ", "review-due": "⚠ ", "not-approved": "○ "}


def _approval_state(item: Any) -> str:
    """The approval state of a library row's file (the approval file beside it)."""
    path, sha256 = getattr(item, "path", ""), getattr(item, "sha256", "")
    if not path or not sha256:
        return ""
    from runbook_assistant.core.authoring.approval import approval_status

    return approval_status(path, sha256, getattr(item, "review_by", "")).state.value


class LibraryRow(NamedTuple):
    """One runbook or scenario as the library list shows it."""

    id: str
    title: str
    kind: str = "runbook"
    lang: str = ""
    severity: str = ""
    summary: str = ""
    snippet: str = ""  # search match with the words in [brackets]
    approval: str = ""  # approved | not-approved | review-due ('' for scenarios)

    @classmethod
    def of(cls, item: Any, snippet: str = "") -> LibraryRow:
        """From a Runbook or a SearchHit (fields it lacks stay empty)."""
        kind = getattr(item, "kind", "runbook")
        return cls(id=item.id, title=item.title, kind=kind,
                   lang=getattr(item, "lang", ""), severity=getattr(item, "severity", ""),
                   summary=getattr(item, "summary", ""),
                   snippet=snippet or getattr(item, "snippet", ""),
                   approval=_approval_state(item) if kind == "runbook" else "")


class RunbookListModel(QAbstractListModel):
    """The library list: the title, then id, kind, severity and language (or the match)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[LibraryRow] = []

    def set_rows(self, rows: list[LibraryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[LibraryRow]:
        return list(self._rows)

    def row_of(self, runbook_id: str) -> int:
        """The row showing this id, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == runbook_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.title}\n{self._second_line(row)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.summary or row.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title}, {self._second_line(row)}"
        if role == IdRole:
            return row.id
        if role == KindRole:
            return row.kind
        return None

    @staticmethod
    def _second_line(row: LibraryRow) -> str:
        scenario = translate("RunbookListModel", "exercise scenario")
        if row.snippet:  # a scenario stays recognisable among search results
            return f"{scenario} · {row.snippet}" if row.kind == "exercise" else row.snippet
        parts = [_BADGES.get(row.approval, "") + approval_label(row.approval)] if (
            row.approval) else []
        parts.append(row.id)
        if row.kind == "exercise":
            parts.append(scenario)
        if row.severity:
            parts.append(severity_text(row.severity))
        if row.lang:
            parts.append(row.lang)
        return " · ".join(parts)


class RunListModel(QAbstractListModel):
    """The open runs: title, progress and where the run is; exercises marked, overdue in red."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._runs: list[Any] = []

    def set_runs(self, runs: list[Any]) -> None:
        self.beginResetModel()
        self._runs = list(runs)
        self.endResetModel()

    def run_ids(self) -> list[str]:
        return [r.run_id for r in self._runs]

    def row_of(self, run_id: str) -> int:
        return next((i for i, r in enumerate(self._runs) if r.run_id == run_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._runs)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._runs):
            return None
        run = self._runs[index.row()]
        exercise = getattr(run, "mode", "incident") == "exercise"
        overdue = bool(getattr(run, "overdue", False))
        if role == Qt.ItemDataRole.DisplayRole:
            prefix = translate("RunListModel", "EXERCISE") + " · " if exercise else ""
            progress = translate("RunListModel", "{done} of {total} done").format(
                done=getattr(run, "done", 0), total=getattr(run, "total", 0))
            current = getattr(run, "current_step_title", "") or ""
            second = f"{progress} · {current}" if current else progress
            if overdue:
                second = translate("RunListModel", "OVERDUE") + " · " + second
            return f"{prefix}{run.title}\n{second}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("RunListModel", "Started {at} · run {id}").format(
                at=getattr(run, "started_at", ""), id=run.run_id)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(QColor(theme.colors()["danger"]))
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == IdRole:
            return run.run_id
        if role == ModeRole:
            return getattr(run, "mode", "incident")
        return None
