"""One line that says which municipality the messages speak for, and where to change it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from runbook_assistant.core.comms.municipality import (
    Municipality,
    load_municipality,
    user_municipality_path,
)
from runbook_assistant.ui import theme
from runbook_assistant.ui.i18n import ui_lang


class MunicipalityLabel(QLabel):
    """The municipality's name, information number and website, the file to edit, and any
    problem in that file (``file:line: ...``)."""

    def __init__(self, municipality: Municipality | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("municipality")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.municipality = municipality if municipality is not None else load_municipality()
        self._retranslate()

    def _retranslate(self) -> None:
        m = self.municipality
        parts = [m.name or self.tr("(no name set)")]
        if m.information_number:
            parts.append(self.tr("information number {number}").format(
                number=m.information_number))
        if m.website:
            parts.append(m.website)
        try:
            where = str(user_municipality_path())
        except OSError:
            where = "municipality.yaml"
        lines = [" · ".join(parts),
                 self.tr("Messages fill these in; change them in {file}").format(file=where)]
        lines += [p.text(ui_lang()) for p in m.problems]
        self.setProperty("tone", "danger" if m.problems else "")
        theme.restyle(self)
        self.setText("\n".join(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
