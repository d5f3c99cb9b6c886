"""The settings dialog: language, colours, text size, your name, extra runbook folders, and
which municipality the messages speak for (read from municipality.yaml)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from runbook_assistant.ui.municipality_label import MunicipalityLabel
from runbook_assistant.ui.settings import FONT_SCALE_MAX, FONT_SCALE_MIN, Settings


class SettingsDialog(QDialog):
    """Edits a copy of the settings; ``apply()`` (on OK) writes them, and the app follows."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        self.language.setObjectName("languageSetting")
        for text, value in ((self.tr("Follow the system"), ""), ("Nederlands", "nl"),
                            ("English", "en")):
            self.language.addItem(text, value)
        self.theme = QComboBox(self)
        self.theme.setObjectName("themeSetting")
        for text, value in ((self.tr("Follow the system"), "system"), (self.tr("Light"), "light"),
                            (self.tr("Dark"), "dark")):
            self.theme.addItem(text, value)
        self.scale = QSpinBox(self)
        self.scale.setObjectName("textSizeSetting")
        self.scale.setRange(int(FONT_SCALE_MIN * 100), int(FONT_SCALE_MAX * 100))
        self.scale.setSingleStep(10)
        self.scale.setSuffix(" %")
        self.actor = QLineEdit(settings.actor, self)
        self.actor.setObjectName("actorSetting")
        self.actor.setPlaceholderText(self.tr("Your name or initials"))
        self.hub_url = QLineEdit(settings.hub_url, self)
        self.hub_url.setObjectName("hubUrlSetting")
        self.hub_url.setPlaceholderText(self.tr("https://hub.example.nl (empty: no team hub)"))
        self.folders = QListWidget(self)
        self.folders.setObjectName("foldersSetting")
        self.folders.addItems([str(f) for f in settings.extra_folders])
        add = QPushButton(self.tr("&Add folder…"), self)
        add.clicked.connect(self._add_folder)
        remove = QPushButton(self.tr("Re&move folder"), self)
        remove.clicked.connect(self._remove_folder)

        self.language.setCurrentIndex(max(self.language.findData(settings.language), 0))
        self.theme.setCurrentIndex(max(self.theme.findData(settings.theme), 0))
        self.scale.setValue(round(settings.font_scale * 100))

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Colours:"), self.theme)
        form.addRow(self.tr("&Text size:"), self.scale)
        form.addRow(self.tr("&Your name:"), self.actor)
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(add)
        folder_buttons.addWidget(remove)
        folder_buttons.addStretch(1)
        folder_box = QVBoxLayout()
        folder_box.addWidget(self.folders)
        folder_box.addLayout(folder_buttons)
        # A row of a layout gets a plain label: give it its buddy, or the "&" stands on screen.
        folders_label = QLabel(self.tr("Extra runbook &folders:"), self)
        folders_label.setBuddy(self.folders)
        form.addRow(folders_label, folder_box)
        form.addRow(self.tr("Team &hub:"), self.hub_url)
        self.municipality = MunicipalityLabel(parent=self)
        form.addRow(self.tr("Municipality:"), self.municipality)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Add a folder of runbooks"))
        if folder and not self.folders.findItems(folder, Qt.MatchFlag.MatchExactly):
            self.folders.addItem(folder)

    def _remove_folder(self) -> None:
        row = self.folders.currentRow()
        if row >= 0:
            self.folders.takeItem(row)

    def apply(self) -> None:
        """Write every field to the settings (each change notifies the app once)."""
        self.settings.actor = self.actor.text()
        self.settings.hub_url = self.hub_url.text()
        self.settings.font_scale = self.scale.value() / 100
        self.settings.theme = str(self.theme.currentData())
        self.settings.extra_folders = [Path(self.folders.item(i).text())
                                       for i in range(self.folders.count())]
        self.settings.language = str(self.language.currentData())

    def accept(self) -> None:
        self.apply()
        super().accept()
